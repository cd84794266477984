import DialogMatching
import DialogModel

/// Reads the symptoms a line reports and denies, from a bundle's symptom catalogue.
///
/// A symptom is reported by its label or a synonym that is not negated ("cramps",
/// "can't stop vomiting"), and denied by a negated one ("no vomiting") or by one of its
/// `absent:` phrases ("sleeping fine"); a negated `absent:` phrase reports it ("not
/// sleeping well"). Reported wins when a line says both.
struct SymptomReader: Sendable {
    /// A phrase of the catalogue: the symptom it names, and whether it says the symptom is absent.
    struct PhraseID: Hashable, Sendable {
        var symptom: String
        var saysAbsent: Bool
    }

    private let set: PhraseSet<PhraseID>

    init(symptoms: [Symptom], concepts: ConceptTable) {
        var entries: [(id: PhraseID, phrases: [PhrasePattern])] = []
        for s in symptoms {
            entries.append((PhraseID(symptom: s.id, saysAbsent: false), [PhrasePattern(s.label)] + concepts.patterns(s.synonyms)))
            if !s.absent.isEmpty { entries.append((PhraseID(symptom: s.id, saysAbsent: true), concepts.patterns(s.absent))) }
        }
        set = PhraseSet(entries)
    }

    /// The positions of the words that make a negation affirm a symptom right after them:
    /// "can't stop" in "i can't stop vomiting" (read "can not stop"). They say the symptom,
    /// not a question about stopping something, so topic examples ("can i just stop
    /// baclofen") do not read the line by them.
    func affirmingFrames(in text: NormalizedText) -> Set<Int> {
        guard text.words.contains(where: { Lexicon.negationStoppers.contains($0.text) }) else { return [] }
        var frames = Set<Int>()
        for hit in set.hits(in: text) where !hit.id.saysAbsent && !hit.match.isNegated {
            // The verb right before the symptom, or opening a synonym that says it ("can't
            // stop ~poop").
            let words = hit.match.words
            guard !words.isEmpty,
                let verb = (max(0, words.lowerBound - 1)..<min(words.upperBound - 1, words.lowerBound + 3)).first(where: {
                    Lexicon.negationStoppers.contains(text.words[$0].text)
                })
            else { continue }
            // "can not stop", "cant stop" (read "can not stop"), "won't stop": the verb, its
            // negation, and the modal before it.
            var first = verb
            while first > 0, verb - first < 2, Self.frameWords.contains(text.words[first - 1].text) { first -= 1 }
            guard first < verb else { continue }
            frames.formUnion(first...verb)
        }
        return frames
    }

    /// A negation and its modal, before a verb that makes it affirm ("can not", "will not").
    private static let frameWords: Set<String> = ["not", "never", "can", "will", "could", "would"]

    /// The ids of the symptoms the line reports and of those it denies, each in order of
    /// first mention.
    func read(_ text: NormalizedText) -> (reported: [String], denied: [String]) {
        let all = set.hits(in: text)
        // As `PhraseSet.longestHits`: a hit inside a longer one gives way ("muscle aches"
        // over "aches"), unless it starts in a word the longer one's gap skipped, or the
        // longer one says the symptom is absent and it names it ("bigger than normal").
        let hits = all.filter { hit in
            !all.contains { other in
                other.match.strictlyContains(hit.match) && !(other.match.gapWords?.contains(hit.match.words.lowerBound) ?? false)
                    && !(other.id.saysAbsent && !hit.id.saysAbsent && other.id.symptom == hit.id.symptom)
            }
        }
        var order: [String] = []
        var reported = Set<String>()
        for (i, hit) in hits.enumerated() {
            let words = hit.match.words
            // Of two readings of one symptom over shared words, a phrase that names it wins
            // over one that says it is absent ("pupils bigger than normal"); else the one
            // that reaches further ("no sleep issues" denies, where "no sleep" alone reports).
            if hits.indices.contains(where: { j in
                let other = hits[j]
                guard j != i, other.id.symptom == hit.id.symptom, other.match.words.overlaps(words) else { return false }
                if other.id.saysAbsent != hit.id.saysAbsent { return hit.id.saysAbsent }
                return other.match.words.upperBound > words.upperBound
            }) {
                continue
            }
            let symptom = hit.id.symptom
            if !order.contains(symptom) { order.append(symptom) }
            if hit.match.isNegated == hit.id.saysAbsent { reported.insert(symptom) }
        }
        return (order.filter { reported.contains($0) }, order.filter { !reported.contains($0) })
    }
}
