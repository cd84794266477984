import DialogSyntax
import Testing

/// A source and the typed value of each of its documents.
typealias StructureCase = SourceCase<[TypedValue]>

private func map(_ entries: (String, TypedValue)...) -> TypedValue { .mapping(entries.map { (key: $0.0, value: $0.1) }) }
private func seq(_ items: TypedValue...) -> TypedValue { .sequence(items) }
private func str(_ s: String) -> TypedValue { .string(s) }

@Suite("Structures: collections, empty values, documents, source ranges")
struct StructureTests {
    static let collections: [StructureCase] = [
        StructureCase("block mapping", "a: x\nb: y\n", [map(("a", str("x")), ("b", str("y")))]),
        StructureCase(
            "nested block mappings", "a:\n  b:\n    c: x\n  d: y\ne: z\n",
            [map(("a", map(("b", map(("c", str("x")))), ("d", str("y")))), ("e", str("z")))]),
        StructureCase("block sequence", "- a\n- b\n", [seq(str("a"), str("b"))]),
        StructureCase("sequence in a mapping", "a:\n  - x\n  - y\nb: z\n", [map(("a", seq(str("x"), str("y"))), ("b", str("z")))]),
        StructureCase("zero-indented sequence in a mapping", "a:\n- x\n- y\nb: z\n", [map(("a", seq(str("x"), str("y"))), ("b", str("z")))]),
        StructureCase(
            "compact mappings in a sequence", "- a: x\n  b: y\n- c: z\n",
            [seq(map(("a", str("x")), ("b", str("y"))), map(("c", str("z"))))]),
        StructureCase("compact nested sequences", "- - a\n  - b\n- - - c\n", [seq(seq(str("a"), str("b")), seq(seq(str("c"))))]),
        StructureCase(
            "mapping nested in a compact mapping", "- a:\n    b: x\n  c: y\n",
            [seq(map(("a", map(("b", str("x")))), ("c", str("y"))))]),
        StructureCase("sequence entry holding a nested sequence", "-\n  - a\n  - b\n", [seq(seq(str("a"), str("b")))]),
        StructureCase(
            "dialog-like nesting",
            """
            nodes:
              welcome:
                say: |
                  Hello.
                choices:
                  - label: Baclofen
                    match: [baclofen, lioresal, "muscle relaxant"]
                    goto: baclofen.overview
                  - label: Detox
                    goto: resources.detox

            """,
            [
                map(
                    (
                        "nodes",
                        map(
                            (
                                "welcome",
                                map(
                                    ("say", str("Hello.\n")),
                                    (
                                        "choices",
                                        seq(
                                            map(
                                                ("label", str("Baclofen")), ("match", seq(str("baclofen"), str("lioresal"), str("muscle relaxant"))),
                                                ("goto", str("baclofen.overview"))),
                                            map(("label", str("Detox")), ("goto", str("resources.detox"))))
                                    ))
                            ))
                    ))
            ]),
        StructureCase("flow sequence", "[a, b, c]\n", [seq(str("a"), str("b"), str("c"))]),
        StructureCase("flow mapping", "{a: x, b: y}\n", [map(("a", str("x")), ("b", str("y")))]),
        StructureCase(
            "nested flow collections", "{a: [x, {b: y}], c: []}\n",
            [map(("a", seq(str("x"), map(("b", str("y"))))), ("c", seq()))]),
        StructureCase("empty flow collections", "a: []\nb: {}\n", [map(("a", seq()), ("b", map()))]),
        StructureCase("trailing comma", "[a, b,]\n", [seq(str("a"), str("b"))]),
        StructureCase("trailing comma in a flow mapping", "{a: x,}\n", [map(("a", str("x")))]),
        StructureCase("flow pair in a flow sequence", "[a: x, b]\n", [seq(map(("a", str("x"))), str("b"))]),
        StructureCase("flow mapping key without a value", "{a, b: x}\n", [map(("a", .null), ("b", str("x")))]),
        StructureCase("flow sequence over several lines", "a: [x,\n  y,\n  z]\n", [map(("a", seq(str("x"), str("y"), str("z"))))]),
        StructureCase("flow mapping over several lines", "a: {\n  x: 1,\n  y: 2\n  }\n", [map(("a", map(("x", .int(1)), ("y", .int(2)))))]),
        StructureCase("quoted scalars in flow", "[\"a, b\", 'c]']\n", [seq(str("a, b"), str("c]"))]),
        StructureCase("JSON-like value after a quoted key", "{\"a\":1}\n", [map(("a", .int(1)))]),
        StructureCase("colon inside a plain scalar in flow", "[a:b, c]\n", [seq(str("a:b"), str("c"))]),
        StructureCase(
            "comments everywhere", "# top\na: x # after\n# between\nb: # empty\n  - y # item\n",
            [map(("a", str("x")), ("b", seq(str("y"))))]),
        StructureCase("key with spaces and quotes", "\"a b\": 1\n'c: d': 2\ne f: 3\n", [map(("a b", .int(1)), ("c: d", .int(2)), ("e f", .int(3)))]),
        StructureCase("entries keep their order", "z: 1\na: 2\nm: 3\n", [map(("z", .int(1)), ("a", .int(2)), ("m", .int(3)))]),
        StructureCase("indentation of four spaces", "a:\n    b:\n        - c\n", [map(("a", map(("b", seq(str("c"))))))]),
        StructureCase("CR LF line breaks", "a:\r\n  - x\r\n  - y\r\nb: z\r\n", [map(("a", seq(str("x"), str("y"))), ("b", str("z")))]),
    ]

