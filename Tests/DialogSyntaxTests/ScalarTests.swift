import DialogSyntax
import Testing

/// A source whose value at `v` (or whose root, when it has no `v:`) is one scalar, with
/// the exact text and style it must read as.
struct ScalarCase: CustomTestStringConvertible, Sendable {
    let name: String
    let source: String
    let text: String
    let style: ScalarStyle
    let sourceLocation: SourceLocation

    init(
        _ name: String, _ source: String, _ text: String, _ style: ScalarStyle,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        self.name = name
        self.source = source
        self.text = text
        self.style = style
        self.sourceLocation = sourceLocation
    }

    var testDescription: String { name }
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
    #expect(scalar?.text == c.text, sourceLocation: c.sourceLocation)
    #expect(scalar?.style == c.style, sourceLocation: c.sourceLocation)
}

@Suite("Scalars: exact text and style")
struct ScalarTests {
    static let plain: [ScalarCase] = [
        ScalarCase("a word", "v: word\n", "word", .plain),
        ScalarCase("inner spaces kept", "v: a  b\n", "a  b", .plain),
        ScalarCase("trailing spaces dropped", "v: a   \n", "a", .plain),
        ScalarCase("trailing tab dropped", "v: a\t\n", "a", .plain),
        ScalarCase("comment after it", "v: a # note\n", "a", .plain),
        ScalarCase("hash without a space before it", "v: a#b\n", "a#b", .plain),
        ScalarCase("colon without a space after it", "v: a:b\n", "a:b", .plain),
        ScalarCase("a URL", "v: https://example.org/a?b=c#d\n", "https://example.org/a?b=c#d", .plain),
        ScalarCase("starts with a dash", "v: -a\n", "-a", .plain),
        ScalarCase("starts with a question mark", "v: ?a\n", "?a", .plain),
        ScalarCase("starts with a colon", "v: :a\n", ":a", .plain),
        ScalarCase("quotes inside", "v: it's \"x\"\n", "it's \"x\"", .plain),
        ScalarCase("brackets and commas in block context", "v: a, [b], {c}\n", "a, [b], {c}", .plain),
        ScalarCase("non-ASCII text", "v: café ☕ naïve\n", "café ☕ naïve", .plain),
        ScalarCase("folded over two lines", "v: a\n  b\n", "a b", .plain),
        ScalarCase("folded over three lines", "v: a\n  b\n  c\n", "a b c", .plain),
        ScalarCase("continuation indented more than needed", "v: a\n        b\n", "a b", .plain),
        ScalarCase("one empty line becomes a line break", "v: a\n\n  b\n", "a\nb", .plain),
        ScalarCase("two empty lines become two line breaks", "v: a\n\n\n  b\n", "a\n\nb", .plain),
        ScalarCase("spaces around a fold dropped", "v: a   \n   b\n", "a b", .plain),
        ScalarCase("comment line ends it", "v: a\n# note\n", "a", .plain),
        ScalarCase("root scalar over several lines", "a\nb\n\nc\n", "a b\nc", .plain),
        ScalarCase("CR LF line breaks", "v: a\r\n  b\r\n", "a b", .plain),
        ScalarCase("CR line breaks", "v: a\r  b\r", "a b", .plain),
        ScalarCase("no final line break", "v: a", "a", .plain),
        ScalarCase("document end marker after it", "v: a\n...\n", "a", .plain),
    ]

    @Test("plain scalars", arguments: plain)
    func plainScalar(_ c: ScalarCase) { expectScalar(c) }

    static let singleQuoted: [ScalarCase] = [
        ScalarCase("simple", "v: 'a'\n", "a", .singleQuoted),
        ScalarCase("empty", "v: ''\n", "", .singleQuoted),
        ScalarCase("doubled quote", "v: 'it''s'\n", "it's", .singleQuoted),
        ScalarCase("only a doubled quote", "v: ''''\n", "'", .singleQuoted),
        ScalarCase("backslash is literal", "v: 'a\\nb'\n", "a\\nb", .singleQuoted),
        ScalarCase("hash and colon are text", "v: 'a # b: c'\n", "a # b: c", .singleQuoted),
        ScalarCase("leading and trailing spaces kept", "v: '  a  '\n", "  a  ", .singleQuoted),
        ScalarCase("double quotes inside", "v: 'say \"hi\"'\n", "say \"hi\"", .singleQuoted),
        ScalarCase("folded over two lines", "v: 'a\n  b'\n", "a b", .singleQuoted),
        ScalarCase("spaces around a fold dropped", "v: 'a   \n    b'\n", "a b", .singleQuoted),
        ScalarCase("empty line becomes a line break", "v: 'a\n\n  b'\n", "a\nb", .singleQuoted),
        ScalarCase("line break right after the quote", "v: '\n  a'\n", " a", .singleQuoted),
        ScalarCase("tab inside kept", "v: 'a\tb'\n", "a\tb", .singleQuoted),
    ]

