import DialogEngine
import DialogModel
import DialogSyntax
import Testing

// A bundle `intake check` accepts cannot crash or hang a session. The validator finds
// loops without input and out-of-bounds ranges (DialogModelTests/BoundsTests); these
// tests hold the engine to the same promise for bundles built past the validator, and
// check what grows with a session's length.

/// The session fixture with one node changed by `change`, from `start` if given.
private func session(changing id: String, start: String? = nil, _ change: (inout DialogNode) -> Void) throws -> Session {
    var bundle = try #require(BundleLoader.load(files: sessionFixture).bundle)
    let key = NodeID(id, in: "intake")
    var node = try #require(bundle.nodes[key])
    change(&node)
    bundle.nodes[key] = node
    return try Session(bundle: bundle, start: start.map { NodeID($0, in: "intake") })
}

private func hasProblem(_ turn: Turn, _ fragment: String) -> Bool {
    turn.trace.contains { if case .problem(let m) = $0 { m.contains(fragment) } else { false } }
}

// MARK: - Loops that never wait for input

@Test func aLoopWithoutInputIsStoppedAndThePersonIsBackAtTheLastQuestion() throws {
    // "Facts" leads to a node whose `next` is itself.
    var s = try session(changing: "facts") { $0.next?.target = $0.id }
    _ = s.open()
    let turn = s.respond(to: "facts")
    #expect(turn.node.description == "intake.welcome")
    #expect(turn.state == .awaitingChoice)
    #expect(turn.ask == "What would you like?")
    #expect(turn.choiceLabels == ["Facts", "Check symptoms", "Rate withdrawal", "Finish"])
    #expect(turn.say.count == 1)
    #expect(turn.say.last?.contains("went round in a circle without a question") == true)
    #expect(turn.say.last?.contains("type back to go back, or restart") == true)
    #expect(hasProblem(turn, "64 in a row; stopped at `intake.facts`"))
    // The session goes on from there.
    #expect(s.respond(to: "check symptoms").node.description == "intake.feeling")
}

@Test func aLoopWithoutInputAtTheOpeningEndsTheSessionWithTheSummary() throws {
    var s = try session(changing: "welcome") { node in
        var reference = node.choices[0].goto
        reference.target = node.id
        node.choices = []
        node.next = reference
    }
    let turn = s.open()
    #expect(turn.state == .ended)
    #expect(turn.summary != nil)
    #expect(turn.say.contains { $0.contains("It cannot go on.") })
    #expect(turn.say.contains(Summary.disclaimer))
    #expect(hasProblem(turn, "stopped at `intake.welcome`"))
    #expect(s.isEnded)
}

@Test func aLoopAfterTheLastScaleItemDoesNotCountTheItemTwice() throws {
    var s = try session(changing: "rated") { $0.next?.target = $0.id }
    _ = s.open()
    _ = s.respond(to: "rate")
    _ = s.respond(to: "4")
    for _ in 0..<3 {
        let turn = s.respond(to: "4")
        #expect(turn.node.description == "intake.rate")
        #expect(turn.state == .awaitingNumber)
        #expect(turn.ask?.hasPrefix("2 of 2") == true)
        #expect(turn.scores.map(\.total) == [4])
        #expect(turn.scores.map(\.answered) == [1])
    }
}

// MARK: - Numbers

@Test(arguments: [-1e300...1e300, 0...9.3e18, -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude])
func aNumberQuestionWithAHugeRangeNeverTraps(range: ClosedRange<Double>) throws {
    var s = try session(changing: "feeling") { $0.expect = .number(range) }
    _ = s.open()
    _ = s.respond(to: "check symptoms")
    let unclear = s.respond(to: "purple")
    #expect(unclear.flags.contains(.reask))
    #expect(unclear.say.last?.hasPrefix("Please answer with a number from ") == true)
    let answered = s.respond(to: "12")
    #expect(answered.say.first == "Later stage.")
    #expect(answered.node.description == "intake.welcome")
}

