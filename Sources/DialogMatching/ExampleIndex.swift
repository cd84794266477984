/// Example questions, indexed for ranking a line against them by the words they share.
///
/// People ask one question in many ways, and few of them say an author's phrase. An
/// intent lists questions as people ask them (`examples:`); a line asks an intent's
/// question when it shares enough of the telling words of one of its examples.
///
/// The score is transparent: each example and the line become sets of *terms* — the stems
/// of their words, less the small words every question has (`ignored`), plus `~name`
/// for each concept a word belongs to (so "booze" meets "drink" when a concept lists
/// both). A term weighs its inverse document frequency over all the examples, so
/// "baclofen", said by most of them, counts for less than "kidney". The score of an
/// example is the cosine of the two weighted sets, from 0 (nothing shared) to 1; only
/// the line's terms that some example has count, so a long story around a question
/// does not dilute it; an example that shares fewer than two of the line's words does
/// not read it. A line word of five letters or more that no example has is read
/// as a typo of one that has it, if one edit apart (`Typo`).
///
/// An id's score is its best example's, raised by its second best: `best + 0.3 ×
/// second × (1 − best)`, still at most 1. A line that two of an intent's examples read
/// is more likely that intent's than one that a single example of another intent reads
/// as well: one example alone is a narrow picture of a question. (Measured on a question
/// set written blind, after the examples: 85.0% of questions read right with the best
/// example alone, 86.1% with the second's corroboration.)
///
/// That score is then blended with the line's likeness to all of the id's examples
/// together (`together`, the cosine with the sum of its examples' weighted sets):
/// `0.7 × that + 0.3 × together`. A question whose telling words are spread over several
/// examples ("how does baclofen stop the cramps" — one example says how it works, another
/// names the cramps) is the id's more surely than one example alone says; an id with one
/// example is read as before. (On two question sets written blind, after the examples:
/// 81.1% → 81.8% and 83.3% → 83.8%.)
///
/// Last, that is blended with what the line's terms tell of each id (``TermClassifier``, a
/// linear model learnt from all the examples): `0.6 × that + 0.4 × told`. Nearest examples
/// read a line by the words one example happens to share with it; the model weighs each
/// term by how well it tells the ids apart ("hold" tells of calling a helpline more than
/// "call" does). Only ids that an example reads are scored: the model ranks, it does not
/// find a likeness where no example has one. (Measured on question sets written blind,
/// after the examples: 86.5% → 88.9% on the newest, 91.1% → 92.7% on the older ones.)
///
/// Built once per bundle, in time linear in the examples' words; a line costs a
/// look-up per word and a pass over the examples that share a term with it.
public struct ExampleIndex<ID: Hashable & Sendable>: Sendable {
    /// The best example of one id for a line.
    public struct Hit: Sendable, Equatable {
        public var id: ID
        /// The example as written.
        public var example: String
        /// The line's words the example shares, as the line has them, in line order.
        public var words: [String]
        /// 0…1: the cosine of the line's and the example's weighted terms, raised by the
        /// cosine of the id's second-best example (`corroboration`).
        public var score: Double
        /// 0…1: the example's own cosine, without the second's corroboration.
        public var cosine: Double
        /// 0…1: the cosine of the line and all of the id's examples together.
        public var together: Double
        /// 0…1: the probability of the id by what the line's terms tell (``TermClassifier``);
        /// nil when the line was read against the examples alone (`skipping`).
        public var told: Double?

        public init(
            id: ID, example: String, words: [String], score: Double, cosine: Double? = nil, together: Double? = nil, told: Double? = nil
        ) {
            self.id = id
            self.example = example
            self.words = words
            self.score = score
            self.cosine = cosine ?? score
            self.together = together ?? cosine ?? score
            self.told = told
        }
    }

