import DialogSyntax
import Testing

/// One input that must produce exactly one diagnostic, at the marked place.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let source: String
    let code: String
    let message: String
    let sourceLocation: SourceLocation

    init(
        _ name: String, _ source: String, _ code: String, _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        self.name = name
        self.source = source
        self.code = code
        self.message = message
        self.sourceLocation = sourceLocation
    }

    var testDescription: String { name }
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
    #expect(d.code == c.code, sourceLocation: loc)
    #expect(d.message == c.message, sourceLocation: loc)
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

    static let unsupported: [ErrorCase] = [
        ErrorCase("anchor on a value", "a: ↓&x 1\n", "IY010", "anchors (`&name`) are not supported"),
        ErrorCase("anchor on a sequence entry", "- ↓&first a\n- b\n", "IY010", "anchors (`&name`) are not supported"),
        ErrorCase("anchor on a nested mapping", "a: ↓&base\n  b: 1\n", "IY010", "anchors (`&name`) are not supported"),
        ErrorCase("anchor in a flow sequence", "[a, ↓&x b]\n", "IY010", "anchors (`&name`) are not supported"),
        ErrorCase("alias as a value", "a: ↓*x\n", "IY010", "aliases (`*name`) are not supported"),
        ErrorCase("alias as a sequence entry", "- a\n- ↓*x\n", "IY010", "aliases (`*name`) are not supported"),
        ErrorCase("alias in a flow mapping", "{a: ↓*x, b: 2}\n", "IY010", "aliases (`*name`) are not supported"),
        ErrorCase("core-schema tag", "a: ↓!!str 1\n", "IY010", "tags (`!tag`) are not supported"),
        ErrorCase("local tag", "a: ↓!local x\n", "IY010", "tags (`!tag`) are not supported"),
        ErrorCase("verbatim tag", "a: ↓!<tag:yaml.org,2002:str> x\n", "IY010", "tags (`!tag`) are not supported"),
        ErrorCase("tag on a flow sequence", "a: ↓!!seq [1]\n", "IY010", "tags (`!tag`) are not supported"),
        ErrorCase("tag in a flow sequence", "[↓!x a]\n", "IY010", "tags (`!tag`) are not supported"),
        ErrorCase("explicit key alone", "↓? a\n", "IY010", "explicit keys (`? `) are not supported"),
        ErrorCase("explicit key with its value", "↓? a\n: b\n", "IY010", "explicit keys (`? `) are not supported"),
        ErrorCase("explicit key inside a mapping", "x: 1\n↓? y\n: 2\n", "IY010", "explicit keys (`? `) are not supported"),
        ErrorCase("flow sequence as a key", "↓[a, b]: c\n", "IY010", "complex keys (a sequence used as a key) are not supported"),
        ErrorCase("flow mapping as a key", "↓{a: 1}: c\n", "IY010", "complex keys (a mapping used as a key) are not supported"),
        ErrorCase("flow sequence as a key in a flow mapping", "{↓[a]: b}\n", "IY010", "complex keys (a sequence used as a key) are not supported"),
        ErrorCase("YAML directive", "↓%YAML 1.2\n---\na: 1\n", "IY010", "directives (`%YAML`, `%TAG`) are not supported"),
        ErrorCase("TAG directive", "↓%TAG ! tag:example.com,2000:\n---\na: 1\n", "IY010", "directives (`%YAML`, `%TAG`) are not supported"),
        ErrorCase("merge key with a flow mapping", "↓<<: {a: 1}\nb: 2\n", "IY010", "merge keys (`<<`) are not supported"),
        ErrorCase("merge key in a nested mapping", "x:\n  ↓<<: y\n  b: 2\n", "IY010", "merge keys (`<<`) are not supported"),
        ErrorCase("merge key in a flow mapping", "{a: 1, ↓<<: b}\n", "IY010", "merge keys (`<<`) are not supported"),
        ErrorCase("merge key in a sequence entry", "- ↓<<: x\n  a: 1\n", "IY010", "merge keys (`<<`) are not supported"),
    ]

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

    static let tabs: [ErrorCase] = [
        ErrorCase("tab before a nested key", "a:\n↓\tb: 1\n", "IY004", "tab used as indentation"),
        ErrorCase("tab before a key after a scalar value", "a: 1\n↓\tb: 2\n", "IY004", "tab used as indentation"),
        ErrorCase("tab before a key after a quoted value", "a: 'x'\n↓\tb: 2\n", "IY004", "tab used as indentation"),
        ErrorCase("tab before a key after a nested mapping", "a:\n  b: 1\n↓\tc: 2\n", "IY004", "tab used as indentation"),
        ErrorCase("tab after spaces before a key", "a:\n  b: 1\n  ↓\tc: 2\n", "IY004", "tab used as indentation"),
        ErrorCase("tab between spaces of the indentation", "a:\n  b: 1\n ↓\tc: 2\n", "IY004", "tab used as indentation"),
        ErrorCase("tab before a sequence entry", "a:\n↓\t- b\n", "IY004", "tab used as indentation"),
        ErrorCase("tab before a sequence entry after an entry", "- a\n↓\t- b\n", "IY004", "tab used as indentation"),
        ErrorCase("tab between compact sequence entries", "-↓\t- a\n", "IY004", "tab used as indentation"),
        ErrorCase("tab indenting a block scalar", "a: |\n↓\tx\n", "IY004", "tab used as indentation"),
        ErrorCase(
            "tab standing in for a nested key's indentation", "nodes:\n  welcome:\n    say: Hello\n↓\tnote: staff\n    ask: What?\n",
            "IY004", "tab used as indentation"),
        ErrorCase("tab before text that is not a key", "a: 1\n↓\tb\n", "IY004", "tab used as indentation"),
        ErrorCase("tab before a flow value of a nested key", "a:\n  b:\n↓\t[1, 2]\n", "IY004", "tab used as indentation"),
        ErrorCase("tab before a nested sequence, then a sibling key", "a:\n  b:\n↓\t- x\n  c: 1\n", "IY004", "tab used as indentation"),
        ErrorCase("tab indenting a later line of a block scalar", "a: |\n  x\n↓\ty\nb: 1\n", "IY004", "tab used as indentation"),
        ErrorCase("tab indenting a folded scalar's first line", "a: >\n↓\tx\n  y\n", "IY004", "tab used as indentation"),
    ]

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

    static let indentation: [ErrorCase] = [
        ErrorCase("key between two levels", "a:\n  b: 1\n ↓c: 2\n", "IY005", "inconsistent indentation"),
        ErrorCase("key between two deeper levels", "a:\n    b: 1\n  ↓c: 2\n", "IY005", "inconsistent indentation"),
        ErrorCase("sequence entry between two levels", "a:\n  - 1\n ↓- 2\n", "IY005", "inconsistent indentation"),
        ErrorCase("key less indented than a sequence", "a:\n  - 1\n ↓b: 2\n", "IY005", "inconsistent indentation"),
        ErrorCase("key under an indented root", "  a: 1\n↓b: 2\n", "IY005", "inconsistent indentation"),
        ErrorCase("key between levels of a sequence of mappings", "- a: 1\n  b:\n    c: 2\n ↓d: 3\n", "IY005", "inconsistent indentation"),
        ErrorCase(
            "continuation of a double-quoted scalar", "a:\n  b: \"x\n↓ y\"\n", "IY024",
            "continuation line of a double-quoted scalar is not indented enough"),
        ErrorCase(
            "continuation of a single-quoted scalar", "a:\n  b: 'x\n↓y'\n", "IY024",
            "continuation line of a single-quoted scalar is not indented enough"),
        ErrorCase(
            "continuation of a flow collection", "a:\n  b: [1,\n ↓2]\n", "IY024",
            "continuation line of a flow collection is not indented enough"),
        ErrorCase(
            "three under-indented lines of a flow collection", "a:\n  b: [1,\n ↓2,\n 3,\n 4]\n", "IY024",
            "continuation line of a flow collection is not indented enough"),
        ErrorCase(
            "three under-indented lines of a quoted scalar", "a:\n  b: \"x\n↓ y\n z\n w\"\n", "IY024",
            "continuation line of a double-quoted scalar is not indented enough"),
        ErrorCase(
            "continuation of a plain scalar in a flow collection", "a:\n  b: [x\n↓y]\n", "IY024",
            "continuation line of a plain scalar is not indented enough"),
    ]

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

    static let unterminated: [ErrorCase] = [
        ErrorCase("double-quoted value", "a: ↓\"abc\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("single-quoted value", "a: ↓'abc\n", "IY006", "unterminated single-quoted scalar"),
        ErrorCase("double-quoted key", "↓\"a: 1\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("double quote ending in an escaped quote", "a: ↓\"abc\\\"\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("double quote ending in a backslash at the end of the file", "a: ↓\"abc\\", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("single quote ending in a doubled quote", "a: ↓'it''\n", "IY006", "unterminated single-quoted scalar"),
        ErrorCase("quote without a final line break", "a: ↓\"abc", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("quote in a flow sequence", "[↓\"a, b]\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("quote followed by mapping entries", "a: ↓\"abc\nb: 1\nc: 2\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("quote that the next line's quote would close", "a: ↓\"abc\nb: \"def\"\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("single quote that the next line's quote would close", "a: ↓'it\nb: 'x'\n", "IY006", "unterminated single-quoted scalar"),
        ErrorCase("quote followed by sequence entries", "- ↓\"x\n- y\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("quoted key followed by mapping entries", "↓\"a: 1\nb: 2\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("quote ending in an escaped line break", "a: ↓\"x\\\nb: 1\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase(
            "stray quote in a multi-line flow sequence", "a:\n  m: [x,\n    ↓'y\", z,\n    w]\n  goto: b\n  c: don't\n",
            "IY006", "unterminated single-quoted scalar"),
        ErrorCase("quote on a nested key", "a:\n  b: ↓\"x\n    more\n  c: 1\n", "IY006", "unterminated double-quoted scalar"),
        ErrorCase("flow sequence at the end of the file", "a: ↓[1, 2\n", "IY008", "unterminated flow sequence"),
        ErrorCase("flow mapping at the end of the file", "a: ↓{x: 1\n", "IY008", "unterminated flow mapping"),
        ErrorCase("flow sequence after a trailing comma", "a: ↓[1, 2,\n", "IY008", "unterminated flow sequence"),
        ErrorCase("outer flow sequence around a closed one", "a: ↓[1, [2, 3]\n", "IY008", "unterminated flow sequence"),
        ErrorCase("flow sequence closed with a brace", "a: ↓[1, 2}\n", "IY008", "unterminated flow sequence"),
        ErrorCase("flow mapping closed with a bracket", "↓{a: 1]\n", "IY008", "unterminated flow mapping"),
        ErrorCase("top-level flow sequence", "↓[a, b\n", "IY008", "unterminated flow sequence"),
        ErrorCase("flow sequence followed by block entries", "a: ↓[1, 2\nb: 3\nc: 4\n", "IY008", "unterminated flow sequence"),
        ErrorCase("flow mapping followed by block entries", "a: ↓{x: 1\nb: 3\n", "IY008", "unterminated flow mapping"),
        ErrorCase("flow sequence in a sequence entry", "- ↓[a\n- b\n", "IY008", "unterminated flow sequence"),
        ErrorCase("flow sequence before a document marker", "a: ↓[1, 2\n---\nb: 1\n", "IY008", "unterminated flow sequence"),
    ]

    @Test("unterminated quotes and flow collections", arguments: unterminated)
    func unterminatedConstruct(_ c: ErrorCase) { expectSingleError(c) }

    // MARK: Escapes

    static let escapes: [ErrorCase] = [
        ErrorCase("unknown letter", "a: \"x↓\\qy\"\n", "IY007", "invalid escape sequence `\\q`"),
        ErrorCase("upper-case X", "a: \"↓\\X41\"\n", "IY007", "invalid escape sequence `\\X`"),
        ErrorCase("\\x with one digit", "a: \"↓\\x4\"\n", "IY007", "invalid escape sequence `\\x4`"),
        ErrorCase("\\u with a non-hex digit", "a: \"↓\\u12G4\"\n", "IY007", "invalid escape sequence `\\u12`"),
        ErrorCase("\\U beyond Unicode", "a: \"↓\\U00110000\"\n", "IY007", "invalid escape sequence `\\U00110000`"),
        ErrorCase("lone high surrogate", "a: \"↓\\uD800\"\n", "IY025", "escape `\\uD800` is a surrogate, not a character"),
        ErrorCase("lone low surrogate", "a: \"↓\\uDC00\"\n", "IY025", "escape `\\uDC00` is a surrogate, not a character"),
        ErrorCase("high surrogate followed by text", "a: \"↓\\uD83Dx\"\n", "IY025", "escape `\\uD83D` is a surrogate, not a character"),
        ErrorCase("high surrogate followed by another escape", "a: \"↓\\uD83D\\u0041\"\n", "IY025", "escape `\\uD83D` is a surrogate, not a character"),
        ErrorCase("surrogate in \\U", "a: \"↓\\U0000D800\"\n", "IY025", "escape `\\U0000D800` is a surrogate, not a character"),
        ErrorCase("escape in a key", "\"↓\\k\": 1\n", "IY007", "invalid escape sequence `\\k`"),
        ErrorCase("escape in a flow sequence", "[\"↓\\c\"]\n", "IY007", "invalid escape sequence `\\c`"),
        ErrorCase("escape on a continuation line", "a: \"x\n  ↓\\y\"\n", "IY007", "invalid escape sequence `\\y`"),
        ErrorCase("escape after non-ASCII text", "a: \"café ↓\\é\"\n", "IY007", "invalid escape sequence `\\é`"),
    ]

    @Test("invalid escapes", arguments: escapes)
    func invalidEscape(_ c: ErrorCase) { expectSingleError(c) }

    @Test func invalidEscapeRangeCoversTheEscape() {
        let d = YAMLParser.parse("a: \"\\U00110000\"\n").diagnostics
        #expect(d.map { $0.range.end.offset - $0.range.start.offset } == [10])
    }

    // MARK: Duplicate keys

    static let duplicates: [ErrorCase] = [
        ErrorCase("block mapping", "↓a: 1\n↓a: 2\n", "IY009", "duplicate key `a`"),
        ErrorCase("nested mapping", "x:\n  ↓a: 1\n  b: 2\n  ↓a: 3\n", "IY009", "duplicate key `a`"),
        ErrorCase("flow mapping", "{↓a: 1, ↓a: 2}\n", "IY009", "duplicate key `a`"),
        ErrorCase("plain and double-quoted", "↓a: 1\n↓\"a\": 2\n", "IY009", "duplicate key `a`"),
        ErrorCase("spelled with an escape", "↓ab: 1\n↓\"a\\x62\": 2\n", "IY009", "duplicate key `ab`"),
        ErrorCase("mapping in a sequence entry", "- ↓a: 1\n  ↓a: 2\n", "IY009", "duplicate key `a`"),
        ErrorCase("flow mapping with an empty value", "{↓a, ↓a: 1}\n", "IY009", "duplicate key `a`"),
        ErrorCase(
            "many keys before the duplicate", (1...20).map { "k\($0): \($0)\n" }.joined() + "↓k21: x\n↓k21: y\n",
            "IY009", "duplicate key `k21`"),
        ErrorCase("key that is not on the first line of its mapping", "a: 1\n↓b: 2\nc: 3\n↓b: 4\n", "IY009", "duplicate key `b`"),
    ]

    @Test("duplicate keys, with a note at the first occurrence", arguments: duplicates)
    func duplicateKey(_ c: ErrorCase) {
        let marked = Marked(c.source)
        let result = marked.parse()
        let loc = c.sourceLocation
        guard marked.positions.count == 2, result.diagnostics.count == 1, let d = result.diagnostics.first else {
            Issue.record("expected one diagnostic, got \(summary(result.diagnostics))", sourceLocation: loc)
            return
        }
        #expect(d.code == c.code, sourceLocation: loc)
        #expect(d.message == c.message, sourceLocation: loc)
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

    static let encoding: [ErrorCase] = [
        ErrorCase("byte FF", "a: ↓⟨FF⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("lone continuation byte", "a: ↓⟨80⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("Latin-1 é", "name: Jos↓⟨E9⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("Latin-1 é twice", "name: Jos↓⟨E9⟩⟨E9⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("overlong slash", "a: ↓⟨C0⟩⟨AF⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("overlong three-byte form", "a: ↓⟨E0⟩⟨80⟩⟨AF⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("surrogate encoded in UTF-8", "a: ↓⟨ED⟩⟨A0⟩⟨80⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("code point above U+10FFFF", "a: ↓⟨F4⟩⟨90⟩⟨80⟩⟨80⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("sequence cut by a line break", "a: ↓⟨E2⟩⟨82⟩\nb: 1\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("sequence cut at the end of the file", "a: ↓⟨E2⟩⟨82⟩", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("four-byte sequence cut at the end of the file", "a: ↓⟨F0⟩⟨9F⟩⟨98⟩", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("invalid byte in a key", "k↓⟨FF⟩y: 1\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("invalid byte in a comment", "# caf↓⟨E9⟩\na: 1\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("invalid byte in a quoted scalar", "a: \"x↓⟨FE⟩\"\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("invalid byte after non-ASCII text", "a: été ↓⟨FF⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("invalid byte after a leading byte-order mark", "⟨EF⟩⟨BB⟩⟨BF⟩a: ↓⟨FF⟩\n", "IY001", "invalid UTF-8 byte sequence"),
        ErrorCase("byte-order mark inside a value", "a: x↓⟨EF⟩⟨BB⟩⟨BF⟩y\n", "IY002", "byte-order mark in the middle of the file"),
        ErrorCase("byte-order mark at the start of a later line", "a: 1\n↓⟨EF⟩⟨BB⟩⟨BF⟩b: 2\n", "IY002", "byte-order mark in the middle of the file"),
        ErrorCase("second byte-order mark at the start", "⟨EF⟩⟨BB⟩⟨BF⟩↓⟨EF⟩⟨BB⟩⟨BF⟩a: 1\n", "IY002", "byte-order mark in the middle of the file"),
        ErrorCase("NUL byte", "a: b↓⟨00⟩c\n", "IY003", "control character U+0000 is not allowed"),
        ErrorCase("escape character", "a: ↓⟨1B⟩[31m\n", "IY003", "control character U+001B is not allowed"),
        ErrorCase("delete character", "a: x↓⟨7F⟩\n", "IY003", "control character U+007F is not allowed"),
        ErrorCase("C1 control character", "a: x↓⟨C2⟩⟨80⟩\n", "IY003", "control character U+0080 is not allowed"),
        ErrorCase("control character in a quoted scalar", "a: \"↓⟨07⟩\"\n", "IY003", "control character U+0007 is not allowed"),
    ]

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

    static let structure: [ErrorCase] = [
        ErrorCase("mapping value after a value", "a: b↓: c\n", "IY011", "a mapping value is not allowed here"),
        ErrorCase(
            "key on the line after a value", "a: 1\n  ↓b: 2\n", "IY014",
            "expected a mapping key, found a mapping key indented more than the entries before it"),
        ErrorCase("missing colon between keys", "a: 1\n↓b\nc: 2\n", "IY012", "expected `:` after this mapping key"),
        ErrorCase("missing colon in a nested mapping", "a:\n  b: 1\n  ↓c\n  d: 2\n", "IY012", "expected `:` after this mapping key"),
        ErrorCase("sequence entry after a key on its line", "a: ↓- b\n", "IY013", "a sequence entry is not allowed here"),
        ErrorCase("sequence entry after a mapping", "a: 1\n↓- b\n", "IY014", "expected a mapping key, found a sequence entry (`- `)"),
        ErrorCase("mapping after a sequence", "- a\n↓b: 1\n", "IY014", "expected a sequence entry (`- `), found a mapping key"),
        ErrorCase(
            "key indented more than the keys before it", "a: 'x'\n  ↓b: 2\n", "IY014",
            "expected a mapping key, found a mapping key indented more than the entries before it"),
        ErrorCase(
            "sequence indented more than the entries before it", "- a\n- 'b'\n  ↓- c\n", "IY014",
            "expected a sequence entry (`- `), found a sequence entry (`- `) indented more than the entries before it"),
        ErrorCase(
            "mapping value inside a value before a flow collection", "x:\n  b: c↓: [\n   e,\n   f]\n", "IY011",
            "a mapping value is not allowed here"),
        ErrorCase(
            "key glued to a brace, then its entries", "nodes:\n  x: 1\n  ↓a:}\n    b: 1\n    c: 2\n", "IY012",
            "expected `:` after this mapping key"),
        ErrorCase(
            "key without its colon, then its entries", "nodes:\n  x: 1\n  ↓a\n    - b\n    - c\n", "IY012",
            "expected `:` after this mapping key"),
        ErrorCase(
            "value glued to a brace, then more indented entries", "nodes:\n  a:}\n    ↓b: 1\n    c: 2\n", "IY014",
            "expected a mapping key, found a mapping key indented more than the entries before it"),
        ErrorCase("closing bracket in block context", "a: 1\n↓]\n", "IY014", "expected a mapping key, found `]`"),
        ErrorCase("extra closing bracket", "a: [1]↓]\n", "IY014", "expected a mapping key, found `]`"),
        ErrorCase(
            "block entry in a flow sequence", "[↓- a]\n", "IY014",
            "expected a value (quote `\"-\"` if it is text; `- ` entries cannot appear inside `[...]` or `{...}`), found `-`"),
        ErrorCase("empty entry in a flow sequence", "[a, ↓, b]\n", "IY014", "expected an entry before `,`, found `,`"),
        ErrorCase("missing comma in a flow mapping", "{a: 1 ↓[b]}\n", "IY014", "expected `,` or `}`, found `[`"),
        ErrorCase("empty key in a block mapping", "↓: a\n", "IY010", "empty mapping keys are not supported"),
        ErrorCase("empty key in a flow mapping", "{↓: a}\n", "IY010", "empty mapping keys are not supported"),
        ErrorCase("comment glued to a quoted scalar", "a: \"b\"↓#c\n", "IY016", "a comment must be separated from what precedes it by a space"),
        ErrorCase("comment glued to a flow collection", "a: [b]↓#c\n", "IY016", "a comment must be separated from what precedes it by a space"),
        ErrorCase("reserved @", "a: ↓@home\n", "IY017", "`@` is reserved and cannot start a value"),
        ErrorCase("reserved backtick", "a: ↓`cmd`\n", "IY017", "a backtick is reserved and cannot start a value"),
        ErrorCase("block scalar inside a flow collection", "[↓|, a]\n", "IY017", "a block scalar indicator inside a flow collection cannot start a value"),
        ErrorCase("indentation indicator 0", "a: |↓0\n  x\n", "IY018", "the indentation indicator must be 1-9, not 0"),
        ErrorCase("text after a block scalar indicator", "a: |↓x\n  y\n", "IY018", "unexpected text after a block scalar indicator"),
        ErrorCase("comment glued to a block scalar indicator", "a: |↓#c\n  y\n", "IY016", "a comment must be separated from what precedes it by a space"),
        ErrorCase(
            "leading empty line indented more than the text", "a: |\n↓    \n  x\n", "IY019",
            "a leading empty line of this block scalar is indented more than its first line"),
        ErrorCase(
            "key longer than 1024 characters", "↓" + String(repeating: "k", count: 1100) + ": v\n", "IY020",
            "a mapping key longer than 1024 characters"),
        ErrorCase(
            "key of 1025 two-byte characters", "↓" + String(repeating: "é", count: 1025) + ": v\n", "IY020",
            "a mapping key longer than 1024 characters"),
        ErrorCase("document start inside a double-quoted scalar", "a: \"x\n↓---\ny\"\n", "IY021", "a document marker inside a quoted scalar"),
        ErrorCase("document end inside a single-quoted scalar", "a: 'x\n↓...\n'\n", "IY021", "a document marker inside a quoted scalar"),
        ErrorCase("content after a document end on its line", "a: 1\n... ↓b\n", "IY014", "expected the end of the line after `...`, found a scalar"),
        ErrorCase("second root node", "'a'\n↓[b]\n", "IY014", "expected the end of the document, found `[`"),
        ErrorCase(
            "nesting deeper than the limit", String(repeating: "[", count: 100) + "↓[]" + String(repeating: "]", count: 100) + "\n",
            "IY015", "nesting is deeper than 100 levels"),
    ]

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
