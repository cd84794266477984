import DialogEngine
import DialogModel
import DialogSyntax

/// Finds every mutant of a bundle's files: one per place an operator applies, read from
/// the files' syntax so that each is an edit an author could have made.
package struct MutantFinder {
    /// The keys whose values a person reads (`items`: a scale's questions).
    static let textKeys: Set<String> = ["say", "ask", "text", "label", "note", "one-of", "practise", "briefing", "answer", "items"]
    /// The keys whose values are lists of phrases the matcher reads.
    static let phraseKeys: Set<String> = ["match", "examples", "synonyms", "avoid", "against", "words"]
    /// The text a text mutant puts in place of the author's.
    package static let zebra = "Zebra text that says nothing."

    let bundle: DialogBundle
    let folder: String
    let seed: UInt64
    let nodeIDs: [NodeID]

    package init(bundle: DialogBundle, folder: String, seed: UInt64) {
        self.bundle = bundle
        self.folder = folder
        self.seed = seed
        nodeIDs = bundle.nodeOrder
    }

    /// Every mutant of one file of the bundle, in file order.
    package func mutants(of file: SourceFile) -> [Mutant] {
        let parsed = YAMLParser.parse(file.bytes)
        guard !parsed.hasErrors, let root = parsed.documents.first?.mapping else { return [] }
        var walk = Walk(finder: self, file: file)
        // A file that defines crisis intents holds the crisis language in its concepts.
        let crisisFile = root["intents"]?.mapping?.entries.contains { $0.value.mapping?["crisis"] != nil } ?? false
        for entry in root.entries {
            if entry.key.text == "concepts", let concepts = entry.value.mapping {
                for concept in concepts.entries {
                    walk.removals(of: concept.value, key: "concepts", as: crisisFile ? .crisisPhrase : .phrase)
                }
            } else {
                walk.visit(entry.value, key: entry.key.text, parent: root)
            }
        }
        return walk.found
    }

    /// A number from the seed and a place, the same on every run with that seed.
    func draw(_ place: Int, _ upper: Int) -> Int {
        guard upper > 1 else { return 0 }
        var rng = SplitMix64(seed: seed ^ UInt64(truncatingIfNeeded: place) &* 0x2545_F491_4F6C_DD1D)
        return Int(rng.next() % UInt64(upper))
    }

    /// The walk of one file's tree.
    struct Walk {
        let finder: MutantFinder
        let file: SourceFile
        var found: [Mutant] = []

        var fileName: String { BundleLoader.baseName(file.path) }

        mutating func visit(_ node: Node, key: String, parent: MappingNode) {
            switch node {
            case .scalar(let s):
                scalar(s, key: key)
            case .sequence(let seq):
                if MutantFinder.phraseKeys.contains(key) {
                    removals(of: node, key: key, as: parent["crisis"] != nil && key == "match" ? .crisisPhrase : .phrase)
                    return
                }
                for item in seq.items {
                    if let s = item.scalar, MutantFinder.textKeys.contains(key) {
                        text(s, key: key)
                    } else if let m = item.mapping {
                        for entry in m.entries { visit(entry.value, key: entry.key.text, parent: m) }
                    }
                }
            case .mapping(let m):
                for entry in m.entries { visit(entry.value, key: entry.key.text, parent: m) }
            }
        }

        mutating func scalar(_ s: ScalarNode, key: String) {
            switch key {
            case _ where MutantFinder.textKeys.contains(key):
                text(s, key: key)
            case "goto", "next":
                redirect(s, key: key)
            case "if", "when":
                guard !s.text.isEmpty else { return }
                add(.condition, s, "not (\(s.text))", change: "`\(key): \(s.text)` negated")
            case "phone":
                guard let last = s.text.lastIndex(where: \.isNumber), let digit = s.text[last].wholeNumberValue else { return }
                var changed = s.text
                changed.replaceSubrange(last...last, with: String((digit + 1) % 10))
                add(.phone, s, changed, change: "phone \(s.text) → \(changed)")
            default:
                break
            }
        }

        mutating func text(_ s: ScalarNode, key: String) {
            guard !s.text.isEmpty, s.text != MutantFinder.zebra else { return }
            add(.text, s, MutantFinder.zebra, change: "`\(key)` “\(MutantFinder.excerpt(s.text))” replaced")
            let sentences = MutantFinder.sentences(s.text)
            guard sentences.count > 1 else { return }
            let dropped = finder.draw(s.range.start.offset, sentences.count)
            var kept = sentences
            kept.remove(at: dropped)
            add(
                .sentence, s, kept.joined(separator: " "),
                change: "`\(key)`: sentence \(dropped + 1) of \(sentences.count) “\(MutantFinder.excerpt(sentences[dropped]))” dropped")
        }

        mutating func redirect(_ s: ScalarNode, key: String) {
            let target = NodeID(s.text, in: fileName)
            guard finder.bundle.nodes[target] != nil else { return }
            let others = finder.nodeIDs.filter { $0 != target }
            guard !others.isEmpty else { return }
            let to = others[finder.draw(s.range.start.offset, others.count)]
            add(.goto, s, to.description, change: "`\(key): \(s.text)` → \(to)")
        }

        /// Each item of a list of two or more phrases, removed.
        mutating func removals(of node: Node, key: String, as op: MutationOperator) {
            guard let seq = node.sequence, seq.items.count > 1 else { return }
            for (i, item) in seq.items.enumerated() {
                guard let s = item.scalar else { continue }
                let range: Range<Int>
                if seq.style == .flow {
                    // From the item to the next one, or from the one before for the last.
                    range =
                        i + 1 < seq.items.count
                        ? s.range.start.offset..<seq.items[i + 1].range.start.offset
                        : seq.items[i - 1].range.end.offset..<s.range.end.offset
                } else {
                    range = lineStart(before: s.range.start.offset)..<lineEnd(after: s.range.end.offset)
                }
                found.append(
                    Mutant(
                        op: op, bundle: finder.folder, path: file.path, position: s.range.start,
                        bytes: range, replacement: [],
                        change: "“\(MutantFinder.excerpt(s.text))” removed from `\(key)`"))
            }
        }

        mutating func add(_ op: MutationOperator, _ s: ScalarNode, _ text: String, change: String) {
            // A block scalar's range runs on to the next line: the line break stays.
            var end = s.range.end.offset
            while end > s.range.start.offset, [0x20, 0x09, 0x0A, 0x0D].contains(file.bytes[end - 1]) { end -= 1 }
            found.append(
                Mutant(
                    op: op, bundle: finder.folder, path: file.path, position: s.range.start,
                    bytes: s.range.start.offset..<end,
                    replacement: Array(MutantFinder.quoted(text).utf8), change: change))
        }

        /// The offset of the start of the line that holds `offset`.
        func lineStart(before offset: Int) -> Int {
            var i = min(offset, file.bytes.count)
            while i > 0 && file.bytes[i - 1] != 0x0A { i -= 1 }
            return i
        }

        /// The offset just past the line break that ends the line holding `offset`.
        func lineEnd(after offset: Int) -> Int {
            var i = max(0, min(offset, file.bytes.count))
            while i < file.bytes.count && file.bytes[i] != 0x0A { i += 1 }
            return min(i + 1, file.bytes.count)
        }
    }

    /// A text as a double-quoted YAML scalar, on one line.
    static func quoted(_ text: String) -> String { TestText.doubleQuoted(text) }

    /// A text's sentences: split after `.`, `!` or `?` and a space before a capital
    /// letter, a digit or an opening quote.
    static func sentences(_ text: String) -> [String] {
        let chars = Array(text)
        var out: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            if ".!?".contains(chars[i]), i + 2 < chars.count, chars[i + 1] == " ",
                chars[i + 2].isUppercase || chars[i + 2].isNumber || "\"“(".contains(chars[i + 2])
            {
                out.append(String(chars[start...i]))
                start = i + 2
                i += 2
                continue
            }
            i += 1
        }
        if start < chars.count { out.append(String(chars[start...])) }
        return out
    }

    /// The start of a text, for a report line.
    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 50 ? String(flat.prefix(49)) + "…" : flat
    }
}
