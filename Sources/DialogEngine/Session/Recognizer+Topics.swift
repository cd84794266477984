import DialogMatching
import DialogModel

// Topic intents: the phrases, examples and symptoms that pick one, and a clarified choice.
extension Recognizer {
    /// A topic intent a line asks about, with what picked it: a phrase, an example, or
    /// the symptoms it reports.
    struct IntentPick: Sendable {
        var intent: Intent
        /// The phrase that picked it, with its score.
        var phrase: String?
        var score: MatchScore?
        /// The example that picked it, when that scored at least as well as any phrase.
        var example: ExampleIndex<Int>.Hit?
        /// 0…1: the better of the phrase's strength (`strength(of:)`) and the example's score.
        var strength: Double
        /// The intent's place among the topics: ties of strength and priority go to the first.
        var place: Int
    }

    /// What a line asks, among the topic intents.
    enum TopicReading: Sendable {
        case one(IntentPick)
        /// Two intents of one priority, too close to tell apart: "Did you mean … or …?"
        case clarify(IntentPick, IntentPick)
        case none

        var best: IntentPick? {
            switch self {
            case .one(let pick), .clarify(let pick, _): pick
            case .none: nil
            }
        }
    }

    /// The topic that answers questions about a crisis kind (`about:`): the first that
    /// names it.
    func topic(about kind: CrisisKind) -> IntentPick? {
        guard let place = topics.firstIndex(where: { $0.about.contains(kind) }) else { return nil }
        return IntentPick(intent: topics[place], strength: 0, place: place)
    }

    /// How strongly a question must read as a topic to be answered where an answer was
    /// asked for (`Session.asksInsteadOfAnswering`).
    static let clearQuestion = 0.5

    /// How strong a phrase match is, on the scale of example scores: a phrase of three
    /// words or more is as good as an example said word for word; a single word, such as
    /// "dose", is beaten by a close example of another topic ("i get sick if i miss a
    /// dose, does that make me an addict").
    static func strength(of score: MatchScore) -> Double {
        switch score.words {
        case ...1: phraseStrengths[0]
        case 2: phraseStrengths[1]
        default: phraseStrengths[2]
        }
    }

    /// The strengths of a phrase of one word, of two, and of three or more.
    static let phraseStrengths = [0.45, 0.75, 1.0]

    /// Words that open a circumstance: what follows is when or why, not what is asked.
    static let circumstanceWords: Set<String> = [
        "if", "while", "after", "before", "during", "since", "through", "throughout", "once", "until", "till",
        "si", "mientras", "despues", "antes", "durante",
    ]
    /// Verbs after which "if" asks rather than sets a condition: "she asks if it is free".
    static let indirectQuestionVerbs: Set<String> = ["ask", "asks", "asked", "asking", "know", "wonder", "wondering", "sure", "see", "check", "tell"]
    /// Verbs that make "after" mean caring for someone: "look after myself".
    static let caringVerbs: Set<String> = ["look", "looking", "care"]
    /// Words a circumstance may put before its subject: "if i go to rehab", "while he is
    /// detoxing", "after my detox".
    static let circumstanceFillers: Set<String> = [
        "i", "he", "she", "they", "we", "you", "my", "his", "her", "their", "your", "our", "the", "a", "an",
        "is", "am", "are", "was", "were", "be", "been", "being", "de", "la", "el", "mi", "su",
    ]

    /// Whether a phrase's words follow a circumstance word ("can my job see it on my
    /// insurance if i go to rehab", "symptoms that linger after getting off opioids"): the
    /// phrase names when the question applies, not what it asks, so it weighs no more
    /// than a single word and the examples, which read the whole line, decide.
    static func isCircumstance(_ words: Range<Int>, in text: NormalizedText) -> Bool {
        var i = words.lowerBound - 1
        var skipped = 0
        while i >= 0, skipped <= 3 {
            let word = text.words[i].text
            if circumstanceWords.contains(word) {
                // "asks if the helpline is free" asks; "look after him" is to care for.
                guard i > 0 else { return true }
                let before = text.words[i - 1].text
                return !indirectQuestionVerbs.contains(before) && !(word == "after" && caringVerbs.contains(before))
            }
            guard circumstanceFillers.contains(word) else { return false }
            i -= 1
            skipped += 1
        }
        return false
    }

    /// How strong an example hit is: its score, except that the corroboration of its
    /// intent's second-best example never lifts it past a phrase strength its own cosine
    /// does not reach. An author's phrase ("suboxone & drink") still beats an example of
    /// another topic that only a second example brought level with it.
    static func strength(of hit: ExampleIndex<Int>.Hit) -> Double {
        var strength = hit.score
        for level in phraseStrengths where hit.cosine < level && strength >= level {
            strength = level.nextDown
        }
        return strength
    }

