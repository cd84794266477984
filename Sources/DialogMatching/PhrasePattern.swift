import DialogSyntax

/// A phrase of a `match:`, `unless:` or `synonyms:` list, compiled once for matching.
///
/// A phrase matches a line when its words occur in the line as consecutive whole words,
/// each word equal, equal by stem, or one typo apart (`Typo`). "can't sleep" matches
/// "I cannot sleep" and "i cant sleeep"; "od" never matches "good".
///
/// `...` in a phrase is a gap: up to ``maximumGap`` words of the same sentence may stand
/// there ("want ... die" matches "want to just die"). A phrase written in the pattern
/// language (`~concept`, `[optional]`, `ConceptTable.pattern(_:range:)`) is matched as
/// written: each occurrence is the best of the plain phrases it stands for.
public struct PhrasePattern: Sendable, Hashable, CustomStringConvertible {
    /// The most words a `...` gap stands for.
    public static let maximumGap = 3

    /// The phrase as written.
    public let text: String
    /// Where it was written, when it came from a dialog file.
    public let range: SourceRange?
    /// Its compiled parts.
    let parts: [PatternPart]
    /// Whether it uses no concepts and no optional words: an occurrence is shown as the
    /// phrase is written.
    let isPlain: Bool
    /// The first part that every occurrence has: where a lone pattern is anchored.
    let firstMandatory: Int?
    /// The sides of a conjunction (`A & B`), each a phrase of its own; empty for any
    /// other phrase.
    public let sides: [PhrasePattern]

    /// A phrase of plain words (and `...` gaps): `[` and `~` are read as they are.
    public init(_ text: String, range: SourceRange? = nil) {
        self.init(text: text, range: range, parts: PatternParts.literal(Substring(text)), isPlain: true)
    }

    init(text: String, range: SourceRange?, parts: [PatternPart], isPlain: Bool) {
        self.text = text
        self.range = range
        self.parts = parts
        self.isPlain = isPlain
        self.firstMandatory = parts.firstIndex { $0.isMandatory }
        self.sides = []
    }

    /// A conjunction: each of `sides` somewhere in the line.
    init(text: String, range: SourceRange?, sides: [PhrasePattern]) {
        self.text = text
        self.range = range
        self.parts = []
        self.isPlain = false
        self.firstMandatory = nil
        self.sides = sides
    }

    /// Whether the phrase says a negation of its own ("not breathing", "can't sleep", "no
    /// reason to live"), outside its optional words and concepts: such a phrase is never
    /// read as negated.
    public var isSelfNegated: Bool {
        parts.contains { if case .word(let w) = $0 { w.isNegationCue } else { false } }
    }

    /// Whether the phrase can match at all: it has a word that every occurrence has.
    public var canMatch: Bool { sides.isEmpty ? firstMandatory != nil : sides.allSatisfy(\.canMatch) }

