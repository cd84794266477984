import DialogMatching
import DialogEngine
import DialogModel
import Testing

/// The summary is the last thing a session shows: it repeats the region's numbers for
/// someone in danger, whatever happened before.
@Suite struct SummaryEmergencyTests {
    /// The session fixture with a third region, in a file of its own, whose emergency
    /// number is the US one.
    static let threeRegions =
        sessionFixture + [
            (
                "canada.yaml",
                Array(
                    """
                    regions:
                      CA: {name: Canada}
                    resources:
                      ca-911: {name: Emergency, region: CA, role: emergency, phone: "911"}
                      ca-988: {name: 9-8-8, region: CA, role: crisis-line, phone: 9-8-8}
                    """.utf8)
            )
        ]

    @Test(arguments: [("US", "911", "999"), ("UK", "999", "911"), ("CA", "911", "999")])
    func theSummaryAfterACrisisGivesTheRegionsNumbers(region: String, number: String, wrong: String) throws {
        var s = try Session(compiledBundle(Self.threeRegions), region: region)
        _ = s.open()
        let crisis = s.respond(to: "my friend took too many pills and won't wake up")
        #expect(crisis.crisis?.kind == .overdoseOther)
        let end = s.end()
        let note = try #require(end.say.first { $0.hasPrefix("If you or someone else is in danger") })
        #expect(note.contains(number))
        #expect(!note.contains(wrong))
        #expect(end.say.last == Summary.disclaimer)
        #expect(end.summary?.emergency.isEmpty == false)
    }

    @Test func aQuietSessionEndsWithTheNumbersToo() throws {
        var s = try makeSession(region: "UK")
        _ = s.open()
        let turn = s.respond(to: "quit")
        #expect(turn.summary?.emergency.map(\.contact) == ["Emergency (999)", "Samaritans (116 123)"])
        #expect(
            turn.say.suffix(2) == [
                "If you or someone else is in danger, help is available now: Emergency (999); Samaritans (116 123).",
                Summary.disclaimer,
            ])
    }
}

/// A crisis told at the end of a long message is seen: crisis intents read more of a line
/// than the rest of the turn.
@Suite struct LongLineCrisisTests {
    @Test(arguments: [Session.maxInputLength + 10, Session.maxCrisisInputLength - 40])
    func aCrisisAfterTheFirstCharactersOfALongLineTakesOver(at offset: Int) throws {
        var s = try makeSession()
        _ = s.open()
        let filler = String(repeating: "word ", count: offset / 5)
        let turn = s.respond(to: filler + "I want to kill myself")
        #expect(turn.crisis?.kind == .suicide)
        #expect(turn.crisis?.level == .takeover)
    }
}
