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
enum CopyCheck {
    /// Jaccard overlap at or above which a line is a copy.
    static let limit = 0.8

    static func copies(in file: EvalFile, bundle: DialogBundle) -> [Diagnostic] {
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
        // By word, so a line is compared only with the phrases that share a word with it.
        var byStem: [String: [Int]] = [:]
        for (i, p) in phrases.enumerated() { for s in p.stems { byStem[s, default: []].append(i) } }

        var out: [Diagnostic] = []
        for group in file.groups {
            for record in group.records {
                for line in record.lines {
                    let stems = Set(PhrasePattern.stems(line))
                    guard stems.count >= 3 else { continue }
                    var best: (index: Int, overlap: Double)?
                    for i in Set(stems.flatMap { byStem[$0] ?? [] }) {
                        let shared = stems.intersection(phrases[i].stems).count
                        let overlap = Double(shared) / Double(stems.union(phrases[i].stems).count)
                        if overlap >= limit, overlap > (best?.overlap ?? 0) { best = (i, overlap) }
                    }
                    if let best { out.append(EvalMessage.copied(line, phrase: phrases[best.index].text, overlap: best.overlap, record.range)) }
                }
            }
        }
        return out
    }
}
