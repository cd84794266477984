/// A run-time value of the expression language.
///
/// `null` is what an unset variable reads as; no expression can write it (there is no
/// `null` literal), and arithmetic that has no answer yields it (see ``Evaluator``).
/// Numbers are `Double`s and compare exactly: `0.1 + 0.2 == 0.3` is false, as in most
/// languages, which is why dialogs count and score with whole numbers.
public enum Value: Sendable, Hashable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case list([Value])
    case null

    /// True only for `true`: conditions treat every other value, `null` included, as
    /// false.
    public var isTrue: Bool { self == .bool(true) }

    /// The static type of the value; nil for `null`, which has none. An empty list is a
    /// list of unknown items.
    public var type: ExprType? {
        switch self {
        case .number: .number
        case .string: .string
        case .bool: .bool
        case .list(let items):
            .list(
                items.reduce(ExprType.unknown) { sofar, item in
                    item.type.flatMap { ExprType.common(sofar, $0) } ?? sofar
                })
        case .null: nil
        }
    }

    /// The value as `{…}` interpolation writes it into text, for the person reading:
    /// integral numbers without a fractional part (`14`, not `14.0`), other numbers in
    /// their shortest exact form (`2.5`), strings as they are, `yes`/`no` for bools
    /// (text is read aloud on the phone line), list items joined by `, `, and nothing
    /// for `null`, so an unset variable leaves a gap rather than the word "null".
    public var interpolationText: String {
        switch self {
        case .number(let n): NumberText.text(for: n)
        case .string(let s): s
        case .bool(let b): b ? "yes" : "no"
        case .list(let items): items.map(\.interpolationText).joined(separator: ", ")
        case .null: ""
        }
    }
}

extension Value {
    /// How large the value is, as ``DialogLimits/valueSize`` counts: a text's length in
    /// UTF-8 bytes, a list's items and, through nested lists, their items; 1 otherwise.
    public var size: Int {
        switch self {
        case .string(let s): s.utf8.count
        case .list(let items): items.reduce(items.count) { $0 + $1.size }
        default: 1
        }
    }
}

extension Value: CustomStringConvertible {
    /// The value as an expression literal would write it, for staff output and test
    /// failures: `14`, `'cramps'`, `true`, `['US', 'CA']`, `null`.
    public var description: String {
        switch self {
        case .number(let n): NumberText.text(for: n)
        case .string(let s): StringLiteralText.quoted(s)
        case .bool(let b): b ? "true" : "false"
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .null: "null"
        }
    }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}

/// Where an evaluation reads its variables: the session's variables, scores, the
/// region's resource roles.
public protocol VariableLookup {
    /// The value of a variable by its full name (`session.region`, `crisis-line`), or
    /// nil when it is not set; the evaluator reads nil as ``Value/null``.
    func value(of name: String) -> Value?
}

extension Dictionary: VariableLookup where Key == String, Value == DialogModel.Value {
    public func value(of name: String) -> DialogModel.Value? { self[name] }
}