    @Test("collections", arguments: collections)
    func collection(_ c: StructureCase) { expectDocuments(c) }

    static let emptyValues: [StructureCase] = [
        StructureCase("mapping values", "a:\nb:\n", [map(("a", .null), ("b", .null))]),
        StructureCase("value before a less indented key", "a:\n  b:\nc: 1\n", [map(("a", map(("b", .null))), ("c", .int(1)))]),
        StructureCase("sequence entries", "-\n- a\n-\n", [seq(.null, str("a"), .null)]),
        StructureCase("entry with a comment only", "- # nothing\n- a\n", [seq(.null, str("a"))]),
        StructureCase("last value in the file", "a: 1\nb:", [map(("a", .int(1)), ("b", .null))]),
        StructureCase("value before a sequence entry of the parent", "- a:\n- b\n", [seq(map(("a", .null)), str("b"))]),
        StructureCase("flow mapping value", "{a: , b: }\n", [map(("a", .null), ("b", .null))]),
        StructureCase("flow pair value", "[a: ]\n", [seq(map(("a", .null)))]),
        StructureCase("explicit empty document", "---\n", [.null]),
        StructureCase(
            "tilde and null spellings", "a: ~\nb: null\nc: Null\nd: NULL\n",
            [map(("a", .null), ("b", .null), ("c", .null), ("d", .null))]),
    ]

    @Test("empty values read as null", arguments: emptyValues)
    func emptyValue(_ c: StructureCase) { expectDocuments(c) }

    static let streams: [StructureCase] = [
        StructureCase("empty stream", "", []),
        StructureCase("only comments and blank lines", "# a\n\n  # b\n", []),
        StructureCase("only a byte-order mark", "\u{FEFF}", []),
        StructureCase("one bare document", "a\n", [str("a")]),
        StructureCase("document start marker", "---\na: 1\n", [map(("a", .int(1)))]),
        StructureCase("content on the marker line", "--- a\n", [str("a")]),
        StructureCase("flow collection on the marker line", "--- [a]\n", [seq(str("a"))]),
        StructureCase("two documents", "---\na\n---\nb\n", [str("a"), str("b")]),
        StructureCase("bare document then a marked one", "a: 1\n---\nb: 2\n", [map(("a", .int(1))), map(("b", .int(2)))]),
        StructureCase("document end marker", "a\n...\n", [str("a")]),
        StructureCase("bare document after a document end", "a: 1\n...\nb: 2\n", [map(("a", .int(1))), map(("b", .int(2)))]),
        StructureCase("empty documents between markers", "---\n---\n", [.null, .null]),
        StructureCase("document end then comments", "a\n... # end\n# more\n", [str("a")]),
        StructureCase("markers followed by comments", "--- # first\na\n--- # second\nb\n", [str("a"), str("b")]),
        StructureCase("indented root sequence before a document end", " - []\n...\n", [seq(seq())]),
        StructureCase("indented root mapping before a document start", " a: b\n# c\n---\n", [map(("a", str("b"))), .null]),
        StructureCase("line of spaces before a document start", "a:\n  b: c\n \n---\n", [map(("a", map(("b", str("c"))))), .null]),
        StructureCase("three-dash text inside a line is text", "a: ---\nb: x---y\n", [map(("a", str("---")), ("b", str("x---y")))]),
    ]

