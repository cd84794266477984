import DialogModel
import DialogSyntax
import Testing

/// Each row: an expression and its tree, printed fully parenthesised.
@Test(arguments: [
    // Primaries.
    ("14", "14"),
    ("2.50", "2.5"),
    ("\"cramps\"", "'cramps'"),
    ("\"it's\"", "'it\\'s'"),
    ("true", "true"),
    ("symptoms.reported", "symptoms.reported"),
    ("[]", "[]"),
    ("['US','CA']", "['US', 'CA']"),
    ("['US', 'CA',]", "['US', 'CA']"),
    ("[[1], [2, 3]]", "[[1], [2, 3]]"),
    ("count(symptoms.reported)", "count(symptoms.reported)"),
    ("count ( x )", "count(x)"),
    ("has()", "has()"),
    ("f(a, b + 1)", "f(a, (b + 1))"),
    ("((sows))", "sows"),
    // Operators.
    ("sows + answer", "(sows + answer)"),
    ("-x", "(-x)"),
    ("- -x", "(-(-x))"),
    ("not not a", "(not (not a))"),
    ("'cramps' in symptoms.reported", "('cramps' in symptoms.reported)"),
    ("'cramps' not in symptoms.denied", "('cramps' not in symptoms.denied)"),
    ("region in ['US','CA']", "(region in ['US', 'CA'])"),
    ("a != b", "(a != b)"),
    ("a >= 1 or a <= -1", "((a >= 1) or (a <= (-1)))"),
    ("(a < b) == c", "((a < b) == c)"),
])
func parsesExpressions(_ input: String, _ tree: String) {
    #expect(printed(input) == tree)
}

/// Each row: an expression and its tree, printed fully parenthesised.
@Test(arguments: [
    // or < and < not < comparisons/in < + - < * / < unary - < call/primary
    ("a or b and c", "(a or (b and c))"),
    ("a and b or c", "((a and b) or c)"),
    ("not a and b", "((not a) and b)"),
    ("a and not b", "(a and (not b))"),
    ("not a == b", "(not (a == b))"),
    ("not x in xs", "(not (x in xs))"),
    ("a + 1 > b * 2", "((a + 1) > (b * 2))"),
    ("a + b * c", "(a + (b * c))"),
    ("a * b + c", "((a * b) + c)"),
    ("(a + b) * c", "((a + b) * c)"),
    ("-a * b", "((-a) * b)"),
    ("a * -b", "(a * (-b))"),
    ("-count(x) + 1", "((-count(x)) + 1)"),
    ("a in b == false", "IE010 \(column(7))"),
    // Left associativity.
    ("a - b - c", "((a - b) - c)"),
    ("a / b / c", "((a / b) / c)"),
    ("a or b or c", "((a or b) or c)"),
    ("a and b and c", "((a and b) and c)"),
    ("sows + answer * 2 - 1 >= 10 and not done or x in [1, 2]", "(((((sows + (answer * 2)) - 1) >= 10) and (not done)) or (x in [1, 2]))"),
])
func respectsPrecedence(_ input: String, _ tree: String) {
    #expect(printed(input) == tree)
}

/// Each row: an expression that cannot be read, its diagnostics as `CODE line:col`, and
/// the first message.
@Test(arguments: [
    // What the lexer finds.
    ("a = 1", "IE001 \(column(2))", "unexpected `=` in expression"),
    ("a && b", "IE001 \(column(2))", "unexpected `&&` in expression"),
    ("x @ y", "IE001 \(column(2))", "unexpected `@` in expression"),
    ("a\u{00A0}b", "IE001 \(column(1))", "unexpected character U+00A0 in expression"),
    ("a\u{7}", "IE001 \(column(1))", "unexpected character U+0007 in expression"),
    ("x == 'open", "IE002 \(column(5))", "unterminated string in expression"),
    ("'a\\tb'", "IE003 \(column(2))", "invalid escape `\\t` in string"),
    ("x > 1.", "IE004 \(column(4))", "expected a digit after the decimal point in `1.`"),
    ("x > .5", "IE004 \(column(4))", "number `.5` has no digit before the decimal point"),
    (String(repeating: "9", count: 400), "IE004 \(column(0))", "number `99999999999999999999…` is too large"),
    ("session.", "IE005 \(column(0))", "expected a name after `.` in `session.`"),
    // What the parser finds.
    ("", "IE006 \(column(0))", "empty expression"),
    ("   ", "IE006 \(column(3))", "empty expression"),
    ("sows +", "IE007 \(column(6))", "expected a value after `+`, found the end of the expression"),
    ("a and or b", "IE007 \(column(6))", "expected a value after `and`, found `or`"),
    ("()", "IE007 \(column(1))", "expected a value after `(`, found `)`"),
    ("[1,,2]", "IE007 \(column(3))", "expected a value after `,`, found `,`"),
    (")", "IE007 \(column(0))", "expected a value, found `)`"),
    ("(a + b", "IE008 \(column(6))", "expected `)` to close `(`, found the end of the expression"),
    ("[a b]", "IE008 \(column(3))", "expected `]` to close `[`, found the name `b`"),
    ("count(a b)", "IE008 \(column(8))", "expected `)` to close `(`, found the name `b`"),
    ("a b", "IE009 \(column(2))", "expected the end of the expression, found the name `b`"),
    ("a)", "IE009 \(column(1))", "expected the end of the expression, found `)`"),
    ("answer is 'yes'", "IE009 \(column(7))", "expected the end of the expression, found the name `is`"),
    ("1 < x < 5", "IE010 \(column(6))", "comparison `<` cannot follow another comparison"),
    ("a == b == c", "IE010 \(column(7))", "comparison `==` cannot follow another comparison"),
    ("a == not b", "IE011 \(column(5))", "`not` cannot follow an operator"),
    ("-not a", "IE011 \(column(1))", "`not` cannot follow an operator"),
    (String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100), "IE012 \(column(64))", "expression is nested deeper than 64 levels"),
    // A problem the lexer reported stops the parser without a second message.
    ("(a = 1", "IE001 \(column(3))", "unexpected `=` in expression"),
    ("a and 'b", "IE002 \(column(6))", "unterminated string in expression"),
])
func reportsProblems(_ input: String, _ reported: String, _ message: String) {
    let parsed = parse(input)
    #expect(parsed.expression == nil)
    #expect(summary(parsed.diagnostics) == reported)
    #expect(parsed.diagnostics.first?.message == message)
}

