import DialogSyntax
import Testing

/// A file with several independent problems, each marked with `↓`, and the codes they
/// must be reported with, in order.
typealias MultiErrorCase = SourceCase<[String]>

@Suite("Several independent errors: each reported once, no knock-on errors")
struct MultipleErrorTests {
    static let cases: [MultiErrorCase] = [
        MultiErrorCase(
            "a dialog file with one of each problem",
            """
            dialog: intake
            title: "Baclofen ↓\\q and withdrawal"
            start: welcome
            intents:
              overdose:
                match: ↓[took too many, not breathing
                goto: crisis.overdose
            nodes:
              welcome:
                say: ↓&intro Hello
            ↓\tnote: staff only
                ask: What would you like?
                choices:
                  - label: Baclofen
                    goto: baclofen.overview
                   ↓match: [baclofen]
                  - label: Detox
                    ↓<<: {x: 1}
                    goto: resources.detox
                    ↓goto: resources.other
              ↓welcome:
                say: ↓*intro
            # caf↓⟨E9⟩
            end: "↓\\uD800"

            """, ["IY007", "IY008", "IY010", "IY004", "IY005", "IY010", "IY009", "IY009", "IY010", "IY001", "IY025"]),
        MultiErrorCase("two invalid escapes on one line", "a: \"↓\\q and ↓\\w\"\n", ["IY007", "IY007"]),
        MultiErrorCase("a key three times", "a: 1\n↓a: 2\n↓a: 3\n", ["IY009", "IY009"]),
        MultiErrorCase("duplicates in two mappings", "x:\n  a: 1\n  ↓a: 2\ny:\n  b: 1\n  ↓b: 2\n", ["IY009", "IY009"]),
        MultiErrorCase("duplicates in a flow mapping and a block mapping", "m: {a: 1, ↓a: 2}\nm2:\n  k: 1\n  ↓k: 2\n", ["IY009", "IY009"]),
        MultiErrorCase(
            "one problem in each document", "a: ↓&x 1\n---\nb: \"↓\\q\"\n---\n- ↓[1, 2\n- c: 1\n  ↓c: 2\n",
            ["IY010", "IY007", "IY008", "IY009"]),
        MultiErrorCase("a missing colon, then a duplicate", "a: 1\n↓b\nc: 2\n↓c: 3\n", ["IY012", "IY009"]),
        MultiErrorCase("mapping entries in a sequence, then an escape", "- a\n↓b: 1\n- \"↓\\q\"\n", ["IY014", "IY007"]),
        MultiErrorCase("sequence entries in a mapping, then a duplicate", "a: 1\n↓- x\n- y\n↓a: 2\n", ["IY014", "IY009"]),
        MultiErrorCase("invalid UTF-8 on several lines", "a: ↓⟨FF⟩\nb: x↓⟨C3⟩\nc: ↓⟨E2⟩⟨82⟩", ["IY001", "IY001", "IY001"]),
        MultiErrorCase("invalid UTF-8 twice on a line", "a: ↓⟨FF⟩ b ↓⟨FE⟩⟨FE⟩ c ↓⟨80⟩\n", ["IY001", "IY001", "IY001"]),
        MultiErrorCase("a stray closing bracket, then an anchor", "a: [1]↓]\nb: ↓&x 2\n", ["IY014", "IY010"]),
        MultiErrorCase(
            "problems in flow collections on several lines", "a: [1, ↓, 2]\nb: {x: 1 ↓[y]}\nc: [↓- z]\n",
            ["IY014", "IY014", "IY014"]),
        MultiErrorCase("inconsistent indentation twice", "a:\n  b: 1\n ↓c: 2\nd:\n    e: 1\n  ↓f: 2\n", ["IY005", "IY005"]),
        MultiErrorCase("tabs on several lines", "a:\n↓\tb: 1\nc:\n↓\t- x\nd:\n  e: 1\n↓\tf: 2\n", ["IY004", "IY004", "IY004"]),
        MultiErrorCase("an unclosed quote, then a duplicate", "a: ↓\"abc\nb: 1\nc: 2\n↓c: 3\n", ["IY006", "IY009"]),
        MultiErrorCase("an unclosed flow mapping, then a tab", "a: ↓{x: 1\nb:\n↓\tc: 2\n", ["IY008", "IY004"]),
        MultiErrorCase("two unclosed flow sequences", "a: ↓[1, 2\nb: ↓[3\nc: 4\n", ["IY008", "IY008"]),
        MultiErrorCase("control characters", "a: ↓⟨00⟩\nb: \"↓⟨07⟩\"\nc: x↓⟨7F⟩\n", ["IY003", "IY003", "IY003"]),
        MultiErrorCase("an explicit key, a merge key and a tag", "↓? a\n: 1\n↓<<: x\nc: ↓!t 2\n", ["IY010", "IY010", "IY010"]),
        MultiErrorCase("a tag and an anchor on one value", "a: ↓!t ↓&x 1\n", ["IY010", "IY010"]),
        MultiErrorCase("a block scalar with a bad header, then a duplicate", "a: |↓0\n  x\nb: 1\n↓b: 2\n", ["IY018", "IY009"]),
        MultiErrorCase("a mapping value after a value, then a duplicate", "a: b↓: c\nd: 1\n↓d: 2\n", ["IY011", "IY009"]),
        MultiErrorCase("key lines after a value, then a duplicate", "a: x\n  ↓b: 1\n  c: 2\nd: 1\n↓d: 2\n", ["IY014", "IY009"]),
        MultiErrorCase("a stray brace as a value, then a duplicate", "a: ↓}\n  b: 1\n  ↓b: 2\n", ["IY014", "IY009"]),
        MultiErrorCase(
            "a key over 1024 characters, then a duplicate",
            "↓" + String(repeating: "k", count: 1030) + ": v\nd: 1\n↓d: 2\n", ["IY020", "IY009"]),
        MultiErrorCase("a byte-order mark and a lone surrogate", "a: x↓⟨EF⟩⟨BB⟩⟨BF⟩\nb: \"↓\\uDC00\"\n", ["IY002", "IY025"]),
    ]

