import DialogEngine
import PropertyBased

// MARK: - The expected tree

/// A document tree without typing: every scalar is its text, and an empty value is null.
///
/// The differential tests compare the parser with Yams through this tree, not through
/// typed values. Yams reads YAML 1.1 (libyaml and its 1.1 resolver) and the parser reads
/// YAML 1.2: the two type plain scalars differently (`yes`, `on`, `0o17`, `1_000`,
/// `1:30`, dates…) even where they read the same text. Comparing text keeps typing out of
/// the comparison; the generator also keeps such plain scalars out of the documents.
enum UntypedNode: Equatable, Sendable, CustomStringConvertible {
    case null
    case text(String)
    case sequence([UntypedNode])
    case mapping([UntypedEntry])

    /// A compact, JSON-like rendering for failure messages.
    var description: String {
        switch self {
        case .null: "null"
        case .text(let s): s.debugDescription
        case .sequence(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let entries):
            "{" + entries.map { "\($0.key.debugDescription): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// One entry of an ``UntypedNode/mapping(_:)``; keys are scalar text.
struct UntypedEntry: Equatable, Sendable {
    var key: String
    var value: UntypedNode
}

// MARK: - Style families

/// The families of constructs the generator exercises, one property test each.
enum StyleFamily: String, CaseIterable, Sendable {
    /// Block mappings and sequences: nested, compact (`- key: value`, `- - a`), indentless
    /// (`key:` then `- a` at the same indentation), empty values; single-line plain scalars.
    case blockCollections
    /// Plain scalars, single- and multi-line (folded over lines, with empty lines), in
    /// block and flow context.
    case plainScalars
    /// Single-quoted (`''`) and double-quoted scalars (escapes, folding, escaped breaks).
    case quotedScalars
    /// Literal `|` and folded `>` block scalars with chomping and indentation indicators.
    case blockScalars
    /// Flow sequences and mappings, nested and spanning lines, `[k: v]` pairs.
    case flowCollections
    /// Whole-line and trailing comments, `---`, `...` and multi-document streams.
    case commentsAndStreams
    /// Everything at once.
    case everything
}

/// How often the generator reaches for each construct; one per ``StyleFamily``.
struct Profile: Sendable {
    var maxDepth = 3
    var maxItems = 3
    // Scalar styles, as weights.
    var plain = 6.0
    var single = 1.0
    var double = 1.0
    var literal = 0.0
    var folded = 0.0
    // Scalar contents, as weights.
    var simpleText = 6.0
    var spacedText = 0.0
    var specialText = 0.0
    var multilineText = 0.0
    var escapeText = 0.0
    var blockText = 0.0
    // Probabilities.
    var emptyValue = 0.08
    /// Long keys (near the 1024-character limit of implicit keys) and long values, as a weight.
    var longText = 0.0
    var fold = 0.0
    var flow = 0.0
    var flowBreaks = 0.0
    var flowPair = 0.3
    var compact = 0.4
    var indentless = 0.3
    var comments = 0.0
    var blankLines = 0.05
    var explicitStart = 0.2
    var documentEnd = 0.0
    var documents = 1...1
    var trailingSpaces = 0.05
    /// A value on the line after its `key:`, `-` or `---`.
    var nextLine = 0.1
    /// CR LF line breaks for the whole stream.
    var crlf = 0.0

    /// A family's profile: the defaults above, but for the weights and probabilities of
    /// the constructs it exercises.
    static func of(_ family: StyleFamily) -> Profile {
        switch family {
        case .blockCollections:
            Profile(maxDepth: 4, single: 0.3, double: 0.3, emptyValue: 0.15, longText: 0.1, compact: 0.5, indentless: 0.4)
        case .plainScalars:
            Profile(plain: 10, single: 0.2, double: 0.2, simpleText: 2, spacedText: 1, multilineText: 4, fold: 0.4, flow: 0.3, flowBreaks: 0.4)
        case .quotedScalars:
            Profile(plain: 1, single: 4, double: 4, simpleText: 1, spacedText: 2, specialText: 3, multilineText: 2, escapeText: 3, fold: 0.3, flow: 0.2, flowBreaks: 0.3)
        case .blockScalars:
            Profile(plain: 1, single: 0.3, double: 0.3, literal: 4, folded: 4, simpleText: 1, specialText: 1, multilineText: 2, blockText: 6, fold: 0.3, comments: 0.1)
        case .flowCollections:
            Profile(maxDepth: 4, single: 0.5, double: 0.5, simpleText: 5, spacedText: 1, specialText: 1, multilineText: 1, fold: 0.2, flow: 0.85, flowBreaks: 0.5, comments: 0.1)
        case .commentsAndStreams:
            Profile(
                single: 0.5, double: 0.5, literal: 0.5, folded: 0.5, multilineText: 0.5, blockText: 0.5, fold: 0.2, flow: 0.2, flowBreaks: 0.3, comments: 0.45, blankLines: 0.2, explicitStart: 0.6,
                documentEnd: 0.35, documents: 0...4, crlf: 0.15)
        case .everything:
            Profile(
                maxDepth: 4, single: 2, double: 2, literal: 1.5, folded: 1.5, simpleText: 4, spacedText: 1, specialText: 1.5, multilineText: 1.5, escapeText: 1, blockText: 1.5, longText: 0.05,
                fold: 0.25, flow: 0.3, flowBreaks: 0.3, comments: 0.2, blankLines: 0.1, explicitStart: 0.4, documentEnd: 0.2, documents: 1...3, crlf: 0.05)
        }
    }
}

// MARK: - The generated document

/// A YAML stream inside the parser's subset, and the untyped documents it must read as.
///
/// The generator builds the tree first and renders it second, choosing for every node a
/// style that can spell its content where it stands; the expected documents are the tree
/// itself, so they are right by construction.
struct GeneratedDocument: Sendable, CustomStringConvertible {
    var family: StyleFamily
    var yaml: String
    var expected: [UntypedNode]

    var description: String {
        "\(family) document \(yaml.debugDescription), expected \(expected)"
    }

    /// A generator of documents of one style family.
    static func generator(_ family: StyleFamily) -> Generator<GeneratedDocument, Shrink.None<GeneratedDocument>> {
        Generator { rng in
            var builder = DocumentBuilder(profile: .of(family), seed: rng.next())
            let docs = builder.stream()
            var renderer = DocumentRenderer(profile: .of(family), seed: rng.next())
            return GeneratedDocument(family: family, yaml: renderer.render(docs), expected: docs)
        }
    }

    /// The document for one seed, without going through a property check.
    static func make(_ family: StyleFamily, seed: UInt64) -> GeneratedDocument {
        var builder = DocumentBuilder(profile: .of(family), seed: seed)
        let docs = builder.stream()
        var renderer = DocumentRenderer(profile: .of(family), seed: seed &+ 0x9E37_79B9)
        return GeneratedDocument(family: family, yaml: renderer.render(docs), expected: docs)
    }
}

// MARK: - Randomness

extension SplitMix64 {
    /// An index chosen by weight; weights of zero are never chosen.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0)
        var x = Double.random(in: 0..<total, using: &self)
        for (i, w) in weights.enumerated() where w > 0 {
            if x < w { return i }
            x -= w
        }
        return weights.lastIndex { $0 > 0 }!
    }
}

// MARK: - Building trees

/// Words that read the same as plain scalars anywhere (block and flow context, first or
/// later). None of them is typed differently by YAML 1.1 and 1.2: `42`, `true` and `null`
/// are, but in the same way, and the comparison is untyped anyway.
private let anywhereWords = [
    "alpha", "beta", "gamma", "delta", "baclofen", "withdrawal", "clinic", "dose", "sleep", "x",
    "é", "naïve", "日本語", "café", "Ωmega", "😀", "über", "snake_case", "kebab-case", "a.b", "x/y",
    "C++", "50%", "it's", "say\"hi\"", "back\\slash", "a#b", "a:b", "k=v", "a|b", "a>b", "~tilde",
    "a@b", "a*b", "a&b", "a!b", "42", "-7", "3.25", "true", "null", "v1.2", "http://x.y/z", "-x",
    "end.", "(paren)", "a-", "ok?", "a;b", "a'", "a\"", "no\u{A0}break", "e\u{301}", "👩‍👩‍👧",
]
/// Words that plain scalars may hold in block context only: flow indicators inside, and
/// `?`/`:` at the start (which YAML 1.1 readers take as indicators inside `[...]`).
private let blockOnlyWords = ["a,b", "x[1]", "f{x}", "a]b", "a}b", "?q", ":c", "-", "?", "[x]"]
/// Fragments that cannot be plain: they need quotes or a block scalar.
private let specialFragments = [
    "#", "# not a comment", "x:", "a: b", "'", "''", "\"", "\\", "\\n", "[", "{", "}", "]", ",",
    "&anchor", "*alias", "!tag", "%dir", "@at", "`tick", "|", ">", "---", "...", "- item", "? key",
    "yes", "no", "on", "off", "y", "n", "Yes", "OFF", "<<", "0o17", "1_000", "1:30", "2001-12-14",
    "~", "=", ":", "-", "null", "",
]
/// Characters that only double quotes can spell (as escapes): tabs and control
/// characters, and the characters YAML 1.1 reads as line breaks (NEL, LS, PS). Not U+FEFF:
/// Yams decodes scalars with Foundation, which drops a byte-order mark that opens one.
private let escapeOnlyCharacters: [Character] = [
    "\t", "\u{0}", "\u{7}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}", "\r",
]

struct DocumentBuilder {
    var profile: Profile
    var dice: SplitMix64

    init(profile: Profile, seed: UInt64) {
        self.profile = profile
        dice = SplitMix64(seed: seed)
    }

    mutating func stream() -> [UntypedNode] {
        let count = dice.int(in: profile.documents)
        return (0..<count).map { _ in node(depth: 0) }
    }

    mutating func node(depth: Int) -> UntypedNode {
        let leaf = depth >= profile.maxDepth
        let kind = dice.weighted([leaf ? 0 : 3, leaf ? 0 : 2.5, 4, profile.emptyValue * 10])
        switch kind {
        case 0:
            var entries: [UntypedEntry] = []
            var keys: Set<String> = []
            for _ in 0..<dice.int(in: emptyCollectionAllowed() ? 0...profile.maxItems : 1...profile.maxItems) {
                var key = keyText()
                var attempt = 0
                while keys.contains(key) {
                    attempt += 1
                    key = attempt < 5 ? keyText() : key + "\(attempt)"
                }
                keys.insert(key)
                entries.append(UntypedEntry(key: key, value: node(depth: depth + 1)))
            }
            return .mapping(entries)
        case 1:
            let count = dice.int(in: emptyCollectionAllowed() ? 0...profile.maxItems : 1...profile.maxItems)
            return .sequence((0..<count).map { _ in node(depth: depth + 1) })
        case 2:
            return .text(scalarText())
        default:
            return .null
        }
    }

    /// Empty collections can only be written `[]` and `{}`.
    private mutating func emptyCollectionAllowed() -> Bool { profile.flow > 0 && dice.chance(0.15) }

    private mutating func word(blockOnly: Bool) -> String {
        blockOnly && dice.chance(0.15) ? dice.pick(blockOnlyWords) : dice.pick(anywhereWords)
    }

    private mutating func words(_ count: ClosedRange<Int>, separators: [String]) -> String {
        let n = dice.int(in: count)
        var s = word(blockOnly: dice.chance(0.5))
        for _ in 1..<max(n, 1) { s += dice.pick(separators) + word(blockOnly: dice.chance(0.5)) }
        return s
    }

    mutating func keyText() -> String {
        switch dice.weighted([8, 1, profile.specialText + profile.spacedText, profile.escapeText * 0.5, profile.longText]) {
        case 0: return word(blockOnly: dice.chance(0.3))
        case 1: return words(2...3, separators: [" "])
        case 2: return dice.pick(specialFragments) + (dice.chance(0.5) ? " " + word(blockOnly: false) : "")
        case 3: return word(blockOnly: false) + String(dice.pick(escapeOnlyCharacters + ["\n"])) + word(blockOnly: false)
        default:
            // Implicit keys may be 1024 characters long, quotes included; the limit counts
            // characters, not UTF-8 bytes.
            let unit = dice.pick(["a", "é", "日", "😀"])
            return String(repeating: unit, count: dice.int(in: 1...1020))
        }
    }

    mutating func scalarText() -> String {
        let weights = [
            profile.simpleText, profile.spacedText, profile.specialText, profile.multilineText,
            profile.escapeText, profile.blockText, profile.longText,
        ]
        switch dice.weighted(weights) {
        case 0:
            return words(1...3, separators: [" "])
        case 1:
            var s = words(1...3, separators: [" ", "  ", "   "])
            if dice.chance(0.4) { s = String(repeating: " ", count: dice.int(in: 1...2)) + s }
            if dice.chance(0.4) { s += String(repeating: " ", count: dice.int(in: 1...2)) }
            return s
        case 2:
            var parts: [String] = []
            for _ in 0..<dice.int(in: 1...3) {
                parts.append(dice.chance(0.5) ? dice.pick(specialFragments) : word(blockOnly: true))
            }
            return parts.joined(separator: dice.pick([" ", "", " "]))
        case 3:
            return words(2...6, separators: [" ", " ", " ", "\n", "\n", "\n\n", "  "])
        case 4:
            var s = ""
            for _ in 0..<dice.int(in: 1...4) {
                s += dice.chance(0.5) ? String(dice.pick(escapeOnlyCharacters)) : word(blockOnly: true)
                if dice.chance(0.3) { s += dice.pick([" ", "\n", "/", "\"", "\\"]) }
            }
            return s
        case 5:
            return blockText()
        default:
            return words(200...400, separators: [" ", " ", " ", "\n"])
        }
    }

    /// Text shaped for block scalars: lines, some more indented, empty lines, and
    /// trailing line breaks.
    private mutating func blockText() -> String {
        var lines: [String] = []
        for _ in 0..<dice.int(in: 0...3) where dice.chance(0.3) { lines.append("") }
        for _ in 0..<dice.int(in: 1...5) {
            switch dice.weighted([6, 1.5, 1, 1]) {
            case 0: lines.append(words(1...4, separators: [" ", " ", "  "]))
            case 1: lines.append(String(repeating: " ", count: dice.int(in: 1...3)) + words(1...3, separators: [" "]))
            case 2: lines.append("")
            default: lines.append(dice.pick(specialFragments) + " " + word(blockOnly: true))
            }
        }
        if dice.chance(0.08) { lines.append(String(repeating: " ", count: dice.int(in: 1...2))) }
        let trailing = dice.weighted([2, 4, 1.5, 1])
        return lines.joined(separator: "\n") + String(repeating: "\n", count: trailing)
    }
}

// MARK: - What each style can spell

/// Whether a character may stand for itself outside double quotes: printable, and not a
/// tab (the documents use none), a CR, or a character that YAML 1.1 reads as a line break
/// (NEL, LS, PS) or a byte-order mark.
private func isLiteralSafe(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x0A, 0x20...0x7E: true
    case 0xA0...0xD7FF: u.value != 0x2028 && u.value != 0x2029
    case 0xE000...0xFFFD: u.value != 0xFEFF
    case 0x10000...0x10FFFF: true
    default: false
    }
}

/// Plain scalars that YAML 1.1 (Yams) types differently from YAML 1.2's core schema, or
/// that the parser rejects as merge keys. The comparison is untyped, but the documents
/// keep clear of them all the same.
private func readsDifferentlyInYAML11(_ s: String) -> Bool {
    let lower = s.lowercased()
    if ["y", "n", "yes", "no", "on", "off", "=", "<<"].contains(lower) { return true }
    if lower.hasPrefix("0o") || lower.hasPrefix("0b") { return true }
    let numeric = s.allSatisfy { $0.isASCII && ($0.isNumber || "_:.-+".contains($0)) }
    if numeric && (s.contains("_") || s.contains(":")) { return true }
    if numeric && s.count > 1 && s.hasPrefix("0") && !s.hasPrefix("0.") { return true }
    if s.count >= 5 && s.prefix(4).allSatisfy(\.isNumber) && s.dropFirst(4).hasPrefix("-") { return true }
    return false
}

/// The words and separators of a text, for plain and single-quoted scalars.
private enum Run: Equatable {
    case word(String)
    case spaces(Int)
    case breaks(Int)
    case mixed
}

private func runs(_ s: String) -> [Run] {
    var result: [Run] = []
    var word = ""
    var sep = ""
    func flushSep() {
        guard !sep.isEmpty else { return }
        if sep.allSatisfy({ $0 == " " }) { result.append(.spaces(sep.count)) } else if sep.allSatisfy({ $0 == "\n" }) { result.append(.breaks(sep.count)) } else { result.append(.mixed) }
        sep = ""
    }
    for c in s {
        if c == " " || c == "\n" {
            if !word.isEmpty { result.append(.word(word)); word = "" }
            sep.append(c)
        } else {
            flushSep()
            word.append(c)
        }
    }
    if !word.isEmpty { result.append(.word(word)) }
    flushSep()
    return result
}

private let flowIndicators: Set<Character> = [",", "[", "]", "{", "}"]
private let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]

/// Whether a text can be written as a plain scalar: no surrounding whitespace, no `: ` or
/// ` #`, no indicator at the start, no flow indicators in flow context, and line breaks
/// only between words (they are written as empty lines).
private func plainWritable(_ s: String, inFlow: Bool, breaks: Bool) -> Bool {
    guard let first = s.first, let last = s.last, !readsDifferentlyInYAML11(s) else { return false }
    guard s.unicodeScalars.allSatisfy(isLiteralSafe) else { return false }
    if first == " " || first == "\n" || last == " " || last == "\n" { return false }
    for run in runs(s) {
        switch run {
        case .mixed: return false
        case .breaks: if !breaks { return false }
        case .spaces: break
        case .word(let w):
            // A word may open a line at column 0, where `---` and `...` are markers.
            if w.hasPrefix("#") || w.hasSuffix(":") || w.hasPrefix("---") || w.hasPrefix("...") { return false }
            // `?` and `:` starting a plain scalar inside `[...]` or `{...}` are YAML 1.2; YAML
            // 1.1 readers take them as indicators. libyaml also rejects `:?` inside one.
            if inFlow
                && (w.contains(where: flowIndicators.contains) || w.hasPrefix("?") || w.hasPrefix(":")
                    || w.contains(":?"))
            {
                return false
            }
        }
    }
    if indicators.contains(first) {
        guard "-?:".contains(first), s.count > 1 else { return false }
        let second = s[s.index(after: s.startIndex)]
        if second == " " || second == "\n" { return false }
    }
    return true
}

/// Whether a text can be written single-quoted: printable, and line breaks only next to
/// non-space characters or the quotes (spaces next to a line break would be folded away).
private func singleWritable(_ s: String, breaks: Bool) -> Bool {
    guard s.unicodeScalars.allSatisfy(isLiteralSafe) else { return false }
    guard s.contains("\n") else { return true }
    guard breaks else { return false }
    let r = runs(s)
    return r.count > 1 && !r.contains(.mixed)
}

/// Splits the trailing line breaks off a block scalar's text.
private func splitTrailingBreaks(_ s: String) -> (body: Substring, breaks: Int) {
    var body = Substring(s)
    var breaks = 0
    while body.hasSuffix("\n") { body.removeLast(); breaks += 1 }
    return (body, breaks)
}

/// Whether a block scalar's content needs an indentation indicator: its first non-empty
/// line starts with a space.
private func needsIndentationIndicator(_ body: Substring) -> Bool {
    body.split(separator: "\n", omittingEmptySubsequences: true).first?.hasPrefix(" ") ?? false
}

// MARK: - Rendering

/// Renders trees as YAML text, choosing at random among the ways of writing each node that
/// are valid where it stands.
struct DocumentRenderer {
    var profile: Profile
    var dice: SplitMix64
    private var out = ""
    /// `out.utf8.count` right after a block scalar, and right after one that keeps its
    /// trailing line breaks: what may follow them is restricted.
    private var blockScalarEnd = -1
    private var keepEnd = -1
    /// `out.utf8.count` right after a top-level block scalar with no content lines, where
    /// no comment line may follow (see `blockScalar`).
    private var noCommentEnd = -1
    /// Whether the current document's top-level block collection may be indented.
    private var indentTopLevel = false

