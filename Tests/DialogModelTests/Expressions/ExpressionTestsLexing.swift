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

/// Each row: an expression and its tokens, written as ``lexed(_:)`` writes them.
@Test(arguments: [
    ("sows", "n:sows"),
    ("session.region", "n:session.region"),
    ("_private.x_1", "n:_private.x_1"),
    ("14", "#14.0"),
    ("2.5", "#2.5"),
    ("007", "#7.0"),
    ("'cramps'", "'cramps'"),
    ("\"cramps\"", "'cramps'"),
    ("'it\\'s'", "'it's'"),
    ("\"say \\\"no\\\"\"", "'say \"no\"'"),
    ("'back\\\\slash'", "'back\\slash'"),
    ("\"it's\"", "'it's'"),
    ("''", "''"),
    ("'café ☕'", "'café ☕'"),
    ("true false", "true false"),
    ("and or not in", "and or not in"),
    ("android order notes inside", "n:android n:order n:notes n:inside"),
    ("true.x", "n:true.x"),
    ("a==b!=c<d<=e>f>=g", "n:a == n:b != n:c < n:d <= n:e > n:f >= n:g"),
    ("(1+2)*3/4-5", "( #1.0 + #2.0 ) * #3.0 / #4.0 - #5.0"),
    ("[a, 'b']", "[ n:a , 'b' ]"),
    ("count(x)", "n:count ( n:x )"),
    ("  \t a \n ", "n:a"),
    ("3days", "#3.0 n:days"),
    ("crisis-line", "n:crisis - n:line"),
    // Problems: the token is marked and reading goes on.
    ("a = 1", "n:a !=! #1.0"),
    ("a && b || !c", "n:a !&&! n:b !||! !!! n:c"),
    ("1. + .5", "!1.! + !.5!"),
    ("session. region", "!session.! n:region"),
    ("a..b", "!a..b!"),
    ("'open", "!'open!"),
    ("'bad \\n'", "!'bad \\n'!"),
    ("{x} @", "!{! n:x !}! !@!"),
    ("\u{2018}yes\u{2019}", "!\u{2018}! n:yes !\u{2019}!"),
])
func lexesTokens(_ input: String, _ tokens: String) {
    #expect(lexed(input) == tokens)
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
