import DialogMatching
import DialogModel

/// What a crisis line carried: the most urgent kind, the others, the level, and what
/// matched.
struct CrisisFinding: Sendable, Equatable {
    var kind: CrisisKind
    var also: [CrisisKind]
    var level: CrisisLevel
    var intent: String
    var phrase: String
    /// Whether the line asks about the crisis rather than tells of one ("what does too
    /// much baclofen do?"): a topic `about:` its kind answers it.
    var asked = false
    /// Whether it only asks, in general, naming nobody ("what are the signs of an
    /// overdose?", "what happens if you take too much baclofen"): every occurrence is a
    /// question or its intent's `unless`, and no person is named, so nobody is said to be
    /// in danger now. Its answer may give the emergency line instead of a safety note.
    var general = false
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
/// are built once per bundle, each node's menu included, so a turn costs a few look-ups
/// per word of the line. Sessions of one bundle share one (see ``CompiledBundle``).
struct Recognizer: Sendable {
    private(set) var bundle: DialogBundle
    /// The bundle's concepts: every phrase is compiled with them.
    private let concepts: ConceptTable
    private var crisisDetector: CrisisDetector
    /// Each menu's matcher, for the nodes whose choice labels are plain text; nil for a
    /// node whose labels have an expression. Filled at once for a ``CompiledBundle``,
    /// else as the session reaches each menu, so a session starts without compiling them.
    private var menus: [NodeID: Menu?] = [:]
    /// Each node's `routes`, compiled: one phrase set per route, nil for a route without
    /// phrases. Compiled as menus are (up front or on first read), so a turn that tries a
    /// route does not normalise its phrases again.
    private var routes: [NodeID: [PhraseSet<Int>?]] = [:]
    /// Each scale's labels, compiled the same way, by scale name.
    private var scaleLabels: [String: PhraseSet<Int>] = [:]
    /// Topic intents, indexed by their place in `topics` (priority order).
    private var topics: [Intent]
    /// The places in `topics` of the intents that tell of someone (`Intent.tells`).
    private let tellingPlaces: Set<Int>
    /// The places of the topic intents that `detect: [amount]`.
    private let amountPlaces: [Int]
    private var topicSet: PhraseSet<Int>
    /// The topic intents' `examples:`, under their place in `topics`: indexed when a line
    /// is first ranked against them (at once for a recognizer sessions share).
    private let examples: BuiltOnFirstUse<ExampleIndex<Int>>
    private let symptomReader: SymptomReader
    /// The safety net's lists (`SafetyLexicon`), compiled.
    private let callsForHelp: PhraseSet<Int>
    private let wholeLineCalls: Set<String>
    /// `wholeLineCalls` with every doubled letter single: how a stretched call is compared.
    private let wholeLineCallsSingleLetters: Set<String>
    private let dangerWords: PhraseSet<Int>
    private let strongDangerWords: PhraseSet<Int>
    private let figures: PhraseSet<Int>
    /// A training bundle's rubric: its `match`, `unless`, `against` and `words` phrases, by item.
    /// A must-not's phrases are read without typo tolerance: "be clear" must not break
    /// "be clean".
    private var rubricSet: PhraseSet<Int>
    private var rubricAvoidSet: PhraseSet<Int>
    private var rubricUnlessSet: PhraseSet<Int>
    private var rubricAgainstSet: PhraseSet<Int>
    private var rubricWordsSet: PhraseSet<Int>

