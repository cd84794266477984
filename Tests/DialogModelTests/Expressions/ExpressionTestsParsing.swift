import DialogModel
import DialogSyntax
import Testing

struct ParsingCase: CustomTestStringConvertible, Sendable {
    var input: String
    var printed: String
    var testDescription: String { input }
}

@Test(arguments: [
    // Primaries.
    ParsingCase(input: "14", printed: "14"),
    ParsingCase(input: "2.50", printed: "2.5"),
    ParsingCase(input: "\"cramps\"", printed: "'cramps'"),
    ParsingCase(input: "\"it's\"", printed: "'it\\'s'"),
    ParsingCase(input: "true", printed: "true"),
    ParsingCase(input: "symptoms.reported", printed: "symptoms.reported"),
    ParsingCase(input: "[]", printed: "[]"),
    ParsingCase(input: "['US','CA']", printed: "['US', 'CA']"),
    ParsingCase(input: "['US', 'CA',]", printed: "['US', 'CA']"),
    ParsingCase(input: "[[1], [2, 3]]", printed: "[[1], [2, 3]]"),
    ParsingCase(input: "count(symptoms.reported)", printed: "count(symptoms.reported)"),
    ParsingCase(input: "count ( x )", printed: "count(x)"),
    ParsingCase(input: "has()", printed: "has()"),
    ParsingCase(input: "f(a, b + 1)", printed: "f(a, (b + 1))"),
    ParsingCase(input: "((sows))", printed: "sows"),
    // Operators.
    ParsingCase(input: "sows + answer", printed: "(sows + answer)"),
    ParsingCase(input: "-x", printed: "(-x)"),
    ParsingCase(input: "- -x", printed: "(-(-x))"),
    ParsingCase(input: "not not a", printed: "(not (not a))"),
    ParsingCase(input: "'cramps' in symptoms.reported", printed: "('cramps' in symptoms.reported)"),
    ParsingCase(input: "'cramps' not in symptoms.denied", printed: "('cramps' not in symptoms.denied)"),
    ParsingCase(input: "region in ['US','CA']", printed: "(region in ['US', 'CA'])"),
    ParsingCase(input: "a != b", printed: "(a != b)"),
    ParsingCase(input: "a >= 1 or a <= -1", printed: "((a >= 1) or (a <= (-1)))"),
    ParsingCase(input: "(a < b) == c", printed: "((a < b) == c)"),
])
func parsesExpressions(_ c: ParsingCase) {
    #expect(printed(c.input) == c.printed)
}

@Test(arguments: [
    // or < and < not < comparisons/in < + - < * / < unary - < call/primary
    ParsingCase(input: "a or b and c", printed: "(a or (b and c))"),
    ParsingCase(input: "a and b or c", printed: "((a and b) or c)"),
    ParsingCase(input: "not a and b", printed: "((not a) and b)"),
    ParsingCase(input: "a and not b", printed: "(a and (not b))"),
    ParsingCase(input: "not a == b", printed: "(not (a == b))"),
    ParsingCase(input: "not x in xs", printed: "(not (x in xs))"),
    ParsingCase(input: "a + 1 > b * 2", printed: "((a + 1) > (b * 2))"),
    ParsingCase(input: "a + b * c", printed: "(a + (b * c))"),
    ParsingCase(input: "a * b + c", printed: "((a * b) + c)"),
    ParsingCase(input: "(a + b) * c", printed: "((a + b) * c)"),
    ParsingCase(input: "-a * b", printed: "((-a) * b)"),
    ParsingCase(input: "a * -b", printed: "(a * (-b))"),
    ParsingCase(input: "-count(x) + 1", printed: "((-count(x)) + 1)"),
    ParsingCase(input: "a in b == false", printed: "IE010 \(column(7))"),
    // Left associativity.
    ParsingCase(input: "a - b - c", printed: "((a - b) - c)"),
    ParsingCase(input: "a / b / c", printed: "((a / b) / c)"),
    ParsingCase(input: "a or b or c", printed: "((a or b) or c)"),
    ParsingCase(input: "a and b and c", printed: "((a and b) and c)"),
    ParsingCase(
        input: "sows + answer * 2 - 1 >= 10 and not done or x in [1, 2]",
        printed: "(((((sows + (answer * 2)) - 1) >= 10) and (not done)) or (x in [1, 2]))"),
])
func respectsPrecedence(_ c: ParsingCase) {
    #expect(printed(c.input) == c.printed)
}

struct ParseProblem: CustomTestStringConvertible, Sendable {
    var input: String
    var diagnostics: String
    var message: String
    var testDescription: String { input.isEmpty ? "(empty)" : input }
}

@Test(arguments: [
    ParseProblem(input: "", diagnostics: "IE006 \(column(0))", message: "empty expression"),
    ParseProblem(input: "   ", diagnostics: "IE006 \(column(3))", message: "empty expression"),
    ParseProblem(input: "sows +", diagnostics: "IE007 \(column(6))", message: "expected a value after `+`, found the end of the expression"),
    ParseProblem(input: "a and or b", diagnostics: "IE007 \(column(6))", message: "expected a value after `and`, found `or`"),
    ParseProblem(input: "()", diagnostics: "IE007 \(column(1))", message: "expected a value after `(`, found `)`"),
    ParseProblem(input: "[1,,2]", diagnostics: "IE007 \(column(3))", message: "expected a value after `,`, found `,`"),
    ParseProblem(input: ")", diagnostics: "IE007 \(column(0))", message: "expected a value, found `)`"),
    ParseProblem(input: "(a + b", diagnostics: "IE008 \(column(6))", message: "expected `)` to close `(`, found the end of the expression"),
    ParseProblem(input: "[a b]", diagnostics: "IE008 \(column(3))", message: "expected `]` to close `[`, found the name `b`"),
    ParseProblem(input: "count(a b)", diagnostics: "IE008 \(column(8))", message: "expected `)` to close `(`, found the name `b`"),
    ParseProblem(input: "a b", diagnostics: "IE009 \(column(2))", message: "expected the end of the expression, found the name `b`"),
    ParseProblem(input: "a)", diagnostics: "IE009 \(column(1))", message: "expected the end of the expression, found `)`"),
    ParseProblem(input: "answer is 'yes'", diagnostics: "IE009 \(column(7))", message: "expected the end of the expression, found the name `is`"),
    ParseProblem(input: "1 < x < 5", diagnostics: "IE010 \(column(6))", message: "comparison `<` cannot follow another comparison"),
    ParseProblem(input: "a == b == c", diagnostics: "IE010 \(column(7))", message: "comparison `==` cannot follow another comparison"),
    ParseProblem(input: "a == not b", diagnostics: "IE011 \(column(5))", message: "`not` cannot follow an operator"),
    ParseProblem(input: "-not a", diagnostics: "IE011 \(column(1))", message: "`not` cannot follow an operator"),
    ParseProblem(
        input: String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100),
        diagnostics: "IE012 \(column(64))", message: "expression is nested deeper than 64 levels"),
    // A problem the lexer reported stops the parser without a second message.
    ParseProblem(input: "(a = 1", diagnostics: "IE001 \(column(3))", message: "unexpected `=` in expression"),
    ParseProblem(input: "a and 'b", diagnostics: "IE002 \(column(6))", message: "unterminated string in expression"),
])
func reportsParseProblems(_ c: ParseProblem) {
    let parsed = parse(c.input)
    #expect(parsed.expression == nil)
    #expect(summary(parsed.diagnostics) == c.diagnostics)
    #expect(parsed.diagnostics.first?.message == c.message)
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
