import DialogSyntax

/// A node of a dialog: what is said, what is asked, and where each answer leads.
public struct DialogNode: Sendable {
    public var id: NodeID
    /// The range of the node's key in its file.
    public var range: SourceRange
    public var say: [SayItem] = []
    public var sources: [SourceReference] = []
    /// Shown to staff only (`--staff`).
    public var note: DialogText?
    public var ask: DialogText?
    public var choices: [Choice] = []
    public var expect: Expectation?
    public var save: Located<String>?
    public var routes: [Route] = []
    public var branch: [Route] = []
    /// Run when the node is entered.
    public var set: [Assignment] = []
    public var next: NodeReference?
    public var scale: Located<String>?
    public var show: ResourceSelection?
    public var flags: [Located<String>] = []
    public var end = false
    /// `shuffle: true`: the choices are offered in an order drawn from the session's seed
    /// (a knowledge check whose right answer is not always the first).
    public var shuffle = false
    /// `readability: {exempt: …}`: the node's texts are not held to the bundle's limits.
    public var readabilityExemption: ReadabilityExemption?

    public init(id: NodeID, range: SourceRange) {
        self.id = id
        self.range = range
    }

    /// Every node this one can lead to, with what leads there.
    public var edges: [(label: String, target: NodeReference)] {
        var out: [(String, NodeReference)] = []
        for choice in choices { out.append((choice.label.raw, choice.goto)) }
        for route in routes + branch { out.append((route.label, route.goto)) }
        if let next { out.append(("next", next)) }
        return out
    }

    /// A question of a knowledge check: a node with a choice or route marked `right:
    /// true`. The debrief marks it right, wrong or unanswered.
    public var isQuestion: Bool { choices.contains(where: \.right) || routes.contains(where: \.right) }

    /// Whether the node waits for input.
    public var asksForInput: Bool { !choices.isEmpty || expect != nil || scale != nil }

    /// Whether a session that enters the node stops there for input: it asks for input,
    /// has no `branch` (followed on entering, before anything is asked) and does not end.
    public var waitsForInput: Bool { asksForInput && branch.isEmpty && !end }
}

/// A choice of a node's menu.
public struct Choice: Sendable, Hashable {
    /// `id:` as written; see ``id``.
    public var writtenID: Located<String>?
    public var label: DialogText
    public var match: [Phrase]
    /// `means: yes|no|none`, as written; see ``meaning``.
    public var means: ChoiceMeaning?
    public var goto: NodeReference
    public var set: [Assignment]
    public var condition: Condition?
    public var range: SourceRange
    /// `right: true`: the right answer of a knowledge-check question.
    public var right = false
}

/// A route of `routes:` or `branch:`: taken when its phrases match (or it has none) and
/// its condition holds (or it has none); `else` routes always hold.
public struct Route: Sendable, Hashable {
    public var match: [Phrase]
    public var condition: Condition?
    public var goto: NodeReference
    public var set: [Assignment]
    public var isElse: Bool
    public var range: SourceRange
    /// `right: true`: the right answer of a knowledge-check question.
    public var right = false
    /// `answer:` the right answer in words, as the debrief shows it (a route's phrases
    /// are what it matches, not what to tell a trainee).
    public var answer: String?

    /// A short description for graphs and `--staff`.
    public var label: String {
        if isElse { return "else" }
        var parts: [String] = []
        if !match.isEmpty { parts.append(match.map(\.text).joined(separator: " / ")) }
        if let condition { parts.append("if \(condition.text)") }
        return parts.joined(separator: " ")
    }
}

/// What kind of free answer a node reads.
public enum Expectation: Sendable, Hashable {
    case text
    case yesNo
    /// A number in a closed range.
    case number(ClosedRange<Double>)
    /// Free text read against the symptom catalogue.
    case symptoms

    /// The type a `save:` of this answer has in expressions.
    public var valueType: ExprType {
        switch self {
        case .text: .string
        case .yesNo: .bool
        case .number: .number
        case .symptoms: .list(.string)
        }
    }
}

/// The resources a node lists: by role, by tag, or both.
public struct ResourceSelection: Sendable, Hashable {
    public var roles: [Located<String>]
    public var tags: [Located<String>]
}

/// What picking a choice answers, for the yes, no and "none of these" words people type
/// at a menu ("yep", "nah im good"): the choice's `means:`, else its label's first word
/// when that is Yes, No or None.
public enum ChoiceMeaning: String, Sendable, Hashable, CaseIterable {
    case yes, no, none
}

extension Choice {
    /// The choice's stable id, which programs and tests name it by: its `id:`, else its
    /// target's full node id (`baclofen.overview`).
    public var id: String { writtenID?.value ?? goto.target.description }

    /// Whether a byte may be part of a written choice id: `[a-z0-9_.-]`.
    public static func isIDByte(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
    }

    /// The answer the choice stands for, or nil for an ordinary choice.
    public var meaning: ChoiceMeaning? {
        if let means { return means }
        guard let label = label.interpolation.literalText else { return nil }
        let first = label.prefix { $0.isLetter }.lowercased()
        return ChoiceMeaning(rawValue: first)
    }
}