    @Test("streams of documents", arguments: streams)
    func stream(_ c: StructureCase) { expectDocuments(c) }

    private func expectDocuments(_ c: StructureCase) {
        let result = YAMLParser.parse(c.source)
        #expect(result.diagnostics.isEmpty, "\(summary(result.diagnostics))", sourceLocation: c.sourceLocation)
        #expect(result.documents.map(\.typedValue) == c.expected, sourceLocation: c.sourceLocation)
    }

    // MARK: Collection styles

    @Test func collectionsKeepTheirStyle() {
        let root = YAMLParser.parse("a: [x]\nb: {y: 1}\nc:\n  - z\nd:\n  e: 2\n").documents.first?.mapping
        #expect(root?.style == .block)
        #expect(root?["a"]?.sequence?.style == .flow)
        #expect(root?["b"]?.mapping?.style == .flow)
        #expect(root?["c"]?.sequence?.style == .block)
        #expect(root?["d"]?.mapping?.style == .block)
        #expect(root?["a"]?.kindName == "sequence")
        #expect(root?["b"]?.kindName == "mapping")
        #expect(root?["a"]?.sequence?.items.first?.kindName == "scalar")
    }

    @Test func mappingLookupByKey() {
        let root = YAMLParser.parse("a: 1\n\"b\": 2\n").documents.first?.mapping
        #expect(root?["b"]?.scalar?.text == "2")
        #expect(root?["c"] == nil)
        #expect(root?.entry("a")?.key.range.start.at == "1:1")
    }

    @Test func equalityIgnoresRangesButNotStyles() {
        let a = YAMLParser.parse("a: x\n").documents
        let b = YAMLParser.parse("\n\n  a:   x\n").documents
        let c = YAMLParser.parse("a: 'x'\n").documents
        #expect(a == b)
        #expect(a != c)
    }

    // MARK: Source ranges

    /// Checks a node's range against two markers: where it starts and where it ends.
    private func expectRange(
        _ range: SourceRange?, _ m: Marked, _ from: Int, _ to: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(range?.start == m.positions[from], "start", sourceLocation: sourceLocation)
        #expect(range?.end == m.positions[to], "end", sourceLocation: sourceLocation)
    }

    @Test func rangesOfAFlatMapping() {
        let m = Marked("↓↓a↓: ↓1↓\n↓bb↓: ↓[↓x↓, ↓'y'↓]↓↓\n")
        let root = m.parse().documents.first
        let mapping = root?.mapping
        expectRange(mapping?.range, m, 0, 13)
        expectRange(mapping?.entries[0].key.range, m, 1, 2)
        expectRange(mapping?.entries[0].value.range, m, 3, 4)
        expectRange(mapping?.entries[1].key.range, m, 5, 6)
        let flow = mapping?.entries[1].value
        expectRange(flow?.range, m, 7, 12)
        expectRange(flow?.sequence?.items[0].range, m, 8, 9)
        expectRange(flow?.sequence?.items[1].range, m, 10, 11)
    }

