import DialogSyntax
import Testing

/// A plain scalar's text and the value the core schema gives it.
struct TypingCase: CustomTestStringConvertible, Sendable {
    let text: String
    let value: TypedValue
    let sourceLocation: SourceLocation

    init(_ text: String, _ value: TypedValue, sourceLocation: SourceLocation = #_sourceLocation) {
        self.text = text
        self.value = value
        self.sourceLocation = sourceLocation
    }

    var testDescription: String { "`\(text)`" }
}

@Suite("Core schema: typing plain scalars, and the JSON written for them")
struct CoreSchemaTests {
    static let nulls: [TypingCase] = ["", "~", "null", "Null", "NULL"].map { TypingCase($0, .null) }
    static let booleans: [TypingCase] = [
        TypingCase("true", .bool(true)), TypingCase("True", .bool(true)), TypingCase("TRUE", .bool(true)),
        TypingCase("false", .bool(false)), TypingCase("False", .bool(false)), TypingCase("FALSE", .bool(false)),
    ]
    static let integers: [TypingCase] = [
        TypingCase("0", .int(0)), TypingCase("42", .int(42)), TypingCase("-17", .int(-17)), TypingCase("+17", .int(17)),
        TypingCase("-0", .int(0)), TypingCase("007", .int(7)),
        TypingCase("0o17", .int(15)), TypingCase("0o0", .int(0)), TypingCase("0o777", .int(511)),
        TypingCase("0x1F", .int(31)), TypingCase("0xff", .int(255)), TypingCase("0xDeadBeef", .int(0xDEADBEEF)),
        TypingCase("9223372036854775807", .int(Int.max)), TypingCase("-9223372036854775808", .int(Int.min)),
        TypingCase("0x7FFFFFFFFFFFFFFF", .int(Int.max)),
    ]
    /// Integers beyond `Int` become floats, as they would in JSON, whatever their base.
    static let largeIntegers: [TypingCase] = [
        TypingCase("9223372036854775808", .double(9_223_372_036_854_775_808)),
        TypingCase("-9223372036854775809", .double(-9_223_372_036_854_775_809)),
        TypingCase("18446744073709551615", .double(18_446_744_073_709_551_615)),
        TypingCase("0xFFFFFFFFFFFFFFFF", .double(18_446_744_073_709_551_615)),
        TypingCase("0o1777777777777777777777", .double(18_446_744_073_709_551_615)),
        TypingCase("0x10000000000000000", .double(18_446_744_073_709_551_616)),
        TypingCase("0x1FFFFFFFFFFFFFFFF", .double(36_893_488_147_419_103_231)),
    ]
    static let floats: [TypingCase] = [
        TypingCase("1.5", .double(1.5)), TypingCase("-1.5", .double(-1.5)), TypingCase("+1.5", .double(1.5)),
        TypingCase(".5", .double(0.5)), TypingCase("-.5", .double(-0.5)), TypingCase("1.", .double(1)),
        TypingCase("0.1", .double(0.1)), TypingCase("1e3", .double(1000)), TypingCase("1E-3", .double(0.001)),
        TypingCase("1.5e+3", .double(1500)), TypingCase("6.02e23", .double(6.02e23)), TypingCase("-0.0", .double(-0.0)),
        TypingCase(".inf", .double(.infinity)), TypingCase(".Inf", .double(.infinity)), TypingCase(".INF", .double(.infinity)),
        TypingCase("+.inf", .double(.infinity)), TypingCase("-.inf", .double(-.infinity)), TypingCase("-.Inf", .double(-.infinity)),
        TypingCase("-.INF", .double(-.infinity)),
        TypingCase(".nan", .double(.nan)), TypingCase(".NaN", .double(.nan)), TypingCase(".NAN", .double(.nan)),
    ]
    /// Spellings that other schemas (or YAML 1.1) type, and the core schema leaves as text.
    static let strings: [TypingCase] = [
        "yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "Y", "N",
        "1-800-662-4357", "24/7", "0...4", "1:30", "12:30:45", "2024-01-15", "2024-01-15T10:00:00Z",
        "1_000", "1,000", "0b101", "0X1F", "0O17", "-0x1F", "+0o7", "0x", "0o", "0xG1", "0o8",
        "1.2.3", "1e", "e3", "1e+", ".", "-", "+", "..", "-.", "+.e1", "1.5f", "0x1.8p1", "∞",
        "nULL", "NuLL", "none", "None", "nil", "tRUE", "fALSE", "Nan", "nan", "NaN", "inf", "Inf", "Infinity", "-Infinity",
        ".Nan", "+.nan", "-.nan", "..inf", "~x", "null null", "true!", "v1.2", "911 help", "4 2",
    ].map { TypingCase($0, .string($0)) }

    @Test("null", arguments: nulls) func null(_ c: TypingCase) { expectTyping(c) }
    @Test("booleans", arguments: booleans) func boolean(_ c: TypingCase) { expectTyping(c) }
    @Test("decimal, octal and hexadecimal integers", arguments: integers) func integer(_ c: TypingCase) { expectTyping(c) }
    @Test("integers too large for Int", arguments: largeIntegers) func largeInteger(_ c: TypingCase) { expectTyping(c) }
    @Test("floats, infinities and NaN", arguments: floats) func float(_ c: TypingCase) { expectTyping(c) }
    @Test("text that stays text", arguments: strings) func string(_ c: TypingCase) { expectTyping(c) }

