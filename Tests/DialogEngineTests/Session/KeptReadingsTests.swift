@testable import DialogEngine
import DialogModel
import TestSupport
import Testing

/// A compiled bundle that keeps the readings of lines (`intake eval`, which types each
/// line at every place) answers exactly as one that reads every line afresh.
@Suite struct KeptReadingsTests {
    /// Crisis lines, questions, look-alikes, answers and symptoms; some twice, so that the
    /// second typing is answered from what was kept.
    static let lines = [
        "i want to die", "does baclofen help with withdrawal?", "I took too many days off work",
        "yep", "a bit", "my son took his whole bottle and wont wake up", "what is methadone",
        "i want to die", "does baclofen help with withdrawal?", "im shaking and throwing up",
        "my bf has a baclofen pump", "its alarming and hes burning up", "no", "3",
    ]

    @Test func aBundleKeepsNothingUnlessARunOverLabelledLinesAsks() throws {
        let bundle = try #require(shippedBundle)
        #expect(CompiledBundle(bundle).recognizer.readings == nil)
        #expect(CompiledBundle(bundle, keepingReadings: true).recognizer.readings != nil)
    }

    @Test func keptReadingsGiveTheTurnsAFreshReadingGives() throws {
        let bundle = try #require(shippedBundle)
        let fresh = CompiledBundle(bundle)
        let keeping = CompiledBundle(bundle, keepingReadings: true)
        let places = bundle.nodeOrder.filter { bundle.nodes[$0]?.waitsForInput == true }.prefix(12)
        #expect(places.count == 12)
        var turns = 0
        // Every place twice over: the second round is read from what the first kept.
        for _ in 0..<2 {
            for place in places {
                var a = try Session(fresh, start: place)
                var b = try Session(keeping, start: place)
                #expect(a.open() == b.open())
                for line in Self.lines {
                    let expected = a.respond(to: line)
                    let got = b.respond(to: line)
                    #expect(got == expected, "\(place): \(line)")
                    turns += 1
                    if expected.state == .ended { break }
                }
            }
        }
        #expect(turns >= 2 * places.count * 3)
    }
}
