@testable import DialogEngine
import DialogMatching
import DialogModel
import Testing

@Suite struct LeavingTests {
    @Test(arguments: [
        "I want to quit", "i wanna leave", "I'm done", "im done thanks", "stop", "Stop.", "ok that's all, thank you",
        "no more questions", "gotta go", "how do I leave", "end this chat please", "Me voy", "ya terminé",
        "I am finished for today",
    ])
    func aLineThatOnlySaysLeavingIsLeaving(line: String) {
        #expect(LeavingWords.isLeaving(line))
    }

    @Test(arguments: [
        "i want to quit heroin", "stop using", "I'm done with opioids", "how do i quit opioids", "i want to end it",
        "no more pain", "I want to stop taking baclofen", "quit smoking", "it's over", "let me go",
        "stop the withdrawal", "I can't stop shaking",
    ])
    func wordsThatCarryOnAreNotLeaving(line: String) {
        #expect(!LeavingWords.isLeaving(line))
    }

    @Test func leavingAsksFirstNamingTheCrisisLineAndYesEnds() throws {
        var session = try openedSession(sessionFixture)
        let asked = session.respond(to: "I want to quit")
        #expect(asked.ask == "Do you want to end our conversation now?")
        #expect(asked.expects == .yesNo)
        #expect(asked.state == .awaitingText)
        #expect(asked.say.contains { $0.contains("988") })
        #expect(asked.has(.clarify))
        let ended = session.respond(to: "yes")
        #expect(ended.state == .ended)
        #expect(ended.summary != nil)
    }

    @Test(arguments: ["no", "2", "nope"])
    func noGoesOnWhereThePersonWas(answer: String) throws {
        var session = try makeSession()
        let opening = session.open()
        _ = session.respond(to: "I'm done")
        let on = session.respond(to: answer)
        #expect(on.say == ["OK, let's go on."])
        #expect(on.node == opening.node)
        #expect(on.choices == opening.choices)
    }

    @Test func anyOtherLineIsReadAsUsualAndTheQuestionCloses() throws {
        var session = try openedSession(sessionFixture)
        _ = session.respond(to: "stop")
        let picked = session.respond(to: "3")
        #expect(picked.node.description == "intake.rate")
        #expect(session.respond(to: "yes").state != .ended)
    }

    @Test func aCrisisIsNeverReadAsLeaving() throws {
        var session = try openedSession(sessionFixture)
        let turn = session.respond(to: "i want to end it all")
        #expect(turn.has(.crisis))
        #expect(turn.ask != "Do you want to end our conversation now?")
    }

    @Test func aPendingQuestionWhetherToLeaveIsSavedAndResumed() throws {
        let compiled = try compiledBundle()
        var session = try Session(compiled)
        _ = session.open()
        _ = session.respond(to: "I want to quit")
        let json = session.savedState.jsonLine
        #expect(json.contains("\"leaving\":true"))
        var resumed = try Session(compiled, resuming: SessionState(json: Array(json.utf8)))
        #expect(resumed.resume().ask == "Do you want to end our conversation now?")
        #expect(resumed.respond(to: "yes").state == .ended)
    }

    @Test(arguments: ["exit", "bye", "Goodbye", ":good bye"])
    func farewellsAreQuit(line: String) {
        #expect(Session.command(in: line) == .quit)
    }

    @Test func aMisspeltStartNodeSuggestsTheOneMeant() throws {
        let compiled = try compiledBundle()
        #expect(throws: SessionError.unknownNode("intake.welcom", suggestion: "intake.welcome")) {
            try Session(compiled, start: NodeID("intake.welcom", in: "intake"))
        }
        #expect(throws: SessionError.unknownNode("intake.zzzzzzzz", suggestion: nil)) {
            try Session(compiled, start: NodeID("intake.zzzzzzzz", in: "intake"))
        }
    }
}
