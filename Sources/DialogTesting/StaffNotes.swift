import DialogEngine
import DialogModel

/// What staff read beside a turn (`--staff`, a failing test's actual turn): why each
/// choice, route and `branch` was taken and which example a question was read by, from
/// the turn's trace, then the author's notes of the nodes it reached.
package enum StaffNotes {
    package static func lines(of turn: Turn) -> [String] {
        var out: [String] = []
        for step in turn.trace {
            switch step {
            case .choice(_, _, _, let label, let means):
                if let phrase = turn.matched?.phrase {
                    out.append("choice: \(label) (matched “\(phrase)”)")
                } else if let means {
                    out.append("choice: \(label) (read as “\(means.rawValue)”)")
                } else {
                    out.append("choice: \(label)")
                }
            case .route(_, _, let label, let target):
                out.append("route: \(label) → \(target)")
            case .branch(_, _, let label, let target):
                out.append("branch: \(label) → \(target)")
            case .intent(let id):
                // A question read by its likeness to an example: which, by which words, how close.
                if let m = turn.matched, m.id == id, let example = m.example {
                    let score = (example.score * 100).rounded() / 100
                    out.append("question: \(id), like “\(example.text)” (\(example.words.joined(separator: ", ")); score \(score))")
                }
            case .problem(let message):
                out.append("problem: \(message)")
            case .command, .scaleItem, .entered, .set, .request, .resumed:
                break
            }
        }
        if let note = turn.note { out += note.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        return out
    }
}