    /// The value, both from `CoreSchema.resolve` and from a parsed plain scalar.
    private func expectTyping(_ c: TypingCase) {
        #expect(CoreSchema.resolve(c.text) == c.value, sourceLocation: c.sourceLocation)
        if case .double(let d) = c.value, d == 0, case .double(let r) = CoreSchema.resolve(c.text) {
            #expect(r.sign == d.sign, "the sign of zero", sourceLocation: c.sourceLocation)
        }
        // `v: -` would be a sequence entry, and the empty text has no plain spelling.
        guard !c.text.isEmpty, c.text != "-" else { return }
        let parsed = YAMLParser.parse("v: \(c.text)\n").documents.first?.mapping?["v"]?.typedValue
        #expect(parsed == c.value, "parsed from `v: \(c.text)`", sourceLocation: c.sourceLocation)
    }

    @Test(
        "only plain scalars are typed",
        arguments: [
            "v: 'true'\n", "v: \"12\"\n", "v: 'null'\n", "v: \"\"\n", "v: '.inf'\n", "v: |\n  12\n", "v: >-\n  true\n", "v: \"0x1F\"\n",
        ])
    func quotedAndBlockScalarsStayText(_ source: String) {
        let value = YAMLParser.parse(source).documents.first?.mapping?["v"]
        #expect(value?.scalar?.style != .plain)
        #expect(value?.typedValue == .string(value?.scalar?.text ?? "?"))
    }

    @Test func keysAreAlwaysText() {
        let root = YAMLParser.parse("1: a\ntrue: b\nnull: c\n~: d\n0x1F: e\n").documents.first
        #expect(JSONWriter.string(root?.typedValue ?? .null) == #"{"1":"a","true":"b","null":"c","~":"d","0x1F":"e"}"#)
    }

    @Test func typingGoesThroughNestedCollections() {
        let root = YAMLParser.parse("a: [1, 'two', {b: true, c: ~}]\nd:\n  - 1.5\n  - .nan\n").documents.first
        #expect(
            root?.typedValue
                == .mapping([
                    ("a", .sequence([.int(1), .string("two"), .mapping([("b", .bool(true)), ("c", .null)])])),
                    ("d", .sequence([.double(1.5), .double(.nan)])),
                ]))
    }

    // MARK: JSON

    static let json: [(String, String)] = [
        ("v: ~", #"{"v":null}"#),
        ("v: true", #"{"v":true}"#),
        ("v: False", #"{"v":false}"#),
        ("v: 42", #"{"v":42}"#),
        ("v: -0x10", #"{"v":"-0x10"}"#),
        ("v: 0o17", #"{"v":15}"#),
        ("v: 1.5", #"{"v":1.5}"#),
        ("v: 1e3", #"{"v":1000.0}"#),
        ("v: 0.1", #"{"v":0.1}"#),
        ("v: -0.0", #"{"v":-0.0}"#),
        ("v: 6.02e23", #"{"v":6.02e+23}"#),
        ("v: .inf", #"{"v":".inf"}"#),
        ("v: -.Inf", #"{"v":"-.inf"}"#),
        ("v: .NaN", #"{"v":".nan"}"#),
        ("v: '.inf'", #"{"v":".inf"}"#),
        ("v: yes", #"{"v":"yes"}"#),
        ("v: 1-800-662-4357", #"{"v":"1-800-662-4357"}"#),
        ("v: 24/7", #"{"v":"24/7"}"#),
        ("v: 0...4", #"{"v":"0...4"}"#),
        ("v: \"say \\\"hi\\\"\\\\ \\n\\t\\r\"", #"{"v":"say \"hi\"\\ \n\t\r"}"#),
        ("v: \"\\x01\\x1F\\x7F\"", #"{"v":"\u0001\u001f\u007f"}"#),
        ("v: \"\\L\\P\"", "{\"v\":\"\u{2028}\u{2029}\"}"),
        ("v: café 😀", #"{"v":"café 😀"}"#),
        ("[1, [2, []], {}]", "[1,[2,[]],{}]"),
        ("a: 1\nb:\n  - x\n  - {c: d}", #"{"a":1,"b":["x",{"c":"d"}]}"#),
        ("\"k\\\"ey\": 1", #"{"k\"ey":1}"#),
    ]

    @Test("JSON written for typed values", arguments: json)
    func jsonOutput(_ source: String, _ expected: String) {
        let result = YAMLParser.parse(source)
        #expect(result.diagnostics.isEmpty, "\(summary(result.diagnostics))")
        #expect(result.documents.map { JSONWriter.string($0.typedValue) } == [expected])
    }

    @Test func jsonFloatsReadBackAsTheSameNumber() {
        for text in ["0.1", "1.7976931348623157e308", "5e-324", "123456789.123456789", "2.5e-5", "1e15", "1e16", "-3.14159"] {
            guard case .double(let d) = CoreSchema.resolve(text) else {
                Issue.record("`\(text)` is not a float")
                continue
            }
            let json = JSONWriter.string(.double(d))
            #expect(Double(json) == d, "`\(text)` written as \(json)")
        }
    }
}
