import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax
import Testing

/// A small intake bundle that exercises every kind of node.
let sessionFixture: [(path: String, bytes: [UInt8])] = [
    (
        "intake.yaml",
        Array(
            """
            dialog: test
            title: Test bundle
            start: welcome
            intents:
              overdose_other: {crisis: overdose-other, match: ["took too many", "won't wake up", "not breathing"], goto: crisis.other}
              overdose_self: {crisis: overdose-self, match: ["i overdosed"], goto: crisis.self}
              suicide: {crisis: suicide, match: ["want to die", "kill myself", "end it all", suicidal], unless: ["not suicidal"], goto: crisis.suicide}
              seizure: {crisis: seizure, match: [seizure], goto: crisis.seizure}
              medical: {crisis: medical-emergency, match: ["chest pain"], goto: crisis.medical}
              pump: {crisis: pump-alarm, match: ["pump alarm"], goto: crisis.pump}
              ask_baclofen: {match: [baclofen], goto: facts, return: true}
            nodes:
              welcome:
                say: Hello. In an emergency call {emergency}.
                ask: What would you like?
                choices:
                  - label: Facts
                    match: [facts, information]
                    goto: facts
                  - label: Check symptoms
                    match: [symptoms, check]
                    goto: feeling
                  - label: Rate withdrawal
                    match: [rate, score]
                    goto: rate
                  - label: Finish
                    goto: done
              facts:
                say: Baclofen is a muscle relaxant.
                next: welcome
              feeling:
                ask: How many hours since your last use?
                expect: number 0...200
                save: hours
                routes:
                  - if: hours < 12
                    goto: early
                  - else: later
              early:
                say: It is early ({hours} hours).
                ask: Are you pregnant?
                expect: yes-no
                save: pregnant
                routes:
                  - if: pregnant
                    goto: pregnancy
                  - else: welcome
              later:
                say: Later stage.
                next: welcome
              pregnancy:
                say: Please talk to a clinician soon.
                flag: talk-to-clinician
                next: welcome
              rate:
                scale: sows
                next: rated
              rated:
                say: Your total is {scores.sows} out of 8.
                next: welcome
              done:
                end: true
            scales:
              sows:
                title: Test scale
                range: 0...4
                labels: {0: not at all, 4: extremely}
                items: [I feel anxious, I feel like yawning]
            regions:
              US: {name: United States}
              UK: {name: United Kingdom, aliases: [GB]}
            resources:
              us-911: {name: Emergency, region: US, role: emergency, phone: "911"}
              us-988: {name: 988 Lifeline, region: US, role: crisis-line, phone: "988"}
              uk-999: {name: Emergency, region: UK, role: emergency, phone: "999"}
              uk-sam: {name: Samaritans, region: UK, role: crisis-line, phone: 116 123}
            """.utf8)
    ),
    (
        "crisis.yaml",
        Array(
            """
            nodes:
              other: {say: "Call {emergency} now.", choices: [{label: Back to the menu, goto: intake.welcome}]}
              self: {say: "Call {emergency} now.", choices: [{label: Back to the menu, goto: intake.welcome}]}
              suicide: {say: "Help is available: {crisis-line}.", choices: [{label: Back to the menu, goto: intake.welcome}]}
              seizure: {say: "Call {emergency}.", choices: [{label: Back to the menu, goto: intake.welcome}]}
              medical: {say: "Call {emergency}.", choices: [{label: Back to the menu, goto: intake.welcome}]}
              pump: {say: "Call your pump clinic today; {emergency} with fever.", choices: [{label: Back to the menu, goto: intake.welcome}]}
            """.utf8)
    ),
]

func makeSession(region: String = "US") throws -> Session {
    try Session(compiledBundle(), region: region)
}

@Test func openingTurnSaysTheWelcomeWithTheRegionsNumber() throws {
    var us = try makeSession()
    let turn = us.open()
    #expect(turn.number == 0)
    #expect(turn.input == nil)
    #expect(turn.node.description == "intake.welcome")
    #expect(turn.state == .awaitingChoice)
    #expect(turn.say == ["Hello. In an emergency call Emergency (911)."])
    #expect(turn.choiceLabels == ["Facts", "Check symptoms", "Rate withdrawal", "Finish"])
    var uk = try makeSession(region: "gb")
    #expect(uk.open().say == ["Hello. In an emergency call Emergency (999)."])
}