    init(profile: Profile, seed: UInt64) {
        self.profile = profile
        dice = SplitMix64(seed: seed)
    }

    /// Where a block node is written: after `key:`, after `-`, after `---` (all on the same
    /// line), or at the start of a line at the top of a document without `---`.
    private enum Position { case key, dash, documentStart, bare }

    private enum ScalarStyle: CaseIterable { case plain, single, double, literal, folded }

    mutating func render(_ documents: [UntypedNode]) -> String {
        out = ""
        blockScalarEnd = -1
        keepEnd = -1
        noCommentEnd = -1
        gap(indent: 0)
        for (i, document) in documents.enumerated() {
            let documentEnd = dice.chance(profile.documentEnd)
            // A top-level block collection may be indented, also when `---` or `...`
            // follows it (` - []\n...\n`).
            indentTopLevel = true
            // Later documents always start with `---`: YAML 1.1 readers reject a bare
            // document after `...`, and an empty document needs its marker.
            if i > 0 || document == .null || dice.chance(profile.explicitStart) {
                out += "---"
                blockValue(document, parent: -1, at: .documentStart)
            } else {
                blockValue(document, parent: -1, at: .bare)
            }
            // Blank lines before a marker may hold spaces (`a:\n  b: c\n \n---\n`).
            gap(indent: 0)
            if documentEnd {
                out += "..."
                trailer()
                gap(indent: 0)
            }
        }
        // No final line break, sometimes; a block scalar would lose its last one.
        if out.utf8.count != blockScalarEnd && out.hasSuffix("\n") && dice.chance(0.15) {
            out.removeLast()
        }
        // Every "\n" written is a line break (content line breaks are escapes or folds),
        // so CR LF can stand for all of them.
        if dice.chance(profile.crlf) {
            out = String(out.flatMap { $0 == "\n" ? ["\r\n"] : [$0] })
        }
        return out
    }

