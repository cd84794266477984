import DialogSyntax

/// `intake check --readability`: holds every text a person reads to the bundle's
/// `readability:` limits.
///
/// - IC036: a node whose texts (`say`, with every variant, and `ask`), or a scale whose
///   question and items, read together above `grade` (``ReadingMeasure``); a note
///   points at the hardest text.
/// - IC037: a screen above `words-per-screen` words. A screen is what one turn shows
///   before the person types again: the texts, question and choices of the node a turn
///   enters, and of the nodes it goes on to without waiting (`next`, `branch`: the
///   longest way). Choice labels count towards a screen but are not graded; of a run
///   of `say` items with `if:` (one per region, say), the items of the condition with
///   the most words count.
///
/// A node with `readability: {exempt: REASON}` is left out of both. Warnings only:
/// these are prompts to an author, not errors that stop a bundle.
public enum ReadabilityCheck {
    /// The warnings for the bundle `result` loaded, in file order; none when it did not load.
    public static func diagnostics(of result: LoadResult) -> [BundleDiagnostic] {
        guard let bundle = result.bundle else { return [] }
        var check = Walk(bundle: bundle, paths: paths(of: result))
        return check.run()
    }

    /// The nodes exempt from the limits, in file order, with the path of their file.
    public static func exemptions(of result: LoadResult) -> [(path: String, node: NodeID, exemption: ReadabilityExemption)] {
        guard let bundle = result.bundle else { return [] }
        let paths = paths(of: result)
        return bundle.nodeOrder.compactMap { id in
            guard let exemption = bundle.nodes[id]?.readabilityExemption else { return nil }
            return (paths[id.file] ?? id.file, id, exemption)
        }
    }

    /// File name (the first part of node ids) → the path it was read from.
    private static func paths(of result: LoadResult) -> [String: String] {
        Dictionary(result.files.keys.map { (BundleLoader.baseName($0), $0) }, uniquingKeysWith: { a, _ in a })
    }

    private struct Walk {
        let bundle: DialogBundle
        let limits: ReadabilityLimits
        let terms: ReadingTerms
        let paths: [String: String]
        var out: [BundleDiagnostic] = []
        /// The words of the longest screen from each node, and the nodes it runs through.
        var screens: [NodeID: (words: Int, through: [NodeID])] = [:]

        init(bundle: DialogBundle, paths: [String: String]) {
            self.bundle = bundle
            self.paths = paths
            limits = bundle.readability
            terms = ReadingTerms(bundle.readability.terms)
        }

        mutating func run() -> [BundleDiagnostic] {
            for id in bundle.nodeOrder {
                guard let node = bundle.nodes[id], node.readabilityExemption == nil else { continue }
                let texts = node.say.flatMap(\.variants) + (node.ask.map { [$0] } ?? [])
                grade(texts, of: "node `\(id.name)`", at: node.range, in: id.file)
            }
            for scale in bundle.scales.values.sorted(by: { ($0.file, $0.position.start.offset) < ($1.file, $1.position.start.offset) }) {
                let texts = (scale.ask.map { [$0] } ?? []) + scale.items.map(\.text)
                grade(texts, of: "scale `\(scale.id)`", at: scale.position, in: scale.file)
            }
            for id in entries() {
                guard let node = bundle.nodes[id], node.readabilityExemption == nil else { continue }
                let screen = self.screen(from: id, visiting: [])
                guard screen.words > limits.wordsPerScreen else { continue }
                let way = screen.through.count > 1 ? " (`\(screen.through.map(\.name).joined(separator: "` → `"))`)" : ""
                out.append(
                    BundleDiagnostic(
                        path: paths[id.file] ?? id.file,
                        diagnostic: ModelMessage.screenTooLong(
                            words: screen.words, node: id.name, way: way, limit: limits.wordsPerScreen, node.range)))
            }
            return LoadResult.sorted(out)
        }

