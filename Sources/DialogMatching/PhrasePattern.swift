import DialogSyntax

/// A phrase of a `match:`, `unless:` or `synonyms:` list, normalised once for matching.
///
/// A phrase matches a line when its words occur in the line as consecutive whole words,
/// each word equal, equal by stem, or one typo apart (`Typo`). "can't sleep" matches
/// "I cannot sleep" and "i cant sleeep"; "od" never matches "good".
///
/// `...` in a phrase is a gap: up to ``maximumGap`` words of the same sentence may stand
/// there ("want ... die" matches "want to just die"). Concepts (`~name`) and optional
/// words (`[word]`) are expanded before a pattern is made (`ConceptTable`).
public struct PhrasePattern: Sendable, Hashable, CustomStringConvertible {
    /// The most words a `...` gap stands for.
    public static let maximumGap = 3

    /// The phrase as written.
    public let text: String
    /// Where it was written, when it came from a dialog file.
    public let range: SourceRange?
    /// Its normalised words (gaps left out).
    public let words: [Word]
    /// For each word, how many words of the line may stand before it (0, or
    /// ``maximumGap`` after a `...`).
    public let gapBefore: [Int]
    /// Whether the phrase carries a negation of its own ("not breathing", "can't
    /// sleep", "no reason to live"): such a phrase is never read as negated.
    public let isSelfNegated: Bool

    public init(_ text: String, range: SourceRange? = nil) {
        self.text = text
        self.range = range
        var words: [Word] = []
        var gaps: [Int] = []
        for (k, segment) in Self.segments(text).enumerated() {
            let scanned = TextNormalizer.scan(String(segment)).words
            for (j, w) in scanned.enumerated() {
                words.append(w)
                gaps.append(j == 0 && k > 0 && !words.dropLast().isEmpty ? Self.maximumGap : 0)
            }
        }
        self.words = words
        self.gapBefore = gaps
        self.isSelfNegated = words.contains { Lexicon.negationCues.contains($0.text) }
    }

    /// A pattern made word by word, with the words of each space-separated token looked up
    /// in `cache` (and added to it): the thousands of phrases a concept expands into share
    /// a few hundred tokens, normalised and stemmed once.
    public init(_ text: String, range: SourceRange? = nil, cache: inout [Substring: [Word]]) {
        self.text = text
        self.range = range
        var words: [Word] = []
        var gaps: [Int] = []
        var gapPending = false
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if token == "..." {
                gapPending = !words.isEmpty
                continue
            }
            let tokenWords: [Word]
            if let cached = cache[token] {
                tokenWords = cached
            } else {
                tokenWords = TextNormalizer.scan(String(token)).words
                cache[token] = tokenWords
            }
            for (j, w) in tokenWords.enumerated() {
                words.append(w)
                gaps.append(j == 0 && gapPending ? Self.maximumGap : 0)
            }
            if !tokenWords.isEmpty { gapPending = false }
        }
        self.words = words
        self.gapBefore = gaps
        self.isSelfNegated = words.contains { Lexicon.negationCues.contains($0.text) }
    }

    /// The parts of a phrase between its `...` gaps.
    static func segments(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var rest = Substring(text)
        while let r = rest.firstRange(of: "...") {
            out.append(rest[..<r.lowerBound])
            rest = rest[r.upperBound...]
        }
        out.append(rest)
        return out
    }

    /// How many words come before the first gap (all of them when there is none): the
    /// words a phrase set may anchor the phrase at.
    public var fixedPrefixCount: Int {
        gapBefore.dropFirst().firstIndex { $0 > 0 } ?? words.count
    }

    /// Whether the phrase has a gap.
    public var hasGap: Bool { gapBefore.contains { $0 > 0 } }

    public var description: String { text }

    /// The stems of a phrase's normalised words, as the matcher compares them: "can't
    /// sleep" and "cannot sleep" give the same stems. The validator reads phrases with
    /// it, so that a tie or a shadowing it reports is one the engine would meet.
    package static func stems(_ text: String) -> [String] {
        TextNormalizer.scan(text).words.map(\.stem)
    }

    /// `stems(_:)` joined by single spaces: the key two phrases share when the engine
    /// reads them the same.
    package static func key(_ text: String) -> String {
        stems(text).joined(separator: " ")
    }

    public static func == (a: PhrasePattern, b: PhrasePattern) -> Bool { a.text == b.text && a.range == b.range }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Every occurrence of the phrase in `text`, left to right (overlapping ones too).
    public func matches(in text: NormalizedText) -> [PhraseMatch] {
        guard !words.isEmpty, words.count <= text.words.count else { return [] }
        var found: [PhraseMatch] = []
        for start in 0...(text.words.count - words.count) {
            if let m = match(in: text, at: start) { found.append(m) }
        }
        return found
    }

    /// The occurrence of the phrase that starts at word `start`, if there is one. With
    /// gaps, the one that skips the fewest words, earliest first.
    public func match(in text: NormalizedText, at start: Int) -> PhraseMatch? {
        guard !words.isEmpty, start >= 0, start + words.count <= text.words.count else { return nil }
        var exact = 0, stemmed = 0, typos = 0
        var position = start
        // A negation in a gap negates the occurrence: "eyes are not watering".
        var gapCue: Int?
        for (k, pw) in words.enumerated() {
            var quality: MatchQuality?
            var skip = 0
            let limit = k == 0 ? 0 : gapBefore[k]
            while true {
                let at = position + skip
                guard at < text.words.count, text.words[at].sentence == text.words[start].sentence else { return nil }
                quality = WordMatch.compare(text.words[at], pw)
                if quality != nil || skip >= limit { break }
                skip += 1
            }
            switch quality {
            case .exact?: exact += 1
            case .stemmed?: stemmed += 1
            case .typo?: typos += 1
            case nil: return nil
            }
            if skip > 0, gapCue == nil,
               let cue = (position..<(position + skip)).first(where: { i in
                   // "won't stop running" affirms: a negated "stop" is no negation.
                   Lexicon.negationCues.contains(text.words[i].text)
                       && !(i + 1 < text.words.count && Lexicon.negationStoppers.contains(text.words[i + 1].text))
               }) {
                gapCue = cue
            }
            position += skip + 1
        }
        let span = start..<position
        let score = MatchScore(words: words.count, exact: exact, stemmed: stemmed, typos: typos)
        let cue = isSelfNegated ? nil : text.scopes.negationCue(of: start) ?? gapCue
        return PhraseMatch(pattern: self, words: span, range: text.words[span.lowerBound].range.lowerBound..<text.words[span.upperBound - 1].range.upperBound,
                           score: score, negatedBy: cue)
    }
}