    // MARK: Lines between entries

    private func spaces(_ n: Int) -> String { String(repeating: " ", count: max(n, 0)) }

    private mutating func commentText() -> String {
        let texts = [
            "", " a comment", " key: value", " - not an entry", " \"quoted\" 'text'", " # again",
            " é 日本語 😀", " ---", " |", "no space after the hash",
        ]
        return "#" + dice.pick(texts)
    }

    /// Blank lines and whole-line comments before an entry whose indentation is `indent`.
    private mutating func gap(indent: Int) {
        var afterBlockScalar = out.utf8.count == blockScalarEnd
        let commentsAllowed = out.utf8.count != noCommentEnd
        for _ in 0..<2 {
            if dice.chance(profile.comments) && commentsAllowed {
                // Indented no more than the entry: a deeper comment after a block scalar
                // would be its content.
                out += spaces(dice.int(in: 0...max(indent, 0))) + commentText() + "\n"
                afterBlockScalar = false
            } else if dice.chance(profile.blankLines) {
                // A blank line after a block scalar that keeps its line breaks is content,
                // and so are spaces beyond its indentation.
                if afterBlockScalar && out.utf8.count == keepEnd { continue }
                out += (afterBlockScalar ? "" : spaces(dice.int(in: 0...2))) + "\n"
                if afterBlockScalar { blockScalarEnd = out.utf8.count }
            }
        }
    }