    /// The topic intent a line asks about. Each intent's strength is the better of its
    /// phrases (`strength(of:)`) and its best example (`ExampleIndex`); the strongest
    /// wins, and among equally strong ones the one of highest priority (the bundle keeps
    /// intents in priority order). Below the bundle's weak threshold nothing wins; two of
    /// one priority closer than its margin, both read by examples only, ask which was
    /// meant (an author's phrase is a deliberate word: it settles a close call).
    /// Failing all that, an intent with `symptoms: true` takes a line that reports symptoms.
    func topicReading(in text: NormalizedText) -> TopicReading {
        guard let readings else { return reading(topicIn: text) }
        return readings.topics.value(for: text.original) { reading(topicIn: text) }
    }

    private func reading(topicIn text: NormalizedText) -> TopicReading {
        var picks: [Int: IntentPick] = [:]
        func consider(_ pick: IntentPick) {
            if let kept = picks[pick.place], kept.strength >= pick.strength { return }
            picks[pick.place] = pick
        }
        // A question is about its topic even when negated: "why isn't baclofen approved?"
        var ranking = topicSet.rank(in: text, includingNegated: true)
        // An intent that tells of someone is not read in a question asked of nobody in
        // particular, nor in a sentence that opens by asking what one may do: "is it safe to
        // come off benzos and opioids at the same time?", "can i quit drinking and dope at
        // once?" are the topic's questions, not a warning sign told in passing ("does my
        // doctor need to know im on benzos before i detox" still tells).
        // Worked out only for a line an intent that tells may read: not on every turn.
        var asked: [Range<Int>]?
        func askedInGeneral() -> [Range<Int>] {
            if let asked { return asked }
            let found = CrisisDetector.wordsAskedInGeneral(in: text) + Self.questionSentences(in: text)
            asked = found
            return found
        }
        if ranking.hits.contains(where: { hit in
            topics[hit.id].tells && askedInGeneral().contains { $0.contains(hit.match.words.lowerBound) }
        }) {
            ranking = topicSet.rank(in: text, includingNegated: true, among: Set(topics.indices).subtracting(tellingPlaces))
        }
        for hit in ranking.hits {
            var strength = Self.strength(of: hit.match.score)
            // Each side of a conjunction must be a circumstance: in "how many days clean
            // before the vivitrol shot", "vivitrol & days clean" still asks about the shot.
            let sides = hit.match.sideWords.isEmpty ? [hit.match.words] : hit.match.sideWords
            if sides.allSatisfy({ Self.isCircumstance($0, in: text) }) {
                strength = min(strength, Self.phraseStrengths[0])
            }
            consider(
                IntentPick(
                    intent: topics[hit.id], phrase: hit.match.phrase, score: hit.match.score,
                    strength: strength, place: hit.id))
        }
        // A question about an amount of a medicine, however the amount is written: as
        // strong as a phrase of two words, so a longer phrase of another topic still wins.
        if !amountPlaces.isEmpty, let amount = AmountQuestion.asked(in: text) {
            for place in amountPlaces {
                consider(
                    IntentPick(
                        intent: topics[place], phrase: String(text.text(of: amount)),
                        strength: Self.phraseStrengths[1], place: place))
            }
        }
        // "can't stop" before a symptom says the symptom ("i can't stop vomiting"): the
        // examples read the line without it, so no question about stopping takes it.
        let frames = symptomReader.affirmingFrames(in: text)
        let exampleText =
            frames.isEmpty
            ? text : NormalizedText(text.words.indices.filter { !frames.contains($0) }.map { text.words[$0].text }.joined(separator: " "))
        for hit in examples.value.rank(exampleText) where !topics[hit.id].tells || askedInGeneral().isEmpty {
            var pick = picks[hit.id] ?? IntentPick(intent: topics[hit.id], strength: 0, place: hit.id)
            let strength = Self.strength(of: hit)
            guard strength > pick.strength else { continue }
            pick.example = hit
            pick.strength = strength
            picks[hit.id] = pick
        }
        let ranked = picks.values.sorted { a, b in
            (a.strength, a.intent.priority, -a.place) > (b.strength, b.intent.priority, -b.place)
        }
        guard let first = ranked.first, first.strength >= bundle.questionThresholds.weak else {
            guard let intent = topics.first(where: \.readsSymptoms),
                let place = topics.firstIndex(where: \.readsSymptoms),
                !symptomReader.read(text).reported.isEmpty
            else { return .none }
            return .one(IntentPick(intent: intent, strength: 0, place: place))
        }
        if ranked.count > 1 {
            let second = ranked[1]
            if second.intent.priority == first.intent.priority, second.strength >= bundle.questionThresholds.weak,
                first.strength - second.strength < bundle.questionThresholds.margin,
                first.phrase == nil, second.phrase == nil,
                first.intent.label != nil, second.intent.label != nil,
                first.intent.goto.target != second.intent.goto.target
            {
                return .clarify(first, second)
            }
        }
        return .one(first)
    }

