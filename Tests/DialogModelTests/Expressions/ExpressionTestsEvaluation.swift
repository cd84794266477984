import DialogModel
import DialogSyntax
import Testing

struct EvaluationCase: CustomTestStringConvertible, Sendable {
    var input: String
    var value: Value
    var testDescription: String { input }
}

/// Evaluates with ``variables`` (where `answer` and `symptoms.denied` are unset).
private func evaluated(_ text: String) throws -> Value {
    let expr = try #require(parse(text).expression, "\(summary(parse(text).diagnostics))")
    return expr.evaluate(in: variables)
}

@Test(arguments: [
    // Literals and names.
    EvaluationCase(input: "14", value: 14),
    EvaluationCase(input: "'yes'", value: "yes"),
    EvaluationCase(input: "[1, 'a', true]", value: [1, "a", true]),
    EvaluationCase(input: "sows", value: 14),
    EvaluationCase(input: "session.region", value: "CA"),
    EvaluationCase(input: "answer", value: .null),
    // Arithmetic.
    EvaluationCase(input: "sows + 2 * 3", value: 20),
    EvaluationCase(input: "(sows + 2) * 3", value: 48),
    EvaluationCase(input: "7 / 2", value: 3.5),
    EvaluationCase(input: "1 - 2 - 3", value: -4),
    EvaluationCase(input: "-sows", value: -14),
    EvaluationCase(input: "'ab' + 'cd'", value: "abcd"),
    EvaluationCase(input: "sows / 0", value: .null),
    EvaluationCase(input: "sows / (2 - 2)", value: .null),
    EvaluationCase(input: "0 / 0", value: .null),
    EvaluationCase(input: "answer + 1", value: .null),
    EvaluationCase(input: "-answer", value: .null),
    EvaluationCase(input: "'a' - 1", value: .null),
    EvaluationCase(input: "sows + 'x'", value: .null),
    EvaluationCase(
        input:
            "99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999",
        value: .null),
    // Comparisons: numbers exactly.
    EvaluationCase(input: "sows == 14", value: true),
    EvaluationCase(input: "sows == 14.0", value: true),
    EvaluationCase(input: "0.1 + 0.2 == 0.3", value: false),
    EvaluationCase(input: "0.5 + 0.25 == 0.75", value: true),
    EvaluationCase(input: "sows != 14", value: false),
    EvaluationCase(input: "sows > 10", value: true),
    EvaluationCase(input: "sows >= 14 and sows <= 14", value: true),
    EvaluationCase(input: "sows < 14", value: false),
    EvaluationCase(input: "region == 'US'", value: true),
    EvaluationCase(input: "region == 'us'", value: false),
    EvaluationCase(input: "scores == [1, 2.5]", value: true),
    EvaluationCase(input: "answer == 'yes'", value: false),
    EvaluationCase(input: "answer != 'yes'", value: true),
    EvaluationCase(input: "answer == symptoms.denied", value: true),
    EvaluationCase(input: "answer > 3", value: false),
    EvaluationCase(input: "answer <= 3", value: false),
    EvaluationCase(input: "'b' > 'a'", value: false),
    EvaluationCase(input: "sows == '14'", value: false),
    // Membership.
    EvaluationCase(input: "'cramps' in symptoms.reported", value: true),
    EvaluationCase(input: "'vomiting' in symptoms.reported", value: false),
    EvaluationCase(input: "'vomiting' not in symptoms.reported", value: true),
    EvaluationCase(input: "region in ['US', 'CA']", value: true),
    EvaluationCase(input: "2.5 in scores", value: true),
    EvaluationCase(input: "'cramps' in symptoms.denied", value: false),
    EvaluationCase(input: "'cramps' not in symptoms.denied", value: true),
    EvaluationCase(input: "'U' in region", value: false),
    // Logic: only `true` is true.
    EvaluationCase(input: "consented and sows > 10", value: true),
    EvaluationCase(input: "not consented or sows > 100", value: false),
    EvaluationCase(input: "not answer", value: true),
    EvaluationCase(input: "answer and true", value: false),
    EvaluationCase(input: "answer or true", value: true),
    EvaluationCase(input: "sows or false", value: false),
    EvaluationCase(input: "not (sows > 3)", value: false),
    // Functions.
    EvaluationCase(input: "count(symptoms.reported)", value: 2),
    EvaluationCase(input: "count(symptoms.denied)", value: 0),
    EvaluationCase(input: "count('café')", value: 4),
    EvaluationCase(input: "count([])", value: 0),
    EvaluationCase(input: "count(sows)", value: .null),
    EvaluationCase(input: "has(answer)", value: false),
    EvaluationCase(input: "has(sows)", value: true),
    EvaluationCase(input: "has(0)", value: true),
    EvaluationCase(input: "has(false)", value: true),
    EvaluationCase(input: "has('')", value: false),
    EvaluationCase(input: "has([])", value: false),
    EvaluationCase(input: "has(symptoms.reported)", value: true),
    EvaluationCase(input: "has(symptoms.denied)", value: false),
    EvaluationCase(input: "nope(1)", value: .null),
    EvaluationCase(input: "count(1, 2)", value: .null),
    EvaluationCase(input: "count()", value: .null),
])
func evaluatesExpressions(_ c: EvaluationCase) throws {
    #expect(try evaluated(c.input) == c.value)
}

