import DialogEngine
import DialogModel
import TestSupport
import Testing

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
