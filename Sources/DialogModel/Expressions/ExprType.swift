/// The static type of an expression.
///
/// `unknown` is the type of something the checker cannot know: a name missing from the
/// environment (already reported), an empty list's items, a part that failed to check.
/// It is compatible with every type, so one mistake yields one diagnostic, not a cascade.
public indirect enum ExprType: Sendable, Hashable, CustomStringConvertible {
    case number
    case string
    case bool
    case list(ExprType)
    case unknown

    /// `number`, `string`, `bool`, `list of strings`, `list` (items unknown), `unknown`.
    public var description: String {
        switch self {
        case .number: "number"
        case .string: "string"
        case .bool: "bool"
        case .list(.unknown): "list"
        case .list(let item): "list of \(item.plural)"
        case .unknown: "unknown"
        }
    }

    /// The type with an indefinite article, for messages: "a number", "an unknown value".
    var withArticle: String {
        self == .unknown ? "an unknown value" : "a \(description)"
    }

    /// The plural, for messages: "numbers", "lists of strings", "values".
    var plural: String {
        switch self {
        case .list(.unknown): "lists"
        case .list(let item): "lists of \(item.plural)"
        case .unknown: "values"
        default: description + "s"
        }
    }

    /// The type two values share, treating `unknown` as a wildcard; nil when they have
    /// none (`number` and `string`). `[1, x]` with `x` unknown is a list of numbers.
    public static func common(_ a: ExprType, _ b: ExprType) -> ExprType? {
        switch (a, b) {
        case (.unknown, _): b
        case (_, .unknown): a
        case (.list(let x), .list(let y)): common(x, y).map { .list($0) }
        default: a == b ? a : nil
        }
    }

    /// True when a value of this type could be used where `other` is expected.
    public func isCompatible(with other: ExprType) -> Bool { ExprType.common(self, other) != nil }
}