    /// Words by which a line leans on the question before it: "how do you use it", "do I
    /// need a prescription for that", "and they're free?".
    static let referringWords: Set<String> = ["it", "its", "that", "this", "them", "those", "these", "they"]

    /// Whether the line has a word that leans on the question before it. The "it" of "is it
    /// normal to still crave", "is it ok for me to" and "it's safe if" stands for what
    /// follows, not for anything said before.
    static func leansOnWhatWasSaid(_ words: [Word]) -> Bool {
        words.indices.contains { i in
            guard referringWords.contains(words[i].text) else { return false }
            guard words[i].text == "it" else { return true }
            var j = i + 1
            if j < words.count, ["is", "was", "be"].contains(words[j].text) { j += 1 }
            return !(j + 1 < words.count && ["to", "that", "if", "when", "for"].contains(words[j + 1].text))
        }
    }

    /// What a line asks, read right after `previous` answered the line before. A question
    /// that leans on that one ("ok how do you use it" after naloxone) or that nothing reads
    /// clearly by itself ("how long tho" after kratom) is read again with the previous topic's
    /// label added, as a person would hear it; the previous topic answers when that reading
    /// picks it more strongly than the line alone picked anything. A line that names its
    /// own topic by an author's phrase, or reads as another topic however it is heard
    /// ("is it normal that i still crave it" after naloxone), keeps its own reading; one
    /// that reads clearly as another topic alone, yet as the previous one heard after it,
    /// asks which was meant.
    func topicReading(in text: NormalizedText, after previous: Intent?) -> TopicReading {
        let plain = topicReading(in: text)
        guard let previous, let subject = previous.label, !text.words.isEmpty else { return plain }
        let best = plain.best
        // A topic named by an author's phrase ("what about kratom") is a new question.
        if let best, best.phrase != nil, best.example == nil, best.intent.id != previous.id { return plain }
        // A question, not a reply: "thanks", "yeah" and "that's a lot" ask nothing more.
        let asks = text.asksSomething
        let leans = Self.leansOnWhatWasSaid(text.words)
        let clear = best.map { $0.strength >= Self.clearQuestion } ?? false
        guard asks, leans || !clear else { return plain }
        let heard = topicReading(in: NormalizedText(text.original + ". " + subject))
        guard let carried = heard.best, carried.intent.id == previous.id, carried.strength > (best?.strength ?? 0) else { return plain }
        // A line that reads clearly as another topic by itself, though it says "it", may
        // be a new question: which was meant is asked.
        if let best, clear, best.intent.id != previous.id, best.intent.label != nil,
            best.intent.goto.target != previous.goto.target
        {
            return .clarify(carried, best)
        }
        return .one(carried)
    }

    /// The words of each sentence that opens by asking what one may do, in the inverted
    /// order ("can i …", "should we …", "is it …"); "is he mixing …?" asks about someone.
    static func questionSentences(in text: NormalizedText) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < text.words.count {
            var end = start
            while end < text.words.count, text.words[end].sentence == text.words[start].sentence { end += 1 }
            if text.asksInverted(at: start), ["i", "you", "we", "it"].contains(text.words[start + 1].text) {
                ranges.append(start..<end)
            }
            start = end
        }
        return ranges
    }

    /// Which of the topic intents a "Did you mean …?" offered (by id, in order) a line
    /// picks: by number or place ("2", "the second one"), by its label or a word only its
    /// label has, or by asking one of their questions again more plainly.
    func clarified(_ text: NormalizedText, among offered: [String]) -> Intent? {
        let intents = offered.compactMap { id in topics.first { $0.id == id } }
        if let n = Ordinals.read(text), n >= 1, n <= intents.count { return intents[n - 1] }
        let set = PhraseSet(intents.indices.map { i in (id: i, phrases: intents[i].label.map { [PhrasePattern($0)] } ?? []) })
        if case .unique(let hit) = set.rank(in: text) { return intents[hit.id] }
        // A word of one label and not the other: "the alcohol one", "kidneys".
        let stems = intents.map { Set(NormalizedText($0.label ?? "").words.map(\.stem)) }
        let said = Set(text.words.map(\.stem))
        let named = stems.indices.filter { i in
            !said.isDisjoint(with: stems[i].subtracting(stems.indices.filter { $0 != i }.flatMap { stems[$0] }))
        }
        if named.count == 1 { return intents[named[0]] }
        if let best = topicReading(in: text).best, offered.contains(best.intent.id) { return best.intent }
        return nil
    }
}
