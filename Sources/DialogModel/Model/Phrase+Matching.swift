import DialogMatching

// Phrases of a dialog file as the matcher reads them: one place for the engine, the
// validator and the eval copy check to expand a bundle's concepts.

extension PhrasePattern {
    /// A pattern of a phrase written in a dialog file, keeping where it was written.
    public init(_ phrase: Phrase) {
        self.init(phrase.text, range: phrase.range)
    }
}

extension ConceptTable {
    /// The table of a bundle's `concepts:` and the built-in ones.
    public init(bundle: DialogBundle) {
        self.init(Dictionary(bundle.concepts.map { ($0.name, $0.phrases.map(\.text)) }, uniquingKeysWith: +))
    }

    /// The patterns of phrases written in a dialog file, each expanded (`~concept`,
    /// `[optional]`). A phrase that does not expand (the validator reports it) stands
    /// for itself.
    public func patterns(_ phrases: [Phrase]) -> [PhrasePattern] {
        var cache: [Substring: [Word]] = [:]
        return phrases.flatMap { phrase -> [PhrasePattern] in
            guard Self.isPattern(phrase.text), let expanded = try? expand(phrase.text) else { return [PhrasePattern(phrase)] }
            return expanded.map { PhrasePattern($0, range: phrase.range, cache: &cache) }
        }
    }

    /// The patterns of phrases given as text, each expanded.
    public func patterns(_ texts: [String]) -> [PhrasePattern] {
        texts.flatMap { text -> [PhrasePattern] in
            guard Self.isPattern(text), let expanded = try? expand(text) else { return [PhrasePattern(text)] }
            return expanded.map { PhrasePattern($0) }
        }
    }
}