    private struct Example: Sendable {
        var id: ID
        var text: String
        /// Each term once, with its weight.
        var terms: [Int]
        var norm: Double
        /// How many of the line's words it must share: two, or all of it when it has fewer.
        var wordsToShare: Int
        /// Its id's place in `ids`.
        var idIndex: Int

        /// Whether it has the term (`terms` is sorted).
        func has(_ term: Int) -> Bool {
            var low = 0, high = terms.count
            while low < high {
                let mid = (low + high) / 2
                if terms[mid] < term { low = mid + 1 } else { high = mid }
            }
            return low < terms.count && terms[low] == term
        }
    }

    /// How much an id's second-best example adds to its best one's score, in the part of
    /// it left below 1.
    static var corroboration: Double { 0.3 }

    /// How much of an id's score is the line's likeness to all its examples together.
    static var togetherShare: Double { 0.3 }

    /// How much of an id's score is what the line's terms tell of it (``TermClassifier``).
    static var classifierShare: Double { 0.4 }

    /// The ids, in the order they were given: ties go to the first.
    private var ids: [ID] = []

    /// Words too common in questions to tell them apart, in English and Spanish. Pronouns
    /// are here too: "my son" and "can I" say who asks, not what.
    public static var ignored: Set<String> {
        [
            "a", "an", "the", "is", "are", "am", "be", "was", "were", "been", "i", "me", "my", "mine", "myself", "from",
            "you", "your", "it", "its", "he", "him", "his", "she", "her", "they", "them", "their", "we", "us", "our",
            "to", "of", "and", "or", "in", "on", "at", "for", "that", "this", "so", "just", "really", "do", "does",
            "did", "there", "any", "some", "about", "with", "if", "im", "u", "ur", "please", "thanks", "hi", "hello",
            "hey", "like", "get", "got", "as", "than", "then", "but", "go", "going", "gone", "went", "want", "wants",
            "wanna", "need", "needs",
            // Spanish: the articles, prepositions and pronouns of a question.
            "el", "la", "los", "las", "un", "una", "de", "del", "y", "o", "en", "con", "por", "para", "que", "es",
            "se", "lo", "le", "mi", "mis", "su", "al", "yo",
        ]
    }

    /// A line shares at least this many of its words with an example that reads it (or
    /// all of a shorter one's): one word in common with a longer example ("sure" with
    /// "pretty sure i'm withdrawing") is no likeness.
    public static var minimumSharedWords: Int { 2 }

    private var examples: [Example] = []
    /// For each term, the ids whose examples have it, with its weight in the sum of
    /// their examples' unit vectors.
    private var togetherPostings: [[(idIndex: Int32, weight: Double)]] = []
    /// The length of each id's sum of its examples' unit vectors.
    private var togetherNorms: [Double] = []
    /// Each term's number: its stem, or `~name` for a concept.
    private var termNumbers: [String: Int] = [:]
    private var weights: [Double] = []
    /// What each term tells of the ids, learnt from all the examples.
    private let classifier: TermClassifier
    /// For each term, the examples that have it.
    private var postings: [[Int32]] = []
    /// Word stems of the examples by their first letter, for typo look-ups.
    private var stemsByInitial: [Character: [String]] = [:]
    /// For each one-word phrase of a concept, by stem, the concepts that list it.
    private let conceptsOfStem: [String: [String]]
    private let ignoredWords: Set<String>