    @Test("single-quoted scalars", arguments: singleQuoted)
    func singleQuotedScalar(_ c: ScalarCase) { expectScalar(c) }

    static let doubleQuoted: [ScalarCase] = [
        ScalarCase("simple", "v: \"a\"\n", "a", .doubleQuoted),
        ScalarCase("empty", "v: \"\"\n", "", .doubleQuoted),
        ScalarCase("single quotes inside", "v: \"it's\"\n", "it's", .doubleQuoted),
        ScalarCase("hash and colon are text", "v: \"a # b: c\"\n", "a # b: c", .doubleQuoted),
        ScalarCase("escaped quote and backslash", "v: \"\\\" \\\\\"\n", "\" \\", .doubleQuoted),
        ScalarCase("escaped slash", "v: \"a\\/b\"\n", "a/b", .doubleQuoted),
        ScalarCase("C-style escapes", "v: \"\\0\\a\\b\\t\\n\\v\\f\\r\\e\"\n", "\u{0}\u{7}\u{8}\t\n\u{B}\u{C}\r\u{1B}", .doubleQuoted),
        ScalarCase("escaped tab character", "v: \"a\\\tb\"\n", "a\tb", .doubleQuoted),
        ScalarCase("escaped space", "v: \"\\ a\"\n", " a", .doubleQuoted),
        ScalarCase(
            "next line, non-breaking space, line and paragraph separators", "v: \"\\N\\_\\L\\P\"\n",
            "\u{85}\u{A0}\u{2028}\u{2029}", .doubleQuoted),
        ScalarCase("\\x escape", "v: \"\\x41\\x7e\"\n", "A~", .doubleQuoted),
        ScalarCase("\\u escape", "v: \"caf\\u00e9 \\u263A\"\n", "café ☺", .doubleQuoted),
        ScalarCase("\\U escape", "v: \"\\U0001F600\"\n", "😀", .doubleQuoted),
        ScalarCase("surrogate pair, as JSON writes it", "v: \"\\uD83D\\uDE00!\"\n", "😀!", .doubleQuoted),
        ScalarCase("literal tab kept", "v: \"a\tb\"\n", "a\tb", .doubleQuoted),
        ScalarCase("folded over two lines", "v: \"a\n  b\"\n", "a b", .doubleQuoted),
        ScalarCase("empty line becomes a line break", "v: \"a\n\n  b\"\n", "a\nb", .doubleQuoted),
        ScalarCase("escaped line break joins the lines", "v: \"a\\\n  b\"\n", "ab", .doubleQuoted),
        ScalarCase("escaped line break keeps the spaces before it", "v: \"a \\\n  b\"\n", "a b", .doubleQuoted),
        ScalarCase("escaped spaces before a fold kept", "v: \"a\\ \\ \n  b\"\n", "a   b", .doubleQuoted),
        ScalarCase("CR LF inside folded", "v: \"a\r\n  b\"\r\n", "a b", .doubleQuoted),
        ScalarCase("non-ASCII text", "v: \"Grüße 😀\"\n", "Grüße 😀", .doubleQuoted),
        ScalarCase("root scalar", "\"a\"\n", "a", .doubleQuoted),
    ]

    @Test("double-quoted scalars", arguments: doubleQuoted)
    func doubleQuotedScalar(_ c: ScalarCase) { expectScalar(c) }

