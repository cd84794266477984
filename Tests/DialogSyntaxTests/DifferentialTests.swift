import DialogSyntax
import PropertyBased
import Testing
import Yams

/// Differential tests: the parser against Yams (libyaml) and against the generator's own
/// tree, on random documents inside the subset.
///
/// Trees are compared untyped (scalar text, null for an empty value): Yams reads YAML 1.1
/// and the parser YAML 1.2, whose typing of plain scalars differs (`yes`, `on`, `0o17`,
/// `1_000`…). The generator avoids those scalars and everything else the two versions read
/// differently (tabs, NEL/LS/PS as line breaks), so a mismatch is a parser bug, a Yams bug
/// or a generator bug; the three-way comparison tells which.
@Suite struct DifferentialTests {
    /// Documents per style family; seven families make about 2,000 documents a run.
    static let documentsPerFamily = 290

    @Test func blockCollections() async { await check(.blockCollections) }
    @Test func plainScalars() async { await check(.plainScalars) }
    @Test func quotedScalars() async { await check(.quotedScalars) }
    @Test func blockScalars() async { await check(.blockScalars) }
    @Test func flowCollections() async { await check(.flowCollections) }
    @Test func commentsAndStreams() async { await check(.commentsAndStreams) }
    @Test func everything() async { await check(.everything) }

    /// The disagreements the properties found, reduced, and what YAML 1.2 reads. The
    /// generator keeps clear of each of them; these keep them in view.
    @Test(arguments: Discrepancy.all)
    func discrepancy(_ d: Discrepancy) {
        let ours = readWithParser(d.yaml)
        let yams = readWithYams(d.yaml)
        let oursAgrees = ours == .read(d.expected)
        let yamsAgrees = yams == .read(d.expected)
        // Cases with a `parserBug` were parser bugs once; the parser reads them now, and
        // they stay as regression tests.
        #expect(oursAgrees, "the parser read \(ours.abbreviated)")
        if let reason = d.yamsBug {
            #expect(!yamsAgrees, "Yams reads this as YAML 1.2 now (\(reason)); the generator may use it")
        } else {
            #expect(yamsAgrees, "Yams read \(yams.abbreviated)")
        }
    }

    private func check(_ family: StyleFamily, sourceLocation: SourceLocation = #_sourceLocation) async {
        await propertyCheck(count: Self.documentsPerFamily, input: GeneratedDocument.generator(family)) { document in
            compareWithYamsAndExpected(
                document.yaml, expected: document.expected,
                context: document.description, sourceLocation: sourceLocation)
        }
    }
}

// MARK: - Comparing

/// Parses `yaml` with the parser and with Yams and expects both to read `expected`.
func compareWithYamsAndExpected(
    _ yaml: String, expected: [UntypedNode], context: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let ours = readWithParser(yaml)
    let yams = readWithYams(yaml)
    let report = """
        the parser: \(ours)
        Yams:       \(yams)
        expected:   \(Reading.read(expected))
        \(context)
        ----- the document -----
        \(yaml)
        ----- end -----
        """
    #expect(ours == .read(expected), "the parser disagrees\n\(report)", sourceLocation: sourceLocation)
    #expect(yams == .read(expected), "Yams disagrees\n\(report)", sourceLocation: sourceLocation)
}

/// What a reader made of a stream: its documents, or the first problem it reported.
enum Reading: Equatable, CustomStringConvertible {
    case read([UntypedNode])
    case rejected(String)

    var description: String {
        switch self {
        case .read(let documents): "[" + documents.map(\.description).joined(separator: " | ") + "]"
        case .rejected(let problem): "an error (\(problem))"
        }
    }

    /// The description cut to 200 characters.
    var abbreviated: String {
        let d = description
        return d.count > 200 ? d.prefix(200) + "…" : d
    }
}

func readWithParser(_ yaml: String) -> Reading {
    let result = YAMLParser.parse(yaml)
    if let error = result.diagnostics.first(where: \.isError) {
        return .rejected("\(error.code) \(error.message) at \(error.range.start.line):\(error.range.start.column)")
    }
    return .read(result.documents.map(UntypedNode.init(ours:)))
}

func readWithYams(_ yaml: String) -> Reading {
    do {
        var documents = try Yams.compose_all(yaml: yaml)
        var read: [UntypedNode] = []
        while let node = documents.next() { read.append(UntypedNode(yams: node)) }
        if let error = documents.error { return .rejected("\(error)") }
        return .read(read)
    } catch {
        return .rejected("\(error)")
    }
}

