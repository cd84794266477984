import DialogSyntax
import Testing

/// One input that must produce exactly one diagnostic, at the marked place: its code and
/// message.
typealias ErrorCase = SourceCase<(code: String, message: String)>

/// Cases that all report the same error; each row is a name and a source.
func errorCases(
    _ code: String, _ message: String, _ rows: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation
) -> [ErrorCase] {
    ErrorCase.table(rows.map { ($0.0, $0.1, (code, message)) }, sourceLocation: sourceLocation)
}

/// Cases that report errors of one code; each row is a name, a source and the message.
func errorCases(_ code: String, _ rows: [(String, String, String)], sourceLocation: SourceLocation = #_sourceLocation) -> [ErrorCase] {
    ErrorCase.table(rows.map { ($0.0, $0.1, (code, $0.2)) }, sourceLocation: sourceLocation)
}

/// Cases of any error; each row is a name, a source, the code and the message.
func errorCases(_ rows: [(String, String, String, String)], sourceLocation: SourceLocation = #_sourceLocation) -> [ErrorCase] {
    ErrorCase.table(rows.map { ($0.0, $0.1, ($0.2, $0.3)) }, sourceLocation: sourceLocation)
}

/// Parses the case and checks that it yields exactly the one error it describes: the
/// code, the message, and the marked line, column and byte offset. No documents come
/// back from a file with errors.
func expectSingleError(_ c: ErrorCase) {
    let marked = Marked(c.source)
    let result = marked.parse()
    let loc = c.sourceLocation
    #expect(result.documents.isEmpty, "a file with errors yields no documents", sourceLocation: loc)
    guard result.diagnostics.count == 1, let d = result.diagnostics.first else {
        Issue.record(
            "expected one diagnostic, got \(result.diagnostics.count): \(summary(result.diagnostics))",
            sourceLocation: loc)
        return
    }
    #expect(d.severity == .error, sourceLocation: loc)
    #expect(d.code == c.expected.code, sourceLocation: loc)
    #expect(d.message == c.expected.message, sourceLocation: loc)
    #expect(d.at == marked.position.at, "position", sourceLocation: loc)
    #expect(d.range.start.offset == marked.position.offset, "byte offset", sourceLocation: loc)
    #expect(d.range.end.offset >= d.range.start.offset, "range runs forward", sourceLocation: loc)
}

/// Parses text that must be accepted without any diagnostic.
func expectAccepted(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let result = YAMLParser.parse(source)
    #expect(result.diagnostics.isEmpty, "\(summary(result.diagnostics))", sourceLocation: sourceLocation)
    #expect(result.documents.count == 1, sourceLocation: sourceLocation)
}

@Suite("Diagnostics: one error per input, at the marked place")
struct DiagnosticTests {
    // MARK: Unsupported YAML features

    static let unsupported =
        errorCases(
            "IY010", "anchors (`&name`) are not supported",
            [
                ("anchor on a value", "a: ↓&x 1\n"),
                ("anchor on a sequence entry", "- ↓&first a\n- b\n"),
                ("anchor on a nested mapping", "a: ↓&base\n  b: 1\n"),
                ("anchor in a flow sequence", "[a, ↓&x b]\n"),
            ])
        + errorCases(
            "IY010", "aliases (`*name`) are not supported",
            [
                ("alias as a value", "a: ↓*x\n"),
                ("alias as a sequence entry", "- a\n- ↓*x\n"),
                ("alias in a flow mapping", "{a: ↓*x, b: 2}\n"),
            ])
        + errorCases(
            "IY010", "tags (`!tag`) are not supported",
            [
                ("core-schema tag", "a: ↓!!str 1\n"),
                ("local tag", "a: ↓!local x\n"),
                ("verbatim tag", "a: ↓!<tag:yaml.org,2002:str> x\n"),
                ("tag on a flow sequence", "a: ↓!!seq [1]\n"),
                ("tag in a flow sequence", "[↓!x a]\n"),
            ])
        + errorCases(
            "IY010", "explicit keys (`? `) are not supported",
            [
                ("explicit key alone", "↓? a\n"),
                ("explicit key with its value", "↓? a\n: b\n"),
                ("explicit key inside a mapping", "x: 1\n↓? y\n: 2\n"),
            ])
        + errorCases(
            "IY010", "merge keys (`<<`) are not supported",
            [
                ("merge key with a flow mapping", "↓<<: {a: 1}\nb: 2\n"),
                ("merge key in a nested mapping", "x:\n  ↓<<: y\n  b: 2\n"),
                ("merge key in a flow mapping", "{a: 1, ↓<<: b}\n"),
                ("merge key in a sequence entry", "- ↓<<: x\n  a: 1\n"),
            ])
        + errorCases(
            "IY010",
            [
                ("flow sequence as a key", "↓[a, b]: c\n", "complex keys (a sequence used as a key) are not supported"),
                ("flow sequence as a key in a flow mapping", "{↓[a]: b}\n", "complex keys (a sequence used as a key) are not supported"),
                ("flow mapping as a key", "↓{a: 1}: c\n", "complex keys (a mapping used as a key) are not supported"),
                ("YAML directive", "↓%YAML 1.2\n---\na: 1\n", "directives (`%YAML`, `%TAG`) are not supported"),
                ("TAG directive", "↓%TAG ! tag:example.com,2000:\n---\na: 1\n", "directives (`%YAML`, `%TAG`) are not supported"),
            ])

