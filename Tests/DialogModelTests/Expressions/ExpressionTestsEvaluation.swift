import DialogModel
import DialogSyntax
import Testing

/// Evaluates with ``variables`` (where `answer` and `symptoms.denied` are unset).
private func evaluated(_ text: String) throws -> Value {
    let expr = try #require(parse(text).expression, "\(summary(parse(text).diagnostics))")
    return expr.evaluate(in: variables)
}

/// Each row: an expression and its value with ``variables``.
@Test(
    arguments: [
        // Literals and names.
        ("14", 14),
        ("'yes'", "yes"),
        ("[1, 'a', true]", [1, "a", true]),
        ("sows", 14),
        ("session.region", "CA"),
        ("answer", .null),
        // Arithmetic.
        ("sows + 2 * 3", 20),
        ("(sows + 2) * 3", 48),
        ("7 / 2", 3.5),
        ("1 - 2 - 3", -4),
        ("-sows", -14),
        ("'ab' + 'cd'", "abcd"),
        ("sows / 0", .null),
        ("sows / (2 - 2)", .null),
        ("0 / 0", .null),
        ("answer + 1", .null),
        ("-answer", .null),
        ("'a' - 1", .null),
        ("sows + 'x'", .null),
        (
            "99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999 * 99999999999999999999999999999999",
            .null
        ),
        // Comparisons: numbers exactly.
        ("sows == 14", true),
        ("sows == 14.0", true),
        ("0.1 + 0.2 == 0.3", false),
        ("0.5 + 0.25 == 0.75", true),
        ("sows != 14", false),
        ("sows > 10", true),
        ("sows >= 14 and sows <= 14", true),
        ("sows < 14", false),
        ("region == 'US'", true),
        ("region == 'us'", false),
        ("scores == [1, 2.5]", true),
        ("answer == 'yes'", false),
        ("answer != 'yes'", true),
        ("answer == symptoms.denied", true),
        ("answer > 3", false),
        ("answer <= 3", false),
        ("'b' > 'a'", false),
        ("sows == '14'", false),
        // Membership.
        ("'cramps' in symptoms.reported", true),
        ("'vomiting' in symptoms.reported", false),
        ("'vomiting' not in symptoms.reported", true),
        ("region in ['US', 'CA']", true),
        ("2.5 in scores", true),
        ("'cramps' in symptoms.denied", false),
        ("'cramps' not in symptoms.denied", true),
        ("'U' in region", false),
        // Logic: only `true` is true.
        ("consented and sows > 10", true),
        ("not consented or sows > 100", false),
        ("not answer", true),
        ("answer and true", false),
        ("answer or true", true),
        ("sows or false", false),
        ("not (sows > 3)", false),
        // Functions.
        ("count(symptoms.reported)", 2),
        ("count(symptoms.denied)", 0),
        ("count('café')", 4),
        ("count([])", 0),
        ("count(sows)", .null),
        ("has(answer)", false),
        ("has(sows)", true),
        ("has(0)", true),
        ("has(false)", true),
        ("has('')", false),
        ("has([])", false),
        ("has(symptoms.reported)", true),
        ("has(symptoms.denied)", false),
        ("nope(1)", .null),
        ("count(1, 2)", .null),
        ("count()", .null),
    ] as [(String, Value)])
func evaluatesExpressions(_ input: String, _ value: Value) throws {
    #expect(try evaluated(input) == value)
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

/// Each row: a value, its text in an interpolation, and its literal.
@Test(
    arguments: [
        (14, "14", "14"),
        (14.0, "14", "14"),
        (-3, "-3", "-3"),
        (.number(-0.0), "0", "0"),
        (2.5, "2.5", "2.5"),
        (0.1, "0.1", "0.1"),
        (1e20, "1e+20", "1e+20"),
        (9_007_199_254_740_991, "9007199254740991", "9007199254740991"),
        ("cramps", "cramps", "'cramps'"),
        ("it's", "it's", "'it\\'s'"),
        (true, "yes", "true"),
        (false, "no", "false"),
        (["cramps", "yawning"], "cramps, yawning", "['cramps', 'yawning']"),
        ([], "", "[]"),
        (.null, "", "null"),
    ] as [(Value, String, String)])
func writesValues(_ value: Value, _ text: String, _ literal: String) {
    #expect(value.interpolationText == text)
    #expect(value.description == literal)
}

@Test func valuesKnowTheirTypes() {
    #expect(Value.number(1).type == .number)
    #expect(Value.list(["a", "b"]).type == .list(.string))
    #expect(Value.list([]).type == .list(.unknown))
    #expect(Value.list([[], [1]]).type == .list(.list(.number)))
    #expect(Value.null.type == nil)
}