    /// Ends a line that holds no scalar text any more: spaces, a comment, the line break.
    private mutating func trailer() {
        if dice.chance(profile.trailingSpaces) { out += spaces(dice.int(in: 1...2)) }
        if dice.chance(profile.comments) { out += spaces(dice.int(in: 1...2)) + commentText() }
        out += "\n"
    }

    /// The spaces after an indicator before its value on the same line.
    private mutating func separator(_ pos: Position) -> String {
        pos == .bare ? "" : dice.chance(0.15) ? "  " : " "
    }

    /// What goes between an indicator and a scalar or flow value: spaces, or the end of
    /// the line (with comment lines, sometimes) and the indentation of the value's own line,
    /// deeper than the block it belongs to.
    private mutating func beginValue(parent n: Int, at pos: Position) {
        guard pos != .bare && dice.chance(profile.nextLine) else {
            out += separator(pos)
            return
        }
        trailer()
        gap(indent: n + 1)
        out += spaces(n + 1 + dice.int(in: 0...2))
    }

    /// A line break and the indentation of a continuation line of a scalar or a flow
    /// collection inside a block whose indentation is `n`: deeper than `n`. Column 0 only
    /// at the top level (`n == -1`) and only for plain scalars and flow collections, whose
    /// continuation lines cannot start with `---` or `...`.
    private mutating func continuation(_ n: Int, columnZero: Bool = false) -> String {
        let base = columnZero ? n + 1 : max(n + 1, 1)
        return "\n" + spaces(base + dice.int(in: 0...2))
    }