    @Test("unsupported features are named", arguments: unsupported)
    func unsupportedFeature(_ c: ErrorCase) { expectSingleError(c) }

    @Test func everyUnsupportedFeatureHasAHint() {
        for c in Self.unsupported {
            let hint = Marked(c.source).parse().diagnostics.first?.hint ?? ""
            #expect(!hint.isEmpty, "\(c.name)", sourceLocation: c.sourceLocation)
        }
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() {
        expectAccepted("\"<<\": a\nc: d\n")
        expectAccepted("'<<': a\n")
        let result = YAMLParser.parse("\"<<\": a\n")
        #expect(result.documents.first?.typedValue == .mapping([("<<", .string("a"))]))
    }

    // MARK: Tabs

    static let tabs = errorCases(
        "IY004", "tab used as indentation",
        [
            ("tab before a nested key", "a:\n↓\tb: 1\n"),
            ("tab before a key after a scalar value", "a: 1\n↓\tb: 2\n"),
            ("tab before a key after a quoted value", "a: 'x'\n↓\tb: 2\n"),
            ("tab before a key after a nested mapping", "a:\n  b: 1\n↓\tc: 2\n"),
            ("tab after spaces before a key", "a:\n  b: 1\n  ↓\tc: 2\n"),
            ("tab between spaces of the indentation", "a:\n  b: 1\n ↓\tc: 2\n"),
            ("tab before a sequence entry", "a:\n↓\t- b\n"),
            ("tab before a sequence entry after an entry", "- a\n↓\t- b\n"),
            ("tab between compact sequence entries", "-↓\t- a\n"),
            ("tab indenting a block scalar", "a: |\n↓\tx\n"),
            ("tab standing in for a nested key's indentation", "nodes:\n  welcome:\n    say: Hello\n↓\tnote: staff\n    ask: What?\n"),
            ("tab before text that is not a key", "a: 1\n↓\tb\n"),
            ("tab before a flow value of a nested key", "a:\n  b:\n↓\t[1, 2]\n"),
            ("tab before a nested sequence, then a sibling key", "a:\n  b:\n↓\t- x\n  c: 1\n"),
            ("tab indenting a later line of a block scalar", "a: |\n  x\n↓\ty\nb: 1\n"),
            ("tab indenting a folded scalar's first line", "a: >\n↓\tx\n  y\n"),
        ])

    @Test("tabs used as indentation", arguments: tabs)
    func tabIndentation(_ c: ErrorCase) { expectSingleError(c) }

    @Test(
        "tabs that only separate are fine",
        arguments: [
            "a:\t1\n",
            "a: 1\t# a comment\n",
            "a:\t\tvalue\n",
            "- a\n-\tb\n",
            "- a:\t1\n  b:\t2\n",
            "a: x\ty\n",
            "a:\n  b: 1\n\t\n  c: 2\n",
            "a:\n  b: 1\n\t# a comment after a tab\n  c: 2\n",
            "a: \"x\n  \ty\"\n",
            "[a,\tb]\n",
            "{a:\t1}\n",
            "a: |\n  x\n  \ty\n",
            "\t[\n\t]\n",
            "\t{}\n",
            "foo:\n \tbar\n",
        ])
    func separatingTab(_ source: String) { expectAccepted(source) }

    // MARK: Indentation

    static let indentation =
        errorCases(
            "IY005", "inconsistent indentation",
            [
                ("key between two levels", "a:\n  b: 1\n ↓c: 2\n"),
                ("key between two deeper levels", "a:\n    b: 1\n  ↓c: 2\n"),
                ("sequence entry between two levels", "a:\n  - 1\n ↓- 2\n"),
                ("key less indented than a sequence", "a:\n  - 1\n ↓b: 2\n"),
                ("key under an indented root", "  a: 1\n↓b: 2\n"),
                ("key between levels of a sequence of mappings", "- a: 1\n  b:\n    c: 2\n ↓d: 3\n"),
            ])
        + errorCases(
            "IY024",
            [
                ("continuation of a double-quoted scalar", "a:\n  b: \"x\n↓ y\"\n", "continuation line of a double-quoted scalar is not indented enough"),
                ("three under-indented lines of a quoted scalar", "a:\n  b: \"x\n↓ y\n z\n w\"\n", "continuation line of a double-quoted scalar is not indented enough"),
                ("continuation of a single-quoted scalar", "a:\n  b: 'x\n↓y'\n", "continuation line of a single-quoted scalar is not indented enough"),
                ("continuation of a flow collection", "a:\n  b: [1,\n ↓2]\n", "continuation line of a flow collection is not indented enough"),
                ("three under-indented lines of a flow collection", "a:\n  b: [1,\n ↓2,\n 3,\n 4]\n", "continuation line of a flow collection is not indented enough"),
                ("continuation of a plain scalar in a flow collection", "a:\n  b: [x\n↓y]\n", "continuation line of a plain scalar is not indented enough"),
            ])

    @Test("inconsistent indentation", arguments: indentation)
    func inconsistentIndentation(_ c: ErrorCase) { expectSingleError(c) }

    @Test("a key of 1024 characters is fine, however many bytes they take", arguments: ["k", "é", "😀"])
    func longestKey(_ character: String) {
        expectAccepted(String(repeating: character, count: 1024) + ": v\n")
    }

    @Test func inconsistentIndentationHintNamesTheColumns() {
        let d = YAMLParser.parse("a:\n    b: 1\n  c: 2\n").diagnostics
        #expect(d.map(\.hint) == ["line this up with the entries it belongs with (column 1 or 5)"])
    }

    // MARK: Unterminated quotes and flow collections

    static let unterminated =
        errorCases(
            "IY006", "unterminated double-quoted scalar",
            [
                ("double-quoted value", "a: ↓\"abc\n"),
                ("double-quoted key", "↓\"a: 1\n"),
                ("double quote ending in an escaped quote", "a: ↓\"abc\\\"\n"),
                ("double quote ending in a backslash at the end of the file", "a: ↓\"abc\\"),
                ("quote without a final line break", "a: ↓\"abc"),
                ("quote in a flow sequence", "[↓\"a, b]\n"),
                ("quote followed by mapping entries", "a: ↓\"abc\nb: 1\nc: 2\n"),
                ("quote that the next line's quote would close", "a: ↓\"abc\nb: \"def\"\n"),
                ("quote followed by sequence entries", "- ↓\"x\n- y\n"),
                ("quoted key followed by mapping entries", "↓\"a: 1\nb: 2\n"),
                ("quote ending in an escaped line break", "a: ↓\"x\\\nb: 1\n"),
                ("quote on a nested key", "a:\n  b: ↓\"x\n    more\n  c: 1\n"),
            ])
        + errorCases(
            "IY006", "unterminated single-quoted scalar",
            [
                ("single-quoted value", "a: ↓'abc\n"),
                ("single quote ending in a doubled quote", "a: ↓'it''\n"),
                ("single quote that the next line's quote would close", "a: ↓'it\nb: 'x'\n"),
                ("stray quote in a multi-line flow sequence", "a:\n  m: [x,\n    ↓'y\", z,\n    w]\n  goto: b\n  c: don't\n"),
            ])
        + errorCases(
            "IY008", "unterminated flow sequence",
            [
                ("flow sequence at the end of the file", "a: ↓[1, 2\n"),
                ("flow sequence after a trailing comma", "a: ↓[1, 2,\n"),
                ("outer flow sequence around a closed one", "a: ↓[1, [2, 3]\n"),
                ("flow sequence closed with a brace", "a: ↓[1, 2}\n"),
                ("top-level flow sequence", "↓[a, b\n"),
                ("flow sequence followed by block entries", "a: ↓[1, 2\nb: 3\nc: 4\n"),
                ("flow sequence in a sequence entry", "- ↓[a\n- b\n"),
                ("flow sequence before a document marker", "a: ↓[1, 2\n---\nb: 1\n"),
            ])
        + errorCases(
            "IY008", "unterminated flow mapping",
            [
                ("flow mapping at the end of the file", "a: ↓{x: 1\n"),
                ("flow mapping closed with a bracket", "↓{a: 1]\n"),
                ("flow mapping followed by block entries", "a: ↓{x: 1\nb: 3\n"),
            ])

    @Test("unterminated quotes and flow collections", arguments: unterminated)
    func unterminatedConstruct(_ c: ErrorCase) { expectSingleError(c) }

    // MARK: Escapes

    static let escapes =
        errorCases(
            "IY007",
            [
                ("unknown letter", "a: \"x↓\\qy\"\n", "invalid escape sequence `\\q`"),
                ("upper-case X", "a: \"↓\\X41\"\n", "invalid escape sequence `\\X`"),
                ("\\x with one digit", "a: \"↓\\x4\"\n", "invalid escape sequence `\\x4`"),
                ("\\u with a non-hex digit", "a: \"↓\\u12G4\"\n", "invalid escape sequence `\\u12`"),
                ("\\U beyond Unicode", "a: \"↓\\U00110000\"\n", "invalid escape sequence `\\U00110000`"),
                ("escape in a key", "\"↓\\k\": 1\n", "invalid escape sequence `\\k`"),
                ("escape in a flow sequence", "[\"↓\\c\"]\n", "invalid escape sequence `\\c`"),
                ("escape on a continuation line", "a: \"x\n  ↓\\y\"\n", "invalid escape sequence `\\y`"),
                ("escape after non-ASCII text", "a: \"café ↓\\é\"\n", "invalid escape sequence `\\é`"),
            ])
        + errorCases(
            "IY025",
            [
                ("lone high surrogate", "a: \"↓\\uD800\"\n", "escape `\\uD800` is a surrogate, not a character"),
                ("lone low surrogate", "a: \"↓\\uDC00\"\n", "escape `\\uDC00` is a surrogate, not a character"),
                ("high surrogate followed by text", "a: \"↓\\uD83Dx\"\n", "escape `\\uD83D` is a surrogate, not a character"),
                ("high surrogate followed by another escape", "a: \"↓\\uD83D\\u0041\"\n", "escape `\\uD83D` is a surrogate, not a character"),
                ("surrogate in \\U", "a: \"↓\\U0000D800\"\n", "escape `\\U0000D800` is a surrogate, not a character"),
            ])

    @Test("invalid escapes", arguments: escapes)
    func invalidEscape(_ c: ErrorCase) { expectSingleError(c) }

    @Test func invalidEscapeRangeCoversTheEscape() {
        let d = YAMLParser.parse("a: \"\\U00110000\"\n").diagnostics
        #expect(d.map { $0.range.end.offset - $0.range.start.offset } == [10])
    }

    // MARK: Duplicate keys

    static let duplicates =
        errorCases(
            "IY009", "duplicate key `a`",
            [
                ("block mapping", "↓a: 1\n↓a: 2\n"),
                ("nested mapping", "x:\n  ↓a: 1\n  b: 2\n  ↓a: 3\n"),
                ("flow mapping", "{↓a: 1, ↓a: 2}\n"),
                ("plain and double-quoted", "↓a: 1\n↓\"a\": 2\n"),
                ("mapping in a sequence entry", "- ↓a: 1\n  ↓a: 2\n"),
                ("flow mapping with an empty value", "{↓a, ↓a: 1}\n"),
            ])
        + errorCases(
            "IY009",
            [
                ("spelled with an escape", "↓ab: 1\n↓\"a\\x62\": 2\n", "duplicate key `ab`"),
                ("many keys before the duplicate", (1...20).map { "k\($0): \($0)\n" }.joined() + "↓k21: x\n↓k21: y\n", "duplicate key `k21`"),
                ("key that is not on the first line of its mapping", "a: 1\n↓b: 2\nc: 3\n↓b: 4\n", "duplicate key `b`"),
            ])

    @Test("duplicate keys, with a note at the first occurrence", arguments: duplicates)
    func duplicateKey(_ c: ErrorCase) {
        let marked = Marked(c.source)
        let result = marked.parse()
        let loc = c.sourceLocation
        guard marked.positions.count == 2, result.diagnostics.count == 1, let d = result.diagnostics.first else {
            Issue.record("expected one diagnostic, got \(summary(result.diagnostics))", sourceLocation: loc)
            return
        }
        #expect(d.code == c.expected.code, sourceLocation: loc)
        #expect(d.message == c.expected.message, sourceLocation: loc)
        #expect(d.at == marked.positions[1].at, "the duplicate", sourceLocation: loc)
        #expect(d.range.start.offset == marked.positions[1].offset, sourceLocation: loc)
        #expect(d.notes.count == 1, sourceLocation: loc)
        #expect(d.notes.first?.range.start.at == marked.positions[0].at, "the note's place", sourceLocation: loc)
        #expect(d.notes.first?.range.start.offset == marked.positions[0].offset, sourceLocation: loc)
        #expect(d.notes.first?.message.hasPrefix("`") == true, sourceLocation: loc)
    }

    @Test(
        "same key in different mappings is fine",
        arguments: [
            "a:\n  x: 1\nb:\n  x: 2\n",
            "- x: 1\n- x: 2\n",
            "[{x: 1}, {x: 2}]\n",
            "a: 1\n---\na: 2\n",
            "a: 1\nA: 2\n\"a \": 3\n",
        ])
    func sameKeyElsewhere(_ source: String) {
        let result = YAMLParser.parse(source)
        #expect(result.diagnostics.isEmpty, "\(summary(result.diagnostics))")
    }

    // MARK: Encoding

    static let encoding =
        errorCases(
            "IY001", "invalid UTF-8 byte sequence",
            [
                ("byte FF", "a: ↓⟨FF⟩\n"),
                ("lone continuation byte", "a: ↓⟨80⟩\n"),
                ("Latin-1 é", "name: Jos↓⟨E9⟩\n"),
                ("Latin-1 é twice", "name: Jos↓⟨E9⟩⟨E9⟩\n"),
                ("overlong slash", "a: ↓⟨C0⟩⟨AF⟩\n"),
                ("overlong three-byte form", "a: ↓⟨E0⟩⟨80⟩⟨AF⟩\n"),
                ("surrogate encoded in UTF-8", "a: ↓⟨ED⟩⟨A0⟩⟨80⟩\n"),
                ("code point above U+10FFFF", "a: ↓⟨F4⟩⟨90⟩⟨80⟩⟨80⟩\n"),
                ("sequence cut by a line break", "a: ↓⟨E2⟩⟨82⟩\nb: 1\n"),
                ("sequence cut at the end of the file", "a: ↓⟨E2⟩⟨82⟩"),
                ("four-byte sequence cut at the end of the file", "a: ↓⟨F0⟩⟨9F⟩⟨98⟩"),
                ("invalid byte in a key", "k↓⟨FF⟩y: 1\n"),
                ("invalid byte in a comment", "# caf↓⟨E9⟩\na: 1\n"),
                ("invalid byte in a quoted scalar", "a: \"x↓⟨FE⟩\"\n"),
                ("invalid byte after non-ASCII text", "a: été ↓⟨FF⟩\n"),
                ("invalid byte after a leading byte-order mark", "⟨EF⟩⟨BB⟩⟨BF⟩a: ↓⟨FF⟩\n"),
            ])
        + errorCases(
            "IY002", "byte-order mark in the middle of the file",
            [
                ("byte-order mark inside a value", "a: x↓⟨EF⟩⟨BB⟩⟨BF⟩y\n"),
                ("byte-order mark at the start of a later line", "a: 1\n↓⟨EF⟩⟨BB⟩⟨BF⟩b: 2\n"),
                ("second byte-order mark at the start", "⟨EF⟩⟨BB⟩⟨BF⟩↓⟨EF⟩⟨BB⟩⟨BF⟩a: 1\n"),
            ])
        + errorCases(
            "IY003",
            [
                ("NUL byte", "a: b↓⟨00⟩c\n", "control character U+0000 is not allowed"),
                ("escape character", "a: ↓⟨1B⟩[31m\n", "control character U+001B is not allowed"),
                ("delete character", "a: x↓⟨7F⟩\n", "control character U+007F is not allowed"),
                ("C1 control character", "a: x↓⟨C2⟩⟨80⟩\n", "control character U+0080 is not allowed"),
                ("control character in a quoted scalar", "a: \"↓⟨07⟩\"\n", "control character U+0007 is not allowed"),
            ])

    @Test("invalid UTF-8, byte-order marks and control characters", arguments: encoding)
    func encodingProblem(_ c: ErrorCase) { expectSingleError(c) }

    @Test("a leading byte-order mark takes no column") func leadingByteOrderMark() {
        let result = YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
        #expect(result.diagnostics.isEmpty)
        let key = result.documents.first?.mapping?.entries.first?.key
        #expect(key?.range.start == SourcePosition(offset: 3, line: 1, column: 1))
    }

    @Test(
        "printable characters are accepted",
        arguments: [
            "a: café ☕ 😀\n", "a: x\u{85}y\n", "a: \u{A0}x\n", "a: \"\\uFEFF\"\n",
        ])
    func printableCharacters(_ source: String) { expectAccepted(source) }

    // MARK: Other structural errors

    static let structure = errorCases([
        ("mapping value after a value", "a: b↓: c\n", "IY011", "a mapping value is not allowed here"),
        ("key on the line after a value", "a: 1\n  ↓b: 2\n", "IY014", "expected a mapping key, found a mapping key indented more than the entries before it"),
        ("missing colon between keys", "a: 1\n↓b\nc: 2\n", "IY012", "expected `:` after this mapping key"),
        ("missing colon in a nested mapping", "a:\n  b: 1\n  ↓c\n  d: 2\n", "IY012", "expected `:` after this mapping key"),
        ("sequence entry after a key on its line", "a: ↓- b\n", "IY013", "a sequence entry is not allowed here"),
        ("sequence entry after a mapping", "a: 1\n↓- b\n", "IY014", "expected a mapping key, found a sequence entry (`- `)"),
        ("mapping after a sequence", "- a\n↓b: 1\n", "IY014", "expected a sequence entry (`- `), found a mapping key"),
        ("key indented more than the keys before it", "a: 'x'\n  ↓b: 2\n", "IY014", "expected a mapping key, found a mapping key indented more than the entries before it"),
        (
            "sequence indented more than the entries before it", "- a\n- 'b'\n  ↓- c\n", "IY014",
            "expected a sequence entry (`- `), found a sequence entry (`- `) indented more than the entries before it"
        ),
        ("mapping value inside a value before a flow collection", "x:\n  b: c↓: [\n   e,\n   f]\n", "IY011", "a mapping value is not allowed here"),
        ("key glued to a brace, then its entries", "nodes:\n  x: 1\n  ↓a:}\n    b: 1\n    c: 2\n", "IY012", "expected `:` after this mapping key"),
        ("key without its colon, then its entries", "nodes:\n  x: 1\n  ↓a\n    - b\n    - c\n", "IY012", "expected `:` after this mapping key"),
        ("value glued to a brace, then more indented entries", "nodes:\n  a:}\n    ↓b: 1\n    c: 2\n", "IY014", "expected a mapping key, found a mapping key indented more than the entries before it"),
        ("closing bracket in block context", "a: 1\n↓]\n", "IY014", "expected a mapping key, found `]`"),
        ("extra closing bracket", "a: [1]↓]\n", "IY014", "expected a mapping key, found `]`"),
        ("block entry in a flow sequence", "[↓- a]\n", "IY014", "expected a value (quote `\"-\"` if it is text; `- ` entries cannot appear inside `[...]` or `{...}`), found `-`"),
        ("empty entry in a flow sequence", "[a, ↓, b]\n", "IY014", "expected an entry before `,`, found `,`"),
        ("missing comma in a flow mapping", "{a: 1 ↓[b]}\n", "IY014", "expected `,` or `}`, found `[`"),
        ("empty key in a block mapping", "↓: a\n", "IY010", "empty mapping keys are not supported"),
        ("empty key in a flow mapping", "{↓: a}\n", "IY010", "empty mapping keys are not supported"),
        ("comment glued to a quoted scalar", "a: \"b\"↓#c\n", "IY016", "a comment must be separated from what precedes it by a space"),
        ("comment glued to a flow collection", "a: [b]↓#c\n", "IY016", "a comment must be separated from what precedes it by a space"),
        ("reserved @", "a: ↓@home\n", "IY017", "`@` is reserved and cannot start a value"),
        ("reserved backtick", "a: ↓`cmd`\n", "IY017", "a backtick is reserved and cannot start a value"),
        ("block scalar inside a flow collection", "[↓|, a]\n", "IY017", "a block scalar indicator inside a flow collection cannot start a value"),
        ("indentation indicator 0", "a: |↓0\n  x\n", "IY018", "the indentation indicator must be 1-9, not 0"),
        ("text after a block scalar indicator", "a: |↓x\n  y\n", "IY018", "unexpected text after a block scalar indicator"),
        ("comment glued to a block scalar indicator", "a: |↓#c\n  y\n", "IY016", "a comment must be separated from what precedes it by a space"),
        ("leading empty line indented more than the text", "a: |\n↓    \n  x\n", "IY019", "a leading empty line of this block scalar is indented more than its first line"),
        ("key longer than 1024 characters", "↓" + String(repeating: "k", count: 1100) + ": v\n", "IY020", "a mapping key longer than 1024 characters"),
        ("key of 1025 two-byte characters", "↓" + String(repeating: "é", count: 1025) + ": v\n", "IY020", "a mapping key longer than 1024 characters"),
        ("document start inside a double-quoted scalar", "a: \"x\n↓---\ny\"\n", "IY021", "a document marker inside a quoted scalar"),
        ("document end inside a single-quoted scalar", "a: 'x\n↓...\n'\n", "IY021", "a document marker inside a quoted scalar"),
        ("content after a document end on its line", "a: 1\n... ↓b\n", "IY014", "expected the end of the line after `...`, found a scalar"),
        ("second root node", "'a'\n↓[b]\n", "IY014", "expected the end of the document, found `[`"),
        ("nesting deeper than the limit", String(repeating: "[", count: 100) + "↓[]" + String(repeating: "]", count: 100) + "\n", "IY015", "nesting is deeper than 100 levels"),
    ])

    @Test("other structural errors", arguments: structure)
    func structuralError(_ c: ErrorCase) { expectSingleError(c) }

    // MARK: Severity, order and the rendered text

    @Test func diagnosticsAreErrorsSortedByPosition() {
        let result = YAMLParser.parse("b: \"\\q\"\na: &x 1\nb: 2\nc: \"\\w\"\n")
        let offsets = result.diagnostics.map(\.range.start.offset)
        #expect(offsets == offsets.sorted())
        #expect(result.diagnostics.allSatisfy { $0.isError })
        #expect(result.hasErrors)
    }

    @Test("messages are lower-case with no full stop, and every code is IY and three digits")
    func messageStyle() {
        let all =
            Self.unsupported + Self.tabs + Self.indentation + Self.unterminated + Self.escapes
            + Self.duplicates + Self.encoding + Self.structure
        for c in all {
            for d in Marked(c.source).parse().diagnostics {
                #expect(d.message.first.map { !$0.isUppercase } == true, "\(d.message)", sourceLocation: c.sourceLocation)
                #expect(!d.message.hasSuffix("."), "\(d.message)", sourceLocation: c.sourceLocation)
                #expect(
                    d.code.count == 5 && d.code.hasPrefix("IY") && Int(d.code.dropFirst(2)) != nil,
                    sourceLocation: c.sourceLocation)
                if let hint = d.hint {
                    #expect(!hint.hasSuffix("."), "\(hint)", sourceLocation: c.sourceLocation)
                }
            }
        }
    }

