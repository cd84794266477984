@testable import DialogModel
import DialogSyntax
import Testing

/// Tokens written compactly: `#14` a number, `'x'` a string, `n:a.b` a name, keywords
/// and symbols as themselves, `!bad!` for text that could not be read.
private func lexed(_ text: String) -> String {
    ExpressionLexer.tokens(text, at: base).tokens.compactMap { token -> String? in
        switch token.kind {
        case .number(let n): "#\(n)"
        case .string(let s): "'\(s)'"
        case .name(let n): "n:\(n)"
        case .keyword(let k): k.rawValue
        case .symbol(let s): s.rawValue
        case .invalid: "!\(token.text)!"
        case .end: nil
        }
    }.joined(separator: " ")
}

struct LexingCase: CustomTestStringConvertible, Sendable {
    var input: String
    var tokens: String
    var testDescription: String { input }
}

@Test(arguments: [
    LexingCase(input: "sows", tokens: "n:sows"),
    LexingCase(input: "session.region", tokens: "n:session.region"),
    LexingCase(input: "_private.x_1", tokens: "n:_private.x_1"),
    LexingCase(input: "14", tokens: "#14.0"),
    LexingCase(input: "2.5", tokens: "#2.5"),
    LexingCase(input: "007", tokens: "#7.0"),
    LexingCase(input: "'cramps'", tokens: "'cramps'"),
    LexingCase(input: "\"cramps\"", tokens: "'cramps'"),
    LexingCase(input: "'it\\'s'", tokens: "'it's'"),
    LexingCase(input: "\"say \\\"no\\\"\"", tokens: "'say \"no\"'"),
    LexingCase(input: "'back\\\\slash'", tokens: "'back\\slash'"),
    LexingCase(input: "\"it's\"", tokens: "'it's'"),
    LexingCase(input: "''", tokens: "''"),
    LexingCase(input: "'café ☕'", tokens: "'café ☕'"),
    LexingCase(input: "true false", tokens: "true false"),
    LexingCase(input: "and or not in", tokens: "and or not in"),
    LexingCase(input: "android order notes inside", tokens: "n:android n:order n:notes n:inside"),
    LexingCase(input: "true.x", tokens: "n:true.x"),
    LexingCase(input: "a==b!=c<d<=e>f>=g", tokens: "n:a == n:b != n:c < n:d <= n:e > n:f >= n:g"),
    LexingCase(input: "(1+2)*3/4-5", tokens: "( #1.0 + #2.0 ) * #3.0 / #4.0 - #5.0"),
    LexingCase(input: "[a, 'b']", tokens: "[ n:a , 'b' ]"),
    LexingCase(input: "count(x)", tokens: "n:count ( n:x )"),
    LexingCase(input: "  \t a \n ", tokens: "n:a"),
    LexingCase(input: "3days", tokens: "#3.0 n:days"),
    LexingCase(input: "crisis-line", tokens: "n:crisis - n:line"),
    // Problems: the token is marked and reading goes on.
    LexingCase(input: "a = 1", tokens: "n:a !=! #1.0"),
    LexingCase(input: "a && b || !c", tokens: "n:a !&&! n:b !||! !!! n:c"),
    LexingCase(input: "1. + .5", tokens: "!1.! + !.5!"),
    LexingCase(input: "session. region", tokens: "!session.! n:region"),
    LexingCase(input: "a..b", tokens: "!a..b!"),
    LexingCase(input: "'open", tokens: "!'open!"),
    LexingCase(input: "'bad \\n'", tokens: "!'bad \\n'!"),
    LexingCase(input: "{x} @", tokens: "!{! n:x !}! !@!"),
    LexingCase(input: "\u{2018}yes\u{2019}", tokens: "!\u{2018}! n:yes !\u{2019}!"),
])
func lexesTokens(_ c: LexingCase) {
    #expect(lexed(c.input) == c.tokens)
}

struct LexingProblem: CustomTestStringConvertible, Sendable {
    var input: String
    var diagnostics: String
    var message: String
    var testDescription: String { input }
}

@Test(arguments: [
    LexingProblem(input: "a = 1", diagnostics: "IE001 \(column(2))", message: "unexpected `=` in expression"),
    LexingProblem(input: "a && b", diagnostics: "IE001 \(column(2))", message: "unexpected `&&` in expression"),
    LexingProblem(input: "x @ y", diagnostics: "IE001 \(column(2))", message: "unexpected `@` in expression"),
    LexingProblem(input: "a\u{00A0}b", diagnostics: "IE001 \(column(1))", message: "unexpected character U+00A0 in expression"),
    LexingProblem(input: "a\u{7}", diagnostics: "IE001 \(column(1))", message: "unexpected character U+0007 in expression"),
    LexingProblem(input: "x == 'open", diagnostics: "IE002 \(column(5))", message: "unterminated string in expression"),
    LexingProblem(input: "'a\\tb'", diagnostics: "IE003 \(column(2))", message: "invalid escape `\\t` in string"),
    LexingProblem(input: "x > 1.", diagnostics: "IE004 \(column(4))", message: "expected a digit after the decimal point in `1.`"),
    LexingProblem(input: "x > .5", diagnostics: "IE004 \(column(4))", message: "number `.5` has no digit before the decimal point"),
    LexingProblem(input: String(repeating: "9", count: 400), diagnostics: "IE004 \(column(0))", message: "number `99999999999999999999…` is too large"),
    LexingProblem(input: "session.", diagnostics: "IE005 \(column(0))", message: "expected a name after `.` in `session.`"),
])
func reportsLexicalProblems(_ c: LexingProblem) {
    let diagnostics = parse(c.input).diagnostics
    #expect(summary(diagnostics) == c.diagnostics)
    #expect(diagnostics.first?.message == c.message)
}

@Test func problemsComeInTheOrderOfTheText() {
    // The parser finds `b` first, the lexer `=` before it: the author reads them in order.
    #expect(summary(parse("a b = 1").diagnostics) == "IE009 \(column(2)); IE001 \(column(4))")
    #expect(parse("café").diagnostics.first?.hint == "names are written with the letters a-z, digits and `_`; quote other text as a string")
}

@Test func reportsEveryLexicalProblemUpToALimit() {
    #expect(summary(parse("a = 1 and b = 2").diagnostics) == "IE001 \(column(2)); IE001 \(column(12))")
    let many = String(repeating: "@ ", count: 1000)
    #expect(parse(many).diagnostics.count == ExpressionLexer.maximumDiagnostics)
}

@Test func positionsCountScalarsForColumnsAndBytesForOffsets() {
    // `é` is one column but two UTF-8 bytes; `☕` one column, three bytes.
    let tokens = ExpressionLexer.tokens("'é☕' == x", at: base).tokens
    #expect(tokens[0].range.start == base)
    #expect(tokens[0].range.end == SourcePosition(offset: 100 + 7, line: 7, column: 9 + 4))
    #expect(tokens[1].range.start == SourcePosition(offset: 100 + 8, line: 7, column: 9 + 5))
    // A line feed moves to the next line.
    let split = ExpressionLexer.tokens("a and\n  b", at: base).tokens
    #expect(split[2].range.start == SourcePosition(offset: 108, line: 8, column: 3))
}
