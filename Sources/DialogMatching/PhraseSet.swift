/// Several lists of phrases, each under an id (a choice, an intent, a symptom), matched
/// against a line in one pass.
///
/// The phrases are indexed by the words their anchor part begins with (its text, its
/// stem, and its one-letter deletions for typos), so matching costs about one dictionary
/// look-up per word of the line whatever the number of phrases: a megabyte line stays
/// linear, and a phrase that starts with a common word ("i …") is tried only where its
/// rarer word is.
///
/// ```swift
/// let choices = PhraseSet([(0, ["baclofen", "muscle relaxant"]), (1, ["detox", "rehab"])])
/// let line = NormalizedText("tell me about the muscle relaxant")
/// if case .unique(let hit) = choices.rank(in: line) { … hit.id == 0 … }
/// ```
public struct PhraseSet<ID: Hashable & Sendable>: Sendable {
    /// One occurrence of one of the set's phrases.
    public struct Hit: Sendable, CustomStringConvertible {
        /// The id the phrase is listed under.
        public var id: ID
        public var match: PhraseMatch

        public var description: String { "\(id): \(match)" }
    }

    /// The outcome of ranking a line against the set.
    public enum Ranking: Sendable {
        /// Nothing matched.
        case none
        /// One id matched better than every other: its best occurrence.
        case unique(Hit)
        /// Several ids tie for the best score: ask which was meant. In order of their ids'
        /// place in the set.
        case ambiguous([Hit])

        /// The hits it ranked best: none, the unique one, or the tied ones.
        public var hits: [Hit] {
            switch self {
            case .none: []
            case .unique(let hit): [hit]
            case .ambiguous(let hits): hits
            }
        }

        /// The hit of a unique ranking.
        public var unique: Hit? {
            if case .unique(let hit) = self { hit } else { nil }
        }
    }

    /// What a line says of the set's ids: which it reports and which it denies.
    public struct Mentions: Sendable {
        /// Ids with an occurrence that is not negated, in order of first appearance.
        public var reported: [ID] = []
        /// Ids whose every occurrence is negated, in order of first appearance.
        public var denied: [ID] = []
        /// The occurrences they were read from.
        public var hits: [Hit] = []
    }

    /// The ids and their phrases, in the order given.
    public let entries: [(id: ID, phrases: [PhrasePattern])]
    /// Input words below this quality do not count ("exact" for lists that must not
    /// stem or tolerate typos).
    public let minimumQuality: MatchQuality

    private let flat: [(entry: Int, pattern: PhrasePattern)]
    /// For each phrase of `flat` that is a side of a conjunction (`A & B`): the
    /// conjunction and which side; nil for a phrase of its own.
    private let sideOf: [(conjunction: Int, side: Int)?]
    /// The conjunctions: their entry and pattern. Their sides are in `flat`; an
    /// occurrence of a side is no hit by itself.
    private let conjunctions: [(entry: Int, pattern: PhrasePattern)]
    /// Where each phrase is anchored: the index of its anchor part.
    private let anchors: [Int]
    /// The distinct words anchor parts begin with, and the phrases anchored at each.
    private let anchorWords: [Word]
    private let phrasesOfAnchor: [[Int]]
    /// Anchor words by their text, their stem, and (for typos) each text with one letter
    /// deleted and the text itself: two words one edit apart share one of those.
    private let byText: [String: Int]
    private let byStem: [String: [Int]]
    private let byDeletion: [String: [Int]]
    /// The phrases anchored at a part that may begin with a number: tried at every
    /// number of a line.
    private let numberAnchored: [Int]
    /// Each id's place in `entries` (its first, when listed twice).
    private let entryIndex: [ID: Int]