    static let literal: [ScalarCase] = [
        ScalarCase("two lines, clipped", "v: |\n  a\n  b\n", "a\nb\n", .literal),
        ScalarCase("strip chomping", "v: |-\n  a\n  b\n", "a\nb", .literal),
        ScalarCase("keep chomping", "v: |+\n  a\n  b\n\n\n", "a\nb\n\n\n", .literal),
        ScalarCase("clip drops trailing empty lines", "v: |\n  a\n\n\n", "a\n", .literal),
        ScalarCase("strip drops trailing empty lines", "v: |-\n  a\n\n", "a", .literal),
        ScalarCase("no final line break, clipped", "v: |\n  a", "a", .literal),
        ScalarCase("no final line break, kept", "v: |+\n  a", "a", .literal),
        ScalarCase("leading empty lines kept", "v: |\n\n\n  a\n", "\n\na\n", .literal),
        ScalarCase("inner empty lines kept", "v: |\n  a\n\n  b\n", "a\n\nb\n", .literal),
        ScalarCase("more-indented lines keep their extra spaces", "v: |\n  a\n    b\n  c\n", "a\n  b\nc\n", .literal),
        ScalarCase("tab after the indentation is text", "v: |\n  a\n  \tb\n", "a\n\tb\n", .literal),
        ScalarCase("hash is text", "v: |\n  # not a comment\n", "# not a comment\n", .literal),
        ScalarCase("comment after the header", "v: | # header comment\n  a\n", "a\n", .literal),
        ScalarCase("trailing spaces kept", "v: |\n  a  \n", "a  \n", .literal),
        ScalarCase("indentation indicator", "v: |2\n   a\n  b\n", " a\nb\n", .literal),
        ScalarCase("indentation indicator for a leading space", "v: |1\n  a\n", " a\n", .literal),
        ScalarCase("indicator then chomping", "v: |2-\n   a\n", " a", .literal),
        ScalarCase("chomping then indicator", "v: |-2\n   a\n", " a", .literal),
        ScalarCase("empty, clipped", "v: |\nw: 1\n", "", .literal),
        ScalarCase("header at the end of the file", "v: |", "", .literal),
        ScalarCase("header with a comment at the end of the file", "v: |+ # c", "", .literal),
        ScalarCase("root header at the end of the file", "--- |", "", .literal),
        ScalarCase("empty, kept", "v: |+\n\nw: 1\n", "\n", .literal),
        ScalarCase("ends at a less indented key", "v: |\n  a\nw: 1\n", "a\n", .literal),
        ScalarCase("ends at a document end marker", "v: |\n  a\n...\n", "a\n", .literal),
        ScalarCase("root literal", "--- |\n  a\n  b\n", "a\nb\n", .literal),
        ScalarCase("root literal at column 0", "--- |\na\nb\n", "a\nb\n", .literal),
        ScalarCase("CR LF line breaks", "v: |\r\n  a\r\n  b\r\n", "a\nb\n", .literal),
        ScalarCase("non-ASCII text", "v: |\n  – Grüße\n", "– Grüße\n", .literal),
    ]

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

    static let folded: [ScalarCase] = [
        ScalarCase("two lines folded", "v: >\n  a\n  b\n", "a b\n", .folded),
        ScalarCase("empty line becomes a line break", "v: >\n  a\n\n  b\n", "a\nb\n", .folded),
        ScalarCase("two empty lines", "v: >\n  a\n\n\n  b\n", "a\n\nb\n", .folded),
        ScalarCase("more-indented lines are not folded", "v: >\n  a\n    b\n  c\n", "a\n  b\nc\n", .folded),
        ScalarCase("more-indented block with empty lines", "v: >\n  a\n\n    b\n\n  c\n", "a\n\n  b\n\nc\n", .folded),
        ScalarCase("strip chomping", "v: >-\n  a\n  b\n", "a b", .folded),
        ScalarCase("keep chomping", "v: >+\n  a\n\n", "a\n\n", .folded),
        ScalarCase("header at the end of the file", "v: >-", "", .folded),
        ScalarCase("leading empty line", "v: >\n\n  a\n", "\na\n", .folded),
        ScalarCase("trailing spaces kept", "v: >\n  a \n  b\n", "a  b\n", .folded),
        ScalarCase("indentation indicator", "v: >1\n  a\n b\n", " a\nb\n", .folded),
        ScalarCase("spec example 6.8: line folding", ">-\n  trimmed\n  \n \n\n  as\n  space\n", "trimmed\n\n\nas space", .folded),
        ScalarCase(
            "spec example 8.10: more-indented lines", ">\n\n folded\n line\n\n next\n line\n   * bullet\n\n   * list\n   * lines\n\n last\n line\n\n# Comment\n",
            "\nfolded line\nnext line\n  * bullet\n\n  * list\n  * lines\n\nlast line\n", .folded),
    ]

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
