import DialogSyntax

/// A parsed expression of the dialog language: an `if:` condition, the right-hand side
/// of a `set:` assignment, or the inside of a `{…}` interpolation.
///
/// Every node carries the range it was read from, relative to the dialog file, so the
/// type checker can point into the file. Parentheses make no node of their own: `(a)`
/// is the name `a`, with the range of `a`.
///
/// ``description`` prints the tree back fully parenthesised (`((a + b) > 2)`), which is
/// how tests and `--staff` output show what the parser understood. Equality compares
/// ranges too; compare descriptions to compare trees read from different places.
public indirect enum Expr: Sendable, Hashable {
    /// A number literal: `14`, `2.5`. The text is kept as a `Double`.
    case number(Double, SourceRange)
    /// A string literal, `'cramps'` or `"cramps"`, after its escapes are resolved.
    case string(String, SourceRange)
    /// `true` or `false`.
    case bool(Bool, SourceRange)
    /// A variable, possibly dotted (`session.region`), or inside `{…}` a role name
    /// such as `crisis-line`.
    case name(String, SourceRange)
    /// A list literal: `['US', 'CA']`.
    case list([Expr], SourceRange)
    /// `-x` or `not x`; the operator keeps its own range for diagnostics.
    case unary(Located<UnaryOperator>, Expr, SourceRange)
    /// `a + b`, `a and b`, `a in b`…; the operator keeps its own range for diagnostics.
    case binary(Located<BinaryOperator>, Expr, Expr, SourceRange)
    /// A function call such as `count(symptoms.reported)`; the function name keeps its
    /// own range so an unknown function can be pointed at.
    case call(Located<String>, [Expr], SourceRange)

    /// Where the whole node was read from.
    public var range: SourceRange {
        switch self {
        case .number(_, let r), .string(_, let r), .bool(_, let r), .name(_, let r), .list(_, let r),
            .unary(_, _, let r), .binary(_, _, _, let r), .call(_, _, let r):
            r
        }
    }
}

/// A value together with the range it was read from (an operator, a function name).
public struct Located<Wrapped: Sendable & Hashable>: Sendable, Hashable {
    public var value: Wrapped
    public var range: SourceRange

    public init(_ value: Wrapped, at range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// The prefix operators.
public enum UnaryOperator: String, Sendable, Hashable, CaseIterable {
    case negate = "-"
    case not
}

/// The infix operators, from the loosest-binding to the tightest.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or, and
    case equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    /// Membership, and its negation written as two words (`x not in list`), which
    /// people who know Python or SQL write anyway.
    case `in`, notIn = "not in"
    case add = "+", subtract = "-"
    case multiply = "*", divide = "/"

    /// Binding strength: higher binds tighter. `not` (3) and unary `-` (7) sit between
    /// these levels; see ``ExpressionParser`` for the whole table.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn: 4
        case .add, .subtract: 5
        case .multiply, .divide: 6
        }
    }

    /// Comparisons and `in`/`not in` do not chain: `a < b < c` is a parse error, because reading
    /// it as `(a < b) < c` would compare a bool with a number.
    public var isComparison: Bool { precedence == 4 }

}

extension Expr: CustomStringConvertible {
    /// The expression fully parenthesised, with strings in single quotes:
    /// `not a and b + 1 > 2` prints as `((not a) and ((b + 1) > 2))`.
    public var description: String {
        switch self {
        case .number(let n, _): NumberText.text(for: n)
        case .string(let s, _): StringLiteralText.quoted(s)
        case .bool(let b, _): b ? "true" : "false"
        case .name(let n, _): n
        case .list(let items, _): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .unary(let op, let operand, _):
            op.value == .negate ? "(-\(operand))" : "(not \(operand))"
        case .binary(let op, let lhs, let rhs, _): "(\(lhs) \(op.value.rawValue) \(rhs))"
        case .call(let name, let arguments, _):
            name.value + "(" + arguments.map(\.description).joined(separator: ", ") + ")"
        }
    }
}

/// How numbers are written back: integral values without a fractional part (`14`, not
/// `14.0`), because that is how people write counts and scores; other values in Swift's
/// shortest round-tripping form (`2.5`, `0.1`).
enum NumberText {
    static func text(for n: Double) -> String {
        // 2^53: beyond it not every integer is representable, and Int64 conversion of
        // larger values would trap; those print in Swift's own form (`1e+16`).
        if n.isFinite, n == n.rounded(), abs(n) < 9_007_199_254_740_992 {
            return String(Int64(n))
        }
        return n.description
    }
}

/// How strings are written back as literals: single-quoted, escaping `'` and `\`.
enum StringLiteralText {
    static func quoted(_ s: String) -> String {
        var out = "'"
        for c in s.unicodeScalars {
            if c == "'" || c == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        return out + "'"
    }
}
