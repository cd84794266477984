import DialogMatching
import DialogModel
import DialogSyntax

/// How a trainee did against a training bundle's rubric: each item met or missed, the
/// line that met it (or, for a must-not, the line that broke it), points and a total, and
/// what to practise next. Built from the session's record; part of its ``Summary``.
public struct Debrief: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var id: String
        public var label: String
        public var points: Int
        public var avoid: Bool
        public var critical: Bool
        public var met: Bool
        /// The trainee's line that met the item; for a must-not, the line that broke it.
        public var line: String?
        /// The phrase of the item that line said.
        public var phrase: String?
        public var practise: String?
        public var sources: [String]
        /// The points earned: all of them when met, none when missed.
        public var earned: Int { met ? points : 0 }
    }

    public var items: [Item]
    /// A knowledge check's own score, from its `score` and `questions` variables.
    public var score: (right: Int, questions: Int)?

    public var total: Int { items.map(\.earned).reduce(0, +) }
    public var maximum: Int { items.map(\.points).reduce(0, +) }
    /// Passed when every critical item is met.
    public var passed: Bool { items.allSatisfy { $0.met || !$0.critical } }
    /// What to practise: the missed items' advice, in rubric order.
    public var practise: [String] { items.filter { !$0.met }.map { $0.practise ?? "Practise: \($0.label.lowercased())." } }

    public static func == (a: Debrief, b: Debrief) -> Bool {
        a.items == b.items && a.score?.right == b.score?.right && a.score?.questions == b.score?.questions
    }

    /// The debrief as plain text lines, shown when a training session ends.
    public var lines: [String] {
        var out: [String] = []
        if let score { out.append("Knowledge check: \(score.right) out of \(score.questions) right.") }
        guard !items.isEmpty else { return out }
        out.append("Debrief:")
        for item in items {
            let mark = item.met ? "met" : "missed"
            var line = "[\(mark)] \(item.label) (\(item.earned)/\(item.points)\(item.critical ? ", critical" : ""))"
            if let said = item.line {
                line += item.avoid ? " — broken by: “\(said)”" : " — you said: “\(said)”"
            }
            out.append(line)
        }
        out.append("Total: \(total) out of \(maximum)." + (passed ? "" : " Not passed: a critical item was missed."))
        let next = practise
        if !next.isEmpty { out.append("Practise next: " + next.joined(separator: " ")) }
        return out
    }

    public var jsonValue: TypedValue {
        // Every key is always there (`score` null without a knowledge check): the turn
        // schema requires them.
        var entries: [(key: String, value: TypedValue)] = [
            ("score", score.map { .mapping([("right", .int($0.right)), ("questions", .int($0.questions))]) } ?? .null),
        ]
        entries += [
            ("items", .sequence(items.map { item in
                .mapping([
                    ("id", .string(item.id)), ("label", .string(item.label)), ("met", .bool(item.met)),
                    ("avoid", .bool(item.avoid)), ("critical", .bool(item.critical)),
                    ("points", .int(item.earned)), ("of", .int(item.points)),
                    ("line", item.line.map { .string($0) } ?? .null),
                    ("phrase", item.phrase.map { .string($0) } ?? .null),
                    ("practise", item.practise.map { .string($0) } ?? .null),
                    ("sources", .sequence(item.sources.map { .string($0) })),
                ])
            })),
            ("total", .int(total)), ("maximum", .int(maximum)), ("passed", .bool(passed)),
            ("practise", .sequence(practise.map { .string($0) })),
        ]
        return .mapping(entries)
    }
}