    public init(_ entries: [(id: ID, phrases: [PhrasePattern])], minimumQuality: MatchQuality = .typo) {
        self.entries = entries
        self.minimumQuality = minimumQuality
        var flat: [(entry: Int, pattern: PhrasePattern)] = []
        var sideOf: [(conjunction: Int, side: Int)?] = []
        var conjunctions: [(entry: Int, pattern: PhrasePattern)] = []
        for (e, entry) in entries.enumerated() {
            for pattern in entry.phrases where pattern.canMatch {
                if pattern.sides.isEmpty {
                    flat.append((e, pattern))
                    sideOf.append(nil)
                    continue
                }
                for (k, side) in pattern.sides.enumerated() {
                    flat.append((e, side))
                    sideOf.append((conjunctions.count, k))
                }
                conjunctions.append((e, pattern))
            }
        }
        // Each phrase is anchored at the part, of those every occurrence has, whose first
        // words a line is least likely to hold: a common word weighs as much as fifty
        // others; then the words fewest phrases of the set share. So "~self ~want to
        // ~die" waits at "want", "wish" and their kin, not at every "i" or "to".
        var frequency: [String: Int] = [:]
        for (_, pattern) in flat {
            for part in pattern.parts where part.isMandatory {
                for w in part.firstWords { frequency[w.text, default: 0] += 1 }
            }
        }
        var anchors: [Int] = []
        anchors.reserveCapacity(flat.count)
        var anchorWords: [Word] = [], phrasesOfAnchor: [[Int]] = []
        var byText: [String: Int] = [:], byStem: [String: [Int]] = [:], byDeletion: [String: [Int]] = [:]
        var numberAnchored: [Int] = []
        for (index, (_, pattern)) in flat.enumerated() {
            var anchor = 0
            var best = (Int.max, Int.max)
            for (k, part) in pattern.parts.enumerated() where part.isMandatory {
                let weight = part.anchorWeight
                guard weight <= best.0 else { continue }
                let cost = (weight, part.firstWords.reduce(0) { $0 + (frequency[$1.text] ?? 0) })
                if cost < best { (anchor, best) = (k, cost) }
            }
            anchors.append(anchor)
            if pattern.parts[anchor].opensWithNumber { numberAnchored.append(index) }
            for word in pattern.parts[anchor].firstWords {
                if let id = byText[word.text] {
                    phrasesOfAnchor[id].append(index)
                    continue
                }
                let id = anchorWords.count
                anchorWords.append(word)
                phrasesOfAnchor.append([index])
                byText[word.text] = id
                byStem[word.stem, default: []].append(id)
                if word.length >= Typo.minimumLength {
                    for variant in PhraseSetKeys.deletions(word.text) + [word.text] { byDeletion[variant, default: []].append(id) }
                }
            }
        }
        self.flat = flat
        self.sideOf = sideOf
        self.conjunctions = conjunctions
        self.anchors = anchors
        self.anchorWords = anchorWords
        self.phrasesOfAnchor = phrasesOfAnchor
        self.byText = byText
        self.byStem = byStem
        self.byDeletion = byDeletion
        self.numberAnchored = numberAnchored
        self.entryIndex = Dictionary(entries.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }
}

/// The keys a phrase set looks typos up by.
enum PhraseSetKeys {
    /// The word with each of its letters left out in turn.
    static func deletions(_ word: String) -> [String] {
        let bytes = word.utf8
        guard bytes.count > 1 else { return [] }
        var out: [String] = []
        // Most words are ASCII: a letter is a byte, and the copies are made from bytes.
        if bytes.allSatisfy({ $0 < 0x80 }) {
            out.reserveCapacity(bytes.count)
            for i in 0..<bytes.count {
                out.append(
                    String(unsafeUninitializedCapacity: bytes.count - 1) { buffer in
                        var k = 0
                        for (j, byte) in bytes.enumerated() where j != i {
                            buffer[k] = byte
                            k += 1
                        }
                        return k
                    })
            }
            return out
        }
        let scalars = Array(word.unicodeScalars)
        out.reserveCapacity(scalars.count)
        for i in scalars.indices {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[..<i])
            v.append(contentsOf: scalars[(i + 1)...])
            out.append(String(v))
        }
        return out
    }
}

extension PhraseSet {
    /// A set of phrases written as plain text.
    public init(_ entries: [(ID, [String])], minimumQuality: MatchQuality = .typo) {
        self.init(entries.map { (id: $0.0, phrases: $0.1.map { PhrasePattern($0) }) }, minimumQuality: minimumQuality)
    }

