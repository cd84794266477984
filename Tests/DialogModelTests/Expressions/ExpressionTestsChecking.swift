import DialogModel
import DialogSyntax
import Testing

/// Each row: an expression that checks without problems, and its type.
@Test(
    arguments: [
        ("sows", .number),
        ("sows + 1", .number),
        ("-sows * 2 / 3", .number),
        ("answer + '!'", .string),
        ("sows > 10 and consented", .bool),
        ("not consented or answer == 'yes'", .bool),
        ("'cramps' in symptoms.reported", .bool),
        ("'cramps' not in symptoms.denied", .bool),
        ("region in ['US', 'CA']", .bool),
        ("session.region != region", .bool),
        ("count(symptoms.reported) >= 2", .bool),
        ("count(answer)", .number),
        ("has(answer)", .bool),
        ("has(symptoms.denied) and not has(scores)", .bool),
        ("[]", .list(.unknown)),
        ("[1, 2.5]", .list(.number)),
        ("[[], ['a']]", .list(.list(.string))),
        ("symptoms.reported == []", .bool),
        ("scores == [1, 2]", .bool),
        ("[sows, 1] == scores", .bool),
    ] as [(String, ExprType)])
func typesWellFormedExpressions(_ input: String, _ type: ExprType) throws {
    let expr = try #require(parse(input).expression)
    let checked = TypeChecker.check(expr, in: environment)
    #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.message))")
    #expect(checked.type == type)
}

/// Each row: an expression, its diagnostics as `CODE line:col`, the first message, and the
/// first hint where the case checks one.
@Test(
    arguments: [
        ("sowz > 10", "IE015 \(column(0))", "unknown variable `sowz`", "did you mean `sows`?"),
        ("'cramps' in symptoms.reportde", "IE015 \(column(12))", "unknown variable `symptoms.reportde`", "did you mean `symptoms.reported`?"),
        ("SOWS > 1", "IE015 \(column(0))", "unknown variable `SOWS`", "did you mean `sows`?"),
        ("session.regoin == 'US'", "IE015 \(column(0))", "unknown variable `session.regoin`", "did you mean `session.region`?"),
        ("zebra", "IE015 \(column(0))", "unknown variable `zebra`", nil),
        ("answer == null", "IE015 \(column(10))", "unknown variable `null`", "there is no null; `has(x)` tells whether `x` is set"),
        ("count > 1", "IE015 \(column(0))", "unknown variable `count`", "`count` is a function; call it as `count(x)`"),
        ("cuont(scores)", "IE016 \(column(0))", "unknown function `cuont`", "did you mean `count`?"),
        ("sows(1)", "IE016 \(column(0))", "unknown function `sows`", "`sows` is a variable, not a function; the functions are `count` and `has`"),
        ("max(1, 2)", "IE016 \(column(0))", "unknown function `max`", "the functions are `count` and `has`"),
        ("count(scores, 2) > 1", "IE017 \(column(0))", "`count` takes 1 argument, found 2", "write `count(x)`"),
        ("has()", "IE017 \(column(0))", "`has` takes 1 argument, found 0", nil),
        ("count(sows)", "IE018 \(column(6))", "`count` needs a list or a string, found a number", nil),
        ("'a' - 1", "IE019 \(column(4))", "`-` cannot be applied to a string and a number", "`-` works on numbers"),
        ("sows + answer", "IE019 \(column(5))", "`+` cannot be applied to a number and a string", "`+` adds two numbers or joins two strings; to show a number in text, write `{…}` in the text"),
        ("consented * 2", "IE019 \(column(10))", "`*` cannot be applied to a bool and a number", nil),
        ("-answer", "IE019 \(column(0))", "`-` cannot be applied to a string", nil),
        ("sows == 'high'", "IE020 \(column(5))", "`==` cannot compare a number with a string", "both sides of `==` must have the same type"),
        ("scores != ['a']", "IE020 \(column(7))", "`!=` cannot compare a list of numbers with a list of strings", nil),
        ("answer < 'm'", "IE020 \(column(7))", "`<` cannot compare strings", "only numbers are ordered"),
        ("sows >= '10'", "IE020 \(column(5))", "`>=` cannot compare a number with a string", "both sides of `>=` must be numbers"),
        ("sows and consented", "IE021 \(column(0))", "`and` needs a bool, found a number", nil),
        ("consented or answer", "IE021 \(column(13))", "`or` needs a bool, found a string", nil),
        ("not sows", "IE021 \(column(4))", "`not` needs a bool, found a number", nil),
        ("'a' in answer", "IE022 \(column(7))", "`in` needs a list on its right, found a string", "write a list, such as `region in ['US', 'CA']`"),
        ("sows in symptoms.reported", "IE022 \(column(0))", "`in` cannot look for a number in a list of strings", nil),
        ("1 not in ['a']", "IE022 \(column(0))", "`in` cannot look for a number in a list of strings", nil),
        ("region in ['US', 1]", "IE023 \(column(17))", "list items must have one type; found a number among strings", nil),
        // Several problems, each reported once; unknown names do not cascade.
        ("sowz + 1 > 'x' and nope", "IE015 \(column(0)); IE020 \(column(9)); IE015 \(column(19))", "unknown variable `sowz`", nil),
        ("count(zebra) + zebra > 1", "IE015 \(column(6)); IE015 \(column(15))", "unknown variable `zebra`", nil),
        ("frobnicate(sowz)", "IE016 \(column(0)); IE015 \(column(11))", "unknown function `frobnicate`", nil),
    ] as [(String, String, String, String?)])
