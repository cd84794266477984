import DialogEngine
import DialogModel
import DialogSyntax
import Testing

/// `follow-ups:`: after a typed question's answer, the choices of the answer's node it
/// names are offered, with the way back to where the person was.
@Suite struct FollowUpTests {
    static func files(followUps: String = "[more, signs]", returns: Bool = true) -> [(path: String, bytes: [UInt8])] {
        topicTestBundle(
            intents: """
                  ask_naloxone:
                    match: [naloxone]
                    goto: naloxone
                    return: \(returns)
                    follow-ups: \(followUps)

                """,
            menu: """
                      - label: Overdose medicine
                        goto: naloxone

                """,
            nodes: """
                  naloxone:
                    say: Naloxone can reverse an opioid overdose.
                    ask: More?
                    choices:
                      - label: Where to get it
                        match: ["where to get"]
                        goto: more
                      - label: Signs of an overdose
                        goto: signs
                      - label: Back to the menu
                        goto: welcome
                  more:
                    say: Pharmacies sell it.
                    next: welcome
                  signs:
                    say: Pinpoint pupils and slow breathing.
                    next: welcome

                """)
    }

    static func session() throws -> Session { try openedSession(files()) }

    @Test("the answer offers its follow-ups and the way back; a follow-up shows its node, then where the person was")
    func offeredAndPicked() throws {
        var s = try Self.session()
        let answer = s.respond(to: "what is naloxone")
        #expect(answer.say == ["Naloxone can reverse an opioid overdose."])
        #expect(answer.ask == "Would you like to know more?")
        #expect(answer.choices.map(\.id) == ["intake.more", "intake.signs", "back"])
        #expect(answer.choices.map(\.label) == ["Where to get it", "Signs of an overdose", "Back to where we were"])
        #expect(answer.expects == .choice)
        for (line, said) in [
            ("1", "Pharmacies sell it."), ("the second", "Pinpoint pupils and slow breathing."),
            ("where to get it", "Pharmacies sell it."),
        ] {
            var t = try Self.session()
            _ = t.respond(to: "what is naloxone")
            let picked = t.respond(to: line)
            #expect(picked.say == [said], "\(line)")
            #expect(picked.node.description == "intake.welcome", "\(line)")
            #expect(picked.ask == "What would you like?", "\(line)")
            #expect(picked.trace.contains { if case .choice(let node, _, _, _, _) = $0 { node.description == "intake.naloxone" } else { false } }, "\(line)")
        }
    }

    @Test("the way back, by number, word or a no, asks again where the person was", arguments: ["3", "back", "no thanks"])
    func back(_ line: String) throws {
        var s = try Self.session()
        _ = s.respond(to: "what is naloxone")
        let turn = s.respond(to: line)
        #expect(turn.say.isEmpty, "\(line)")
        #expect(turn.ask == "What would you like?", "\(line)")
        #expect(turn.choices.map(\.label) == ["Overdose medicine", "Finish"], "\(line)")
    }

    @Test("any other line is read as usual where the person was, and a crisis still takes over")
    func otherLines() throws {
        var s = try Self.session()
        _ = s.respond(to: "what is naloxone")
        #expect(s.respond(to: "finish").state == .ended)
        var t = try Self.session()
        _ = t.respond(to: "what is naloxone")
        let crisis = t.respond(to: "he won't wake up")
        #expect(crisis.crisis?.level == .takeover)
        #expect(crisis.choices.map(\.id) != ["intake.more", "intake.signs", "back"])
    }

    @Test("the offer is saved with the session and offered again on resume")
    func resumed() throws {
        var s = try Self.session()
        _ = s.respond(to: "what is naloxone")
        let state = try SessionState(json: Array(s.savedState.jsonLine.utf8))
        #expect(state.following == SessionState.FollowUps(node: NodeID("intake.naloxone", in: ""), choices: ["intake.more", "intake.signs"]))
        let bundle = try #require(BundleLoader.load(files: Self.files()).bundle)
        var resumed = try Session(CompiledBundle(bundle), resuming: state)
        #expect(resumed.resume().choices.map(\.id) == ["intake.more", "intake.signs", "back"])
        #expect(resumed.respond(to: "2") == s.respond(to: "2"))
    }

    @Test("`follow-ups` names choices of the intent's node, on an intent that returns")
    func checked() {
        let wrong = BundleLoader.load(files: Self.files(followUps: "[mroe]"))
        #expect(
            wrong.diagnostics.contains { $0.diagnostic.code == "IC020" && $0.diagnostic.hint == "did you mean `more`?" },
            "\(wrong.renderedDiagnostics())")
        let staying = BundleLoader.load(files: Self.files(returns: false))
        #expect(
            staying.diagnostics.contains { $0.diagnostic.message == "`follow-ups` is for topic intents with `return: true`" },
            "\(staying.renderedDiagnostics())")
    }
}