@Test func anUnknownRegionIsRefused() throws {
    let bundle = try #require(BundleLoader.load(files: sessionFixture).bundle)
    #expect(throws: SessionError.unknownRegion("FR", known: ["US", "UK"])) { try Session(bundle: bundle, region: "FR") }
}

@Test(arguments: ["2", "check symptoms", "Check Symptoms", "I want to check"])
func aChoiceIsPickedByNumberLabelOrPhrase(line: String) throws {
    var s = try makeSession()
    _ = s.open()
    let turn = s.respond(to: line)
    #expect(turn.node.description == "intake.feeling")
    #expect(turn.state == .awaitingNumber)
    #expect(turn.matched?.by == .choice)
    #expect(turn.matched?.id == "intake.feeling")
}

@Test func aNumberAnswerFollowsItsRoutesAndAYesNoAnswerSavesABool() throws {
    var s = try makeSession()
    _ = s.open()
    _ = s.respond(to: "2")
    let outOfRange = s.respond(to: "500")
    #expect(outOfRange.flags == [.reask])
    #expect(outOfRange.node.description == "intake.feeling")
    let early = s.respond(to: "6")
    #expect(early.node.description == "intake.early")
    #expect(early.say == ["It is early (6 hours)."])
    #expect(early.choiceLabels == ["Yes", "No"])
    let pregnant = s.respond(to: "yes")
    // Entering the menu again says its texts again.
    #expect(pregnant.say == ["Please talk to a clinician soon.", "Hello. In an emergency call Emergency (911)."])
    #expect(pregnant.node.description == "intake.welcome")
    #expect(s.summary().redFlags.map(\.id) == ["talk-to-clinician"])
}

@Test func aScaleIsAskedItemByItemAndTotalled() throws {
    var s = try makeSession()
    _ = s.open()
    let first = s.respond(to: "rate")
    #expect(first.state == .awaitingNumber)
    #expect(first.ask == "1 of 2: I feel anxious")
    #expect(first.choiceLabels == ["0 not at all", "1", "2", "3", "4 extremely"])
    let bad = s.respond(to: "7")
    #expect(bad.flags == [.reask])
    #expect(bad.ask == "1 of 2: I feel anxious")
    _ = s.respond(to: "3")
    let done = s.respond(to: "4")
    #expect(done.say.first == "Your total is 7 out of 8.")
    #expect(done.scores.map(\.total) == [7])
}

@Test func aTopicIntentWithReturnAnswersAndAsksAgainWhereThePersonWas() throws {
    var s = try makeSession()
    _ = s.open()
    _ = s.respond(to: "2")
    let turn = s.respond(to: "what is baclofen?")
    #expect(turn.matched?.by == .intent)
    #expect(turn.say == ["Baclofen is a muscle relaxant."])
    #expect(turn.node.description == "intake.feeling")
    #expect(turn.ask == "How many hours since your last use?")
}

@Test func nothingMatchedReasksWithTheChoices() throws {
    var s = try makeSession()
    _ = s.open()
    let turn = s.respond(to: "purple elephants")
    #expect(turn.flags == [.reask])
    #expect(turn.choiceLabels == ["Facts", "Check symptoms", "Rate withdrawal", "Finish"])
    #expect(turn.matched == nil)
    // The way out is said, in plain words (no Markdown reaches a person).
    #expect(turn.say.contains { $0.contains("Type quit to leave.") })
    #expect(!turn.say.joined().contains("`"))
}

@Test(arguments: ["", "   ", "?!", "\u{0}\u{7}"])
func aLineWithoutWordsPicksNothingAndAsksAgain(line: String) throws {
    var s = try makeSession()
    _ = s.open()
    let turn = s.respond(to: line)
    #expect(turn.flags == [.reask])
    #expect(turn.node.description == "intake.welcome")
    #expect(turn.choiceLabels == ["Facts", "Check symptoms", "Rate withdrawal", "Finish"])
    #expect(turn.matched == nil)
    // At a scale item too.
    _ = s.respond(to: "rate")
    #expect(s.respond(to: line).ask == "1 of 2: I feel anxious")
}