        /// Grades `texts` as one passage: the formula is made for passages, and a list
        /// item or a short line graded alone reads as hard as its longest word. The note
        /// points at the hardest of the texts.
        private mutating func grade(_ texts: [DialogText], of what: String, at range: SourceRange, in file: String) {
            guard !texts.isEmpty else { return }
            let measure = ReadingMeasure(texts.map(\.raw).joined(separator: "\n"), terms: terms)
            guard measure.grade > limits.grade else { return }
            var hints = ["its longest sentence has \(measure.longestSentence) words"]
            if !measure.longWords.isEmpty {
                hints.append("long words: " + measure.longWords.prefix(6).joined(separator: ", "))
            }
            let graded = texts.map { ($0, ReadingMeasure($0.raw, terms: terms).grade) }
            let notes = graded.max { $0.1 < $1.1 }.map { [Diagnostic.Note(message: "its hardest text, at grade \($0.1.oneDecimal)", range: $0.0.range)] } ?? []
            out.append(
                BundleDiagnostic(
                    path: paths[file] ?? file,
                    diagnostic: ModelMessage.hardToRead(
                        what, grade: measure.grade, limit: limits.grade, range, notes: notes, hint: hints.joined(separator: "; "))))
        }

        /// Where a screen starts: the start, where intents lead, where an answer leads,
        /// every node that waits (asked again after a question answered on the way), and
        /// nodes nothing leads to.
        private func entries() -> [NodeID] {
            var entry: Set<NodeID> = [bundle.start]
            var reached: Set<NodeID> = []
            for intent in bundle.intents { entry.insert(intent.goto.target) }
            for id in bundle.nodeOrder {
                guard let node = bundle.nodes[id] else { continue }
                if node.waitsForInput { entry.insert(id) }
                for edge in node.edges {
                    reached.insert(edge.target.target)
                    if node.waitsForInput { entry.insert(edge.target.target) }
                }
            }
            return bundle.nodeOrder.filter { entry.contains($0) || !reached.contains($0) }
        }

        /// The longest screen from `id`: its words and those of the nodes a turn goes on
        /// to without waiting.
        private mutating func screen(from id: NodeID, visiting: Set<NodeID>) -> (words: Int, through: [NodeID]) {
            if let known = screens[id] { return known }
            guard let node = bundle.nodes[id], !visiting.contains(id) else { return (0, []) }
            var best: (words: Int, through: [NodeID]) = (0, [])
            if !node.waitsForInput && !node.end {
                let onward = node.branch.map(\.goto.target) + (node.next.map { [$0.target] } ?? [])
                for next in onward {
                    let s = screen(from: next, visiting: visiting.union([id]))
                    if s.words > best.words { best = s }
                }
            }
            let result = (words(on: node) + best.words, [id] + best.through)
            screens[id] = result
            return result
        }

        /// The words a node shows: its `say` (the longest variant of each), its `ask`, its
        /// choices, and for a scale the question, the longest item and the answer labels.
        private func words(on node: DialogNode) -> Int {
            func count(_ text: String) -> Int { ReadingMeasure(text, terms: terms).words }
            // A run of `say` items with `if:` is read as alternatives, one for each
            // condition (one text per region, say): items with the same condition are
            // shown together, so the longest condition's items count.
            var n = 0
            var run: [String: Int] = [:]
            for item in node.say {
                let words = item.variants.map { count($0.raw) }.max() ?? 0
                if let condition = item.condition {
                    run[condition.text, default: 0] += words
                } else {
                    n += (run.values.max() ?? 0) + words
                    run = [:]
                }
            }
            n += run.values.max() ?? 0
            n += node.ask.map { count($0.raw) } ?? 0
            n += node.choices.reduce(0) { $0 + count($1.label.raw) }
            if let name = node.scale?.value, let scale = bundle.scales[name] {
                n += scale.ask.map { count($0.raw) } ?? 0
                n += scale.items.map { count($0.text.raw) }.max() ?? 0
                n += scale.labels.values.reduce(0) { $0 + count($1) }
            }
            return n
        }
    }
}