@Test func aNumberBeyondTheRangeOfAHugeQuestionIsReaskedWithoutATrap() throws {
    var s = try session(changing: "feeling") { $0.expect = .number(1e16...9.3e18) }
    _ = s.open()
    _ = s.respond(to: "check symptoms")
    let turn = s.respond(to: "5")
    #expect(turn.flags == [.reask])
    #expect(turn.say == ["Please answer with a number from 1e+16 to 9.3e+18."])
}

// MARK: - What grows with a session

/// A menu that answers itself, whose `set` doubles a text and multiplies a number.
private let growing: [(path: String, bytes: [UInt8])] =
    sessionFixture + [
        (
            "grow.yaml",
            Array(
                """
                nodes:
                  start:
                    set: {s: "x", n: 1}
                    next: again
                  again:
                    set: {s: s + s, n: n * 1000}
                    ask: Again?
                    choices:
                      - {label: Again, match: [again], goto: again}
                      - {label: Stop, goto: intake.done}
                """.utf8)
        )
    ]

@Test func aSetThatDoublesOnEveryAnswerIsStoppedAndReported() throws {
    let bundle = try #require(BundleLoader.load(files: growing).bundle)
    var s = try Session(bundle: bundle, start: NodeID("grow.start", in: "grow"))
    var turns = [s.open()]
    for _ in 0..<40 { turns.append(s.respond(to: "again")) }
    // 2^13 characters is the last text that fits; 1000^5 the last number.
    #expect(turns.filter { hasProblem($0, "`s` is left unset: a text or list longer than 10000") }.count == 1)
    #expect(turns.filter { hasProblem($0, "`n` is left unset: a number beyond ±1,000,000,000,000,000") }.count == 1)
    let state = s.savedState
    #expect(state.variables.values.allSatisfy { $0.size <= DialogLimits.valueSize })
    #expect(state.variables["s"] == .null && state.variables["n"] == .null)
    #expect(turns.last?.state == .awaitingChoice)
}

@Test func theWayBackIsBoundedInALongSession() throws {
    let bundle = try #require(BundleLoader.load(files: growing).bundle)
    var s = try Session(bundle: bundle, start: NodeID("grow.start", in: "grow"))
    _ = s.open()
    for _ in 0..<1_500 { _ = s.respond(to: "again") }
    #expect(s.savedState.back.count == 1_000)
    // `back` still works.
    #expect(s.respond(to: "back").node.description == "grow.again")
}

// MARK: - Scales: back, restart, an abandoned checklist

/// A checklist of four items from 0 to 4, offered from the menu: its total is said when
/// it is finished, and a question follows it.
private let checklist = topicTestBundle(
    settings: """
        scales:
          sows:
            title: Withdrawal checklist
            range: 0...4
            labels: {0: not at all, 4: extremely}
            items: [I feel anxious, I feel like yawning, I have goosebumps, I feel like using now]

        """,
    intents: "",
    menu: """
              - label: Checklist
                goto: sows_offer

        """,
    nodes: """
          sows_offer:
            ask: Shall we go through the checklist?
            choices:
              - label: Yes, let's do it
                goto: sows
              - label: No, skip it
                goto: after
          sows:
            scale: sows
            next: sows_result
          sows_result:
            set: {did_sows: true}
            say: Your total is {scores.sows} out of 16.
            next: after
          after:
            ask: Anything else?
            choices:
              - label: Back to the menu
                goto: welcome

        """)

/// The lines from the menu to the checklist's first item.
private let toTheChecklist = ["1", "1"]

/// A session of the checklist bundle (of `compiled`, if given) at the checklist's first item.
private func atTheChecklist(_ compiled: CompiledBundle? = nil) throws -> Session {
    var s = try Session(compiled ?? compiledBundle(checklist))
    _ = s.open()
    for line in toTheChecklist { _ = s.respond(to: line) }
    #expect(s.current.description == "intake.sows" && s.scaleItem == 0)
    return s
}

private func total(_ turn: Turn) -> Int? { turn.scores.first { $0.scale == "sows" }?.total }

