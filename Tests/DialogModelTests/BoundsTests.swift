import DialogModel
import DialogSyntax
import Testing

/// A bundle `intake check` accepts cannot crash or hang a session: ranges and scale sizes
/// are bounded (IC038), loops that never wait for input are found (IC039), and arithmetic
/// has no trap. Each case is a file `t.yaml` in a training bundle (DecodingCase's), and
/// the problems `intake check` reports for it, rendered as `line:column code message`.
struct BoundsCase: CustomTestStringConvertible, Sendable {
    let name: String
    let file: String
    /// Every error, as `line:column code message`; empty for a bundle that loads.
    let errors: [String]

    var testDescription: String { name }

    init(_ name: String, _ file: String, _ errors: [String]) {
        self.name = name
        self.file = file
        self.errors = errors
    }
}

/// A question `t.start` whose choice leads into a chain of `n` say-only nodes `t.n0`…
/// that ends at `done.end`.
private func chain(_ n: Int) -> String {
    var text = "nodes:\n"
    for i in 0..<n { text += "  n\(i):\n    say: Step \(i).\n    next: \(i + 1 < n ? "n\(i + 1)" : "done.end")\n" }
    return text + "  start:\n    ask: Go?\n    choices: [{label: go, goto: n0}]\n"
}

/// A node `t.start` that asks a number in `range`.
private func numberQuestion(_ range: String) -> String {
    """
    nodes:
      start:
        ask: How many?
        expect: number \(range)
        next: done.end
    """
}

/// A scale `s` asked by `t.start`, with a range, a number of items and bands.
private func scale(_ range: String, items: Int = 2, bands: String = "") -> String {
    """
    scales:
      s:
        title: S
        range: \(range)
        items: [\((1...items).map { "item \($0)" }.joined(separator: ", "))]
    \(bands)
    nodes:
      start:
        scale: s
        next: done.end
    """
}

