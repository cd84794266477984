import DialogEngine
import DialogModel
import DialogSyntax
import Testing

/// A line that leans on the question before it ("how do you use it" after naloxone) is
/// read as a person would hear it: with the topic just answered.
@Suite struct LeaningLineTests {
    static let files = topicTestBundle(
        intents: """
              ask_naloxone:
                label: Naloxone (Narcan)
                match: [naloxone, narcan]
                examples:
                  - "how do i give narcan to someone"
                  - "where can i get naloxone"
                  - "do i need a prescription for narcan"
                goto: naloxone
                return: true
              ask_cravings:
                label: Cravings and using again
                examples:
                  - "is it normal to crave dope after detox"
                  - "how do i deal with cravings"
                  - "will the cravings ever stop"
                goto: cravings
                return: true

            """,
        menu: """
                  - label: Overdose medicine
                    goto: naloxone

            """,
        nodes: """
              naloxone:
                say: Naloxone can reverse an opioid overdose.
                next: welcome
              cravings:
                say: Cravings come in waves.
                next: welcome

            """)

    static func session() throws -> Session { try openedSession(files) }

    static func intent(of turn: Turn) -> String? {
        turn.matched.flatMap { $0.by == .intent ? $0.id : nil }
    }

    @Test(
        "a line that leans on the topic just answered is read with it",
        arguments: ["ok how do you use it", "do i need a prescription for that", "and where do i get them"])
    func leansOnTheTopic(_ line: String) throws {
        var alone = try Self.session()
        #expect(Self.intent(of: alone.respond(to: line)) != "ask_naloxone", "read alone: \(line)")
        var s = try Self.session()
        #expect(Self.intent(of: s.respond(to: "what is narcan")) == "ask_naloxone")
        let turn = s.respond(to: line)
        #expect(Self.intent(of: turn) == "ask_naloxone", "\(line)")
        #expect(turn.say == ["Naloxone can reverse an opioid overdose."], "\(line)")
    }

    @Test(
        "a line that reads as another topic keeps its own reading",
        arguments: ["is it normal to crave it after detox", "how do i deal with these cravings"])
    func anotherTopicKeepsItsReading(_ line: String) throws {
        var s = try Self.session()
        _ = s.respond(to: "what is narcan")
        #expect(Self.intent(of: s.respond(to: line)) == "ask_cravings", "\(line)")
    }

    @Test("only the line right after a topic's answer leans on it")
    func oneLineOnly() throws {
        var s = try Self.session()
        _ = s.respond(to: "what is narcan")
        #expect(s.respond(to: "1").matched?.by == .choice)
        #expect(Self.intent(of: s.respond(to: "ok how do you use it")) != "ask_naloxone")
    }

    @Test("a saved session remembers the topic the next line may lean on")
    func savedAndResumed() throws {
        let compiled = try compiledBundle(Self.files)
        var s = try Session(compiled)
        _ = s.open()
        _ = s.respond(to: "what is narcan")
        let state = s.savedState
        #expect(state.topic == "ask_naloxone")
        let read = try SessionState(json: Array(state.jsonLine.utf8))
        #expect(read == state)
        var resumed = try Session(compiled, resuming: read)
        _ = resumed.resume()
        #expect(Self.intent(of: resumed.respond(to: "ok how do you use it")) == "ask_naloxone")
        #expect(resumed.savedState.topic == "ask_naloxone")
        _ = resumed.respond(to: "1")
        #expect(resumed.savedState.topic == nil)
    }
}
