import DialogModel
import DialogSyntax
import Testing

/// Parts written compactly: literals in quotes, expressions in braces, fully
/// parenthesised; failing that, the diagnostics.
private func split(_ text: String) -> String {
    let parsed = Interpolation.parse(text, at: base)
    guard let interpolation = parsed.interpolation else { return "! " + summary(parsed.diagnostics) }
    return interpolation.parts.map { part in
        switch part {
        case .literal(let s, _): "\"\(s)\""
        case .expression(let e, _): "{\(e)}"
        }
    }.joined(separator: " ")
}

/// The parts of a text that must split without problems.
private func interpolation(
    _ text: String, at start: SourcePosition = base, continuationIndent: Int = 0,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Interpolation {
    let parsed = Interpolation.parse(text, at: start, continuationIndent: continuationIndent)
    guard let interpolation = parsed.interpolation else {
        Issue.record("\(summary(parsed.diagnostics))", sourceLocation: sourceLocation)
        return Interpolation(parts: [])
    }
    return interpolation
}

/// Each row: a text and its parts, written as ``split(_:)`` writes them.
@Test(arguments: [
    ("", ""),
    ("No braces at all.", "\"No braces at all.\""),
    ("Your total is {sows} out of 64. Call {emergency}.", "\"Your total is \" {sows} \" out of 64. Call \" {emergency} \".\""),
    ("{sows}", "{sows}"),
    ("{sows}{sows}", "{sows} {sows}"),
    ("Score: { sows + 1 }", "\"Score: \" {(sows + 1)}"),
    ("Call {crisis-line} now", "\"Call \" {crisis-line} \" now\""),
    ("{ detox-helpline }", "{detox-helpline}"),
    ("{region.crisis-line}", "{region.crisis-line}"),
    ("{a - b}", "{(a - b)}"),
    ("{a -b}", "{(a - b)}"),
    ("{sows-1}", "{sows-1}"),
    ("{-x}", "{(-x)}"),
    ("{x == 'a' and y}", "{((x == 'a') and y)}"),
    ("{count(symptoms.reported)} symptoms", "{count(symptoms.reported)} \" symptoms\""),
    ("Use {{braces}} like {{this}}", "\"Use {braces} like {this}\""),
    ("{{{sows}}}", "\"{\" {sows} \"}\""),
    ("two\nlines {sows}", "\"two\nlines \" {sows}"),
    // Problems: every one is reported, and there are no parts.
    ("{a-}", "! IE007 \(column(3))"),
    ("{'a}b'}", "! IE002 \(column(1)); IE014 \(column(6))"),
    ("Total {sows", "! IE013 \(column(6))"),
    ("a { b\nc } d", "! IE013 \(column(2)); IE014 8:3"),
    ("one } two", "! IE014 \(column(4))"),
    ("empty {} here", "! IE006 \(column(7))"),
    ("{a b} and {c}", "! IE009 \(column(3))"),
    ("{a b} and {c d} }", "! IE009 \(column(3)); IE009 \(column(13)); IE014 \(column(16))"),
])
func splitsText(_ text: String, _ parts: String) {
    #expect(split(text) == parts)
}

@Test func partsCarryFileRanges() {
    let parts = interpolation("Hi {name}!").parts
    #expect(parts.count == 3)
    guard case .literal(_, let hi) = parts[0], case .expression(let expr, let braces) = parts[1],
        case .literal(_, let bang) = parts[2]
    else {
        Issue.record("unexpected parts \(parts)")
        return
    }
    #expect(hi == SourceRange(start: base, end: SourcePosition(offset: 103, line: 7, column: 12)))
    #expect(
        braces
            == SourceRange(
                start: SourcePosition(offset: 103, line: 7, column: 12),
                end: SourcePosition(offset: 109, line: 7, column: 18)))
    #expect(
        expr.range
            == SourceRange(
                start: SourcePosition(offset: 104, line: 7, column: 13),
                end: SourcePosition(offset: 108, line: 7, column: 17)))
    #expect(bang.start.column == 18)
}

@Test func hyphenatedNamesGetTheRangeOfTheName() throws {
    let parts = interpolation("{  crisis-line }").parts
    guard case .expression(.name("crisis-line", let range), _) = parts.first else {
        Issue.record("unexpected parts \(parts)")
        return
    }
    #expect(range.start == SourcePosition(offset: 103, line: 7, column: 12))
    #expect(range.end == SourcePosition(offset: 114, line: 7, column: 23))
}

@Test func laterLinesOfABlockScalarGetTheirIndentation() {
    // `say: |` with content indented by 6: the text has no indentation, the file does.
    let start = SourcePosition(offset: 50, line: 4, column: 7)
    let d = interpolation("First line\nthen {sowz}\n", at: start, continuationIndent: 6).check(in: environment)
    #expect(d.map(\.range.start) == [SourcePosition(offset: 50 + 11 + 6 + 6, line: 5, column: 13)])
}

@Test func rendersWithValues() {
    let text = interpolation("Your total is {sows} out of 64. Call {crisis-line} or {emergency}. {{ok}}")
    #expect(text.render(with: variables) == "Your total is 14 out of 64. Call 988 or 911. {ok}")
    #expect(interpolation("You said: {answer}.").render(with: variables) == "You said: .")
    #expect(
        interpolation("{symptoms.reported}; consent: {consented}; {sows / 4}").render(with: variables)
            == "cramps, yawning; consent: yes; 3.5")
    #expect(text.isLiteral == false)
    #expect(interpolation("plain {{text}}").isLiteral)
}

@Test func checksEveryExpressionPart() {
    let text = interpolation("{sowz} and {crisis-lien} and {sows-1} and {count(sows)}")
    let d = text.check(in: environment)
    #expect(summary(d) == "IE015 \(column(1)); IE015 \(column(12)); IE015 \(column(30)); IE018 \(column(49))")
    #expect(
        d.map(\.hint) == [
            "did you mean `sows`?", "did you mean `crisis-line`?",
            "to subtract, put spaces around `-`: `sows - 1`", nil,
        ])
}