    @Test func rendersTabIndentation() {
        let m = Marked("a:\n\tb: 1\n")
        #expect(
            m.render(m.parse().diagnostics) == """
                test.yaml:2:1: error: tab used as indentation [IY004]
                    2 | \tb: 1
                      | ^
                  hint: indent with spaces; a tab may only separate after the indentation

                """)
    }

    @Test func rendersCaretAfterATab() {
        let m = Marked("a:\t\"\\q\"\n")
        #expect(
            m.render(m.parse().diagnostics) == """
                test.yaml:1:5: error: invalid escape sequence `\\q` [IY007]
                    1 | a:\t"\\q"
                      |   \t ^~
                  hint: valid escapes are \\n \\t \\" \\\\ \\/ \\0 \\xXX \\uXXXX \\UXXXXXXXX; write `\\\\` for a backslash

                """)
    }

    @Test func rendersDuplicateKeyWithItsNote() {
        let m = Marked("title: One\nstart: welcome\ntitle: Two\n")
        #expect(
            m.render(m.parse().diagnostics, path: "Dialogs/intake.yaml") == """
                Dialogs/intake.yaml:3:1: error: duplicate key `title` [IY009]
                    3 | title: Two
                      | ^~~~~
                Dialogs/intake.yaml:1:1: note: `title` first appears here
                    1 | title: One
                      | ^~~~~
                  hint: a key may appear once in a mapping; merge the two or rename one

                """)
    }

    @Test func rendersNoExcerptForAFileWithoutBytes() {
        // A file that was not read (over the size limit) or is empty: no line to show.
        let d = Diagnostic(
            .error, code: "IC027", "the file is too large", at: SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1)),
            hint: "split it")
        #expect(
            DiagnosticRenderer.render(d, in: SourceFile(path: "big.yaml", bytes: [])) == """
                big.yaml:1:1: error: the file is too large [IC027]
                  hint: split it

                """)
    }

    @Test func rendersUnterminatedQuoteOnALineNumberWithTwoDigits() {
        let keys = (1...11).map { "k\($0): v\n" }.joined()
        let m = Marked(keys + "ask: \"What would you like\n")
        #expect(
            m.render(m.parse().diagnostics) == """
                test.yaml:12:6: error: unterminated double-quoted scalar [IY006]
                   12 | ask: "What would you like
                      |      ^
                  hint: close it with `"`

                """)
    }

    @Test func rendersControlCharactersVisibly() {
        let m = Marked("a: b⟨00⟩c\n")
        #expect(
            m.render(m.parse().diagnostics) == """
                test.yaml:1:5: error: control character U+0000 is not allowed [IY003]
                    1 | a: b\u{2400}c
                      |     ^
                  hint: write it as an escape inside a double-quoted string, such as "\\x00"

                """)
    }

    @Test func rendersALongLineCutAroundTheCaret() {
        let m = Marked("a: \"" + String(repeating: "x", count: 300) + "\\q\"\n")
        let lines = m.render(m.parse().diagnostics).split(separator: "\n", omittingEmptySubsequences: false)
        // The excerpt is cut to 120 characters around the caret, marked with `…`.
        #expect(lines.count == 5)
        guard lines.count == 5 else { return }
        #expect(lines[0] == "test.yaml:1:305: error: invalid escape sequence `\\q` [IY007]")
        let excerpt = lines[1].dropFirst("    1 | ".count)
        #expect(excerpt.hasPrefix("…"))
        #expect(excerpt.count <= 121)
        let caret = lines[2].dropFirst("      | ".count)
        let caretColumn = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
        let backslash = excerpt.firstIndex(of: "\\").map { excerpt.distance(from: excerpt.startIndex, to: $0) }
        #expect(caretColumn != nil && caretColumn == backslash)
    }

    // MARK: The markers themselves

    @Test func markersGiveLineColumnAndOffset() {
        let m = Marked("é: 1\n↓b: \"↓x\"\r\n↓c")
        #expect(m.text == "é: 1\nb: \"x\"\r\nc")
        #expect(
            m.positions == [
                SourcePosition(offset: 6, line: 2, column: 1),
                SourcePosition(offset: 10, line: 2, column: 5),
                SourcePosition(offset: 14, line: 3, column: 1),
            ])
        #expect(Marked("a⟨FF⟩↓b").positions == [SourcePosition(offset: 2, line: 1, column: 3)])
    }
}
