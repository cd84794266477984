import DialogEngine
import DialogModel
import DialogSyntax
import Testing

/// Lines a person might type at any point: answers of every kind, commands, questions,
/// a crisis and nonsense. The property test picks among them and the turn's own choices.
private let anyLines = [
    "yes", "no", "nope", "yep", "1", "2", "3", "0", "4", "12", "back", "restart", "summary", "repeat", "help",
    "what is baclofen", "am I an addict", "my legs ache and I'm sweating", "none of those", "I want to die",
    "purple", "", "find detox", "how much baclofen should I take", "not sure",
]

/// A small seeded generator, so that a failure names the seed that finds it again.
private struct Walk {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(max(n, 1)))
    }
}

/// The saved state of a fresh session of the session fixture after one line.
private func stateAfter(_ line: String) throws -> SessionState {
    var session = try makeSession()
    _ = session.open()
    _ = session.respond(to: line)
    return session.savedState
}

/// The next line of a random session: often one of the turn's choices, else any line.
private func line(after turn: Turn, _ walk: inout Walk) -> String {
    if !turn.choices.isEmpty, walk.next(3) > 0 {
        let i = walk.next(turn.choices.count)
        return walk.next(2) == 0 ? String(i + 1) : turn.choices[i].label
    }
    return anyLines[walk.next(anyLines.count)]
}

/// The fields in which two turns differ, for a readable failure.
private func differences(_ a: Turn, _ b: Turn) -> [String] {
    var out: [String] = []
    if a.node != b.node { out.append("node \(a.node) / \(b.node)") }
    if a.say != b.say { out.append("say \(a.say) / \(b.say)") }
    if a.ask != b.ask || a.choices != b.choices { out.append("question") }
    if a.flags != b.flags { out.append("flags \(a.flags) / \(b.flags)") }
    if a.matched != b.matched { out.append("matched \(String(describing: a.matched)) / \(String(describing: b.matched))") }
    if a.trace != b.trace { out.append("trace \(a.trace) / \(b.trace)") }
    if a.symptoms != b.symptoms || a.scores != b.scores { out.append("symptoms or scores \(a.scores) / \(b.scores)") }
    if a.summary != b.summary { out.append("summary") }
    if a.crisis != b.crisis || a.resources != b.resources || a.number != b.number { out.append("crisis, resources or number") }
    return out
}

@Suite("Saved sessions resume exactly")
struct ResumeTests {
    /// Saves the state after every turn of random sessions, writes it as JSON, reads it
    /// back and resumes: the resumed session gives exactly the turns the uninterrupted
    /// one gave, and its first turn asks the pending question again.
    ///
    /// On the session fixture, seed 43 saves at a checklist's first item, before any
    /// answer: resumed, the checklist must keep its points from the first answer, so that
    /// `back` after it steps back one item instead of starting it over.
    @Test("resuming at every turn gives the turns of the uninterrupted session", arguments: 1...60)
    func resumingAtEveryTurn(seed: UInt64) throws {
        let compiled = try compiledBundle()
        var walk = Walk(state: seed)
        var session = try Session(compiled, region: walk.next(2) == 0 ? "US" : "UK", seed: seed)
        var turns = [session.open()]
        var states = [session.savedState]
        var lines: [String] = []
        for _ in 0..<14 where !session.isEnded {
            let next = line(after: turns[turns.count - 1], &walk)
            lines.append(next)
            turns.append(session.respond(to: next))
            states.append(session.savedState)
        }
        let closing = session.isEnded ? nil : session.end()

        for k in states.indices where !states[k].ended {
            let text = states[k].jsonLine
            let read = try SessionState(json: Array(text.utf8))
            #expect(read == states[k], "seed \(seed): the state after turn \(k) reads back differently")
            var resumed = try Session(compiled, resuming: read)
            let again = resumed.resume()
            #expect(again.number == turns[k].number && again.input == nil && again.trace == [.resumed])
            #expect(
                again.node == turns[k].node && again.ask == turns[k].ask && again.choices == turns[k].choices,
                "seed \(seed): the pending question after turn \(k)")
            for j in k..<lines.count {
                let turn = resumed.respond(to: lines[j])
                #expect(turn == turns[j + 1], "seed \(seed): resumed after turn \(k), the turn for “\(lines[j])” differs: \(differences(turn, turns[j + 1]))")
                if turn != turns[j + 1] { return }
            }
            if let closing { #expect(resumed.end() == closing, "seed \(seed): the closing turn after resuming at \(k)") }
        }
    }

    @Test("an ended session is not resumed")
    func anEndedSessionIsNotResumed() throws {
        let compiled = try compiledBundle()
        let state = try stateAfter("quit")
        #expect(state.ended)
        #expect(throws: ResumeError("the session has ended")) { try Session(compiled, resuming: state) }
    }

    @Test("a session resumed after a crisis shows the region's emergency numbers with its question")
    func numbersAfterACrisis() throws {
        let compiled = try compiledBundle()
        for region in ["US", "UK"] {
            var calm = try Session(compiled, region: region)
            _ = calm.open()
            _ = calm.respond(to: "what is baclofen")
            var resumedCalm = try Session(compiled, resuming: calm.savedState)
            #expect(resumedCalm.resume().resources.isEmpty, "\(region): no numbers without a crisis")

            var session = try Session(compiled, region: region)
            _ = session.open()
            let crisis = session.respond(to: "I want to kill myself")
            #expect(crisis.crisis?.kind == .suicide)
            var resumed = try Session(compiled, resuming: session.savedState)
            let again = resumed.resume()
            let roles = Set(again.resources.compactMap(\.role))
            #expect(roles == ["emergency", "crisis-line"], "\(region): \(again.resources)")
            #expect(again.ask == crisis.ask && again.number == crisis.number)
        }
    }