let boundsCases: [BoundsCase] = [
    // Numbers of a range.
    BoundsCase("the widest number question loads", numberQuestion("-1000000...1000000"), []),
    BoundsCase(
        "a number question up to Int.max", numberQuestion("0...9223372036854775807"),
        ["4:13 IC038 the answer's range `0...9223372036854775807` goes beyond ±1,000,000"]),
    BoundsCase(
        "a number question past Int", numberQuestion("0...99999999999999999999"),
        ["4:13 IC038 the answer's range `0...99999999999999999999` goes beyond ±1,000,000"]),
    BoundsCase(
        "a number question with an exponent", numberQuestion("1...5e18"),
        ["4:13 IC038 the answer's range `1...5e18` goes beyond ±1,000,000"]),
    BoundsCase(
        "a number question just past the bound below", numberQuestion("-1000001...0"),
        ["4:13 IC038 the answer's range `-1000001...0` goes beyond ±1,000,000"]),
    BoundsCase(
        "a reversed number question", numberQuestion("10...1"),
        ["4:13 IC020 `number 10...1` must go up, not down"]),
    BoundsCase("a negative number question loads", numberQuestion("-10...-1"), []),
    // Scales.
    BoundsCase("a 0...100 scale of 200 items loads", scale("0...100", items: 200), []),
    BoundsCase(
        "a scale up to Int.max", scale("0...9223372036854775807"),
        ["4:12 IC038 `range` `0...9223372036854775807` goes beyond ±1,000,000"]),
    BoundsCase(
        "a scale up to 5e18", scale("1...5000000000000000000"),
        ["4:12 IC038 `range` `1...5000000000000000000` goes beyond ±1,000,000"]),
    BoundsCase(
        "a scale of 50 million points", scale("0...50000000"),
        ["4:12 IC038 `range` `0...50000000` goes beyond ±1,000,000"]),
    BoundsCase(
        "a scale of 102 points", scale("0...101"),
        ["4:12 IC038 scale `s` has 102 points; a scale has at most 101"]),
    BoundsCase(
        "a scale of 201 items", scale("0...4", items: 201),
        ["5:12 IC038 scale `s` has 201 items; a scale has at most 200"]),
    BoundsCase(
        "a scale whose totals pass the bound", scale("9950...10000", items: 101),
        ["4:12 IC038 the totals of scale `s` reach 1,004,950, beyond ±1,000,000"]),
    BoundsCase(
        "a negative scale", scale("-5...-1"),
        ["4:12 IC038 scale `s` has negative points, from -5"]),
    BoundsCase("a reversed scale", scale("4...0"), ["4:12 IC020 `range` must go up, not down"]),
    BoundsCase(
        "a band up to Int.max", scale("0...4", bands: "    bands:\n      - {range: 0...9223372036854775807, label: all}"),
        ["7:17 IC038 `range` `0...9223372036854775807` goes beyond ±1,000,000"]),
    BoundsCase(
        "a negative band", scale("0...4", bands: "    bands:\n      - {range: -8...8, label: all}"),
        ["7:9 IC014 band `all` starts below the lowest total, 0"]),
    BoundsCase(
        "a band past the highest total", scale("0...4", bands: "    bands:\n      - {range: 0...1000000, label: all}"),
        ["7:9 IC014 band `all` goes past the highest total, 8"]),
    // Loops that never wait for input.
    BoundsCase(
        "a loop through set, next and branch (the report)",
        """
        nodes:
          start:
            ask: Go?
            choices:
              - {label: go, goto: a}
              - {label: stop, goto: done.end}
          a:
            set: {n: 1}
            next: b
          b:
            branch:
              - if: n > 100
                goto: done.end
              - else: a
        """, ["7:3 IC039 loop that never waits for input: t.a → t.b → t.a"]),
    BoundsCase(
        "a counting loop of branches (it would end, but asks nothing on the way)",
        """
        nodes:
          start:
            set: {n: 0}
            next: count
          count:
            set: {n: n + 1}
            branch:
              - if: n < 10
                goto: count
              - else: done.end
        """, ["5:3 IC039 loop that never waits for input: t.count → t.count"]),
    BoundsCase(
        "a node whose next is itself",
        """
        nodes:
          start:
            say: Again.
            next: start
        """, ["2:3 IC039 loop that never waits for input: t.start → t.start"]),
    BoundsCase(
        "a branch in front of choices does not wait",
        """
        nodes:
          start:
            ask: Go?
            choices: [{label: go, goto: start}]
            branch:
              - else: other
          other:
            next: start
        """, ["2:3 IC039 loop that never waits for input: t.start → t.other → t.start"]),
    // The end node counts: it is entered on the same turn.
    BoundsCase(
        "a chain of 70 nodes without a question", chain(70),
        ["2:3 IC040 71 nodes in a row without a question, more than the 63 one turn can pass: t.n0 → t.n1 → t.n2 → … → t.n69 → done.end"]),
    BoundsCase(
        "a chain of 63 nodes before an end", chain(63),
        ["2:3 IC040 64 nodes in a row without a question, more than the 63 one turn can pass: t.n0 → t.n1 → t.n2 → … → t.n62 → done.end"]),
    BoundsCase("a chain of 62 nodes before an end loads", chain(62), []),
    BoundsCase(
        "a loop through a question loads",
        """
        nodes:
          start:
            set: {n: 0}
            next: ask
          ask:
            ask: Again?
            choices:
              - {label: again, goto: start}
              - {label: stop, goto: done.end}
        """, []),
]

@Test(arguments: boundsCases)
func rangesScalesAndLoopsAreBounded(_ c: BoundsCase) throws {
    let result = loadTexts(["bundle.yaml": DecodingCase.settings, "done.yaml": "nodes:\n  end:\n    end: true\n", "t.yaml": c.file])
    let errors = result.diagnostics.filter { $0.diagnostic.isError }.map { d in
        "\(d.diagnostic.range.start.line):\(d.diagnostic.range.start.column) \(d.diagnostic.code) \(d.diagnostic.message)"
    }
    #expect(errors == c.errors)
    #expect((result.bundle == nil) == !c.errors.isEmpty)
}

