import DialogMatching
import DialogModel
import DialogSyntax

/// Keeps the held-apart half honest: a labelled line that shares most of its words with
/// a phrase the bundle matches with proves nothing about lines nobody wrote down.
///
/// Each line of a held-apart record is compared with every `match` phrase of the
/// bundle's intents, choices and routes and every symptom synonym (each phrase a concept
/// phrase stands for, `~name` and `[optional]` expanded), as sets of stems
/// (the words the matcher compares). Overlap is Jaccard's: shared words over all the
/// words of both. Lines of one or two words are left out: "yes", "none" and "kms" are
/// what people type, whatever the phrases say.
struct CopyCheck: Sendable {
    /// Jaccard overlap at or above which a line is a copy.
    static let limit = 0.8

    /// Every phrase the bundle matches with, as its stems.
    private let phrases: [(text: String, stems: Set<String>)]
    /// By stem, the phrases that hold it: a line is compared only with the phrases that
    /// share a word with it.
    private let byStem: [String: [Int]]

    /// The phrases of a bundle, read once for all its held-apart files (expanding every
    /// concept phrase is most of the work).
    init(bundle: DialogBundle) {
        var phrases: [(text: String, stems: Set<String>)] = []
        let concepts = ConceptTable(bundle: bundle)
        // The stems of each token, once: the phrases a concept stands for share most words.
        var cache: [Substring: [String]] = [:]
        func stems(_ text: String) -> Set<String> {
            var out = Set<String>()
            for token in text.split(separator: " ") {
                if let known = cache[token] {
                    out.formUnion(known)
                } else {
                    let found = PhrasePattern.stems(String(token))
                    cache[token] = found
                    out.formUnion(found)
                }
            }
            return out
        }
        var seen = Set<String>()
        func add(_ list: [Phrase]) {
            for p in list {
                // Every phrase a concept phrase stands for, as the matcher reads it.
                let expanded = ConceptTable.isPattern(p.text) ? ((try? concepts.expand(p.text)) ?? [p.text]) : [p.text]
                for text in expanded where seen.insert(text).inserted {
                    let found = stems(text)
                    if !found.isEmpty { phrases.append((text, found)) }
                }
            }
        }
        for intent in bundle.intents { add(intent.match + intent.examples) }
        for id in bundle.nodeOrder {
            guard let node = bundle.nodes[id] else { continue }
            for choice in node.choices { add(choice.match) }
            for route in node.routes { add(route.match) }
        }
        for symptom in bundle.symptoms { add(symptom.synonyms + symptom.absent) }
        var byStem: [String: [Int]] = [:]
        for (i, p) in phrases.enumerated() { for s in p.stems { byStem[s, default: []].append(i) } }
        self.phrases = phrases
        self.byStem = byStem
    }

    /// The lines of a file that copy a phrase, one diagnostic each, read on up to `workers`
    /// threads.
    func copies(in file: EvalFile, workers: Int) -> [Diagnostic] {
        let lines = file.groups.flatMap { group in group.records.flatMap { record in record.lines.map { (line: $0, range: record.range) } } }
        let found = Concurrent.map(lines.count, workers: workers) { i in nearest(lines[i].line) }
        return zip(lines, found).compactMap { line, best in
            best.map { EvalMessage.copied(line.line, phrase: phrases[$0.index].text, overlap: $0.overlap, line.range) }
        }
    }

    /// The phrase a line overlaps most, when it overlaps one at least `limit`.
    private func nearest(_ line: String) -> (index: Int, overlap: Double)? {
        let stems = Set(PhrasePattern.stems(line))
        guard stems.count >= 3 else { return nil }
        var best: (index: Int, overlap: Double)?
        for i in Set(stems.flatMap { byStem[$0] ?? [] }) {
            let shared = stems.intersection(phrases[i].stems).count
            let overlap = Double(shared) / Double(stems.union(phrases[i].stems).count)
            if overlap >= Self.limit, overlap > (best?.overlap ?? 0) { best = (i, overlap) }
        }
        return best
    }
}