    // MARK: Block nodes

    private mutating func blockValue(_ node: UntypedNode, parent n: Int, at pos: Position) {
        switch node {
        case .null:
            precondition(pos != .bare, "an empty document needs `---`")
            trailer()
        case .text(let s):
            scalar(s, parent: n, at: pos)
        case .sequence(let items):
            if items.isEmpty || (dice.chance(profile.flow) && flowWritable(node, mappingValue: false)) {
                inlineFlow(node, parent: n, at: pos)
            } else {
                blockSequence(items, parent: n, at: pos)
            }
        case .mapping(let entries):
            if entries.isEmpty || (dice.chance(profile.flow) && flowWritable(node, mappingValue: false)) {
                inlineFlow(node, parent: n, at: pos)
            } else {
                blockMapping(entries, parent: n, at: pos)
            }
        }
    }

    /// Where the entries of a block collection go: their indentation, and whether the first
    /// entry stays on the current line (`- - a`, `- key: value`).
    private mutating func collectionStart(parent n: Int, at pos: Position, indentless: Bool) -> (indent: Int, firstInline: Bool) {
        switch pos {
        case .key:
            trailer()
            return (indentless && dice.chance(profile.indentless) ? n : n + 1 + dice.int(in: 0...2), false)
        case .dash:
            if dice.chance(profile.compact) {
                let s = dice.int(in: 1...3)
                out += spaces(s)
                return (n + 1 + s, true)
            }
            trailer()
            return (n + 1 + dice.int(in: 0...2), false)
        case .documentStart:
            trailer()
            return (indentTopLevel && dice.chance(0.2) ? 1 : 0, false)
        case .bare:
            return (indentTopLevel && dice.chance(0.2) ? dice.int(in: 1...2) : 0, false)
        }
    }

    /// An entry of a block collection on a line of its own, after any gap.
    private mutating func newEntryLine(indent m: Int) {
        gap(indent: m)
        out += spaces(m)
    }

    private mutating func blockSequence(_ items: [UntypedNode], parent n: Int, at pos: Position) {
        let (m, firstInline) = collectionStart(parent: n, at: pos, indentless: true)
        for (i, item) in items.enumerated() {
            if !(i == 0 && firstInline) { newEntryLine(indent: m) }
            out += "-"
            blockValue(item, parent: m, at: .dash)
        }
    }

