import DialogEngine
import DialogModel
import DialogSyntax

/// Where test expressions start in their imaginary dialog file: line 7, column 9, as in
/// `    if: <expression>`, so a test that gets positions right is not right by accident
/// of starting at 1:1.
let base = SourcePosition(offset: 100, line: 7, column: 9)

/// Reads an expression at ``base``.
func parse(_ text: String) -> ParsedExpression {
    ExpressionParser.parse(text, at: base)
}

/// The tree printed fully parenthesised, or the diagnostics as `CODE line:col` when
/// reading failed.
func printed(_ text: String) -> String {
    let parsed = parse(text)
    if let expr = parsed.expression { return expr.description }
    return summary(parsed.diagnostics)
}

/// Diagnostics as `CODE line:col`, joined by `; `: compact enough for a table column.
func summary(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { "\($0.code) \($0.range.start)" }.joined(separator: "; ")
}

/// A column at ``base``'s line, as `7:col`, for writing expectations: the character at
/// index `i` of the expression (0-based) is at `column(i)`.
func column(_ i: Int) -> String { "7:\(base.column + i)" }

/// The variables the checking and evaluation tests know about.
let environment: [String: ExprType] = [
    "sows": .number,
    "answer": .string,
    "region": .string,
    "consented": .bool,
    "session.region": .string,
    "symptoms.reported": .list(.string),
    "symptoms.denied": .list(.string),
    "scores": .list(.number),
    "emergency": .string,
    "crisis-line": .string,
]

/// Values for ``environment``'s names; `answer` and `symptoms.denied` are left unset.
let variables: [String: Value] = [
    "sows": 14,
    "region": "US",
    "consented": true,
    "session.region": "CA",
    "symptoms.reported": ["cramps", "yawning"],
    "scores": [1, 2.5],
    "emergency": "911",
    "crisis-line": "988",
]

/// Reads and checks an expression, returning every diagnostic of both steps.
func checkDiagnostics(_ text: String, expecting expected: ExprType? = nil) -> [Diagnostic] {
    let parsed = parse(text)
    guard let expr = parsed.expression else { return parsed.diagnostics }
    return TypeChecker.check(expr, in: environment, expecting: expected).diagnostics
}