    /// Indexes `entries`' examples. `concepts` are named lists of words (one word a
    /// phrase; longer phrases and patterns are left out), by name.
    public init(_ entries: [(id: ID, examples: [String])], concepts: [String: [String]] = [:]) {
        let ignoredWords = Self.ignored
        self.ignoredWords = ignoredWords
        var conceptsOfStem: [String: [String]] = [:]
        for (name, phrases) in concepts {
            // "~benzo" names a concept and "[my] pills" is a pattern: neither is a word,
            // though normalising would read "~benzo" as the word "benzo".
            for phrase in phrases where !ConceptTable.isPattern(phrase) {
                let words = TextNormalizer.words(phrase)
                guard words.count == 1, let word = words.first, !ignoredWords.contains(word) else { continue }
                conceptsOfStem[Stemmer.stem(word), default: []].append("~" + name)
            }
        }
        let conceptsByStem = conceptsOfStem.mapValues { Array(Set($0)).sorted() }
        self.conceptsOfStem = conceptsByStem

        // Each example's words, and how many examples say each stem.
        let written = entries.map { entry in
            entry.examples.map { text in (text, NormalizedText(text).words.filter { !ignoredWords.contains($0.text) }) }
        }
        var saidBy: [String: Int] = [:]
        for said in written { for (_, words) in said { for stem in Set(words.map(\.stem)) { saidBy[stem, default: 0] += 1 } } }
        // A misspelt example ("baclofin") counts as the spelling more examples use, so
        // that a line with either spelling meets both.
        // A typo keeps the first letter or swaps the first two, so a stem is compared only
        // with the stems that begin with its first or its second letter.
        var spelling: [String: String] = [:]
        var byInitial: [Character: [(stem: String, count: Int)]] = [:]
        let long = saidBy.filter { $0.key.unicodeScalars.count >= Typo.minimumLength }
        for (stem, count) in long {
            if let initial = stem.first { byInitial[initial, default: []].append((stem, count)) }
        }
        for (stem, count) in long {
            let initials = Set(stem.prefix(2))
            var better: (stem: String, count: Int)?
            for initial in initials {
                for other in byInitial[initial] ?? [] where other.count > count && Typo.isOneTypo(stem, other.stem) {
                    if let kept = better, (kept.count, other.stem) > (other.count, kept.stem) { continue }
                    better = other
                }
            }
            if let better { spelling[stem] = better.stem }
        }

        var documentFrequency: [Int] = []
        var idIndexes: [ID: Int] = [:]
        var ids: [ID] = []
        for (entry, said) in zip(entries, written) {
            let idIndex: Int
            if let known = idIndexes[entry.id] {
                idIndex = known
            } else {
                idIndex = ids.count
                idIndexes[entry.id] = idIndex
                ids.append(entry.id)
            }
            for (text, words) in said {
                var terms = Set<Int>()
                for word in words {
                    let stem = spelling[word.stem] ?? word.stem
                    for term in [stem] + (conceptsByStem[stem] ?? []) {
                        if let number = termNumbers[term] {
                            terms.insert(number)
                        } else {
                            termNumbers[term] = documentFrequency.count
                            terms.insert(documentFrequency.count)
                            documentFrequency.append(0)
                        }
                    }
                    if let initial = stem.first, !stemsByInitial[initial, default: []].contains(stem) {
                        stemsByInitial[initial, default: []].append(stem)
                    }
                }
                guard !terms.isEmpty else { continue }
                for t in terms { documentFrequency[t] += 1 }
                examples.append(
                    Example(
                        id: entry.id, text: text, terms: terms.sorted(), norm: 0,
                        wordsToShare: min(Self.minimumSharedWords, Set(words.map(\.stem)).count),
                        idIndex: idIndex))
            }
        }
        self.ids = ids
        let n = Double(examples.count)
        weights = documentFrequency.map { Self.logarithm((n + 1) / (Double($0) + 0.5)) }
        postings = Array(repeating: [], count: weights.count)
        for (index, example) in examples.enumerated() {
            var squares = 0.0
            for t in example.terms {
                squares += weights[t] * weights[t]
                postings[t].append(Int32(index))
            }
            examples[index].norm = squares.squareRoot()
        }
        // Each id's examples together: the sum of their unit vectors, term by term.
        var together = [[Int: Double]](repeating: [:], count: ids.count)
        for example in examples {
            for t in example.terms { together[example.idIndex][t, default: 0] += weights[t] / example.norm }
        }
        togetherPostings = Array(repeating: [], count: weights.count)
        // In term order, not the dictionary's: a sum of doubles depends on its order, and a
        // score must be the same in every run (golden tests, mutation testing).
        togetherNorms = []
        for (idIndex, sum) in together.enumerated() {
            var squares = 0.0
            for (t, weight) in sum.sorted(by: { $0.key < $1.key }) {
                togetherPostings[t].append((Int32(idIndex), weight))
                squares += weight * weight
            }
            togetherNorms.append(squares.squareRoot())
        }
        let weights = weights
        classifier = TermClassifier(
            examples.map { e in (e.terms.map { ($0, weights[$0] / e.norm) }, e.idIndex) }, terms: weights.count, classes: ids.count)
    }