    /// With `compilingMenus`, every node's menu is compiled now, for sessions that share
    /// the recognizer; else each is compiled the first time it is read.
    init(bundle: DialogBundle, compilingMenus: Bool = false) {
        self.bundle = bundle
        let concepts = ConceptTable(bundle: bundle)
        self.concepts = concepts
        crisisDetector = CrisisDetector(intents: bundle.intents, concepts: concepts, spanish: bundle.kind == .intake)
        callsForHelp = PhraseSet([(0, SafetyLexicon.callsForHelp)])
        wholeLineCalls = Set(SafetyLexicon.wholeLineCalls.map { TextNormalizer.words($0).joined(separator: " ") })
        wholeLineCallsSingleLetters = Set(wholeLineCalls.map(Self.singleLetters))
        dangerWords = PhraseSet([(0, SafetyLexicon.dangerWords)], minimumQuality: .stemmed)
        strongDangerWords = PhraseSet([(0, SafetyLexicon.strongDangerWords)])
        figures = PhraseSet([(0, CrisisLexicon.figures)], minimumQuality: .exact)
        let topics = bundle.intents.filter { $0.crisis == nil }
        self.topics = topics
        tellingPlaces = Set(topics.indices.filter { topics[$0].tells })
        amountPlaces = topics.indices.filter { topics[$0].detect.contains(.amount) }
        topicSet = PhraseSet(topics.enumerated().map { (id: $0.offset, phrases: concepts.patterns($0.element.match)) })
        // An intent's one-word phrases count as examples too, so that its words are
        // weighed against the examples of the others ("detox" in "i want to go to detox").
        let questions = topics.enumerated().map { (id: $0.offset, examples: Self.questions(of: $0.element)) }
        let conceptWords = Dictionary(bundle.concepts.map { ($0.name, $0.phrases.map(\.text)) }, uniquingKeysWith: +)
        examples = BuiltOnFirstUse { ExampleIndex(questions, concepts: conceptWords) }
        symptomReader = SymptomReader(symptoms: bundle.symptoms, concepts: concepts)
        let rubric = bundle.rubric.enumerated()
        rubricSet = PhraseSet(rubric.filter { !$0.element.avoid }.map { (id: $0.offset, phrases: concepts.patterns($0.element.match)) })
        rubricAvoidSet = PhraseSet(
            rubric.filter { $0.element.avoid }.map { (id: $0.offset, phrases: concepts.patterns($0.element.match)) },
            minimumQuality: .stemmed)
        rubricUnlessSet = PhraseSet(rubric.map { (id: $0.offset, phrases: concepts.patterns($0.element.unless)) })
        rubricAgainstSet = PhraseSet(rubric.map { (id: $0.offset, phrases: concepts.patterns($0.element.against)) })
        rubricWordsSet = PhraseSet(
            rubric.filter { $0.element.avoid }.map { (id: $0.offset, phrases: concepts.patterns($0.element.words)) },
            minimumQuality: .stemmed)
        if compilingMenus {
            for (id, node) in bundle.nodes {
                if !node.choices.isEmpty { menus[id] = Menu(node.choices, concepts: concepts) }
                if !node.routes.isEmpty { routes[id] = Self.compile(node.routes, concepts: concepts) }
            }
            for (name, scale) in bundle.scales { scaleLabels[name] = Self.compile(scale) }
            _ = examples.value
        }
    }

    /// What the example index reads an intent by: its examples, and its one-word phrases
    /// ("detox", "methadone"), when it has examples. A longer phrase is read word for word
    /// by the phrase set; as an example, a short one would be too easily like a line.
    static func questions(of intent: Intent) -> [String] {
        guard !intent.examples.isEmpty else { return [] }
        return intent.examples.map(\.text)
            + intent.match.map(\.text).filter {
                !ConceptTable.isPattern($0) && TextNormalizer.words($0).count == 1
            }
    }

    /// One phrase set per route, under id 0: a route matches when its set ranks a hit.
    private static func compile(_ routes: [Route], concepts: ConceptTable) -> [PhraseSet<Int>?] {
        routes.map { $0.match.isEmpty ? nil : PhraseSet([(id: 0, phrases: concepts.patterns($0.match))]) }
    }

    /// A scale's labels, each under its offset from the bottom of the range; unlabelled
    /// points have no phrase.
    private static func compile(_ scale: Scale) -> PhraseSet<Int> {
        let labels = scale.range.map { scale.labels[$0] ?? "" }
        // Each label with the built-in words of its meaning ("a bit" for "a little").
        return PhraseSet(
            labels.enumerated().filter { !$0.element.isEmpty }.map { point in
                (id: point.offset, phrases: ([point.element] + LikertWords.synonyms(ofLabel: point.element)).map { PhrasePattern($0) })
            })
    }

