import DialogModel

/// What a crisis line carried: the most urgent kind, the others, the level, and what
/// matched.
struct CrisisFinding: Sendable, Equatable {
    var kind: CrisisKind
    var also: [CrisisKind]
    var level: Turn.Crisis.Level
    var intent: String
    var phrase: String
}

/// How a line picks among choices.
enum ChoicePick: Sendable, Equatable {
    /// A choice; with the phrase and its score when a phrase picked it.
    case one(Int, phrase: String?, score: MatchScore? = nil)
    case ambiguous([Int])
    case none
}

/// The session's view of text matching: every question the state machine asks of a
/// line, answered by the matcher (`Matching/`) over the bundle's phrases. The phrase sets
/// are built once per bundle, so a turn costs a few look-ups per word of the line.
struct Recognizer: Sendable {
    private(set) var bundle: DialogBundle
    private var crisisDetector: CrisisDetector
    /// Topic intents, indexed by their place in `topics` (priority order).
    private var topics: [Intent]
    private var topicSet: PhraseSet<Int>
    private var symptomSet: PhraseSet<String>
    /// A training bundle's rubric: its `match` phrases and its `unless` phrases, by item.
    private var rubricSet: PhraseSet<Int>
    private var rubricUnlessSet: PhraseSet<Int>

    init(bundle: DialogBundle) {
        self.bundle = bundle
        crisisDetector = CrisisDetector(intents: bundle.intents)
        topics = bundle.intents.filter { $0.crisis == nil }
        topicSet = PhraseSet(topics.enumerated().map { (id: $0.offset, phrases: $0.element.match.map(PhrasePattern.init)) })
        symptomSet = PhraseSet(bundle.symptoms.map { s in
            (id: s.id, phrases: [PhrasePattern(s.label)] + s.synonyms.map(PhrasePattern.init))
        })
        rubricSet = PhraseSet(bundle.rubric.enumerated().map { (id: $0.offset, phrases: $0.element.match.map(PhrasePattern.init)) })
        rubricUnlessSet = PhraseSet(bundle.rubric.enumerated().map { (id: $0.offset, phrases: $0.element.unless.map(PhrasePattern.init)) })
    }

    /// The rubric items a trainee's line says, by their index in the rubric, each with the
    /// first phrase that said it. A move counts even negated ("don't detox alone"); a
    /// must-not (`avoid`) only when not negated ("I can't give you a dose in mg" keeps
    /// it). An `unless` phrase of the item's own that overlaps an occurrence cancels it.
    func rubricItems(in input: String) -> [(index: Int, phrase: String)] {
        guard !bundle.rubric.isEmpty else { return [] }
        let text = NormalizedText(input)
        var cancelled: [Int: [Range<Int>]] = [:]
        for hit in rubricUnlessSet.hits(in: text) { cancelled[hit.id, default: []].append(hit.match.words) }
        var found: [Int: String] = [:]
        var order: [Int] = []
        for hit in rubricSet.hits(in: text) where found[hit.id] == nil {
            let item = bundle.rubric[hit.id]
            if item.avoid && hit.match.isNegated { continue }
            if cancelled[hit.id]?.contains(where: { $0.overlaps(hit.match.words) }) == true { continue }
            found[hit.id] = hit.match.pattern.text
            order.append(hit.id)
        }
        return order.sorted().map { ($0, found[$0] ?? "") }
    }

    mutating func reset(bundle: DialogBundle) {
        self = Recognizer(bundle: bundle)
    }

    func crisis(in input: String) -> CrisisFinding? {
        guard let report = crisisDetector.detect(input) else { return nil }
        return CrisisFinding(kind: report.kind, also: report.also,
                             level: report.level == .takeover ? .takeover : .resources,
                             intent: report.intent, phrase: report.phrase)
    }

    /// A topic intent a line asks about, with the phrase and score that picked it.
    struct IntentPick {
        var intent: Intent
        var phrase: String?
        var score: MatchScore?
    }

