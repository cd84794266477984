import DialogEngine
import DialogSyntax
import Testing

/// Parses bytes and renders whatever diagnostics come back (the first `renderLimit` of
/// them), as `intake parse` would: neither may crash, and every diagnostic must point
/// inside the input.
@discardableResult
func parseAndRender(
    _ bytes: [UInt8], maxDepth: Int = YAMLParser.defaultMaxDepth, renderLimit: Int = .max,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ParseResult {
    let result = YAMLParser.parse(bytes, maxDepth: maxDepth)
    let shown = Array(result.diagnostics.prefix(renderLimit))
    let text = DiagnosticRenderer.render(shown, in: SourceFile(path: "fuzz.yaml", bytes: bytes))
    #expect(shown.isEmpty == text.isEmpty, sourceLocation: sourceLocation)
    for d in result.diagnostics {
        let r = d.range
        let inside =
            0 <= r.start.offset && r.start.offset <= r.end.offset && r.end.offset <= bytes.count
            && r.start.line >= 1 && r.start.column >= 1
        if !inside {
            Issue.record("diagnostic outside the input: \(d.code) \(r)", sourceLocation: sourceLocation)
            break
        }
    }
    if result.hasErrors {
        #expect(result.documents.isEmpty, sourceLocation: sourceLocation)
    }
    return result
}

func codes(_ result: ParseResult) -> Set<String> { Set(result.diagnostics.map(\.code)) }

@Suite("Robustness: no input crashes, hangs or overflows the stack")
struct RobustnessTests {
    // MARK: Deep nesting

    @Test func tenThousandNestedFlowSequences() {
        let result = parseAndRender(Array(String(repeating: "[", count: 10_000).utf8))
        #expect(result.diagnostics.map(\.code) == ["IY015"])
        #expect(result.diagnostics.first?.at == "1:101")
    }

    @Test func tenThousandNestedFlowMappings() {
        let result = parseAndRender(Array(String(repeating: "{", count: 10_000).utf8))
        #expect(result.diagnostics.map(\.code) == ["IY015"])
    }

    @Test func tenThousandBalancedBrackets() {
        let source = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        #expect(codes(parseAndRender(Array(source.utf8))) == ["IY015"])
    }

    @Test func tenThousandNestedFlowPairs() {
        let source = String(repeating: "{a: ", count: 10_000) + "b" + String(repeating: "}", count: 10_000)
        #expect(codes(parseAndRender(Array(source.utf8))) == ["IY015"])
    }

    /// Block nesting costs indentation: 2,000 levels are already 2 MB of spaces.
    @Test func twoThousandNestedBlockMappings() {
        var source = ""
        for depth in 0..<2_000 { source += String(repeating: " ", count: depth) + "a:\n" }
        let result = parseAndRender(Array(source.utf8))
        #expect(result.diagnostics.map(\.code) == ["IY015"])
    }

    @Test func tenThousandCompactSequenceEntries() {
        let result = parseAndRender(Array((String(repeating: "- ", count: 10_000) + "x\n").utf8))
        #expect(result.diagnostics.map(\.code) == ["IY015"])
    }

    @Test func twoThousandNestedBlockSequencesOnTheirOwnLines() {
        var source = ""
        for depth in 0..<2_000 { source += String(repeating: " ", count: depth * 2) + "-\n" }
        #expect(codes(parseAndRender(Array(source.utf8))) == ["IY015"])
    }

    @Test func tenThousandCompactMappingsInSequences() {
        let result = parseAndRender(Array((String(repeating: "- a: ", count: 10_000) + "x\n").utf8))
        #expect(result.hasErrors)
    }

    @Test func mixedDeepNesting() {
        var source = ""
        for depth in 0..<3_000 { source += String(repeating: " ", count: depth) + (depth % 2 == 0 ? "a:\n" : "- [{\n") }
        #expect(parseAndRender(Array(source.utf8)).hasErrors)
    }

    @Test("nesting up to the limit is fine, one more level is an error", arguments: [1, 5, 100])
    func nestingLimit(_ limit: Int) {
        let inside = String(repeating: "[", count: limit) + String(repeating: "]", count: limit) + "\n"
        #expect(parseAndRender(Array(inside.utf8), maxDepth: limit).diagnostics.isEmpty)
        let over = "[" + inside
        #expect(codes(parseAndRender(Array(over.utf8), maxDepth: limit)) == ["IY015"])
        var block = ""
        for depth in 0..<limit { block += String(repeating: " ", count: depth) + "a:\n" }
        #expect(parseAndRender(Array(block.utf8), maxDepth: limit).diagnostics.isEmpty)
        block += String(repeating: " ", count: limit) + "a:\n"
        #expect(codes(parseAndRender(Array(block.utf8), maxDepth: limit)) == ["IY015"])
    }

    @Test func nonPositiveDepthLimitStillParsesAScalar() {
        #expect(parseAndRender(Array("a\n".utf8), maxDepth: 0).diagnostics.isEmpty)
        // A limit below 1 counts as 1.
        #expect(parseAndRender(Array("[a]\n".utf8), maxDepth: -5).diagnostics.isEmpty)
        #expect(parseAndRender(Array("[[a]]\n".utf8), maxDepth: -5).hasErrors)
    }

    // MARK: Random and hostile bytes

    @Test("random bytes", arguments: 0..<40)
    func randomBytes(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let count = Int.random(in: 0...4_000, using: &rng)
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
        parseAndRender(bytes)
    }

    /// Random text made of the characters YAML gives meaning to: it reaches far more of
    /// the parser than random bytes do.
    @Test("random YAML-like text", arguments: 0..<300)
    func randomYAMLishText(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("-?:,[]{}#&*!|>'\"%@` \t\n\r\\abc019.~+eExXuU".utf8) + [0xC3, 0xA9, 0xEF, 0xBB, 0xBF, 0xFF, 0x00]
        let count = Int.random(in: 0...600, using: &rng)
        let bytes = (0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
        parseAndRender(bytes)
    }

    /// Valid documents cut at every byte: each prefix must give a result.
    @Test func everyPrefixOfADialogFile() {
        let source = Array(
            """
            dialog: intake
            title: "Baclofen — \\u00e9 \\x41 \\uD83D\\uDE00"
            nodes:
              welcome:
                say: |
                  Hello.
                  More.
                note: >-
                  folded
                  text
                choices:
                  - label: 'It''s'
                    match: [a, "b", {c: d}]
                  - - nested
                    - [x, y]
            ...
            --- # next
            - ~

            """.utf8)
        for end in 0...source.count {
            parseAndRender(Array(source[..<end]))
        }
    }

    /// The excerpt decodes a line as `String(decoding:as:)` does, invalid parts and all.
    @Test("excerpts decode like String(decoding:)", arguments: 0..<200)
    func excerptDecoding(_ seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let pool: [UInt8] = [
            0x41, 0x20, 0x09, 0x7F, 0x00, 0x80, 0xBF, 0xC2, 0xC3, 0xA9, 0xE0, 0xA0, 0xE2, 0x82, 0xAC, 0xED, 0x9F,
            0xA0, 0xEF, 0xBB, 0xBF, 0xF0, 0x90, 0x9F, 0x98, 0x80, 0xF4, 0x8F, 0x90, 0xF5, 0xFF, 0xC0,
        ]
        let line = (0..<Int.random(in: 1...80, using: &rng)).map { _ in pool[Int.random(in: 0..<pool.count, using: &rng)] }
        let d = Diagnostic(.error, code: "IY000", "test", at: SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1)))
        let rendered = DiagnosticRenderer.render(d, in: SourceFile(path: "t", bytes: line))
        let excerpt = rendered.split(separator: "\n", omittingEmptySubsequences: false)[1].dropFirst("    1 | ".count)
        var expected = ""
        for c in String(decoding: line, as: UTF8.self).unicodeScalars {
            switch c.value {
            case 0x09: expected.unicodeScalars.append(c)
            case 0x00..<0x20: expected.unicodeScalars.append(Unicode.Scalar(0x2400 + c.value) ?? "?")
            case 0x7F: expected += "\u{2421}"
            case 0x80...0x9F: expected += "\u{FFFD}"
            default: expected.unicodeScalars.append(c)
            }
        }
        #expect(String(excerpt) == expected, "\(line)")
    }

    /// Rendering hundreds of thousands of diagnostics is slow in a debug build; that it
    /// stays linear is what `oneMegabyteLineWithAnErrorEveryTenBytes` checks.
    @Test func oneMegabyteOfRandomBytes() {
        var rng = SplitMix64(seed: 2026)
        let bytes = (0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        #expect(parseAndRender(bytes, renderLimit: 20_000).hasErrors)
    }

    @Test func oneMegabyteLine() {
        let value = String(repeating: "x", count: 1_000_000)
        let result = parseAndRender(Array("a: \(value)\n".utf8))
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?.mapping?["a"]?.scalar?.text.utf8.count == 1_000_000)
    }

    @Test func oneMegabyteLineOfWords() {
        let words = String(repeating: "lorem ipsum, dolor: sit [amet] {x} ", count: 30_000)
        parseAndRender(Array("a: \(words)\n".utf8))
        parseAndRender(Array("- \"\(words)\"\n".utf8))
        parseAndRender(Array("[\(words)]\n".utf8))
    }

    @Test func oneMegabyteKey() {
        let result = parseAndRender(Array((String(repeating: "k", count: 1_000_000) + ": v\n").utf8))
        #expect(result.diagnostics.map(\.code) == ["IY020"])
    }

    @Test func oneMegabyteOfInvalidBytesOnOneLine() {
        let result = parseAndRender([UInt8](repeating: 0xFF, count: 1_000_000))
        #expect(result.diagnostics.map(\.code) == ["IY001"])
    }

    @Test func oneMegabyteLineWithAnErrorEveryTenBytes() {
        var bytes = Array("a: ".utf8)
        for _ in 0..<100_000 { bytes += Array("xxxxxxxxx".utf8) + [0xFF] }
        let result = parseAndRender(bytes + [0x0A])
        // The first 50 are shown, each where it is; the rest are counted.
        #expect(result.diagnostics.count == 51)
        #expect(result.diagnostics[49].range.start.column == 3 + 50 * 10)
        #expect(result.diagnostics.last?.message == "99950 more problems in this file not shown")
        #expect(result.diagnostics.last?.range.start.column == 3 + 51 * 10)
    }

    @Test func oneMegabyteBlockScalarAndQuotedScalar() {
        let line = String(repeating: "y", count: 99) + "\n"
        let body = String(repeating: "  " + line, count: 10_000)
        #expect(parseAndRender(Array("a: |\n\(body)".utf8)).diagnostics.isEmpty)
        let quoted = String(repeating: "word ", count: 200_000)
        #expect(parseAndRender(Array("a: \"\(quoted)\"\n".utf8)).diagnostics.isEmpty)
    }

    @Test func manyEntriesAndDocuments() {
        let keys = (0..<100_000).map { "key\($0): \($0)\n" }.joined()
        #expect(parseAndRender(Array(keys.utf8)).documents.first?.mapping?.entries.count == 100_000)
        let documents = String(repeating: "--- a\n", count: 20_000)
        #expect(parseAndRender(Array(documents.utf8)).documents.count == 20_000)
        let flow = "[" + String(repeating: "a, ", count: 100_000) + "]\n"
        #expect(parseAndRender(Array(flow.utf8)).documents.first?.sequence?.items.count == 100_000)
    }

    @Test func manyDuplicateKeys() {
        let source = String(repeating: "a: 1\n", count: 20_000)
        let result = parseAndRender(Array(source.utf8))
        #expect(result.diagnostics.count == 101)
        #expect(result.diagnostics.last?.message == "19899 more problems in this file not shown")
    }

    @Test func manyUnclosedFlowCollections() {
        let source = String(repeating: "a: [x\n", count: 5_000)
        #expect(parseAndRender(Array(source.utf8)).hasErrors)
        let mappings = (0..<5_000).map { "k\($0): {x: 1\n" }.joined()
        #expect(codes(parseAndRender(Array(mappings.utf8))) == ["IY008", "IY023"])
    }

    @Test func manyUnclosedQuotes() {
        let source = (0..<5_000).map { "k\($0): \"x\n" }.joined()
        #expect(codes(parseAndRender(Array(source.utf8))) == ["IY006", "IY023"])
    }

    // MARK: NUL bytes, surrogates, truncated UTF-8

    @Test(
        "NUL bytes",
        arguments: [
            [0x00], [0x00, 0x00, 0x00], Array("a: b\u{0}c\n".utf8), Array("\u{0}: x\n".utf8), Array("a: \"\u{0}\"\n".utf8),
            Array("a: |\n  \u{0}\n".utf8), Array("[\u{0}]".utf8), [UInt8](repeating: 0, count: 100_000),
        ] as [[UInt8]])
    func nulBytes(_ bytes: [UInt8]) {
        let result = parseAndRender(bytes)
        // Each NUL is a problem: past 50 they are counted (IY023).
        #expect(codes(result) == (bytes.count > 50 ? ["IY003", "IY023"] : ["IY003"]))
    }

    @Test(
        "surrogates in escapes",
        arguments: [
            #"a: "\uD800""#, #"a: "\uDFFF""#, #"a: "\uD800\uD800""#, #"a: "\uDC00\uD800""#, #"a: "\uD800\u""#,
            #"a: "\uD800\uDC0""#, #"a: "\uD800"#, #"a: "\uD8"#, #"a: "\U0000DFFF""#, #"["\uD800", "\uDBFF"]"#,
            #"a: "\uD800\"#, #"a: "x\uD800\nb: 1"#,
        ])
    func surrogateEscapes(_ source: String) {
        let result = parseAndRender(Array(source.utf8))
        #expect(result.hasErrors)
        #expect(codes(result).isSubset(of: ["IY006", "IY007", "IY025"]))
    }

    @Test func validSurrogatePairsAtTheEdges() {
        let result = parseAndRender(Array(#"a: "\uD800\uDC00\uDBFF\uDFFF""#.utf8))
        #expect(result.documents.first?.mapping?["a"]?.scalar?.text == "\u{10000}\u{10FFFF}")
    }

    @Test(
        "truncated UTF-8 at the end of the file",
        arguments: [
            [0xC3], [0xE2], [0xE2, 0x82], [0xF0], [0xF0, 0x9F], [0xF0, 0x9F, 0x98], [0xED, 0x9F],
        ] as [[UInt8]])
    func truncatedUTF8(_ tail: [UInt8]) {
        for prefix in ["", "a: ", "a: \"x", "a: 'x", "a: |\n  x", "[x, ", "{a: ", "# comment ", "a: x #", "k"] {
            let result = parseAndRender(Array(prefix.utf8) + tail)
            #expect(result.diagnostics.filter { $0.code == "IY001" }.count == 1, "after `\(prefix)`")
        }
    }

    @Test(
        "odd but tiny inputs",
        arguments: [
            "", " ", "\n", "\r", "\r\n", "\t", "#", "-", "- ", "?", ":", ",", "[", "]", "{", "}", "'", "\"", "|", ">", "&", "*",
            "!", "%", "@", "`", "---", "...", "--- |", "--- >-", "- -", ": :", "[,]", "{,}", "[:]", "{:}", "\\", "\u{FEFF}",
            "\u{FEFF}\u{FEFF}", "a:\n\t", "|\n\t", "-\t-", "? ? ?", "[? a: b]", "\"\\", "'''", "a: |9\n", "a: >+\n\n\n",
        ])
    func tinyInput(_ source: String) {
        parseAndRender(Array(source.utf8))
    }
}

/// A file with very many problems (a binary file given by mistake) reports the first ones
/// and how many more it found, so that memory and time stay bounded.
@Suite struct ProblemLimitTests {
    @Test func encodingProblemsStopAtFiftyAndAreCounted() {
        let bytes = (1...300).flatMap { Array("k\($0): \u{1}\n".utf8) }
        let result = YAMLParser.parse(bytes)
        #expect(result.diagnostics.count == 51)
        #expect(result.diagnostics.prefix(50).allSatisfy { $0.code == "IY003" })
        let last = result.diagnostics.last
        #expect(last?.code == "IY023")
        #expect(last?.message == "250 more problems in this file not shown")
        // At the first problem not shown: line 51.
        #expect(last?.range.start.line == 51)
    }

    @Test func parserProblemsStopAtAHundred() {
        let bytes = Array(String(repeating: "a: 1\n", count: 151).utf8)
        let result = YAMLParser.parse(bytes)
        #expect(result.diagnostics.filter { $0.code == "IY009" }.count == 100)
        #expect(result.diagnostics.last?.message == "50 more problems in this file not shown")
        #expect(result.diagnostics.last?.range.start.line == 102)
    }

    @Test func aFewProblemsAreAllShown() {
        let bytes = Array(String(repeating: "a: 1\n", count: 3).utf8)
        #expect(YAMLParser.parse(bytes).diagnostics.map(\.code) == ["IY009", "IY009"])
    }

    @Test func aMegabyteOfRandomBytesGivesAtMostTwoHundredAndOneProblems() {
        var rng = SplitMix64(seed: 7)
        let bytes = (0..<1_000_000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let result = parseAndRender(bytes)
        #expect(result.diagnostics.count <= 201)
        #expect(result.diagnostics.filter { $0.code == "IY023" }.count == 1)
    }
}