    private mutating func blockMapping(_ entries: [UntypedEntry], parent n: Int, at pos: Position) {
        let (m, firstInline) = collectionStart(parent: n, at: pos, indentless: false)
        for (i, entry) in entries.enumerated() {
            if !(i == 0 && firstInline) { newEntryLine(indent: m) }
            out += key(entry.key, inFlow: false) + ":"
            blockValue(entry.value, parent: m, at: .key)
        }
    }

    private mutating func key(_ k: String, inFlow: Bool) -> String {
        var weights = [profile.plain, profile.single, profile.double]
        if !plainWritable(k, inFlow: inFlow, breaks: false) { weights[0] = 0 }
        if !singleWritable(k, breaks: false) { weights[1] = 0 }
        // Escapes would take a long key past 1024 characters.
        if k.utf8.count > 200 && weights[0] + weights[1] > 0 { weights[2] = 0 }
        switch dice.weighted(weights) {
        case 0: return k + (dice.chance(0.1) ? " " : "")
        case 1: return singleQuoted(k, parent: 0, breaks: false)
        default: return doubleQuoted(k, parent: 0, breaks: false)
        }
    }

    // MARK: Scalars

    private mutating func scalar(_ s: String, parent n: Int, at pos: Position) {
        let (body, _) = splitTrailingBreaks(s)
        let blockOK = s.unicodeScalars.allSatisfy(isLiteralSafe) && (n >= 0 || !needsIndentationIndicator(body))
        var weights = [profile.plain, profile.single, profile.double, profile.literal, profile.folded]
        if !plainWritable(s, inFlow: false, breaks: true) { weights[0] = 0 }
        if !singleWritable(s, breaks: true) { weights[1] = 0 }
        if !blockOK { weights[3] = 0; weights[4] = 0 }
        if weights.allSatisfy({ $0 == 0 }) { weights[2] = 1 }
        beginValue(parent: n, at: pos)
        switch ScalarStyle.allCases[dice.weighted(weights)] {
        case .plain:
            out += plain(s, parent: n, breaks: true, columnZero: n < 0)
            trailer()
        case .single:
            out += singleQuoted(s, parent: n, breaks: true)
            trailer()
        case .double:
            out += doubleQuoted(s, parent: n, breaks: true)
            trailer()
        case .literal:
            blockScalar(s, folded: false, parent: n)
        case .folded:
            blockScalar(s, folded: true, parent: n)
        }
    }

    /// A plain scalar: single spaces between words may fold into line breaks, and `k`
    /// line breaks are written as `k` empty lines.
    private mutating func plain(_ s: String, parent n: Int, breaks: Bool, columnZero: Bool) -> String {
        var r = ""
        for run in runs(s) {
            switch run {
            case .word(let w): r += w
            case .spaces(let k):
                if k == 1 && breaks && dice.chance(profile.fold) {
                    r += (dice.chance(0.2) ? " " : "") + continuation(n, columnZero: columnZero)
                } else {
                    r += spaces(k)
                }
            case .breaks(let k):
                r += "\n"
                for _ in 0..<k { r += spaces(dice.chance(0.2) ? dice.int(in: 1...3) : 0) + "\n" }
                r += String(continuation(n, columnZero: columnZero).dropFirst())
            case .mixed:
                preconditionFailure("not a plain scalar: \(s.debugDescription)")
            }
        }
        return r
    }

    /// A single-quoted scalar, with `''` for a quote and folding as for plain scalars.
    private mutating func singleQuoted(_ s: String, parent n: Int, breaks: Bool) -> String {
        var r = "'"
        let rs = runs(s)
        for (i, run) in rs.enumerated() {
            switch run {
            case .word(let w): r += String(w.flatMap { $0 == "'" ? ["'", "'"] : [$0] })
            case .spaces(let k):
                // A single space folds into a line break, also right after the opening
                // quote or before the closing one; spaces before the break are not content.
                let inner = i > 0 && i < rs.count - 1
                if k == 1 && rs.count > 1 && breaks && dice.chance(profile.fold) {
                    r += (inner && dice.chance(0.2) ? " " : "") + continuation(n)
                } else {
                    r += spaces(k)
                }
            case .breaks(let k):
                r += "\n"
                for _ in 0..<k { r += spaces(dice.chance(0.2) ? dice.int(in: 1...3) : 0) + "\n" }
                r += String(continuation(n).dropFirst())
            case .mixed:
                preconditionFailure("not single-quotable: \(s.debugDescription)")
            }
        }
        return r + "'"
    }

    private func hex(_ v: UInt32, _ digits: Int, uppercase: Bool) -> String {
        let h = String(v, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(digits - h.count, 0)) + h
    }

    /// The escape for one character: `\xXX`, `\uXXXX` or `\UXXXXXXXX`.
    private mutating func numericEscape(_ u: Unicode.Scalar) -> String {
        let upper = dice.chance(0.5)
        if u.value <= 0xFF && dice.chance(0.5) { return "\\x" + hex(u.value, 2, uppercase: upper) }
        if u.value <= 0xFFFF && dice.chance(0.8) { return "\\u" + hex(u.value, 4, uppercase: upper) }
        return "\\U" + hex(u.value, 8, uppercase: upper)
    }