    /// Whether any example was indexed.
    public var isEmpty: Bool { examples.isEmpty }

    /// The best example of each id that shares a term with the line, best first (ties
    /// in the order the ids were given). `skipping` leaves out the examples written so,
    /// to ask how an example reads against the others. Without `sharedWords`, the hits'
    /// `words` are left empty: the validator, ranking every example, needs only scores.
    public func rank(_ text: NormalizedText, skipping: String? = nil, sharedWords: Bool = true) -> [Hit] {
        // The line's known terms, each once, with the words that say it (a bit per word;
        // words past the 64th share the last bit, which can only count fewer words).
        var lineTerms: [(term: Int, words: UInt64)] = []
        var slot: [Int: Int] = [:]
        // Each word's known terms, found once: the shared words of the winners read them again.
        var termsOfWord = [[Int]](repeating: [], count: text.words.count)
        for (position, word) in text.words.enumerated() where !ignoredWords.contains(word.text) {
            var stem = word.stem
            if termNumbers[stem] == nil, let near = typoStem(of: word) { stem = near }
            termsOfWord[position] = terms(ofStem: stem).compactMap { termNumbers[$0] }
        }
        for (position, known) in termsOfWord.enumerated() {
            let bit = UInt64(1) << UInt64(min(position, 63))
            for number in known {
                if let i = slot[number] {
                    lineTerms[i].words |= bit
                } else {
                    slot[number] = lineTerms.count
                    lineTerms.append((number, bit))
                }
            }
        }
        guard !lineTerms.isEmpty else { return [] }
        // Dot products and shared words, by example, in arrays: a line meets many examples.
        var dots = [Double](repeating: 0, count: examples.count)
        var shared = [UInt64](repeating: 0, count: examples.count)
        var touched: [Int32] = []
        var lineSquares = 0.0
        for (term, words) in lineTerms {
            let w2 = weights[term] * weights[term]
            lineSquares += w2
            for example in postings[term] {
                if shared[Int(example)] == 0 { touched.append(example) }
                dots[Int(example)] += w2
                shared[Int(example)] |= words
            }
        }
        let lineNorm = lineSquares.squareRoot()
        // The line against each id's examples together (a handful of ids per term).
        var togetherDots = [Double](repeating: 0, count: ids.count)
        for (term, _) in lineTerms {
            for (idIndex, weight) in togetherPostings[term] { togetherDots[Int(idIndex)] += weights[term] * weight }
        }
        var togetherNorms = self.togetherNorms
        if let skipping {
            // Left out of its id's examples together too: |sum − e|² = |sum|² − 2 sum·e + 1.
            // Only the validator skips, once per example: a pass over the examples is fine.
            for i in examples.indices where examples[i].text == skipping {
                let e = examples[i]
                var sumDotE = 0.0
                for t in e.terms {
                    if let posting = togetherPostings[t].first(where: { $0.idIndex == e.idIndex }) { sumDotE += weights[t] / e.norm * posting.weight }
                }
                togetherDots[e.idIndex] -= dots[i] / e.norm
                togetherNorms[e.idIndex] = max(0, togetherNorms[e.idIndex] * togetherNorms[e.idIndex] - 2 * sumDotE + 1).squareRoot()
            }
        }
        var best = [(example: Int32, score: Double)?](repeating: nil, count: ids.count)
        var secondBest = [Double](repeating: 0, count: ids.count)
        // Read in place, not copied: an example holds a string and an array.
        for example in touched {
            let i = Int(example)
            guard shared[i].nonzeroBitCount >= examples[i].wordsToShare else { continue }
            if let skipping, examples[i].text == skipping { continue }
            // At most 1: rounding can lift a line said word for word a hair above it, and a
            // choice's phrase said whole (strength 1) must not lose to that.
            let score = min(1, dots[i] / (examples[i].norm * lineNorm))
            let idIndex = examples[i].idIndex
            if let kept = best[idIndex], kept.score > score || (kept.score == score && kept.example < example) {
                secondBest[idIndex] = max(secondBest[idIndex], score)
                continue
            }
            if let kept = best[idIndex] { secondBest[idIndex] = max(secondBest[idIndex], kept.score) }
            best[idIndex] = (example, score)
        }
        // What the terms tell of each id, for a line (the validator's check of an example
        // against the others reads the examples alone: the model has learnt from it).
        let told = skipping == nil && Self.classifierShare > 0 ? classifier.probabilities(lineTerms.map { ($0.term, weights[$0.term] / lineNorm) }) : []
        // Ordered as plain numbers first: sorting the hits themselves copies their strings.
        var order: [(idIndex: Int, example: Int32, score: Double, cosine: Double, together: Double, told: Double?)] = []
        for (idIndex, pick) in best.enumerated() {
            guard let pick else { continue }
            let corroborated = pick.score + Self.corroboration * secondBest[idIndex] * (1 - pick.score)
            let norms = togetherNorms[idIndex] * lineNorm
            let together = norms > 0 ? min(1, max(0, togetherDots[idIndex] / norms)) : 0
            var score = (1 - Self.togetherShare) * corroborated + Self.togetherShare * together
            if !told.isEmpty { score = (1 - Self.classifierShare) * score + Self.classifierShare * told[idIndex] }
            order.append((idIndex, pick.example, score, pick.score, together, told.isEmpty ? nil : told[idIndex]))
        }
        order.sort { a, b in a.score != b.score ? a.score > b.score : a.idIndex < b.idIndex }
        return order.map { pick in
            let e = examples[Int(pick.example)]
            // The words it shares, exactly: the line's words whose terms the example has.
            let words = sharedWords ? termsOfWord.indices.filter { termsOfWord[$0].contains(where: e.has) }.map { text.words[$0].text } : []
            return Hit(id: e.id, example: e.text, words: words, score: pick.score, cosine: pick.cosine, together: pick.together, told: pick.told)
        }
    }

    /// A stem's terms: itself, and the concepts that list it.
    private func terms(ofStem stem: String) -> [String] {
        [stem] + (conceptsOfStem[stem] ?? [])
    }

    /// The examples' stem one typo from a word no example has, if there is exactly one.
    private func typoStem(of word: Word) -> String? {
        guard word.length >= Typo.minimumLength, let initial = word.stem.first else { return nil }
        var found: String?
        for stem in stemsByInitial[initial] ?? [] where Typo.isOneTypo(word.stem, stem) {
            if found != nil { return nil }
            found = stem
        }
        return found
    }

    /// The natural logarithm, by the series of atanh: Foundation stays out of the module.
    package static func logarithm(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        // ln x = 2 atanh((x-1)/(x+1)), after taking out powers of two.
        var x = x, twos = 0.0
        while x > 2 { x /= 2; twos += 1 }
        while x < 0.5 { x *= 2; twos -= 1 }
        let y = (x - 1) / (x + 1), y2 = y * y
        var term = y, sum = 0.0, k = 1.0
        for _ in 0..<40 {
            sum += term / k
            term *= y2
            k += 2
        }
        return 2 * sum + twos * 0.6931471805599453
    }
}
