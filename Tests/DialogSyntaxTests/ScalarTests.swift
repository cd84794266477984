import DialogSyntax
import Testing

/// A source whose value at `v` (or whose root, when it has no `v:`) is one scalar, with
/// the exact text and style it must read as.
typealias ScalarCase = SourceCase<(text: String, style: ScalarStyle)>

/// Cases of one style; each row is a name, a source and the text it must read as.
func scalarCases(_ style: ScalarStyle, _ rows: [(String, String, String)], sourceLocation: SourceLocation = #_sourceLocation) -> [ScalarCase] {
    ScalarCase.table(rows.map { ($0.0, $0.1, ($0.2, style)) }, sourceLocation: sourceLocation)
}

/// The scalar at `v` of the only document, or the document itself when it is a scalar.
func scalarValue(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScalarNode? {
    let result = YAMLParser.parse(source)
    #expect(result.diagnostics.isEmpty, "\(summary(result.diagnostics))", sourceLocation: sourceLocation)
    guard result.documents.count == 1, let root = result.documents.first else { return nil }
    if let mapping = root.mapping { return mapping["v"]?.scalar }
    return root.scalar
}

func expectScalar(_ c: ScalarCase) {
    let scalar = scalarValue(c.source, sourceLocation: c.sourceLocation)
    #expect(scalar?.text == c.expected.text, sourceLocation: c.sourceLocation)
    #expect(scalar?.style == c.expected.style, sourceLocation: c.sourceLocation)
}

@Suite("Scalars: exact text and style")
struct ScalarTests {
    static let plain = scalarCases(
        .plain,
        [
            ("a word", "v: word\n", "word"),
            ("inner spaces kept", "v: a  b\n", "a  b"),
            ("trailing spaces dropped", "v: a   \n", "a"),
            ("trailing tab dropped", "v: a\t\n", "a"),
            ("comment after it", "v: a # note\n", "a"),
            ("hash without a space before it", "v: a#b\n", "a#b"),
            ("colon without a space after it", "v: a:b\n", "a:b"),
            ("a URL", "v: https://example.org/a?b=c#d\n", "https://example.org/a?b=c#d"),
            ("starts with a dash", "v: -a\n", "-a"),
            ("starts with a question mark", "v: ?a\n", "?a"),
            ("starts with a colon", "v: :a\n", ":a"),
            ("quotes inside", "v: it's \"x\"\n", "it's \"x\""),
            ("brackets and commas in block context", "v: a, [b], {c}\n", "a, [b], {c}"),
            ("non-ASCII text", "v: café ☕ naïve\n", "café ☕ naïve"),
            ("folded over two lines", "v: a\n  b\n", "a b"),
            ("folded over three lines", "v: a\n  b\n  c\n", "a b c"),
            ("continuation indented more than needed", "v: a\n        b\n", "a b"),
            ("one empty line becomes a line break", "v: a\n\n  b\n", "a\nb"),
            ("two empty lines become two line breaks", "v: a\n\n\n  b\n", "a\n\nb"),
            ("spaces around a fold dropped", "v: a   \n   b\n", "a b"),
            ("comment line ends it", "v: a\n# note\n", "a"),
            ("root scalar over several lines", "a\nb\n\nc\n", "a b\nc"),
            ("CR LF line breaks", "v: a\r\n  b\r\n", "a b"),
            ("CR line breaks", "v: a\r  b\r", "a b"),
            ("no final line break", "v: a", "a"),
            ("document end marker after it", "v: a\n...\n", "a"),
        ])

    @Test("plain scalars", arguments: plain)
    func plainScalar(_ c: ScalarCase) { expectScalar(c) }

    static let singleQuoted = scalarCases(
        .singleQuoted,
        [
            ("simple", "v: 'a'\n", "a"),
            ("empty", "v: ''\n", ""),
            ("doubled quote", "v: 'it''s'\n", "it's"),
            ("only a doubled quote", "v: ''''\n", "'"),
            ("backslash is literal", "v: 'a\\nb'\n", "a\\nb"),
            ("hash and colon are text", "v: 'a # b: c'\n", "a # b: c"),
            ("leading and trailing spaces kept", "v: '  a  '\n", "  a  "),
            ("double quotes inside", "v: 'say \"hi\"'\n", "say \"hi\""),
            ("folded over two lines", "v: 'a\n  b'\n", "a b"),
            ("spaces around a fold dropped", "v: 'a   \n    b'\n", "a b"),
            ("empty line becomes a line break", "v: 'a\n\n  b'\n", "a\nb"),
            ("line break right after the quote", "v: '\n  a'\n", " a"),
            ("tab inside kept", "v: 'a\tb'\n", "a\tb"),
        ])

    @Test("single-quoted scalars", arguments: singleQuoted)
    func singleQuotedScalar(_ c: ScalarCase) { expectScalar(c) }

    static let doubleQuoted = scalarCases(
        .doubleQuoted,
        [
            ("simple", "v: \"a\"\n", "a"),
            ("empty", "v: \"\"\n", ""),
            ("single quotes inside", "v: \"it's\"\n", "it's"),
            ("hash and colon are text", "v: \"a # b: c\"\n", "a # b: c"),
            ("escaped quote and backslash", "v: \"\\\" \\\\\"\n", "\" \\"),
            ("escaped slash", "v: \"a\\/b\"\n", "a/b"),
            ("C-style escapes", "v: \"\\0\\a\\b\\t\\n\\v\\f\\r\\e\"\n", "\u{0}\u{7}\u{8}\t\n\u{B}\u{C}\r\u{1B}"),
            ("escaped tab character", "v: \"a\\\tb\"\n", "a\tb"),
            ("escaped space", "v: \"\\ a\"\n", " a"),
            ("next line, non-breaking space, line and paragraph separators", "v: \"\\N\\_\\L\\P\"\n", "\u{85}\u{A0}\u{2028}\u{2029}"),
            ("\\x escape", "v: \"\\x41\\x7e\"\n", "A~"),
            ("\\u escape", "v: \"caf\\u00e9 \\u263A\"\n", "café ☺"),
            ("\\U escape", "v: \"\\U0001F600\"\n", "😀"),
            ("surrogate pair, as JSON writes it", "v: \"\\uD83D\\uDE00!\"\n", "😀!"),
            ("literal tab kept", "v: \"a\tb\"\n", "a\tb"),
            ("folded over two lines", "v: \"a\n  b\"\n", "a b"),
            ("empty line becomes a line break", "v: \"a\n\n  b\"\n", "a\nb"),
            ("escaped line break joins the lines", "v: \"a\\\n  b\"\n", "ab"),
            ("escaped line break keeps the spaces before it", "v: \"a \\\n  b\"\n", "a b"),
            ("escaped spaces before a fold kept", "v: \"a\\ \\ \n  b\"\n", "a   b"),
            ("CR LF inside folded", "v: \"a\r\n  b\"\r\n", "a b"),
            ("non-ASCII text", "v: \"Grüße 😀\"\n", "Grüße 😀"),
            ("root scalar", "\"a\"\n", "a"),
        ])

    @Test("double-quoted scalars", arguments: doubleQuoted)
    func doubleQuotedScalar(_ c: ScalarCase) { expectScalar(c) }

    static let literal = scalarCases(
        .literal,
        [
            ("two lines, clipped", "v: |\n  a\n  b\n", "a\nb\n"),
            ("strip chomping", "v: |-\n  a\n  b\n", "a\nb"),
            ("keep chomping", "v: |+\n  a\n  b\n\n\n", "a\nb\n\n\n"),
            ("clip drops trailing empty lines", "v: |\n  a\n\n\n", "a\n"),
            ("strip drops trailing empty lines", "v: |-\n  a\n\n", "a"),
            ("no final line break, clipped", "v: |\n  a", "a"),
            ("no final line break, kept", "v: |+\n  a", "a"),
            ("leading empty lines kept", "v: |\n\n\n  a\n", "\n\na\n"),
            ("inner empty lines kept", "v: |\n  a\n\n  b\n", "a\n\nb\n"),
            ("more-indented lines keep their extra spaces", "v: |\n  a\n    b\n  c\n", "a\n  b\nc\n"),
            ("tab after the indentation is text", "v: |\n  a\n  \tb\n", "a\n\tb\n"),
            ("hash is text", "v: |\n  # not a comment\n", "# not a comment\n"),
            ("comment after the header", "v: | # header comment\n  a\n", "a\n"),
            ("trailing spaces kept", "v: |\n  a  \n", "a  \n"),
            ("indentation indicator", "v: |2\n   a\n  b\n", " a\nb\n"),
            ("indentation indicator for a leading space", "v: |1\n  a\n", " a\n"),
            ("indicator then chomping", "v: |2-\n   a\n", " a"),
            ("chomping then indicator", "v: |-2\n   a\n", " a"),
            ("empty, clipped", "v: |\nw: 1\n", ""),
            ("header at the end of the file", "v: |", ""),
            ("header with a comment at the end of the file", "v: |+ # c", ""),
            ("root header at the end of the file", "--- |", ""),
            ("empty, kept", "v: |+\n\nw: 1\n", "\n"),
            ("ends at a less indented key", "v: |\n  a\nw: 1\n", "a\n"),
            ("ends at a document end marker", "v: |\n  a\n...\n", "a\n"),
            ("root literal", "--- |\n  a\n  b\n", "a\nb\n"),
            ("root literal at column 0", "--- |\na\nb\n", "a\nb\n"),
            ("CR LF line breaks", "v: |\r\n  a\r\n  b\r\n", "a\nb\n"),
            ("non-ASCII text", "v: |\n  – Grüße\n", "– Grüße\n"),
        ])

    @Test("literal block scalars", arguments: literal)
    func literalScalar(_ c: ScalarCase) { expectScalar(c) }

    @Test func literalInANestedMappingAndASequence() {
        let nested = YAMLParser.parse("x:\n  y: |\n    a\n     b\n").documents.first?.mapping?["x"]?.mapping?["y"]?.scalar
        #expect(nested?.text == "a\n b\n")
        #expect(nested?.style == .literal)
        let items = YAMLParser.parse("- |\n  a\n- b\n").documents.first?.sequence?.items
        #expect(items?.map { $0.scalar?.text } == ["a\n", "b"])
        #expect(items?.map { $0.scalar?.style } == [.literal, .plain])
    }

    static let folded = scalarCases(
        .folded,
        [
            ("two lines folded", "v: >\n  a\n  b\n", "a b\n"),
            ("empty line becomes a line break", "v: >\n  a\n\n  b\n", "a\nb\n"),
            ("two empty lines", "v: >\n  a\n\n\n  b\n", "a\n\nb\n"),
            ("more-indented lines are not folded", "v: >\n  a\n    b\n  c\n", "a\n  b\nc\n"),
            ("more-indented block with empty lines", "v: >\n  a\n\n    b\n\n  c\n", "a\n\n  b\n\nc\n"),
            ("strip chomping", "v: >-\n  a\n  b\n", "a b"),
            ("keep chomping", "v: >+\n  a\n\n", "a\n\n"),
            ("header at the end of the file", "v: >-", ""),
            ("leading empty line", "v: >\n\n  a\n", "\na\n"),
            ("trailing spaces kept", "v: >\n  a \n  b\n", "a  b\n"),
            ("indentation indicator", "v: >1\n  a\n b\n", " a\nb\n"),
            ("spec example 6.8: line folding", ">-\n  trimmed\n  \n \n\n  as\n  space\n", "trimmed\n\n\nas space"),
            (
                "spec example 8.10: more-indented lines", ">\n\n folded\n line\n\n next\n line\n   * bullet\n\n   * list\n   * lines\n\n last\n line\n\n# Comment\n",
                "\nfolded line\nnext line\n  * bullet\n\n  * list\n  * lines\n\nlast line\n"
            ),
        ])

    @Test("folded block scalars", arguments: folded)
    func foldedScalar(_ c: ScalarCase) { expectScalar(c) }

    @Test(
        "keys keep their style",
        arguments: [
            ("a: 1\n", ScalarStyle.plain), ("'a': 1\n", .singleQuoted), ("\"a\": 1\n", .doubleQuoted), ("{a: 1}\n", .plain),
            ("{\"a\": 1}\n", .doubleQuoted), ("[a: 1]\n", .plain),
        ])
    func keyStyle(_ source: String, _ style: ScalarStyle) {
        let root = YAMLParser.parse(source).documents.first
        let mapping = root?.mapping ?? root?.sequence?.items.first?.mapping
        #expect(mapping?.entries.first?.key.text == "a")
        #expect(mapping?.entries.first?.key.style == style)
    }

    @Test("empty values are empty plain scalars", arguments: ["v:\n", "v: # comment\n", "v:\nw: 1\n", "{v: }\n", "{v}\n"])
    func emptyValue(_ source: String) {
        let value = YAMLParser.parse(source).documents.first?.mapping?["v"]?.scalar
        #expect(value?.text == "")
        #expect(value?.style == .plain)
        #expect(value?.isEmptyValue == true)
    }

    @Test func quotedEmptyStringIsNotAnEmptyValue() {
        let value = scalarValue("v: ''\n")
        #expect(value?.isEmptyValue == false)
        #expect(value?.typedValue == .string(""))
    }
}