    @Test func rangesCountBytesForOffsetsAndCharactersForColumns() {
        let m = Marked("↓é↓: ↓ü ☕↓\n↓ß↓: ↓\"😀\"↓\n")
        let mapping = m.parse().documents.first?.mapping
        expectRange(mapping?.entries[0].key.range, m, 0, 1)
        expectRange(mapping?.entries[0].value.range, m, 2, 3)
        expectRange(mapping?.entries[1].key.range, m, 4, 5)
        expectRange(mapping?.entries[1].value.range, m, 6, 7)
        #expect(m.positions[1] == SourcePosition(offset: 2, line: 1, column: 2))
        #expect(m.positions[3].column == 7)
        #expect(m.positions[7].offset - m.positions[6].offset == 6)
    }

    @Test func rangesOfNestedBlockCollections() {
        let m = Marked("↓nodes:\n  ↓welcome:\n    ↓- ↓a↓\n    - ↓b: ↓c↓↓↓\n")
        let root = m.parse().documents.first?.mapping
        let welcome = root?["nodes"]?.mapping
        let list = welcome?["welcome"]?.sequence
        expectRange(root?.range, m, 0, 9)
        expectRange(welcome?.range, m, 1, 8)
        expectRange(list?.range, m, 2, 7)
        expectRange(list?.items[0].range, m, 3, 4)
        #expect(list?.items[1].mapping?.entries.first?.key.range.start == m.positions[5])
        expectRange(list?.items[1].mapping?.entries.first?.value.range, m, 6, 7)
    }

    @Test func rangesOfMultiLineScalars() {
        let m = Marked("a: ↓first\n  second↓\nb: ↓\"one\n  two\"↓\nc: ↓|\n  x\n  y\n↓d: ↓>-\n  z\n↓")
        let mapping = m.parse().documents.first?.mapping
        expectRange(mapping?["a"]?.range, m, 0, 1)
        expectRange(mapping?["b"]?.range, m, 2, 3)
        expectRange(mapping?["c"]?.range, m, 4, 5)
        // A block scalar's range takes in its last line break.
        expectRange(mapping?["d"]?.range, m, 6, 7)
    }

    @Test func rangesOfEmptyValues() {
        let m = Marked("a:↓\nb: ↓[]↓\n")
        let mapping = m.parse().documents.first?.mapping
        #expect(mapping?["a"]?.range == SourceRange(at: m.positions[0]))
        expectRange(mapping?["b"]?.range, m, 1, 2)
    }

    @Test func rangesOfDocuments() {
        let m = Marked("↓a: 1↓\n---\n↓- x↓\n--- ↓b↓\n")
        let documents = m.parse().documents
        #expect(documents.count == 3)
        guard documents.count == 3 else { return }
        expectRange(documents[0].range, m, 0, 1)
        expectRange(documents[1].range, m, 2, 3)
        expectRange(documents[2].range, m, 4, 5)
    }

    /// The first marker stands before the last entry's key; the positions before it count
    /// in bytes and lines.
    @Test(
        "ranges after a leading byte-order mark, and with CR LF line breaks",
        arguments: [
            ("⟨EF⟩⟨BB⟩⟨BF⟩↓a↓: ↓b↓\n", SourcePosition(offset: 3, line: 1, column: 1)),
            ("a: 1\r\n↓b↓: ↓2↓\r\n", SourcePosition(offset: 6, line: 2, column: 1)),
        ])
    func rangesOfTheLastEntry(_ source: String, _ keyStart: SourcePosition) {
        let m = Marked(source)
        let entry = m.parse().documents.first?.mapping?.entries.last
        #expect(m.positions[0] == keyStart)
        expectRange(entry?.key.range, m, 0, 1)
        expectRange(entry?.value.range, m, 2, 3)
    }

    // MARK: Scalar styles in place

    @Test func everyScalarStyleIsRecorded() {
        let root = YAMLParser.parse("p: x\ns: 'x'\nd: \"x\"\nl: |\n  x\nf: >\n  x\n").documents.first?.mapping
        #expect(root?.entries.map { $0.value.scalar?.style } == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
        #expect(root?.entries.map { $0.value.scalar?.style.rawValue } == ["plain", "single", "double", "literal", "folded"])
    }
}
