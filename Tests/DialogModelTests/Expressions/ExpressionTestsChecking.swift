import DialogModel
import DialogSyntax
import Testing

struct CheckingCase: CustomTestStringConvertible, Sendable {
    var input: String
    var type: ExprType
    var testDescription: String { input }
}

@Test(arguments: [
    CheckingCase(input: "sows", type: .number),
    CheckingCase(input: "sows + 1", type: .number),
    CheckingCase(input: "-sows * 2 / 3", type: .number),
    CheckingCase(input: "answer + '!'", type: .string),
    CheckingCase(input: "sows > 10 and consented", type: .bool),
    CheckingCase(input: "not consented or answer == 'yes'", type: .bool),
    CheckingCase(input: "'cramps' in symptoms.reported", type: .bool),
    CheckingCase(input: "'cramps' not in symptoms.denied", type: .bool),
    CheckingCase(input: "region in ['US', 'CA']", type: .bool),
    CheckingCase(input: "session.region != region", type: .bool),
    CheckingCase(input: "count(symptoms.reported) >= 2", type: .bool),
    CheckingCase(input: "count(answer)", type: .number),
    CheckingCase(input: "has(answer)", type: .bool),
    CheckingCase(input: "has(symptoms.denied) and not has(scores)", type: .bool),
    CheckingCase(input: "[]", type: .list(.unknown)),
    CheckingCase(input: "[1, 2.5]", type: .list(.number)),
    CheckingCase(input: "[[], ['a']]", type: .list(.list(.string))),
    CheckingCase(input: "symptoms.reported == []", type: .bool),
    CheckingCase(input: "scores == [1, 2]", type: .bool),
    CheckingCase(input: "[sows, 1] == scores", type: .bool),
])
func typesWellFormedExpressions(_ c: CheckingCase) throws {
    let expr = try #require(parse(c.input).expression)
    let checked = TypeChecker.check(expr, in: environment)
    #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics.map(\.message))")
    #expect(checked.type == c.type)
}

struct CheckingProblem: CustomTestStringConvertible, Sendable {
    var input: String
    var diagnostics: String
    var message: String
    var hint: String? = nil
    var testDescription: String { input }
}

