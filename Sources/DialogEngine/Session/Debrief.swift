import DialogMatching
import DialogModel
import DialogSyntax

/// How a trainee did against a training bundle's rubric: each item met, missed or broken,
/// the line that decided it, points and a total, whether the module is passed, and what to
/// practise next. Built from the session's record; part of its ``Summary``.
public struct Debrief: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public enum Status: String, Sendable, Equatable, CaseIterable {
            /// The move was made (a must-not: never broken).
            case met
            /// The move was never made.
            case missed
            /// A must-not was said, or a critical move was dismissed or negated ("don't
            /// bother with 911"); it stays broken even when the move is made later.
            case broken
        }

        public var id: String
        public var label: String
        public var points: Int
        public var avoid: Bool
        public var critical: Bool
        public var status: Status
        /// The trainee's line that decided the status: the one that broke the item, else
        /// the one that made the move.
        public var line: String?
        /// The phrase of the item that line said.
        public var phrase: String?
        /// For a broken move made later after all: the line that made it.
        public var metLine: String?
        public var practise: String?
        public var sources: [String]

        public var met: Bool { status == .met }
        /// The points earned: all of them when met, none otherwise.
        public var earned: Int { met ? points : 0 }
    }

    /// A knowledge-check question (a node with a `right: true` answer) and how it went.
    public struct Question: Sendable, Equatable {
        public enum Status: String, Sendable, Equatable { case right, wrong, unanswered }
        /// The question's node.
        public var id: String
        public var question: String
        public var status: Status
        /// The right answer: its choice's label, or its route's phrases.
        public var answer: String
        /// Why: the texts of the answer node that cite a source.
        public var explanation: String
        public var sources: [String]
    }

    public var items: [Item]
    /// A knowledge check's score: its questions right, of all of them (or, without
    /// marked questions, its `score` and `questions` variables).
    public var score: (right: Int, questions: Int)?
    /// A knowledge check's questions, in file order.
    public var questions: [Question]
    /// The share needed to pass, in percent (`pass-mark:`).
    public var passMark: Int

    public init(
        items: [Item], score: (right: Int, questions: Int)?, questions: [Question] = [],
        passMark: Int = DialogBundle.defaultPassMark
    ) {
        self.items = items
        self.score = score
        self.questions = questions
        self.passMark = passMark
    }

    public var total: Int { items.map(\.earned).reduce(0, +) }
    public var maximum: Int { items.map(\.points).reduce(0, +) }

    /// Passed when no critical item is missed or broken and the points (a knowledge
    /// check: the right answers, of all its questions) reach the pass mark.
    public var passed: Bool {
        if items.contains(where: { $0.critical && !$0.met }) { return false }
        if !items.isEmpty, total * 100 < passMark * maximum { return false }
        if let score, score.right * 100 < passMark * score.questions { return false }
        if questions.contains(where: { $0.status == .unanswered }) { return false }
        return true
    }

    /// The questions not answered right, in file order.
    public var missedQuestions: [Question] { questions.filter { $0.status != .right } }

    /// Why the module is not passed, in a few words; nil when it is.
    public var failure: String? {
        guard !passed else { return nil }
        if items.contains(where: { $0.critical && $0.status == .broken }) { return "a critical item was broken" }
        if items.contains(where: { $0.critical && $0.status == .missed }) { return "a critical item was missed" }
        let unanswered = questions.filter { $0.status == .unanswered }.count
        if unanswered > 0 { return "\(unanswered) of \(questions.count) questions left unanswered" }
        return "below the pass mark of \(passMark)%"
    }

    /// What to practise: the advice of the items not met, in rubric order, broken items
    /// first.
    public var practise: [String] {
        let open = items.filter { !$0.met }
        return (open.filter { $0.status == .broken } + open.filter { $0.status != .broken })
            .map { $0.practise ?? "Practise: \($0.label.lowercased())." }
    }

    public static func == (a: Debrief, b: Debrief) -> Bool {
        a.items == b.items && a.score?.right == b.score?.right && a.score?.questions == b.score?.questions && a.passMark == b.passMark
            && a.questions == b.questions
    }

    /// The debrief as plain text lines, shown when a training session ends.
    public var lines: [String] {
        var out: [String] = []
        if let score {
            let answered = questions.isEmpty ? score.questions : questions.filter { $0.status != .unanswered }.count
            out.append(
                "Knowledge check: \(score.right) out of \(score.questions) right"
                    + (answered < score.questions ? " (\(answered) answered)." : ".") + " Pass mark \(passMark)%.")
        }
        let missed = missedQuestions
        if !missed.isEmpty {
            out.append("To review:")
            for q in missed {
                out.append("- \(q.question) \(q.status == .unanswered ? "(not answered)" : "(answered wrong)")")
                out.append("  Right answer: \(q.answer)")
                if !q.explanation.isEmpty {
                    out.append("  Why: \(q.explanation)" + (q.sources.isEmpty ? "" : " (sources: \(q.sources.joined(separator: ", ")))"))
                }
            }
        }
        if !items.isEmpty {
            out.append("Debrief:")
            for item in items {
                var line = "[\(item.status.rawValue)] \(item.label) (\(item.earned)/\(item.points)\(item.critical ? ", critical" : ""))"
                if let said = item.line {
                    line += item.status == .broken ? " — broken by: “\(said)”" : " — you said: “\(said)”"
                }
                out.append(line)
                if let later = item.metLine { out.append("    later you said: “\(later)”") }
            }
            out.append("Total: \(total) out of \(maximum) (pass mark \(passMark)%).")
        }
        out.append(passed ? "Passed." : "Not passed: \(failure ?? "").")
        let next = practise
        if !next.isEmpty {
            out.append("Practise next:")
            out += next.map { "- " + $0 }
        }
        return out
    }

    public var jsonValue: TypedValue {
        // Every key is always there (`score` null without a knowledge check): the turn
        // schema requires them.
        var entries: [(key: String, value: TypedValue)] = [
            ("score", score.map { .mapping([("right", .int($0.right)), ("questions", .int($0.questions))]) } ?? .null)
        ]
        entries += [
            (
                "items",
                .sequence(
                    items.map { item in
                        .mapping([
                            ("id", .string(item.id)), ("label", .string(item.label)), ("status", .string(item.status.rawValue)),
                            ("met", .bool(item.met)), ("avoid", .bool(item.avoid)), ("critical", .bool(item.critical)),
                            ("points", .int(item.earned)), ("of", .int(item.points)),
                            ("line", item.line.map { .string($0) } ?? .null),
                            ("phrase", item.phrase.map { .string($0) } ?? .null),
                            ("met_line", item.metLine.map { .string($0) } ?? .null),
                            ("practise", item.practise.map { .string($0) } ?? .null),
                            ("sources", .sequence(item.sources.map { .string($0) })),
                        ])
                    })
            ),
            (
                "questions",
                .sequence(
                    questions.map { q in
                        .mapping([
                            ("id", .string(q.id)), ("question", .string(q.question)), ("status", .string(q.status.rawValue)),
                            ("answer", .string(q.answer)), ("explanation", .string(q.explanation)),
                            ("sources", .sequence(q.sources.map { .string($0) })),
                        ])
                    })
            ),
            ("total", .int(total)), ("maximum", .int(maximum)), ("pass_mark", .int(passMark)), ("passed", .bool(passed)),
            ("practise", .sequence(practise.map { .string($0) })),
        ]
        return .mapping(entries)
    }
}