extension UntypedNode {
    init(ours node: DialogSyntax.Node) {
        switch node {
        case .scalar(let s): self = s.isEmptyValue ? .null : .text(s.text)
        case .sequence(let s): self = .sequence(s.items.map(UntypedNode.init(ours:)))
        case .mapping(let m):
            self = .mapping(m.entries.map { UntypedEntry(key: $0.key.text, value: UntypedNode(ours: $0.value)) })
        }
    }

    /// Yams reads an empty value as an empty plain scalar, as the parser does.
    init(yams node: Yams.Node) {
        switch node {
        case .scalar(let s): self = s.style == .plain && s.string.isEmpty ? .null : .text(s.string)
        case .sequence(let s): self = .sequence(s.map(UntypedNode.init(yams:)))
        case .mapping(let m):
            self = .mapping(m.map { UntypedEntry(key: $0.key.scalar?.string ?? "<\($0.key)>", value: UntypedNode(yams: $0.value)) })
        case .alias: self = .text("<alias>")
        }
    }
}

// MARK: - Discrepancies found

/// An input on which the parser and Yams disagree, reduced to its smallest form, with the
/// documents YAML 1.2 reads from it and which side is wrong.
struct Discrepancy: Sendable, CustomTestStringConvertible {
    var yaml: String
    var expected: [UntypedNode]
    /// The parser's bug, while it is there.
    var parserBug: String? = nil
    /// What Yams (libyaml, YAML 1.1) gets wrong or reads otherwise.
    var yamsBug: String? = nil

    var testDescription: String {
        yaml.count > 60 ? String(yaml.prefix(20)).debugDescription + "… (\(yaml.count) characters)" : yaml.debugDescription
    }

    static let all: [Discrepancy] = [
        Discrepancy(
            yaml: " - []\n...\n", expected: [.sequence([.sequence([])])],
            parserBug: "an indented top-level block collection followed by `...` or `---` is rejected as inconsistent indentation (IY005)"),
        Discrepancy(
            yaml: " a: b\n# c\n---\n", expected: [.mapping([UntypedEntry(key: "a", value: .text("b"))]), .null],
            parserBug: "an indented top-level block collection followed by `...` or `---` is rejected as inconsistent indentation (IY005)"),
        Discrepancy(
            yaml: "a:\n  b: c\n \n---\n",
            expected: [.mapping([UntypedEntry(key: "a", value: .mapping([UntypedEntry(key: "b", value: .text("c"))]))]), .null],
            parserBug: "a line of spaces between a plain scalar and `---` or `...` lends the marker its indentation, inconsistent with the open blocks (IY005)"),
        Discrepancy(
            yaml: String(repeating: "é", count: 513) + ": v\n",
            expected: [.mapping([UntypedEntry(key: String(repeating: "é", count: 513), value: .text("v"))])],
            parserBug: "the 1024-character limit of implicit keys is counted in UTF-8 bytes: 513 characters are rejected (IY020)"),
        Discrepancy(
            yaml: "a: \"\\ufeffx\"\n", expected: [.mapping([UntypedEntry(key: "a", value: .text("\u{FEFF}x"))])],
            yamsBug: "Yams decodes scalars with Foundation, which drops a U+FEFF that opens one"),
        Discrepancy(
            yaml: "\u{FEFF}a: b\nc: d\n",
            expected: [.mapping([UntypedEntry(key: "a", value: .text("b")), UntypedEntry(key: "c", value: .text("d"))])],
            yamsBug: "libyaml counts a byte-order mark that opens the stream as a column, so the next line seems less indented"),
        Discrepancy(
            yaml: "[a:]\n", expected: [.sequence([.mapping([UntypedEntry(key: "a", value: .null)])])],
            yamsBug: "libyaml takes a `:` followed by `]` or `}` for part of a plain scalar"),
        Discrepancy(
            yaml: "{a:}\n", expected: [.mapping([UntypedEntry(key: "a", value: .null)])],
            yamsBug: "libyaml takes a `:` followed by `]` or `}` for part of a plain scalar"),
        Discrepancy(
            yaml: "[x:?]\n", expected: [.sequence([.text("x:?")])],
            yamsBug: "libyaml rejects `:` followed by `?` inside a plain scalar in flow context"),
        Discrepancy(
            yaml: "--- >+\n\n# c\n", expected: [.text("\n# c\n")],
            yamsBug: "a top-level block scalar may have content at column 0 (suite cases DK3J, FP8R); libyaml ends it there"),
        Discrepancy(
            yaml: "--- |1\n  x\n", expected: [.text("  x\n")],
            yamsBug: """
                YAML 1.2 indents the top level at -1, so `|1` there means column 0; libyaml (and most \
                parsers) read column 1, and the spec's editors mean to change the rule
                """),
    ]
}