@Test(arguments: ["quit", ":quit", "  QUIT ", "exit", "Exit"])
func quitEndsWithTheSummary(line: String) throws {
    var s = try makeSession()
    _ = s.open()
    let turn = s.respond(to: line)
    #expect(turn.state == .ended)
    #expect(turn.matched?.by == .command)
    #expect(turn.summary?.turns == 1)
    #expect(turn.say.last == "This summary is automated information, not a diagnosis.")
}

@Test func commandsCountOnlyAsTheWholeLine() throws {
    var s = try makeSession()
    _ = s.open()
    let turn = s.respond(to: "I want to quit")
    #expect(turn.state != .ended)
}

@Test func backAndRestartReturnToEarlierQuestions() throws {
    var s = try makeSession()
    _ = s.open()
    _ = s.respond(to: "2")
    let back = s.respond(to: "back")
    #expect(back.node.description == "intake.welcome")
    _ = s.respond(to: "2")
    _ = s.respond(to: "6")
    let restart = s.respond(to: "restart")
    #expect(restart.node.description == "intake.welcome")
    #expect(restart.say == ["Hello. In an emergency call Emergency (911)."])
}

@Test func reachingAnEndNodeEndsTheSession() throws {
    var s = try makeSession()
    _ = s.open()
    let turn = s.respond(to: "finish")
    #expect(turn.state == .ended)
    #expect(turn.summary != nil)
    let after = s.respond(to: "hello")
    #expect(after.state == .ended)
}

@Test func theTurnIsWrittenAsOneJSONObject() throws {
    var s = try makeSession()
    let opening = s.open().jsonLine()
    #expect(
        opening
            == #"{"protocol":2,"turn":0,"node":"intake.welcome","state":"awaiting-choice","say":["Hello. In an emergency call Emergency (911)."],"ask":"What would you like?","choices":[{"id":"intake.facts","label":"Facts"},{"id":"intake.feeling","label":"Check symptoms"},{"id":"intake.rate","label":"Rate withdrawal"},{"id":"intake.done","label":"Finish"}],"expects":{"kind":"choice"},"flags":[],"crisis":null,"matched":null,"trace":[{"step":"entered","node":"intake.welcome"}],"symptoms":{"reported":[],"denied":[]},"scores":{},"resources":[]}"#
    )
}

@Test(arguments: [
    ("my friend took too many pills", "overdose-other", "crisis.other"),
    ("I want to die", "suicide", "crisis.suicide"),
    ("I'm not suicidal but I want to die", "suicide", "crisis.suicide"),
    ("he is having a seizure", "seizure", "crisis.seizure"),
])
func aCrisisTakesOverFromEveryNode(line: String, kind: String, node: String) throws {
    // From the menu, from a number question, from a scale item, from a yes-no question.
    for path in [[], ["2"], ["rate"], ["2", "6"]] {
        var s = try makeSession()
        _ = s.open()
        for step in path { _ = s.respond(to: step) }
        let turn = s.respond(to: line)
        #expect(turn.crisis?.kind.rawValue == kind, "after \(path)")
        #expect(turn.crisis?.level == .takeover)
        #expect(turn.has(.crisis))
        #expect(turn.node.description == node)
    }
}

@Test func severalKindsInOneLineGetTheMostUrgentFirstAndEveryNumber() throws {
    var s = try makeSession()
    _ = s.open()
    let turn = s.respond(to: "I want to die and my friend is not breathing")
    #expect(turn.crisis?.kind == .overdoseOther)
    #expect(turn.crisis?.also == [.suicide])
    #expect(turn.say == ["Call Emergency (911) now.", "Help is available: 988 Lifeline (988)."])
}

@Test func anUnlessPhraseCancelsOnlyItsOwnOccurrence() throws {
    var s = try makeSession()
    _ = s.open()
    let turn = s.respond(to: "I'm not suicidal")
    #expect(turn.crisis?.level != .takeover)
    #expect(!turn.has(.crisis))
    #expect(turn.node.description == "intake.welcome")
}

@Test func crisisScriptsUseTheSessionRegionsNumbers() throws {
    var s = try makeSession(region: "UK")
    _ = s.open()
    let turn = s.respond(to: "my friend won't wake up")
    #expect(turn.say == ["Call Emergency (999) now."])
    #expect(!turn.say.joined().contains("911"))
}