@Test func unclosedParenthesisNotesWhereItOpened() {
    let d = parse("x and (a or b").diagnostics
    #expect(d.count == 1)
    #expect(d.first?.notes.map(\.range.start) == [SourcePosition(offset: 106, line: 7, column: 15)])
    #expect(d.first?.notes.first?.message == "`(` opened here")
}

@Test func hintsSuggestTheIntendedOperator() {
    #expect(parse("answer is 'yes'").diagnostics.first?.hint == "write `==` to compare")
    #expect(parse("a = 1").diagnostics.first?.hint == "write `==` to compare; assignments belong under `set:`")
    #expect(parse("a && b").diagnostics.first?.hint == "write `and` to join conditions")
    #expect(parse("!a").diagnostics.first?.hint == "write `not` to negate a condition")
    #expect(parse("a)").diagnostics.first?.hint == "this `)` has no matching `(`")
    #expect(parse("1 < x < 5").diagnostics.first?.hint == "join the comparisons with `and`, such as `a < b and b < c`")
}

@Test func nodesCarryFileRanges() throws {
    let expr = try #require(parse("sows + 1 > 10").expression)
    guard case .binary(let gt, let sum, let ten, let whole) = expr,
        case .binary(let plus, let sows, _, let sumRange) = sum
    else {
        Issue.record("unexpected tree \(expr)")
        return
    }
    #expect(whole.start == base)
    #expect(whole.end == SourcePosition(offset: 113, line: 7, column: 22))
    #expect(gt.range.start.column == 18 && gt.range.end.column == 19)
    #expect(sumRange.start.column == 9 && sumRange.end.column == 17)
    #expect(plus.range.start.column == 14)
    #expect(sows.range == SourceRange(start: base, end: SourcePosition(offset: 104, line: 7, column: 13)))
    #expect(ten.range.start.column == 20)
}

@Test func nestingUpToTheLimitIsAccepted() {
    let deep = String(repeating: "(", count: 63) + "a" + String(repeating: ")", count: 63)
    #expect(printed(deep) == "a")
    let negations = String(repeating: "not ", count: 63) + "a"
    #expect(parse(negations).diagnostics.isEmpty)
    let chain = (0..<64).map { "x\($0)" }.joined(separator: " + ")
    #expect(parse(chain).diagnostics.isEmpty)
}

@Test func longChainsAndDeepNestingStopAtTheLimit() {
    let chain = (0..<1000).map { _ in "1" }.joined(separator: " + ")
    #expect(summary(parse(chain).diagnostics).hasPrefix("IE012"))
    let minus = String(repeating: "-", count: 100_000) + "1"
    #expect(summary(parse(minus).diagnostics) == "IE012 \(column(64))")
    let brackets = String(repeating: "[", count: 100_000)
    #expect(summary(parse(brackets).diagnostics) == "IE012 \(column(64))")
}

@Test(arguments: [
    ("sows", true), ("session.region", true), ("_x1", true), ("true.x", true),
    ("", false), ("1a", false), ("a.", false), (".a", false), ("a..b", false),
    ("crisis-line", false), ("and", false), ("true", false), ("a b", false), ("café", false),
])
func recognisesAssignableNames(_ name: String, _ valid: Bool) {
    #expect(ExpressionParser.isName(name) == valid)
}

@Test func printedTreesReadBackToThemselves() {
    for input in ["a or b and not c", "-(1 + 2) * 3", "'it\\'s' in ['x', \"y\"]", "count([1, 2]) >= 2.5 or x not in y"] {
        let once = printed(input)
        #expect(printed(once) == once, "\(input)")
    }
}
