import DialogMatching
import DialogModel

// Answers to what a node asks: choices and routes, yes or no, numbers, symptoms and
// scale ratings.
extension Recognizer {
    /// `match` phrases compiled with the bundle's concepts.
    func patterns(_ phrases: [Phrase]) -> [PhrasePattern] { concepts.patterns(phrases) }

    /// Whether the line says (not negated) a phrase of route `index` of `node`'s `routes`;
    /// false for a route without phrases.
    mutating func matchesRoute(_ index: Int, of node: NodeID, in text: NormalizedText) -> Bool {
        let sets: [PhraseSet<Int>?]
        if let compiled = routes[node] {
            sets = compiled
        } else {
            sets = bundle.nodes[node].map { Self.compile($0.routes, concepts: concepts) } ?? []
            routes[node] = sets
        }
        guard sets.indices.contains(index), let set = sets[index] else { return false }
        return set.rank(in: text).unique != nil
    }

    /// A choice of `node` by its number, an ordinal, its label, or one of its phrases.
    /// `offered` are the indexes in the node of the choices on offer, in order, with
    /// their labels and phrases; the pick is an index into `offered`.
    mutating func choice(_ text: NormalizedText, node: NodeID, offered: [Int], labels: [String], phrases: [[String]]) -> ChoicePick {
        if let n = Ordinals.read(text), n >= 1 && n <= labels.count { return .one(n - 1, phrase: nil) }
        let words = text.words.map(\.text)
        // "the last one", "last option"
        if !labels.isEmpty, words.filter({ !["the", "one", "option", "choice", "please"].contains($0) }) == ["last"] {
            return .one(labels.count - 1, phrase: nil)
        }
        if let menu = menu(of: node) {
            if let exact = offered.firstIndex(where: { menu.labelWords[$0] == words }) {
                return .one(exact, phrase: nil)
            }
            // Offered indexes rise with the node's, so the order of a tie is kept.
            let ranking = menu.set.rank(in: text, among: Set(offered))
            func place(_ hit: PhraseSet<Int>.Hit) -> Int { offered.firstIndex(of: hit.id) ?? 0 }
            switch ranking {
            case .none: return .none
            case .unique(let hit): return .one(place(hit), phrase: hit.match.phrase, score: hit.match.score)
            case .ambiguous(let hits): return .ambiguous(hits.map(place))
            }
        }
        if let exact = labels.firstIndex(where: { NormalizedText($0).words.map(\.text) == words }) {
            return .one(exact, phrase: nil)
        }
        let set = PhraseSet(
            labels.indices.map { i in
                (id: i, phrases: [PhrasePattern(labels[i])] + concepts.patterns(i < phrases.count ? phrases[i] : []))
            })
        switch set.rank(in: text) {
        case .none: return .none
        case .unique(let hit): return .one(hit.id, phrase: hit.match.phrase, score: hit.match.score)
        case .ambiguous(let hits): return .ambiguous(hits.map { $0.id })  // no key path: see `PhraseSet.rank`
        }
    }

    func yesNo(_ text: NormalizedText) -> Bool? {
        YesNo.read(text)
    }

    /// The choice a yes, no or "none of these" answer picks among choices that mean
    /// those (`Choice.meaning`): "none of them" picks the choice that means none; a plain
    /// "no" picks the one that means no, else the one that means none ("nah im good" at a
    /// none-of-these list); a "none" word at a yes-or-no menu picks no.
    func meaningPick(_ text: NormalizedText, meanings: [ChoiceMeaning?]) -> Int? {
        guard meanings.contains(where: { $0 != nil }) else { return nil }
        var wanted: [ChoiceMeaning] = []
        if NoneOfThese.read(text) { wanted = [.none, .no] }
        switch YesNo.read(text) {
        case true?: if wanted.isEmpty { wanted = [.yes] }
        case false?: if wanted.isEmpty { wanted = [.no, .none] }
        case nil: break
        }
        for meaning in wanted {
            let found = meanings.indices.filter { meanings[$0] == meaning }
            if found.count == 1 { return found[0] }
            if found.count > 1 { return nil }
        }
        return nil
    }

    /// A number answer: the whole line, or the one number in a line whose other words are
    /// fillers ("about 6", "like a 3", "4!!", "three"). A number among other words is not
    /// an answer: "i want 2 die" is not a score of 2.
    func number(_ text: NormalizedText) -> Double? {
        if let n = Double(text.original.trimmingSpaces), n.isFinite { return n }
        var found: Double?
        for word in text.words {
            if let n = Double(word.text) ?? Ordinals.cardinal(word.text).map(Double.init), n.isFinite {
                if let f = found, f != n { return nil }
                found = n
            } else if !Self.numberFillers.contains(word.text) {
                return nil
            }
        }
        return found
    }

    /// Words that may stand beside a number answer.
    static let numberFillers: Set<String> = [
        "about", "bout", "around", "roughly", "like", "a", "an", "maybe", "probably", "prob", "prolly", "i", "would",
        "will", "say", "guess", "think", "it", "is", "be", "its", "honestly", "um", "uh", "hmm", "ok", "okay", "so",
        "the", "number", "level", "rate", "rating", "solid", "just", "definitely", "def", "yeah", "yes", "no", "at",
        "least", "most", "please", "then", "more", "less", "or", "so", "well", "lol",
        // "how about a 3", "what about 2"
        "how", "what",
    ]

    /// The symptoms a line reports and denies ("cramps but no vomiting", "sleeping fine").
    func symptoms(in text: NormalizedText) -> (reported: [String], denied: [String]) {
        symptomReader.read(text)
    }

    /// A scale answer: a number in the range, or one of its labels ("a little").
    mutating func scaleAnswer(_ text: NormalizedText, scale: Scale) -> Int? {
        if let n = number(text) {
            // Not Int(n): a number beyond Int's range ("99999999999999999999") would trap.
            guard let i = Int(exactly: n), scale.range.contains(i) else { return nil }
            return i
        }
        let set: PhraseSet<Int>
        if let compiled = scaleLabels[scale.id] {
            set = compiled
        } else {
            set = Self.compile(scale)
            scaleLabels[scale.id] = set
        }
        guard let hit = set.rank(in: text, includingNegated: true).unique else { return nil }
        // A rating word deep in a long line that a topic reads clearly says how a thing
        // is, not how true the item is: "i just want to use so bad", "months later and i
        // still get random cravings and bad sleep" ask for the topic's answer.
        if text.words.count >= Self.longestRatingLine, hit.match.words.lowerBound >= Self.ratingWordsAtTheStart,
            let topic = topicReading(in: text).best, topic.strength >= Self.clearQuestion
        {
            return nil
        }
        return scale.range.lowerBound + hit.id
    }

    /// A line of this many words or more is read as a rating only when its rating words
    /// come within its first `ratingWordsAtTheStart` words, or no topic reads it clearly.
    static let longestRatingLine = 6
    static let ratingWordsAtTheStart = 3
}