/// How well one input word matches one phrase word.
public enum MatchQuality: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// One typo apart (`Typo`).
    case typo
    /// The same stem ("cramps" for "cramp").
    case stemmed
    /// The same normalised word.
    case exact

    public static func < (a: MatchQuality, b: MatchQuality) -> Bool { a.rawValue < b.rawValue }

    public var description: String {
        switch self {
        case .typo: "typo"
        case .stemmed: "stemmed"
        case .exact: "exact"
        }
    }
}

enum WordMatch {
    /// How `input` matches the phrase word `phrase`, or nil.
    static func compare(_ input: Word, _ phrase: Word) -> MatchQuality? {
        if input.text == phrase.text { return .exact }
        if input.stem == phrase.stem { return .stemmed }
        if input.length >= Typo.minimumLength, phrase.length >= Typo.minimumLength, abs(input.length - phrase.length) <= 2,
           input.text.unicodeScalars.first == phrase.text.unicodeScalars.first
            || input.text.unicodeScalars.dropFirst().first == phrase.text.unicodeScalars.first,
           Typo.isOneTypo(input.text, phrase.text) || Typo.isOneTypo(input.stem, phrase.stem) {
            return .typo
        }
        return nil
    }
}

/// How good a match is, for ranking: a longer phrase beats a shorter one; between
/// phrases of the same length, more exact words beat fewer, and fewer typos beat more.
/// Two matches with equal scores are a tie: the caller asks which was meant.
public struct MatchScore: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How many words the phrase has.
    public var words: Int
    public var exact: Int
    public var stemmed: Int
    public var typos: Int

    public init(words: Int, exact: Int, stemmed: Int, typos: Int) {
        self.words = words
        self.exact = exact
        self.stemmed = stemmed
        self.typos = typos
    }

    /// The worst word of the match.
    public var quality: MatchQuality { typos > 0 ? .typo : stemmed > 0 ? .stemmed : .exact }

    public static func < (a: MatchScore, b: MatchScore) -> Bool {
        (a.words, a.exact, -a.typos) < (b.words, b.exact, -b.typos)
    }

    public var description: String { "\(words) word\(words == 1 ? "" : "s"), \(quality)" }
}

/// One occurrence of a phrase in a line.
public struct PhraseMatch: Sendable, Hashable, CustomStringConvertible {
    /// The phrase that matched.
    public var pattern: PhrasePattern
    /// The words of the line it covers (indices into `NormalizedText.words`).
    public var words: Range<Int>
    /// The original text it covers.
    public var range: Range<String.Index>
    public var score: MatchScore
    /// The word that negates the occurrence ("no" in "no vomiting"), when one does.
    /// Never set for a phrase that carries its own negation ("not breathing").
    public var negatedBy: Int?

    public var quality: MatchQuality { score.quality }
    public var isNegated: Bool { negatedBy != nil }

    /// Whether the two occurrences share a word.
    public func overlaps(_ other: PhraseMatch) -> Bool { words.overlaps(other.words) }

    /// Whether this occurrence covers every word of `other` and more.
    public func strictlyContains(_ other: PhraseMatch) -> Bool {
        words != other.words && words.lowerBound <= other.words.lowerBound && other.words.upperBound <= words.upperBound
    }

    public var description: String { "\"\(pattern.text)\" at words \(words.lowerBound)..<\(words.upperBound) (\(score))\(isNegated ? ", negated" : "")" }
}