    @Test("each problem is reported once, at its place", arguments: cases)
    func reportsEveryProblem(_ c: MultiErrorCase) {
        let marked = Marked(c.source)
        let result = marked.parse()
        let loc = c.sourceLocation
        #expect(marked.positions.count == c.expected.count, "the case marks one place per code", sourceLocation: loc)
        let want = zip(c.expected, marked.positions).map { "\($0) \($1.at)" }
        let got = result.diagnostics.map { "\($0.code) \($0.at)" }
        #expect(got == want, sourceLocation: loc)
        #expect(result.documents.isEmpty, sourceLocation: loc)
    }

    @Test func everyDuplicateNotesTheFirstOccurrence() {
        let result = YAMLParser.parse("a: 1\nb: 2\na: 3\na: 4\n")
        #expect(result.diagnostics.map(\.at) == ["3:1", "4:1"])
        #expect(result.diagnostics.map { $0.notes.map(\.range.start.at) } == [["1:1"], ["1:1"]])
    }

    @Test func renderedDiagnosticsFollowTheFileOrder() {
        let m = Marked("b: \"\\q\"\na: &x 1\nb: 2\nc: [1\n")
        let headers = m.render(m.parse().diagnostics).split(separator: "\n").filter { $0.hasPrefix("test.yaml:") }
        #expect(
            headers == [
                "test.yaml:1:5: error: invalid escape sequence `\\q` [IY007]",
                "test.yaml:2:4: error: anchors (`&name`) are not supported [IY010]",
                "test.yaml:3:1: error: duplicate key `b` [IY009]",
                "test.yaml:1:1: note: `b` first appears here",
                "test.yaml:4:4: error: unterminated flow sequence [IY008]",
            ])
    }

    @Test(
        "a valid file after the fixes parses",
        arguments: [
            "dialog: intake\ntitle: \"Baclofen and withdrawal\"\nnodes:\n  welcome:\n    say: Hello\n    note: staff only\n"
        ])
    func fixedFileParses(_ source: String) {
        let result = YAMLParser.parse(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count == 1)
    }
}