    @Test("a state of other dialogs, or one they no longer fit, is refused with the reason")
    func aStateThatNoLongerFitsIsRefused() throws {
        let compiled = try compiledBundle()
        var state = try stateAfter("3")
        state.bundleHash = "sha256:other"
        // The same nodes and questions: the changed dialogs still fit.
        _ = try Session(compiled, resuming: state)
        var gone = state
        gone.node = NodeID(file: "intake", name: "no_such_node")
        #expect(throws: ResumeError("the dialogs changed: there is no node `intake.no_such_node` any more")) {
            try Session(compiled, resuming: gone)
        }
        var retyped = state
        retyped.variables["region"] = .number(3)
        #expect(throws: ResumeError("the dialogs changed: `region` is now a string, not a number")) {
            try Session(compiled, resuming: retyped)
        }
        var other = state
        other.bundleID = "someone-else"
        #expect(throws: ResumeError.self) { try Session(compiled, resuming: other) }
    }

    @Test(
        "a broken state file gets a reason, never a crash",
        arguments: [
            "", "[]", "{}", #"{"format": 2}"#, "not json at all", #"{"format": 1, "bundle": 3}"#,
        ])
    func aBrokenStateGetsAReason(text: String) {
        #expect(throws: ResumeError.self) { try SessionState(json: Array(text.utf8)) }
    }

    @Test("the bundle hash is sha256 over the files sorted by name")
    func theBundleHash() {
        // sha256("a.yaml\0x\0b.yaml\0\0") computed independently (Python's hashlib).
        let hash = BundleHash.of([(path: "dir/b.yaml", bytes: []), (path: "dir/a.yaml", bytes: Array("x".utf8))])
        #expect(hash == "sha256:b6524d8e54b2b596031b888b416b02f21779cb7cc717f85d2592939fd680ed0b")
        // Several 64-byte blocks, every byte value.
        let bytes = (0..<768).map { UInt8($0 % 256) }
        #expect(BundleHash.of([(path: "long.yaml", bytes: bytes)]) == "sha256:e08482cb0e2bf11d98616bee7cae808db2d41a5e09c512889f77b53f8f409cda")
    }
}

/// Trainee lines for the training property test: moves, dangerous advice, answers and commands.
private let traineeLines = [
    "1", "2", "3", "call 911 now", "don't bother with 911", "give him the narcan", "let him sleep it off",
    "it's not approved for withdrawal", "take two at bedtime", "don't do it alone", "a beer is fine to sleep",
    "stomach cramps", "their tolerance has dropped", "sounds like addiction", "back", "repeat", "hmm",
]

/// What a turn says before the debrief that ends a training session.
private func beforeDebrief(_ say: [String]) -> [String] {
    Array(say.prefix { $0 != "End of the training session." })
}

@Suite("Saved training sessions resume exactly")
struct TrainingResumeTests {
    /// A training session resumed at every turn gives the same turns, and its debrief the
    /// same verdicts: items met, missed or broken, questions right, wrong or unanswered,
    /// and the shuffled order of a knowledge check's choices.
    @Test(arguments: ["knowledge-check", "caller-overdose", "caller-detox-at-home"], 1...6 as ClosedRange<UInt64>)
    func resumingATrainingSession(module: String, seed: UInt64) throws {
        let compiled = CompiledBundle(try Training.module(module))
        var walk = Walk(state: seed)
        var session = try Session(compiled, seed: seed)
        var turns = [session.open()]
        var states = [session.savedState]
        var lines: [String] = []
        for _ in 0..<10 where !session.isEnded {
            let next = walk.next(2) == 0 ? line(after: turns[turns.count - 1], &walk) : traineeLines[walk.next(traineeLines.count)]
            lines.append(next)
            turns.append(session.respond(to: next))
            states.append(session.savedState)
        }
        func verdicts(_ s: Session) -> String {
            let d = s.debrief()
            return d.items.map { "\($0.id)=\($0.status.rawValue)" }.joined(separator: ",")
                + "|" + d.questions.map { "\($0.id)=\($0.status.rawValue)" }.joined(separator: ",") + "|\(d.passed)"
        }
        for k in states.indices where !states[k].ended {
            var resumed = try Session(compiled, resuming: try SessionState(json: Array(states[k].jsonLine.utf8)))
            let again = resumed.resume()
            #expect(again.choices == turns[k].choices, "\(module) seed \(seed): the choices after turn \(k)")
            for j in k..<lines.count {
                var turn = resumed.respond(to: lines[j])
                var expected = turns[j + 1]
                // A saved state keeps the phrase that met an item, never the trainee's line:
                // the debrief is compared by its verdicts below.
                turn.summary = nil
                expected.summary = nil
                turn.say = beforeDebrief(turn.say)
                expected.say = beforeDebrief(expected.say)
                #expect(turn == expected, "\(module) seed \(seed): resumed after turn \(k), “\(lines[j])”: \(differences(turn, expected))")
                if turn != expected { return }
            }
            #expect(verdicts(resumed) == verdicts(session), "\(module) seed \(seed): the debrief after resuming at \(k)")
        }
    }
}