    /// A double-quoted scalar: escapes for what cannot stand for itself (and sometimes for
    /// what can), folding at single spaces, line breaks as empty lines or `\n`, and escaped
    /// line breaks between characters.
    private mutating func doubleQuoted(_ s: String, parent n: Int, breaks: Bool) -> String {
        enum Unit { case text(String), space, lineBreaks(Int) }
        let scalars = Array(s.unicodeScalars)
        func isInk(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k] != " " && scalars[k] != "\n" }
        var units: [Unit] = []
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            if u == "\n" {
                var j = i
                while j < scalars.count && scalars[j] == "\n" { j += 1 }
                // Line breaks next to non-space characters or the quotes can be written as
                // line breaks.
                let foldable = (i == 0 || isInk(i - 1)) && (j == scalars.count || isInk(j)) && !(i == 0 && j == scalars.count)
                if breaks && foldable && dice.chance(0.6) {
                    units.append(.lineBreaks(j - i))
                } else {
                    for _ in i..<j { units.append(.text(dice.pick(["\\n", "\\n", "\\x0a", "\\u000A"]))) }
                }
                i = j
                continue
            }
            let lone = scalars.count == 1
            switch u {
            case " " where !lone && (i == 0 || isInk(i - 1)) && (i == scalars.count - 1 || isInk(i + 1)):
                units.append(.space)
            case "\"": units.append(.text("\\\""))
            case "\\": units.append(.text("\\\\"))
            case "\t": units.append(.text(dice.chance(0.6) ? "\\t" : numericEscape(u)))
            case "/": units.append(.text(dice.chance(0.3) ? "\\/" : "/"))
            default:
                if !isLiteralSafe(u) || dice.chance(0.05) {
                    units.append(.text(numericEscape(u)))
                } else {
                    units.append(.text(String(u)))
                }
            }
            i += 1
        }
        var r = "\""
        for (k, unit) in units.enumerated() {
            switch unit {
            case .text(let t):
                r += t
                // An escaped line break joins the lines without a space; the next line's
                // indentation is not content, so a space cannot open it.
                if breaks, k + 1 < units.count, case .text(let next) = units[k + 1], !next.hasPrefix(" "),
                    dice.chance(profile.fold * 0.15)
                {
                    r += "\\" + continuation(n)
                }
            case .space:
                r += breaks && dice.chance(profile.fold) ? continuation(n) : " "
            case .lineBreaks(let count):
                // `count` newlines: a line break that folds and `count` empty lines, or an
                // escaped line break and `count` empty lines.
                r += dice.chance(0.3) ? "\\\n" : (dice.chance(0.2) ? " " : "") + "\n"
                for _ in 0..<count { r += spaces(dice.chance(0.2) ? dice.int(in: 1...3) : 0) + "\n" }
                r += String(continuation(n).dropFirst())
            }
        }
        return r + "\""
    }

    /// A literal or folded block scalar. The header's chomping indicator follows from the
    /// trailing line breaks: none `-`, one clip (or `+`), more `+`.
    private mutating func blockScalar(_ s: String, folded: Bool, parent n: Int) {
        let (body, trailing) = splitTrailingBreaks(s)
        enum Chomp { case strip, clip, keep }
        let chomp: Chomp
        if body.isEmpty {
            chomp = trailing > 0 ? .keep : dice.pick([.strip, .clip])
        } else {
            chomp = trailing == 0 ? .strip : trailing == 1 ? (dice.chance(0.25) ? .keep : .clip) : .keep
        }
        // At the top level (n == -1) YAML 1.2 puts the content of `|m` at column m - 1 and
        // libyaml at column m: the generator writes no indicator there (see the report in
        // DifferentialTests.swift).
        let useIndicator = needsIndentationIndicator(body) || (n >= 0 && dice.chance(0.25))
        let m = useIndicator ? dice.int(in: 1...3) : 0
        let indent = useIndicator ? n + m : max(n + 1, 1) + dice.int(in: 0...2)
        var header = folded ? ">" : "|"
        let chompText = chomp == .strip ? "-" : chomp == .keep ? "+" : ""
        if m > 0 && dice.chance(0.5) { header += "\(m)" + chompText } else { header += chompText + (m > 0 ? "\(m)" : "") }
        out += header
        if dice.chance(profile.comments) { out += spaces(dice.int(in: 1...2)) + commentText() } else if dice.chance(profile.trailingSpaces) { out += spaces(dice.int(in: 1...2)) }
        out += "\n"
        // Empty lines may hold spaces, up to the content's indentation.
        let noise = { (dice: inout SplitMix64) -> String in
            dice.chance(0.2) ? String(repeating: " ", count: dice.int(in: 0...indent)) : ""
        }
        if !body.isEmpty {
            let lines = folded ? foldedLines(body) : body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for line in lines {
                out += (line.isEmpty ? noise(&dice) : spaces(indent) + line) + "\n"
            }
        }
        switch chomp {
        case .keep:
            // Every line break after the last content line is an empty line of its own.
            for _ in 0..<(body.isEmpty ? trailing : trailing - 1) { out += (body.isEmpty ? "" : noise(&dice)) + "\n" }
            blockScalarEnd = out.utf8.count
            keepEnd = out.utf8.count
        case .strip, .clip:
            for _ in 0..<dice.int(in: 0...2) where dice.chance(0.3) { out += (body.isEmpty ? "" : noise(&dice)) + "\n" }
            blockScalarEnd = out.utf8.count
        }
        // A top-level block scalar may hold lines at column 0 (YAML 1.2 puts the top level
        // at indentation -1): with no content line before it, a comment line at column 0
        // is its first content line. libyaml (Yams) wants content indented and ends the
        // scalar there instead, as for the suite's DK3J and FP8R.
        if n < 0 && body.isEmpty { noCommentEnd = out.utf8.count }
    }

    /// The source lines of a folded scalar whose content is `body`: between two lines that
    /// start with no space, one line break folds to a space and `k + 1` line breaks (`k`
    /// empty lines) give `k` newlines; next to a more-indented line, every line break is
    /// kept. Empty strings stand for empty lines.
    private mutating func foldedLines(_ body: Substring) -> [String] {
        var lines: [String] = []
        var segments: [(breaksBefore: Int, text: Substring)] = []
        var rest = body
        var breaks = 0
        while !rest.isEmpty {
            if rest.first == "\n" { breaks += 1; rest.removeFirst(); continue }
            let end = rest.firstIndex(of: "\n") ?? rest.endIndex
            segments.append((breaks, rest[..<end]))
            breaks = 0
            rest = rest[end...]
        }
        for (i, segment) in segments.enumerated() {
            if i == 0 {
                lines += Array(repeating: "", count: segment.breaksBefore)
            } else {
                let normal = !segments[i - 1].text.hasPrefix(" ") && !segment.text.hasPrefix(" ")
                lines += Array(repeating: "", count: normal ? segment.breaksBefore : segment.breaksBefore - 1)
            }
            if segment.text.hasPrefix(" ") {
                lines.append(String(segment.text))
                continue
            }
            // Fold at single spaces between two non-space characters.
            var line = ""
            let chars = Array(segment.text)
            for (k, c) in chars.enumerated() {
                if c == " " && k > 0 && k + 1 < chars.count && chars[k - 1] != " " && chars[k + 1] != " "
                    && dice.chance(profile.fold)
                {
                    lines.append(line)
                    line = ""
                } else {
                    line.append(c)
                }
            }
            lines.append(line)
        }
        return lines
    }

    // MARK: Flow collections

    /// Whether a node can be written in flow style: everything can but an empty value as a
    /// sequence entry (`[a, , b]` is not YAML).
    private func flowWritable(_ node: UntypedNode, mappingValue: Bool) -> Bool {
        switch node {
        case .null: mappingValue
        case .text: true
        case .sequence(let items): items.allSatisfy { flowWritable($0, mappingValue: false) }
        case .mapping(let entries): entries.allSatisfy { flowWritable($0.value, mappingValue: true) }
        }
    }

    private mutating func inlineFlow(_ node: UntypedNode, parent n: Int, at pos: Position) {
        beginValue(parent: n, at: pos)
        out += flow(node, parent: n)
        trailer()
    }

    /// Between the entries of a flow collection: a comma, and sometimes a line break (with
    /// a comment before it).
    private mutating func flowBreak(_ n: Int, breaks: Bool) -> String {
        guard breaks && dice.chance(0.5) else { return dice.chance(0.7) ? " " : "" }
        var r = dice.chance(profile.comments) ? " " + commentText() : ""
        r += "\n"
        if dice.chance(profile.comments) {
            r += spaces(dice.int(in: 0...max(n + 1, 0))) + commentText() + "\n"
        } else if dice.chance(profile.blankLines) {
            r += "\n"
        }
        return r + String(continuation(n, columnZero: n < 0).dropFirst())
    }

    private mutating func flow(_ node: UntypedNode, parent n: Int) -> String {
        switch node {
        case .null:
            preconditionFailure("an empty value has no flow form of its own")
        case .text(let s):
            var weights = [profile.plain, profile.single, profile.double]
            if !plainWritable(s, inFlow: true, breaks: true) { weights[0] = 0 }
            if !singleWritable(s, breaks: true) { weights[1] = 0 }
            switch dice.weighted(weights) {
            case 0: return plain(s, parent: n, breaks: true, columnZero: n < 0)
            case 1: return singleQuoted(s, parent: n, breaks: true)
            default: return doubleQuoted(s, parent: n, breaks: true)
            }
        case .sequence(let items):
            return flowCollection(items, parent: n, open: "[", close: "]") { renderer, item in
                if case .mapping(let entries) = item, entries.count == 1, renderer.dice.chance(renderer.profile.flowPair) {
                    // A single `key: value` pair inside `[...]` is a one-entry mapping.
                    return renderer.flowEntry(entries[0], parent: n, pairInSequence: true)
                }
                return renderer.flow(item, parent: n)
            }
        case .mapping(let entries):
            return flowCollection(entries, parent: n, open: "{", close: "}") { renderer, entry in
                renderer.flowEntry(entry, parent: n, pairInSequence: false)
            }
        }
    }

    /// `open`, the entries written by `write` and parted by commas, perhaps a trailing
    /// comma, then `close`; breaks between them or none, by chance.
    private mutating func flowCollection<Entry>(
        _ entries: [Entry], parent n: Int, open: String, close: String, write: (inout DocumentRenderer, Entry) -> String
    ) -> String {
        let breaks = dice.chance(profile.flowBreaks)
        if entries.isEmpty { return dice.pick([open + close, open + " " + close]) }
        var r = open
        for (i, entry) in entries.enumerated() {
            r += i == 0 ? flowBreak(n, breaks: breaks) : "," + flowBreak(n, breaks: breaks)
            r += write(&self, entry)
        }
        if dice.chance(0.15) { r += "," }
        return r + flowBreak(n, breaks: breaks) + close
    }

    private mutating func flowEntry(_ entry: UntypedEntry, parent n: Int, pairInSequence: Bool) -> String {
        let k = key(entry.key, inFlow: true)
        guard entry.value != .null else {
            // `{a, b: c}`: a key alone has an empty value. A `:` right before `,`, `]` or `}`
            // is YAML 1.2; libyaml reads it as part of a plain key, so a space follows it.
            return pairInSequence || dice.chance(0.5) ? k + ": " : k
        }
        // After a quoted key, `:` needs no space in flow context (`{"a":b}`).
        let jsonLike = (k.hasPrefix("\"") || k.hasPrefix("'")) && dice.chance(0.3)
        return k + ":" + (jsonLike ? "" : dice.chance(0.15) ? "  " : " ") + flow(entry.value, parent: n)
    }
}