@Test func theBoundsAreTheDocumentedOnes() {
    #expect(DialogLimits.rangeMagnitude == 1_000_000)
    #expect(DialogLimits.scalePoints == 101)
    #expect(DialogLimits.scaleItems == 200)
    #expect(DialogLimits.largestNumber == 1e15)
    #expect(DialogLimits.valueSize == 10_000)
}

// MARK: - Arithmetic without traps

/// An expression, its value with `variables`, and the problems reported.
struct ArithmeticCase: CustomTestStringConvertible, Sendable {
    let source: String
    let variables: [String: Value]
    let value: Value
    let problems: [EvaluationProblem]
    var testDescription: String { source }
}

/// Past half the bound: twice it is too long.
let longText = Value.string(String(repeating: "ab", count: 2501))

let arithmeticCases: [ArithmeticCase] = [
    ArithmeticCase(source: "1 / 0", variables: [:], value: .null, problems: [.divisionByZero]),
    ArithmeticCase(source: "0 / 0", variables: [:], value: .null, problems: [.divisionByZero]),
    ArithmeticCase(source: "n / (n - n)", variables: ["n": 3], value: .null, problems: [.divisionByZero]),
    ArithmeticCase(source: "n * 10", variables: ["n": .number(1e15)], value: .null, problems: [.overflow]),
    ArithmeticCase(source: "n * 10", variables: ["n": .number(1e14)], value: .number(1e15), problems: []),
    ArithmeticCase(source: "n + n", variables: ["n": .number(9_007_199_254_740_992)], value: .null, problems: [.overflow]),
    ArithmeticCase(source: "0 - n - n", variables: ["n": .number(6e14)], value: .null, problems: [.overflow]),
    ArithmeticCase(source: "n * n * n * n", variables: ["n": .number(1e100)], value: .null, problems: [.overflow]),
    ArithmeticCase(source: "s + s", variables: ["s": longText], value: .null, problems: [.tooLarge]),
    ArithmeticCase(
        source: "s + 'x'", variables: ["s": .string(String(repeating: "x", count: 9_999))],
        value: .string(String(repeating: "x", count: 10_000)), problems: []),
    ArithmeticCase(source: "[s, s, s]", variables: ["s": longText], value: .null, problems: [.tooLarge]),
    ArithmeticCase(source: "count(s + s) > 0", variables: ["s": longText], value: false, problems: [.tooLarge]),
]

@Test(arguments: arithmeticCases)
func arithmeticWithoutAnAnswerIsNullAndReported(_ c: ArithmeticCase) throws {
    let parsed = ExpressionParser.parse(c.source, at: SourcePosition(offset: 0, line: 1, column: 1))
    let expr = try #require(parsed.expression)
    var problems: [EvaluationProblem] = []
    #expect(Evaluator.evaluate(expr, in: c.variables, problems: &problems) == c.value)
    #expect(problems == c.problems)
    // The plain form gives the same value.
    #expect(expr.evaluate(in: c.variables) == c.value)
}

@Test func aTextThatDoublesOnEveryAnswerStopsAtTheBound() throws {
    let expr = try #require(ExpressionParser.parse("s + s", at: SourcePosition(offset: 0, line: 1, column: 1)).expression)
    var variables: [String: Value] = ["s": "x"]
    var problems: [EvaluationProblem] = []
    for _ in 0..<64 {
        variables["s"] = Evaluator.evaluate(expr, in: variables, problems: &problems)
    }
    // 2^13 = 8,192 characters is the last that fits; then null, and null stays null.
    #expect(variables["s"] == .null)
    #expect(problems == [.tooLarge])
    #expect(variables.values.allSatisfy { $0.size <= DialogLimits.valueSize })
}
