/// The parts a phrase is compiled into: words, gaps, and choices between sequences of
/// parts (a concept, or `[optional words]`).
///
/// A phrase is matched as it is written, part by part, never expanded into the plain
/// phrases it stands for: "~self ~want to [just] ~die" is a handful of parts whatever
/// the concepts hold, and a concept is compiled once and shared by every phrase that
/// uses it.
indirect enum PatternPart: Sendable {
    /// One normalised word.
    case word(PatternWord)
    /// `...`: up to `PhrasePattern.maximumGap` words of the same sentence.
    case gap
    /// `~number`: one word that is a number, as people type an amount ("5", "50mg").
    case number
    /// One of several sequences: a concept's phrases, or an optional group.
    case either(Alternatives)

    /// Whether the part is always there when its phrase matches: a part a phrase set
    /// can anchor the phrase at.
    var isMandatory: Bool {
        switch self {
        case .word, .number: true
        case .gap: false
        case .either(let a): !a.canBeEmpty
        }
    }

    /// Whether the part may begin with a number: a phrase set anchored there tries the
    /// phrase at every number of a line.
    var opensWithNumber: Bool {
        switch self {
        case .number: true
        case .word, .gap: false
        case .either(let a): a.opensWithNumber
        }
    }

    /// How likely a line is to hold one of the words the part begins with: each common
    /// word counts fifty, each other word one (`PhraseSet` anchors at the least likely).
    var anchorWeight: Int {
        switch self {
        case .word(let w): PatternParts.weight(w.word)
        case .gap: 0
        case .number: PatternParts.numberWeight
        case .either(let a): a.anchorWeight
        }
    }

    /// The words the part can begin with.
    var firstWords: [Word] {
        switch self {
        case .word(let w): [w.word]
        case .gap, .number: []
        case .either(let a): a.firstWords
        }
    }
}

/// A word of a phrase. A class: a walk passes words around by the thousand, and a
/// reference is one count to keep where a word's strings are four.
final class PatternWord: Sendable {
    let word: Word
    /// The token of the phrase it was written in ("can't" for "can" of "can't"), on the
    /// first word of the token only: what a matched phrase is shown as.
    let display: String?
    /// Whether the word is a negation cue: a phrase that says one is never negated.
    let isNegationCue: Bool

    init(word: Word, display: String?, isNegationCue: Bool) {
        self.word = word
        self.display = display
        self.isNegationCue = isNegationCue
    }
}

/// The sequences of an `.either` part, with what matching needs of them worked out once.
struct Alternatives: Sendable {
    /// The concept they come from, if any (for `expand`, nothing else).
    var concept: String?
    var sequences: [[PatternPart]]
    /// Whether the part may match no words (`[optional]`).
    var isOptional: Bool
    /// Whether the part may match no words at all.
    let canBeEmpty: Bool
    /// The distinct words (by text) the part can begin with.
    let firstWords: [Word]
    /// How many plain phrases the part stands for (saturating).
    let count: Int
    /// `PatternPart.anchorWeight` of the part.
    let anchorWeight: Int
    /// Whether some sequence may begin with a number.
    let opensWithNumber: Bool

    /// The sequences by the word they begin with, and by the word they end with: a
    /// walk tries only those that can match where it stands (`PatternWalk`).
    let byFirstWord: SequenceIndex
    let byLastWord: SequenceIndex

    init(concept: String? = nil, sequences: [[PatternPart]], isOptional: Bool) {
        self.concept = concept
        self.sequences = sequences
        self.isOptional = isOptional
        canBeEmpty = isOptional || sequences.contains(where: PatternParts.canBeEmpty)
        var seen = Set<String>()
        var first: [Word] = []
        for sequence in sequences {
            for w in PatternParts.firstWords(sequence) where seen.insert(w.text).inserted { first.append(w) }
        }
        firstWords = first
        opensWithNumber = sequences.contains(where: PatternParts.opensWithNumber)
        anchorWeight = first.reduce(0) { $0 + PatternParts.weight($1) } + (opensWithNumber ? PatternParts.numberWeight : 0)
        var total = isOptional ? 1 : 0
        for sequence in sequences { total = PatternParts.saturatingAdd(total, PatternParts.count(sequence)) }
        count = total
        byFirstWord = SequenceIndex(sequences.map { $0.first })
        byLastWord = SequenceIndex(sequences.map { $0.last })
    }
}

/// The sequences of an `.either` part by the word at one of their ends, so that a walk
/// compares a word of the line with the few sequences that can fit it, not with all
/// fifty of a concept of people. Small parts are not indexed: trying them all is as
/// cheap.
struct SequenceIndex: Sendable {
    /// Parts with fewer sequences are tried whole.
    static let smallest = 8

    /// Nil for a part tried whole.
    private let byText: [String: [Int]]?
    private let byStem: [String: [Int]]
    /// Words that typos may reach (`Typo.minimumLength` letters or more), by their first
    /// letter: a typo keeps the first letter or swaps it with the second.
    private let byInitial: [Unicode.Scalar: [Int]]
    /// Sequences whose end is not a word (a concept, an optional word, a gap): always tried.
    private let always: [Int]