    /// Every occurrence of every phrase, ordered by where it starts, then longest first,
    /// then best first, then in the order of the set. Where several phrases of one id
    /// cover the same words, only the best of them is kept.
    public func hits(in text: NormalizedText) -> [Hit] {
        var found: [(start: Int, order: Int, hit: Hit)] = []
        var candidates: [Int] = []
        // stamp[a] == position: anchor word a is already listed for this word;
        // tried[c] == position: phrase c was already tried here.
        var stamp = [Int](repeating: -1, count: anchorWords.count)
        var tried = [Int](repeating: -1, count: flat.count)
        var matches: [PhraseMatch] = []
        // The occurrences of each conjunction's sides, by conjunction and side.
        var sideFound: [[[PhraseMatch]]] = conjunctions.map { [[PhraseMatch]](repeating: [], count: $0.pattern.sides.count) }
        let words = text.words
        for position in words.indices {
            let word = words[position]
            candidates.removeAll(keepingCapacity: true)
            if let id = byText[word.text] { stamp[id] = position; candidates.append(id) }
            if minimumQuality <= .stemmed, let list = byStem[word.stem] {
                for a in list where stamp[a] != position { stamp[a] = position; candidates.append(a) }
            }
            if minimumQuality <= .typo, word.length >= Typo.minimumLength, !byDeletion.isEmpty {
                for variant in text.typoKeys[position] {
                    guard let list = byDeletion[variant] else { continue }
                    for a in list where stamp[a] != position { stamp[a] = position; candidates.append(a) }
                }
            }
            func attempt(_ c: Int) {
                guard tried[c] != position else { return }
                tried[c] = position
                let (entry, pattern) = flat[c]
                matches.removeAll(keepingCapacity: true)
                pattern.occurrences(in: text, anchor: anchors[c], at: position, minimumQuality: minimumQuality, into: &matches)
                if let side = sideOf[c] {
                    sideFound[side.conjunction][side.side] += matches
                    return
                }
                for match in matches { found.append((match.words.lowerBound, c, Hit(id: entries[entry].id, match: match))) }
            }
            for a in candidates {
                guard let quality = WordMatch.compare(word, anchorWords[a]), quality >= minimumQuality else { continue }
                for c in phrasesOfAnchor[a] { attempt(c) }
            }
            if !numberAnchored.isEmpty, PatternParts.isNumber(word) {
                for c in numberAnchored { attempt(c) }
            }
        }
        for (k, conjunction) in conjunctions.enumerated() where sideFound[k].allSatisfy({ !$0.isEmpty }) {
            let sides = sideFound[k].map { $0.sorted { $0.words.lowerBound < $1.words.lowerBound } }
            if let match = conjunction.pattern.conjoined(sides) {
                found.append((match.words.lowerBound, flat.count + k, Hit(id: entries[conjunction.entry].id, match: match)))
            }
        }
        // A closure, not `\.hit`: a key path into a generic type is built at run time, on every call.
        guard found.count > 1 else { return found.map { $0.hit } }
        // By start; then longest first, best first, in the order of the set.
        found.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            let x = a.hit.match, y = b.hit.match
            if x.words.count != y.words.count { return x.words.count > y.words.count }
            if x.score != y.score { return x.score > y.score }
            return a.order < b.order
        }
        // One hit per id and words: its best phrase ("overdosing" finds "overdose",
        // "overdosed" and "overdosing" of one intent; only the last is kept).
        var hits: [Hit] = []
        hits.reserveCapacity(found.count)
        var groupStart = 0
        for (i, f) in found.enumerated() {
            if i > 0 && f.start != found[i - 1].start { groupStart = hits.count }
            if hits[groupStart...].contains(where: { $0.id == f.hit.id && $0.match.words == f.hit.match.words }) { continue }
            hits.append(f.hit)
        }
        return hits
    }

    /// The occurrences that no other occurrence strictly contains: "muscle aches" wins over
    /// the "aches" inside it, "I took too many" over "took too many". Occurrences over the
    /// same words all stay. Same order as `hits(in:)`.
    public func longestHits(in text: NormalizedText) -> [Hit] {
        Self.removingContained(hits(in: text))
    }

    /// Ranks the set's ids by their best occurrence in the line (`MatchScore`). Negated
    /// occurrences ("not detox") do not count unless `includingNegated`. With `among`,
    /// only those ids take part, as if the set held no others.
    public func rank(in text: NormalizedText, includingNegated: Bool = false, among: Set<ID>? = nil) -> Ranking {
        var best: [Int: Hit] = [:]
        for hit in hits(in: text) where includingNegated || !hit.match.isNegated {
            if let among, !among.contains(hit.id) { continue }
            guard let e = entryIndex[hit.id] else { continue }
            if let current = best[e], current.match.score >= hit.match.score { continue }
            best[e] = hit
        }
        // Closures, not key paths: a key path through the generic `Hit` is instantiated
        // by the runtime on every call (some 14,000 instructions), and this runs every turn.
        guard let top = best.values.map({ $0.match.score }).max() else { return .none }
        let tied = best.filter { $0.value.match.score == top }.sorted { $0.key < $1.key }.map { $0.value }
        return tied.count == 1 ? .unique(tied[0]) : .ambiguous(tied)
    }

    /// Which ids the line reports and which it denies ("cramps but no vomiting"). Read
    /// from `longestHits(in:)`; an id with one occurrence that is not negated is reported.
    public func mentions(in text: NormalizedText) -> Mentions {
        var result = Mentions()
        var order: [ID] = []
        var reported = Set<ID>()
        for hit in longestHits(in: text) {
            if !order.contains(hit.id) { order.append(hit.id) }
            if !hit.match.isNegated { reported.insert(hit.id) }
            result.hits.append(hit)
        }
        result.reported = order.filter { reported.contains($0) }
        result.denied = order.filter { !reported.contains($0) }
        return result
    }

    /// Drops the hits that another hit strictly contains, in one pass over hits ordered as
    /// `hits(in:)` orders them (by start, longest first). A hit that starts in the words a
    /// gap of the widest one skipped stays: it says something of its own ("eyes running"
    /// in "my nose and eyes are running", read by "nose ... running" too).
    static func removingContained(_ hits: [Hit]) -> [Hit] {
        var kept: [Hit] = []
        kept.reserveCapacity(hits.count)
        // The hit that reaches furthest among those that start at or before this one.
        var widest: PhraseMatch? = nil
        for hit in hits {
            let words = hit.match.words
            if let w = widest, w.words.upperBound >= words.upperBound {
                if w.words != words, !(w.gapWords?.contains(words.lowerBound) ?? false) {
                    continue
                }
            } else {
                widest = hit.match
            }
            kept.append(hit)
        }
        return kept
    }
}
