import DialogMatching
import Synchronization

// Phrases of a dialog file as the matcher reads them: one place for the engine, the
// validator and the eval copy check to compile a bundle's concepts and patterns.

extension PhrasePattern {
    /// A pattern of a phrase written in a dialog file, keeping where it was written.
    public init(_ phrase: Phrase) {
        self.init(phrase.text, range: phrase.range)
    }
}

extension ConceptTable {
    /// The table of a bundle's `concepts:` and the built-in ones. The validator, the
    /// engine and the eval copy check of one bundle share one table, and so compile each
    /// concept and each phrase once (`BundleTables`).
    public init(bundle: DialogBundle) {
        let concepts = Dictionary(bundle.concepts.map { ($0.name, $0.phrases.map(\.text)) }, uniquingKeysWith: +)
        self = BundleTables.table(for: concepts)
    }

    /// The patterns of phrases written in a dialog file (`~concept`, `[optional]`). A
    /// phrase that does not compile (the validator reports it) stands for its words.
    public func patterns(_ phrases: [Phrase]) -> [PhrasePattern] {
        phrases.map { phrase in (try? pattern(phrase.text, range: phrase.range)) ?? PhrasePattern(phrase) }
    }

    /// The patterns of phrases given as text.
    public func patterns(_ texts: [String]) -> [PhrasePattern] {
        texts.map { text in (try? pattern(text)) ?? PhrasePattern(text) }
    }
}

/// The concept tables of the bundles read lately, by their concepts: loading a bundle
/// validates it and then starts a session on it, and both compile the same phrases.
/// A memo of pure values, so sharing it changes no result; it keeps a few tables, for
/// the bundles of one process (a test run reads dozens).
enum BundleTables {
    private static let recent = Mutex<[(concepts: [String: [String]], table: ConceptTable)]>([])
    private static let capacity = 4

    static func table(for concepts: [String: [String]]) -> ConceptTable {
        if let hit = recent.withLock({ list in list.first { $0.concepts == concepts }?.table }) { return hit }
        let table = ConceptTable(concepts)
        recent.withLock { list in
            list.removeAll { $0.concepts == concepts }
            list.insert((concepts, table), at: 0)
            if list.count > capacity { list.removeLast() }
        }
        return table
    }
}