@Test func backInTheChecklistStepsBackOneItemAndTakesItsPointsOff() throws {
    var s = try atTheChecklist()
    _ = s.respond(to: "4")
    #expect(total(s.respond(to: "3")) == 7)
    let back = s.respond(to: "back")
    #expect(back.node.description == "intake.sows")
    #expect(back.ask?.hasSuffix("2 of 4: I feel like yawning") == true)
    #expect(total(back) == 4)
    let first = s.respond(to: "back")
    #expect(first.ask?.hasSuffix("1 of 4: I feel anxious") == true)
    #expect(first.scores.isEmpty)
    // From the first item, `back` leaves the checklist.
    #expect(s.respond(to: "back").node.description == "intake.sows_offer")
}

@Test(arguments: ["back", "restart"])
func theChecklistTotalNeverPassesItsMaximum(command: String) throws {
    var s = try atTheChecklist()
    for _ in 0..<2 { _ = s.respond(to: "4") }
    _ = s.respond(to: command)
    if command == "restart" {
        #expect(s.summary().scores.isEmpty)
        for line in toTheChecklist { _ = s.respond(to: line) }
    }
    var said: [String] = []
    var last: Turn?
    while s.current.description == "intake.sows" {
        let turn = s.respond(to: "4")
        said += turn.say
        last = turn
        #expect((total(turn) ?? 0) <= 16)
    }
    #expect(said.contains("Your total is 16 out of 16."))
    #expect(!said.contains { $0.contains("out of 16") && !$0.contains("16 out of 16") })
    let summary = s.summary()
    #expect(summary.lines.contains("Withdrawal checklist: 16 out of 16"))
    #expect(last?.scores.first?.answered == 4)
}

@Test func backAfterTheChecklistReturnsToItsLastItem() throws {
    var s = try atTheChecklist()
    for _ in 0..<4 { _ = s.respond(to: "2") }
    #expect(s.current.description == "intake.after")
    let back = s.respond(to: "back")
    #expect(back.node.description == "intake.sows")
    #expect(back.ask?.hasSuffix("4 of 4: I feel like using now") == true)
    #expect(total(back) == 6)
    #expect(total(s.respond(to: "0")) == 6)
    #expect(s.current.description == "intake.after")
}

@Test(arguments: ["quit", "summary"])
func anAbandonedChecklistIsReportedAsAnsweredNotAsATotal(line: String) throws {
    var s = try atTheChecklist()
    _ = s.respond(to: "3")
    let turn = s.respond(to: line)
    #expect(turn.say.contains("Withdrawal checklist: answered 1 of 4, not finished"))
    #expect(!turn.say.contains { $0.contains("out of 16") })
    let score = try #require(turn.scores.first)
    #expect((score.answered, score.items, score.band) == (1, 4, nil))
    // The result (`did_sows`) is set only for a finished checklist.
    #expect(s.variables["did_sows"] == nil)
}

@Test func restartClearsTheChecklistAndEnteringItAgainStartsAfresh() throws {
    var s = try atTheChecklist()
    _ = s.respond(to: "4")
    _ = s.respond(to: "4")
    _ = s.respond(to: "restart")
    #expect(s.summary().scores.isEmpty)
    for line in toTheChecklist { _ = s.respond(to: line) }
    #expect(total(s.respond(to: "1")) == 1)
}

@Test func aResumedChecklistStepsBackByTheSavedPoints() throws {
    let compiled = try compiledBundle(checklist)
    var s = try atTheChecklist(compiled)
    _ = s.respond(to: "4")
    _ = s.respond(to: "1")
    let saved = try SessionState(json: Array(s.savedState.jsonLine.utf8))
    #expect(saved.scales["sows"]?.points == [4, 1])
    var resumed = try Session(compiled, resuming: saved)
    _ = resumed.resume()
    let back = resumed.respond(to: "back")
    #expect(total(back) == 4)
    #expect(back.ask?.hasSuffix("2 of 4: I feel like yawning") == true)
    // A state saved before points were kept: `back` starts the checklist over.
    var old = saved
    old.scales["sows"]?.points = nil
    var older = try Session(compiled, resuming: try SessionState(json: Array(old.jsonLine.utf8)))
    _ = older.resume()
    let over = older.respond(to: "back")
    #expect(over.scores.isEmpty)
    #expect(over.ask?.hasSuffix("1 of 4: I feel anxious") == true)
}