    /// The topic intent a line asks about: the best match; among equally good ones, the
    /// one of highest priority (the bundle keeps intents in priority order). Failing a
    /// phrase, an intent with `symptoms: true` takes a line that reports symptoms.
    func topicIntent(in input: String) -> IntentPick? {
        let text = NormalizedText(input)
        // A question is about its topic even when negated: "why isn't baclofen approved?"
        switch topicSet.rank(in: text, includingNegated: true) {
        case .unique(let hit):
            return IntentPick(intent: topics[hit.id], phrase: hit.match.pattern.text, score: hit.match.score)
        case .ambiguous(let hits):
            guard let first = hits.min(by: { $0.id < $1.id }) else { return nil }
            return IntentPick(intent: topics[first.id], phrase: first.match.pattern.text, score: first.match.score)
        case .none:
            guard let intent = topics.first(where: \.readsSymptoms),
                  !symptomSet.mentions(in: text).reported.isEmpty
            else { return nil }
            return IntentPick(intent: intent, phrase: nil, score: nil)
        }
    }

    /// The phrase of a route that the line says (not negated), if any.
    func matches(_ phrases: [Phrase], in input: String) -> String? {
        PhraseSet([(id: 0, phrases: phrases.map(PhrasePattern.init))]).rank(in: NormalizedText(input)).unique?.match.pattern.text
    }

    /// A choice by its number, an ordinal, its label, or one of its phrases.
    func choice(_ input: String, labels: [String], phrases: [[String]]) -> ChoicePick {
        let text = NormalizedText(input)
        if let n = Ordinals.read(text), n >= 1 && n <= labels.count { return .one(n - 1, phrase: nil) }
        let words = text.words.map(\.text)
        // "the last one", "last option"
        if !labels.isEmpty, words.filter({ !["the", "one", "option", "choice", "please"].contains($0) }) == ["last"] {
            return .one(labels.count - 1, phrase: nil)
        }
        if let exact = labels.firstIndex(where: { NormalizedText($0).words.map(\.text) == words }) {
            return .one(exact, phrase: nil)
        }
        let set = PhraseSet(labels.indices.map { i in
            (id: i, phrases: ([labels[i]] + (i < phrases.count ? phrases[i] : [])).map { PhrasePattern($0) })
        })
        switch set.rank(in: text) {
        case .none: return .none
        case .unique(let hit): return .one(hit.id, phrase: hit.match.pattern.text, score: hit.match.score)
        case .ambiguous(let hits): return .ambiguous(hits.map(\.id))
        }
    }

    func yesNo(_ input: String) -> Bool? {
        YesNo.read(input)
    }

    /// A number typed as digits: the whole line, or the one number in it ("about 6").
    func number(_ input: String) -> Double? {
        if let n = Double(input.trimmingSpaces), n.isFinite { return n }
        let numbers = NormalizedText(input).words.compactMap { Double($0.text) }.filter(\.isFinite)
        return numbers.count == 1 ? numbers[0] : nil
    }

    /// The symptoms a line reports and denies ("cramps but no vomiting").
    func symptoms(in input: String) -> (reported: [String], denied: [String]) {
        let mentions = symptomSet.mentions(in: NormalizedText(input))
        return (mentions.reported, mentions.denied)
    }

    /// A scale answer: a number in the range, or one of its labels ("a little").
    func scaleAnswer(_ input: String, range: ClosedRange<Int>, labels: [String]) -> Int? {
        if let n = number(input) {
            // Not Int(n): a number beyond Int's range ("99999999999999999999") would trap.
            guard let i = Int(exactly: n), range.contains(i) else { return nil }
            return i
        }
        let set = PhraseSet(labels.enumerated().filter { !$0.element.isEmpty }.map { (id: $0.offset, phrases: [PhrasePattern($0.element)]) })
        guard let hit = set.rank(in: NormalizedText(input), includingNegated: true).unique else { return nil }
        return range.lowerBound + hit.id
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