    init(_ ends: [PatternPart?]) {
        guard ends.count >= Self.smallest else {
            (byText, byStem, byInitial, always) = (nil, [:], [:], [])
            return
        }
        var byText: [String: [Int]] = [:], byStem: [String: [Int]] = [:], byInitial: [Unicode.Scalar: [Int]] = [:]
        var always: [Int] = []
        for (i, end) in ends.enumerated() {
            guard case .word(let w)? = end else {
                always.append(i)
                continue
            }
            byText[w.word.text, default: []].append(i)
            byStem[w.word.stem, default: []].append(i)
            if w.word.length >= Typo.minimumLength, let initial = w.word.text.unicodeScalars.first {
                byInitial[initial, default: []].append(i)
            }
        }
        (self.byText, self.byStem, self.byInitial, self.always) = (byText, byStem, byInitial, always)
    }

    /// Whether the part is tried whole.
    var triesAll: Bool { byText == nil }

    /// Adds the sequences whose end may match `word` (compared in full by the walk).
    func add(_ word: Word, to out: inout [Int]) {
        guard let byText else { return }
        if let list = byText[word.text] { out += list }
        if let list = byStem[word.stem] { out += list }
        if word.length >= Typo.minimumLength {
            var scalars = word.text.unicodeScalars.makeIterator()
            if let first = scalars.next(), let list = byInitial[first] { out += list }
            if let second = scalars.next(), let list = byInitial[second] { out += list }
        }
    }

    /// The sequences always tried.
    var unindexed: [Int] { always }
}

/// Reading and measuring sequences of parts.
enum PatternParts {
    /// The anchor weight of one word.
    static func weight(_ word: Word) -> Int {
        Lexicon.commonWords.contains(word.text) ? 50 : 1
    }

    /// The anchor weight of a number: lines hold many, so a phrase is anchored at one
    /// only when it has nothing else.
    static let numberWeight = 10_000

    /// What `expand(_:)` writes for `~number`.
    static let exampleNumber = "2"

    /// Units an amount may carry in the same word ("50mg").
    private static let units: Set<Substring> = ["mg", "mcg", "ug", "ml", "g", "milligram", "milligrams"]

    /// Whether a word of a line is a number: digits, and perhaps a unit ("5", "50mg").
    static func isNumber(_ word: Word) -> Bool {
        let text = word.text
        guard let end = text.firstIndex(where: { !$0.isASCII || !$0.isNumber }) else { return !text.isEmpty }
        return end != text.startIndex && units.contains(text[end...])
    }

    /// Whether a sequence may begin with a number.
    static func opensWithNumber(_ parts: [PatternPart]) -> Bool {
        for part in parts {
            if part.opensWithNumber { return true }
            if part.isMandatory { return false }
        }
        return false
    }

    /// Whether a sequence may match no words.
    static func canBeEmpty(_ parts: [PatternPart]) -> Bool {
        parts.allSatisfy { !$0.isMandatory }
    }

    /// The words a sequence can begin with.
    static func firstWords(_ parts: [PatternPart]) -> [Word] {
        var out: [Word] = []
        for part in parts {
            out += part.firstWords
            if part.isMandatory { break }
        }
        return out
    }

    /// How many plain phrases a sequence stands for (saturating at `Int.max`).
    static func count(_ parts: [PatternPart]) -> Int {
        var total = 1
        for case .either(let a) in parts {
            let (product, overflow) = total.multipliedReportingOverflow(by: a.count)
            total = overflow ? .max : product
        }
        return total
    }

    static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// The plain phrases a sequence stands for, as text ("want to just die"); a gap is
    /// shown as `...`, a number as `exampleNumber`. The caller checks `count(_:)` first.
    static func expand(_ parts: [PatternPart]) -> [String] {
        var results = [""]
        func append(_ r: String, _ a: String) -> String { a.isEmpty ? r : r.isEmpty ? a : r + " " + a }
        for part in parts {
            let alternatives: [String]
            switch part {
            case .word(let w):
                guard let display = w.display else { continue }
                alternatives = [display]
            case .gap:
                alternatives = ["..."]
            case .number:
                // One number for all: an example a line could hold.
                alternatives = [PatternParts.exampleNumber]
            case .either(let a):
                alternatives = (a.isOptional ? [""] : []) + a.sequences.flatMap(expand)
            }
            results = results.flatMap { r in alternatives.map { append(r, $0) } }
        }
        return results
    }

    /// The parts of a phrase written without the pattern language: its words, and a
    /// gap wherever it says `...` ("breathing...slow" too).
    static func literal(_ text: Substring, tokens: TokenParts? = nil) -> [PatternPart] {
        var out: [PatternPart] = []
        var first = true
        for segment in PhrasePattern.segments(text) {
            if !first { out.append(.gap) }
            first = false
            for token in segment.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                out += tokens?.parts(token) ?? TokenParts.scan(token)
            }
        }
        return out
    }
}

/// The words of each token of a bundle's phrases, normalised once: the phrases of a
/// bundle share most of their words, and normalising a word is the dear part of
/// compiling a phrase. Shared by every copy of a `ConceptTable`.
final class TokenParts: Sendable {
    private let memo = Memo<Substring, [PatternPart]>()

    func parts(_ token: Substring) -> [PatternPart] {
        memo.value(for: token) { Self.scan(token) }
    }

    static func scan(_ token: Substring) -> [PatternPart] {
        TextNormalizer.scan(String(token)).words.enumerated().map { k, w in
            PatternPart.word(
                PatternWord(
                    word: w, display: k == 0 ? String(token) : nil,
                    isNegationCue: Lexicon.negationCues.contains(w.text)))
        }
    }
}