@Test(arguments: [
    CheckingProblem(
        input: "sowz > 10", diagnostics: "IE015 \(column(0))",
        message: "unknown variable `sowz`", hint: "did you mean `sows`?"),
    CheckingProblem(
        input: "'cramps' in symptoms.reportde", diagnostics: "IE015 \(column(12))",
        message: "unknown variable `symptoms.reportde`", hint: "did you mean `symptoms.reported`?"),
    CheckingProblem(
        input: "SOWS > 1", diagnostics: "IE015 \(column(0))",
        message: "unknown variable `SOWS`", hint: "did you mean `sows`?"),
    CheckingProblem(
        input: "session.regoin == 'US'", diagnostics: "IE015 \(column(0))",
        message: "unknown variable `session.regoin`", hint: "did you mean `session.region`?"),
    CheckingProblem(input: "zebra", diagnostics: "IE015 \(column(0))", message: "unknown variable `zebra`"),
    CheckingProblem(
        input: "answer == null", diagnostics: "IE015 \(column(10))",
        message: "unknown variable `null`", hint: "there is no null; `has(x)` tells whether `x` is set"),
    CheckingProblem(
        input: "count > 1", diagnostics: "IE015 \(column(0))",
        message: "unknown variable `count`", hint: "`count` is a function; call it as `count(x)`"),
    CheckingProblem(
        input: "cuont(scores)", diagnostics: "IE016 \(column(0))",
        message: "unknown function `cuont`", hint: "did you mean `count`?"),
    CheckingProblem(
        input: "sows(1)", diagnostics: "IE016 \(column(0))",
        message: "unknown function `sows`", hint: "`sows` is a variable, not a function; the functions are `count` and `has`"),
    CheckingProblem(
        input: "max(1, 2)", diagnostics: "IE016 \(column(0))",
        message: "unknown function `max`", hint: "the functions are `count` and `has`"),
    CheckingProblem(
        input: "count(scores, 2) > 1", diagnostics: "IE017 \(column(0))",
        message: "`count` takes 1 argument, found 2", hint: "write `count(x)`"),
    CheckingProblem(input: "has()", diagnostics: "IE017 \(column(0))", message: "`has` takes 1 argument, found 0"),
    CheckingProblem(
        input: "count(sows)", diagnostics: "IE018 \(column(6))",
        message: "`count` needs a list or a string, found a number"),
    CheckingProblem(
        input: "'a' - 1", diagnostics: "IE019 \(column(4))",
        message: "`-` cannot be applied to a string and a number", hint: "`-` works on numbers"),
    CheckingProblem(
        input: "sows + answer", diagnostics: "IE019 \(column(5))",
        message: "`+` cannot be applied to a number and a string",
        hint: "`+` adds two numbers or joins two strings; to show a number in text, write `{…}` in the text"),
    CheckingProblem(input: "consented * 2", diagnostics: "IE019 \(column(10))", message: "`*` cannot be applied to a bool and a number"),
    CheckingProblem(input: "-answer", diagnostics: "IE019 \(column(0))", message: "`-` cannot be applied to a string"),
    CheckingProblem(
        input: "sows == 'high'", diagnostics: "IE020 \(column(5))",
        message: "`==` cannot compare a number with a string", hint: "both sides of `==` must have the same type"),
    CheckingProblem(
        input: "scores != ['a']", diagnostics: "IE020 \(column(7))",
        message: "`!=` cannot compare a list of numbers with a list of strings"),
    CheckingProblem(
        input: "answer < 'm'", diagnostics: "IE020 \(column(7))",
        message: "`<` cannot compare strings", hint: "only numbers are ordered"),
    CheckingProblem(
        input: "sows >= '10'", diagnostics: "IE020 \(column(5))",
        message: "`>=` cannot compare a number with a string", hint: "both sides of `>=` must be numbers"),
    CheckingProblem(input: "sows and consented", diagnostics: "IE021 \(column(0))", message: "`and` needs a bool, found a number"),
    CheckingProblem(input: "consented or answer", diagnostics: "IE021 \(column(13))", message: "`or` needs a bool, found a string"),
    CheckingProblem(input: "not sows", diagnostics: "IE021 \(column(4))", message: "`not` needs a bool, found a number"),
    CheckingProblem(
        input: "'a' in answer", diagnostics: "IE022 \(column(7))",
        message: "`in` needs a list on its right, found a string", hint: "write a list, such as `region in ['US', 'CA']`"),
    CheckingProblem(
        input: "sows in symptoms.reported", diagnostics: "IE022 \(column(0))",
        message: "`in` cannot look for a number in a list of strings"),
    CheckingProblem(
        input: "1 not in ['a']", diagnostics: "IE022 \(column(0))",
        message: "`in` cannot look for a number in a list of strings"),
    CheckingProblem(
        input: "region in ['US', 1]", diagnostics: "IE023 \(column(17))",
        message: "list items must have one type; found a number among strings"),
    // Several problems, each reported once; unknown names do not cascade.
    CheckingProblem(
        input: "sowz + 1 > 'x' and nope", diagnostics: "IE015 \(column(0)); IE020 \(column(9)); IE015 \(column(19))",
        message: "unknown variable `sowz`"),
    CheckingProblem(
        input: "count(zebra) + zebra > 1", diagnostics: "IE015 \(column(6)); IE015 \(column(15))",
        message: "unknown variable `zebra`"),
    CheckingProblem(
        input: "frobnicate(sowz)", diagnostics: "IE016 \(column(0)); IE015 \(column(11))",
        message: "unknown function `frobnicate`"),
])
func reportsTypeProblems(_ c: CheckingProblem) {
    let diagnostics = checkDiagnostics(c.input)
    #expect(summary(diagnostics) == c.diagnostics)
    #expect(diagnostics.first?.message == c.message)
    if let hint = c.hint { #expect(diagnostics.first?.hint == hint) }
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