func reportsTypeProblems(_ input: String, _ reported: String, _ message: String, _ hint: String?) {
    let diagnostics = checkDiagnostics(input)
    #expect(summary(diagnostics) == reported)
    #expect(diagnostics.first?.message == message)
    if let hint = hint { #expect(diagnostics.first?.hint == hint) }
    #expect(diagnostics.allSatisfy { $0.severity == .error })
}

@Test func conditionsMustBeBools() {
    #expect(checkDiagnostics("sows > 10", expecting: .bool).isEmpty)
    let d = checkDiagnostics("sows + 1", expecting: .bool)
    #expect(summary(d) == "IE024 \(column(0))")
    #expect(d.first?.message == "expected a bool expression, found a number")
    #expect(d.first?.hint == "a condition is true or false; compare the value, such as `sows > 10`")
    #expect(d.first?.range.end.column == base.column + 8)
    // An unknown name is reported once, not again as the wrong type.
    #expect(summary(checkDiagnostics("sowz", expecting: .bool)) == "IE015 \(column(0))")
    #expect(summary(checkDiagnostics("answer", expecting: .number)) == "IE024 \(column(0))")
}

@Test func mixedListNotesTheFirstItem() {
    let d = checkDiagnostics("['a', 'b', 3]")
    #expect(d.first?.notes.map(\.message) == ["the first item is a string"])
    #expect(d.first?.notes.first?.range.start == SourcePosition(offset: 101, line: 7, column: 10))
}

@Test func hyphenatedUnknownNamesSuggestSubtraction() throws {
    let expr = Expr.name("sows-lol", SourceRange(at: base))
    let d = TypeChecker.check(expr, in: environment).diagnostics
    #expect(d.first?.hint == "to subtract, put spaces around `-`: `sows - lol`")
}

@Test(
    arguments: [
        ("sowz", ["sows", "answer"], "sows"),
        ("smyptoms", ["symptoms", "sows"], "symptoms"),
        ("answers", ["answer", "answered"], "answer"),
        ("ab", ["ac", "ad"], "ac"),
        ("region", ["legion", "reign"], "legion"),
        ("x", ["y", "xy"], "xy"),
        ("completely", ["different"], nil),
        ("a", ["bcd"], nil),
    ] as [(String, [String], String?)])
func suggestsTheClosestName(_ name: String, _ candidates: [String], _ expected: String?) {
    let env = Dictionary(uniqueKeysWithValues: candidates.map { ($0, ExprType.number) })
    let hint = TypeChecker.check(.name(name, SourceRange(at: base)), in: env).diagnostics.first?.hint
    #expect(hint == expected.map { "did you mean `\($0)`?" })
}