    /// The compiled menu of a node, compiled now if it was not yet.
    private mutating func menu(of id: NodeID) -> Menu? {
        if let menu = menus[id] { return menu }
        let menu = bundle.nodes[id].flatMap { Menu($0.choices, concepts: concepts) }
        menus[id] = menu
        return menu
    }

    /// A node's choices, compiled: each label's words, and one phrase set of every
    /// choice's label and phrases under the choice's index in the node. A turn ranks it
    /// among the choices on offer, which gives what a set of only those would give: the
    /// set keeps and ranks the occurrences of each choice apart from the others'.
    struct Menu: Sendable {
        var labelWords: [[String]]
        var set: PhraseSet<Int>

        /// Nil when a label has an expression: its text is known only at run time.
        init?(_ choices: [Choice], concepts: ConceptTable) {
            var labels: [String] = []
            for choice in choices {
                guard let label = choice.label.interpolation.literalText else { return nil }
                labels.append(label)
            }
            labelWords = labels.map { TextNormalizer.scan($0).words.map(\.text) }
            set = PhraseSet(
                choices.indices.map { i in
                    (id: i, phrases: [PhrasePattern(labels[i])] + concepts.patterns(choices[i].match))
                })
        }
    }
    /// What a trainee's line does to the rubric: each item it meets or breaks, by its
    /// index in the rubric, with the phrase that did it (the first for each item).
    ///
    /// Every occurrence is read as a statement (`AdviceReading`). A move is met by a
    /// `match` phrase said as advice, or an `against` phrase negated or dismissed ("don't
    /// do it alone"); a `match` phrase negated or dismissed ("he doesn't need 911")
    /// breaks a critical move and does nothing for another; one in an "if" clause does
    /// nothing. An `against` phrase said as advice breaks a critical move ("you can cancel
    /// the ambulance"). A must-not is broken by a phrase said as advice (not negated, taken
    /// back, quoted, told back, supposed in an "if" clause, or a label refused), by one of
    /// its `words` however said unless quoted or refused, and by whatever its `detect`
    /// readers find, negated or not. An `unless` phrase of the item's own that overlaps an
    /// occurrence cancels it. Breaking wins over meeting in one line.
    func rubricEffects(of text: NormalizedText) -> [RubricEffect] {
        guard !bundle.rubric.isEmpty else { return [] }
        var cancelled: [Int: [Range<Int>]] = [:]
        for hit in rubricUnlessSet.hits(in: text) { cancelled[hit.id, default: []].append(hit.match.words) }
        var effects: [Int: RubricEffect] = [:]
        func record(_ index: Int, _ phrase: String, breaks: Bool) {
            if let known = effects[index], known.breaks || !breaks { return }
            effects[index] = RubricEffect(index: index, phrase: phrase, breaks: breaks)
        }
        for hit in rubricAvoidSet.hits(in: text) {
            if cancelled[hit.id]?.contains(where: { $0.overlaps(hit.match.words) }) == true { continue }
            // Said as advice, not refused ("don't drink to sleep") nor taken back ("a beer
            // to sleep is not a good idea"), nor only supposed ("if you drink to sleep…").
            if AdviceReading.isHypothetical(hit.match.words.lowerBound..<hit.match.lastWord + 1, in: text)
                || AdviceReading.refusesLabel(hit.match.words, in: text)
            {
                continue
            }
            let reading = AdviceReading.of(hit.match.words, in: text)
            // (A rhetorical "why not …?" suggests: AdviceReading reads it as advice.)
            let negated = hit.match.isNegated && !(hit.match.negatedBy.map { $0 > 0 && text.words[$0 - 1].text == "why" } ?? false)
            if !negated, reading == .affirmed {
                record(hit.id, hit.match.phrase, breaks: true)
            }
        }
        // Words never to use count negated too; quoted or reported they are only mentioned.
        for hit in rubricWordsSet.hits(in: text)
        where !AdviceReading.isMentioned(hit.match.words, in: text) && !AdviceReading.refusesLabel(hit.match.words, in: text) {
            record(hit.id, hit.match.phrase, breaks: true)
        }
        for hit in rubricSet.hits(in: text) {
            if cancelled[hit.id]?.contains(where: { $0.overlaps(hit.match.words) }) == true { continue }
            let item = bundle.rubric[hit.id]
            var reading = AdviceReading.of(hit.match.words, in: text)
            // A negation in a phrase's gap negates it: "tolerance won't have dropped".
            if reading == .affirmed, let cue = hit.match.negatedBy, hit.match.words.contains(cue) { reading = .negated }
            switch reading {
            case .affirmed: record(hit.id, hit.match.phrase, breaks: false)
            case .negated, .dismissed: if item.critical { record(hit.id, hit.match.phrase, breaks: true) }
            case .conditional: break
            }
        }
        for hit in rubricAgainstSet.hits(in: text) where !bundle.rubric[hit.id].avoid {
            if cancelled[hit.id]?.contains(where: { $0.overlaps(hit.match.words) }) == true { continue }
            switch AdviceReading.of(hit.match.words, in: text, urging: false) {
            case .negated, .dismissed: record(hit.id, hit.match.phrase, breaks: false)
            // What a critical move warns against, said as advice ("you can cancel the
            // ambulance"), contradicts it.
            case .affirmed: if bundle.rubric[hit.id].critical { record(hit.id, hit.match.phrase, breaks: true) }
            case .conditional: break
            }
        }
        // An amount quoted or told back ("I can't say 'take two'"), supposed, or taken back
        // ("half a tablet isn't something I can okay") is not given.
        if bundle.rubric.contains(where: { $0.avoid && $0.detect.contains(.amount) }),
            let words = AmountReading.firstAmount(in: text), !AdviceReading.isMentioned(words, in: text),
            !AdviceReading.isHypothetical(words, in: text, includingWhen: true), AdviceReading.of(words, in: text) != .dismissed
        {
            for (index, item) in bundle.rubric.enumerated() where item.avoid && item.detect.contains(.amount) {
                record(index, String(text.text(of: words)), breaks: true)
            }
        }
        return effects.keys.sorted().compactMap { effects[$0] }
    }

