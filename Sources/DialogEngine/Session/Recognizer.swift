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
    case one(Int, phrase: String?)
    case ambiguous([Int])
    case none
}

/// The session's view of text matching: every question the state machine asks of a
/// line, answered over the bundle's phrases.
struct Recognizer: Sendable {
    private(set) var bundle: DialogBundle

    init(bundle: DialogBundle) {
        self.bundle = bundle
    }

    mutating func reset(bundle: DialogBundle) {
        self.bundle = bundle
    }

    func crisis(in input: String) -> CrisisFinding? {
        let words = SimpleWords.words(input)
        var found: [(Intent, String)] = []
        for intent in bundle.intents where intent.crisis != nil {
            // `unless` cancels only the occurrences of a match phrase it overlaps.
            let cancelled = intent.unless.flatMap { SimpleWords.occurrences(of: SimpleWords.words($0.text), in: words) }
            let live = intent.match.first { phrase in
                SimpleWords.occurrences(of: SimpleWords.words(phrase.text), in: words).contains { hit in
                    !cancelled.contains { $0.overlaps(hit) }
                }
            }
            if let live { found.append((intent, live.text)) }
        }
        guard let first = found.min(by: { ($0.0.crisis?.urgency ?? 0) < ($1.0.crisis?.urgency ?? 0) }),
              let kind = first.0.crisis else { return nil }
        let also = Set(found.compactMap(\.0.crisis)).subtracting([kind]).sorted()
        return CrisisFinding(kind: kind, also: also, level: .takeover, intent: first.0.id, phrase: first.1)
    }

    func topicIntent(in input: String) -> (Intent, String)? {
        for intent in bundle.intents where intent.crisis == nil {
            if let phrase = matches(intent.match, in: input) { return (intent, phrase) }
        }
        return nil
    }

    /// The first phrase that occurs in the input as whole words.
    func matches(_ phrases: [Phrase], in input: String) -> String? {
        let words = SimpleWords.words(input)
        return phrases.first { SimpleWords.contains(words, SimpleWords.words($0.text)) }?.text
    }

    func choice(_ input: String, labels: [String], phrases: [[String]]) -> ChoicePick {
        if let n = number(input), n == n.rounded(), n >= 1, Int(n) <= labels.count { return .one(Int(n) - 1, phrase: nil) }
        let words = SimpleWords.words(input)
        var hits: [(Int, String?)] = []
        for (i, label) in labels.enumerated() {
            if SimpleWords.words(label) == words { return .one(i, phrase: nil) }
            if let p = phrases[i].first(where: { SimpleWords.contains(words, SimpleWords.words($0)) }) { hits.append((i, p)) }
        }
        if hits.count == 1 { return .one(hits[0].0, phrase: hits[0].1) }
        if hits.count > 1 { return .ambiguous(hits.map(\.0)) }
        return .none
    }

    func yesNo(_ input: String) -> Bool? {
        switch SimpleWords.words(input).first {
        case "yes", "y", "yeah", "yep": true
        case "no", "n", "nope": false
        default: nil
        }
    }

    func number(_ input: String) -> Double? {
        Double(input.trimmingSpaces)
    }

    func symptoms(in input: String) -> (reported: [String], denied: [String]) {
        let words = SimpleWords.words(input)
        let reported = bundle.symptoms.filter { s in
            ([s.label] + s.synonyms.map(\.text)).contains { SimpleWords.contains(words, SimpleWords.words($0)) }
        }
        return (reported.map(\.id), [])
    }

    func scaleAnswer(_ input: String, range: ClosedRange<Int>, labels: [String]) -> Int? {
        if let n = number(input), n == n.rounded(), range.contains(Int(n)) { return Int(n) }
        return nil
    }
}

private enum SimpleWords {
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static func occurrences(of needle: [String], in haystack: [String]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { Array(haystack[$0..<($0 + needle.count)]) == needle }
            .map { $0..<($0 + needle.count) }
    }

    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle { return true }
        return false
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
