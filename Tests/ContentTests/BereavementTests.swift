import DialogEngine
import DialogModel
import TestSupport
import Testing

/// Someone grieving a death from an overdose gets the numbers and the grief answer, never
/// the overdose script ("give naloxone now") meant for an overdose happening now. An
/// overdose happening now to the same people still takes over.
@Suite("Bereavement is not an overdose now")
struct BereavementTests {
    static let grieving = [
        "my nephew passed away from an overdose two years ago and i still cant sleep, is there a group for that",
        "we lost her brother to fentanyl in march, who helps families after that",
        "my bff overdosed and died last summer, how do i cope",
        "his cousin od'd and died at new year, where do people go to talk about it",
        // A death told anywhere in the line ends the overdose it tells of.
        "my husband overdosed and passed away in the spring, the kids keep asking about him",
        "grieving my son who died from an od, nothing helps",
        "mi tía murió de una sobredosis y no sé cómo seguir",
    ]

    @Test(arguments: grieving)
    func griefGetsTheNumbersAndTheGriefAnswer(_ line: String) throws {
        var session = try Session(try #require(shippedCompiled))
        _ = session.open()
        let turn = session.respond(to: line)
        #expect(turn.crisis?.level == .resources)
        #expect(!turn.flags.contains(.crisis))
        #expect(turn.matched?.by == .intent && turn.matched?.id == "ask_grief")
    }

    @Test(arguments: [
        "my bff overdosed and she isnt breathing",
        "his brother took too many pills and wont wake up",
        "we just found her cousin blue on the floor after he used",
        // Unsure whether a death happened, or dying now: still the overdose script.
        "my uncle overdosed and i think he died, he is cold",
        "she overdosed and she's dying, please",
    ])
    func anOverdoseNowStillTakesOver(_ line: String) throws {
        var session = try Session(try #require(shippedCompiled))
        _ = session.open()
        let turn = session.respond(to: line)
        #expect(turn.crisis?.level == .takeover)
        #expect(turn.crisis?.kind == .overdoseOther)
    }
}