    /// Whether the line, read with the lines before it, may say a crisis that neither says
    /// alone (`CrisisDetector.mayCompleteAcrossLines(_:)`).
    func mayCompleteCrisis(_ text: NormalizedText) -> Bool {
        crisisDetector.mayCompleteAcrossLines(text)
    }

    func crisis(in text: NormalizedText) -> CrisisFinding? {
        guard let report = crisisDetector.detect(in: text) else { return nil }
        let asked =
            report.level != .takeover
            && report.occurrences.contains {
                if case .question? = $0.qualifier { $0.kind == report.kind } else { false }
            }
        let general =
            report.occurrences.allSatisfy { occurrence in
                switch occurrence.qualifier {
                case .question?, .unless?, .figurative?: true
                case .negated?, .past?, nil: false
                }
            } && !report.occurrences.contains { Self.namesSomeone(in: text, around: $0.match.words) }
        return CrisisFinding(
            kind: report.kind, also: report.also,
            level: report.level == .takeover ? .takeover : .resources,
            intent: report.intent, phrase: report.phrase, asked: asked, general: general)
    }

    /// Whether the clauses of `words` name someone it may be happening to: the writer, a
    /// pronoun for another person, or a relation ("my son", "he", "mi hijo"). "You",
    /// "someone" and "a person" ask in general, and so does a clause of its own that only
    /// asks ("how do I know | if someone is overdosing").
    static func namesSomeone(in text: NormalizedText, around words: Range<Int>) -> Bool {
        guard !words.isEmpty else { return false }
        let first = text.scopes.clauses[words.lowerBound], last = text.scopes.clauses[words.upperBound - 1]
        return (first...last).contains { clause in
            text.scopes.clauseWords[clause].contains { namedPeople.contains(text.words[$0].text) }
        }
    }