    /// The parts of a phrase between its `...` gaps.
    static func segments(_ text: Substring) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var dots = 0
        // Over the bytes: three dots in a row end a segment ("…" is a word break already).
        var i = text.utf8.startIndex
        while i < text.utf8.endIndex {
            if text.utf8[i] == UInt8(ascii: ".") {
                dots += 1
                if dots == 3 {
                    let gapStart = text.utf8.index(i, offsetBy: -2)
                    out.append(text[start..<gapStart])
                    start = text.utf8.index(after: i)
                    dots = 0
                }
            } else {
                dots = 0
            }
            i = text.utf8.index(after: i)
        }
        out.append(text[start...])
        return out
    }

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

    /// Every occurrence of the phrase in `text`, by where it starts (overlapping ones
    /// too; one per stretch of words, the best).
    public func matches(in text: NormalizedText) -> [PhraseMatch] {
        if !sides.isEmpty { return conjoined(sides.map { $0.matches(in: text) }).map { [$0] } ?? [] }
        guard let anchor = firstMandatory else { return [] }
        var found: [PhraseMatch] = []
        for position in text.words.indices {
            occurrences(in: text, anchor: anchor, at: position, minimumQuality: .typo, into: &found)
        }
        var seen = Set<Range<Int>>()
        return found.sorted { $0.words.lowerBound < $1.words.lowerBound }.filter { seen.insert($0.words).inserted }
    }

    /// The occurrences in which part `anchor` begins at word `position` of the line, one
    /// per stretch of words (the best), every word at least `minimumQuality`.
    func occurrences(in text: NormalizedText, anchor: Int, at position: Int, minimumQuality: MatchQuality, into found: inout [PhraseMatch]) {
        guard text.words.indices.contains(position), parts.indices.contains(anchor) else { return }
        let sentence = text.words[position].sentence
        // From the anchor to the end of the phrase, then from each such occurrence back
        // to its start.
        var forward = PatternWalk(text: text, sentence: sentence, minimumQuality: minimumQuality, step: 1, showing: !isPlain)
        var frames = [PatternWalk.Frame(parts: parts, index: anchor, stop: parts.count)]
        let wordsBefore = parts[..<anchor].contains { $0.isMandatory }
        forward.walk(&frames, PatternWalk.State(position: position, gapsOpen: wordsBefore))
        guard !forward.outcomes.isEmpty else { return }
        var backward = PatternWalk(text: text, sentence: sentence, minimumQuality: minimumQuality, step: -1, showing: !isPlain)
        for outcome in forward.outcomes {
            var state = outcome
            state.position = position - 1
            state.pending = 0
            state.gapsOpen = true
            frames = [PatternWalk.Frame(parts: parts, index: anchor - 1, stop: -1)]
            backward.walk(&frames, state)
        }
        let first = found.count
        for outcome in backward.outcomes {
            guard let low = outcome.low, let high = outcome.high, low <= high else { continue }
            let span = low..<(high + 1)
            let score = MatchScore(
                words: outcome.exact + outcome.stemmed + outcome.typos, exact: outcome.exact,
                stemmed: outcome.stemmed, typos: outcome.typos)
            if let same = found[first...].firstIndex(where: { $0.words == span }) {
                if found[same].score < score { found[same] = match(outcome, span, score, text) }
            } else {
                found.append(match(outcome, span, score, text))
            }
        }
    }

    /// The occurrence of a conjunction, from each side's occurrences (by where they
    /// start): for each side, its first occurrence that shares no word with an earlier
    /// side's, one that no negation covers if there is one; nil when a side has none. It
    /// stands at the first side's words, with every side's words counted in its score,
    /// and is negated when a side is only said negated. ("I don't see the point, the
    /// rope is in the garage and I'm going out there": "out there" says what "the point"
    /// cannot.)
    func conjoined(_ sideMatches: [[PhraseMatch]]) -> PhraseMatch? {
        var chosen: [PhraseMatch] = []
        for matches in sideMatches {
            let free = matches.filter { m in !chosen.contains { $0.overlaps(m) } }
            guard let m = free.first(where: { $0.negatedBy == nil }) ?? free.first else { return nil }
            chosen.append(m)
        }
        guard let first = chosen.first else { return nil }
        var score = MatchScore(words: 0, exact: 0, stemmed: 0, typos: 0)
        for m in chosen {
            score.words += m.score.words
            score.exact += m.score.exact
            score.stemmed += m.score.stemmed
            score.typos += m.score.typos
        }
        return PhraseMatch(
            pattern: self, phrase: chosen.map(\.phrase).joined(separator: " & "), firstPhraseWord: first.firstPhraseWord,
            isSelfNegated: first.isSelfNegated, words: first.words, range: first.range, score: score,
            negatedBy: chosen.lazy.compactMap(\.negatedBy).first, sideWords: chosen.map(\.words))
    }

    private func match(_ outcome: PatternWalk.State, _ span: Range<Int>, _ score: MatchScore, _ text: NormalizedText) -> PhraseMatch {
        let cue = outcome.selfNegated ? nil : text.scopes.negationCue(of: span.lowerBound) ?? outcome.gapCue
        return PhraseMatch(
            pattern: self, phrase: isPlain ? self.text : outcome.shown.joined(separator: " "),
            firstPhraseWord: outcome.firstWord ?? "", isSelfNegated: outcome.selfNegated, words: span,
            range: text.words[span.lowerBound].range.lowerBound..<text.words[span.upperBound - 1].range.upperBound,
            score: score, negatedBy: cue, gapWords: outcome.gapWords)
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
            input.initial == phrase.initial || input.secondInitial == phrase.initial,
            !Typo.meantAsTyped.contains(input.text),
            Typo.isOneTypo(input.text, phrase.text) || Typo.isOneTypo(input.stem, phrase.stem)
        {
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
    /// The phrase that matched, as written.
    public var pattern: PhrasePattern
    /// The plain phrase that matched ("i want to die" of "~self ~want to ~die"); the
    /// phrase as written when it uses no concepts or optional words.
    public var phrase: String
    /// The first word of `phrase`, normalised ("i").
    public var firstPhraseWord: String
    /// Whether the phrase that matched says a negation of its own ("not breathing").
    public var isSelfNegated: Bool
    /// The words of the line it covers (indices into `NormalizedText.words`).
    public var words: Range<Int>
    /// The original text it covers.
    public var range: Range<String.Index>
    public var score: MatchScore
    /// The word that negates the occurrence ("no" in "no vomiting"), when one does.
    /// Never set for a phrase that carries its own negation ("not breathing").
    public var negatedBy: Int?
    /// The words of the line that the phrase's gaps (`...`) skipped, from the first to the
    /// last; nil when it matched without skipping a word. Another phrase may stand there
    /// ("eyes and nose running": "nose running" sits in the gap of "eyes ... running").
    public var gapWords: Range<Int>? = nil
    /// For a conjunction (`A & B`), the words each side covers; `words` is the first side's.
    public var sideWords: [Range<Int>] = []

    /// The last word of the line it covers, the sides of a conjunction included.
    public var lastWord: Int { sideWords.reduce(words.upperBound) { max($0, $1.upperBound) } - 1 }

    public var quality: MatchQuality { score.quality }
    public var isNegated: Bool { negatedBy != nil }

    /// Whether the two occurrences share a word.
    public func overlaps(_ other: PhraseMatch) -> Bool { words.overlaps(other.words) }

    /// Whether this occurrence covers every word of `other` and more.
    public func strictlyContains(_ other: PhraseMatch) -> Bool {
        words != other.words && words.lowerBound <= other.words.lowerBound && other.words.upperBound <= words.upperBound
    }

    public var description: String { "\"\(phrase)\" at words \(words.lowerBound)..<\(words.upperBound) (\(score))\(isNegated ? ", negated" : "")" }
}