@Test func andAndOrStopEarly() throws {
    /// Records which names were read.
    final class Recording: VariableLookup {
        var read: [String] = []
        func value(of name: String) -> Value? {
            read.append(name)
            return name == "yes" ? true : false
        }
    }
    let lookup = Recording()
    _ = try #require(parse("no and x").expression).evaluate(in: lookup)
    _ = try #require(parse("yes or y").expression).evaluate(in: lookup)
    _ = try #require(parse("yes and z").expression).evaluate(in: lookup)
    #expect(lookup.read == ["no", "yes", "yes", "z"])
}

struct InterpolationTextCase: CustomTestStringConvertible, Sendable {
    var value: Value
    var text: String
    var literal: String
    var testDescription: String { literal }
}

@Test(arguments: [
    InterpolationTextCase(value: 14, text: "14", literal: "14"),
    InterpolationTextCase(value: 14.0, text: "14", literal: "14"),
    InterpolationTextCase(value: -3, text: "-3", literal: "-3"),
    InterpolationTextCase(value: .number(-0.0), text: "0", literal: "0"),
    InterpolationTextCase(value: 2.5, text: "2.5", literal: "2.5"),
    InterpolationTextCase(value: 0.1, text: "0.1", literal: "0.1"),
    InterpolationTextCase(value: 1e20, text: "1e+20", literal: "1e+20"),
    InterpolationTextCase(value: 9_007_199_254_740_991, text: "9007199254740991", literal: "9007199254740991"),
    InterpolationTextCase(value: "cramps", text: "cramps", literal: "'cramps'"),
    InterpolationTextCase(value: "it's", text: "it's", literal: "'it\\'s'"),
    InterpolationTextCase(value: true, text: "yes", literal: "true"),
    InterpolationTextCase(value: false, text: "no", literal: "false"),
    InterpolationTextCase(value: ["cramps", "yawning"], text: "cramps, yawning", literal: "['cramps', 'yawning']"),
    InterpolationTextCase(value: [], text: "", literal: "[]"),
    InterpolationTextCase(value: .null, text: "", literal: "null"),
])
func writesValues(_ c: InterpolationTextCase) {
    #expect(c.value.interpolationText == c.text)
    #expect(c.value.description == c.literal)
}

@Test func valuesKnowTheirTypes() {
    #expect(Value.number(1).type == .number)
    #expect(Value.list(["a", "b"]).type == .list(.string))
    #expect(Value.list([]).type == .list(.unknown))
    #expect(Value.list([[], [1]]).type == .list(.list(.number)))
    #expect(Value.null.type == nil)
}
