import DialogMatching
import DialogEngine
import DialogModel
import Testing

/// Lines that the session fuzzer (Tests/Fuzz/, README "Reliability") found to crash a session,
/// minimised, each with what it must give now; the lines as found on the shipped dialogs
/// are replayed in ContentTests.
struct FuzzRegressionTests {
    /// A whole number too large for an Int, typed at a scale item, trapped converting it
    /// (found on the shipped dialogs as `agitat`, `1`, `2`, `1`, `99999991999999999991`).
    /// It is out of range like any other: the item is asked again.
    @Test(
        "a huge number at a scale item is out of range",
        arguments: [
            "99999991999999999991", "99999999999999999999", "-99999999999999999999", "1e300", "about 99999999999999999999",
        ])
    func hugeNumberAtAScaleItem(_ line: String) throws {
        var s = try makeSession()
        _ = s.open()
        #expect(s.respond(to: "rate").state == .awaitingNumber)
        let turn = s.respond(to: line)
        #expect(turn.flags == [.reask])
        #expect(turn.ask == "1 of 2: I feel anxious")
        #expect(turn.say.last?.hasSuffix("is not on this scale: please answer from 0 to 4.") == true)
        #expect(s.respond(to: "3").ask == "2 of 2: I feel like yawning")
    }
}