    private static let namedPeople: Set<String> = {
        let generic: Set<String> = ["person", "caller", "patient", "client", "loved one"]
        return Set(ConceptTable.builtIn["person"] ?? []).subtracting(generic)
            .union(Lexicon.othersPronouns).union(Lexicon.spanishRelations).union([
                "i", "me", "my", "mine", "myself",
                // Spanish ("él" folds to "el", the article, and is left out).
                "yo", "mi", "mis", "ella",
            ])
    }()

    private static let callFillers: Set<String> = ["please", "pls", "now", "someone", "somebody", "oh", "god", "omg", "me", "right", "asap"]

    /// Whether the line calls for help without a clear kind: "help" or "emergency" as the
    /// whole line, "I'm in crisis", "call 911", "ayuda" anywhere (not negated).
    func callsForHelp(in text: NormalizedText) -> Bool {
        // A whole-line call is short: longer lines are only searched for the phrases.
        if text.words.count <= 8 {
            let whole = text.words.map(\.text).joined(separator: " ")
            let coreWords = text.words.map(\.text).filter { !Self.callFillers.contains($0) }
            let core = coreWords.joined(separator: " ")
            if wholeLineCalls.contains(whole) || (!core.isEmpty && wholeLineCalls.contains(core)) { return true }
            // "heeeelp" is shaped to "heelp" (a stretched letter inside a word stays doubled).
            if !core.isEmpty && wholeLineCallsSingleLetters.contains(Self.singleLetters(core)) { return true }
            // "help help help", "HELP!!! HELP": a call however often it is repeated.
            if !coreWords.isEmpty && coreWords.allSatisfy({ $0 == "help" || $0 == "ayuda" || $0 == "sos" }) { return true }
        }
        return callsForHelp.hits(in: text).contains { !$0.match.isNegated }
    }

    /// The text with each run of one letter written once ("heelp" → "help"); digits stay
    /// as they are ("999" is not "9").
    static func singleLetters(_ text: String) -> String {
        var out = ""
        var last: Character?
        for c in text where !(c == last && c.isLetter) {
            out.append(c)
            last = c
        }
        return out
    }

    /// Whether the line carries a danger word outside a figure of speech ("die", "pills",
    /// "breathing"): worth the numbers when nothing else understood it. With `strong`,
    /// only the words that show the numbers on any line (`SafetyLexicon.strongDangerWords`).
    /// With `distinct`, at least that many different danger words. In a question of five
    /// words or more read by its examples (`inQuestion`), one of the words ordinary
    /// questions say is not enough alone; a shorter line ("pills") says too little else.
    func carriesDanger(in text: NormalizedText, strong: Bool = false, distinct: Int = 1, inQuestion: Bool = false) -> Bool {
        var hits = (strong ? strongDangerWords : dangerWords).hits(in: text)
        if inQuestion && !strong && text.words.count >= 5
            && hits.allSatisfy({ SafetyLexicon.ordinaryInQuestions.contains($0.match.phrase) })
        {
            hits = []
        }
        guard hits.count >= distinct else { return false }
        var figurative = Set<Int>()
        for f in figures.hits(in: text) { figurative.formUnion(f.match.words) }
        var words = Set<String>()
        for hit in hits where !hit.match.words.allSatisfy(figurative.contains) {
            words.insert(hit.match.phrase)
            if words.count >= distinct { return true }
        }
        return false
    }

    /// A topic intent a line asks about, with what picked it: a phrase, an example, or
    /// the symptoms it reports.
    struct IntentPick {
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
    enum TopicReading {
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
            consider(
                IntentPick(
                    intent: topics[hit.id], phrase: hit.match.phrase, score: hit.match.score,
                    strength: Self.strength(of: hit.match.score), place: hit.id))
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
        for hit in examples.value.rank(text) where !topics[hit.id].tells || askedInGeneral().isEmpty {
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
    private static let numberFillers: Set<String> = [
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

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
