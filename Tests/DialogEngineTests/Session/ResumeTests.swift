import DialogEngine
import DialogModel
import DialogSyntax
import TestSupport
import Testing

/// The saved state of a fresh session of the session fixture after one line.
private func stateAfter(_ line: String) throws -> SessionState {
    var session = try makeSession()
    _ = session.open()
    _ = session.respond(to: line)
    return session.savedState
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
