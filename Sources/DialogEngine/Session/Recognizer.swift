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
    var bundle: DialogBundle
    /// The bundle's concepts: every phrase is compiled with them.
    let concepts: ConceptTable
    var crisisDetector: CrisisDetector
    /// Each menu's matcher, for the nodes whose choice labels are plain text; nil for a
    /// node whose labels have an expression. Filled at once for a ``CompiledBundle``,
    /// else as the session reaches each menu, so a session starts without compiling them.
    var menus: [NodeID: Menu?] = [:]
    /// Each node's `routes`, compiled: one phrase set per route, nil for a route without
    /// phrases. Compiled as menus are (up front or on first read), so a turn that tries a
    /// route does not normalise its phrases again.
    var routes: [NodeID: [PhraseSet<Int>?]] = [:]
    /// Each scale's labels, compiled the same way, by scale name.
    var scaleLabels: [String: PhraseSet<Int>] = [:]
    /// Topic intents, indexed by their place in `topics` (priority order).
    var topics: [Intent]
    /// The places in `topics` of the intents that tell of someone (`Intent.tells`).
    let tellingPlaces: Set<Int>
    /// The places of the topic intents that `detect: [amount]`.
    let amountPlaces: [Int]
    var topicSet: PhraseSet<Int>
    /// The topic intents' `examples:`, under their place in `topics`: indexed when a line
    /// is first ranked against them (at once for a recognizer sessions share).
    let examples: BuiltOnFirstUse<ExampleIndex<Int>>
    let symptomReader: SymptomReader
    /// The safety net's lists (`SafetyLexicon`), compiled.
    let callsForHelp: PhraseSet<Int>
    /// `DistressCues`, under each kind's raw value.
    let distressCues: PhraseSet<Int>
    let wholeLineCalls: Set<String>
    /// `wholeLineCalls` with every doubled letter single: how a stretched call is compared.
    let wholeLineCallsSingleLetters: Set<String>
    let dangerWords: PhraseSet<Int>
    let strongDangerWords: PhraseSet<Int>
    let figures: PhraseSet<Int>
    /// A training bundle's rubric: its `match`, `unless`, `against` and `words` phrases, by item.
    /// A must-not's phrases are read without typo tolerance: "be clear" must not break
    /// "be clean".
    var rubricSet: PhraseSet<Int>
    var rubricAvoidSet: PhraseSet<Int>
    var rubricUnlessSet: PhraseSet<Int>
    var rubricAgainstSet: PhraseSet<Int>
    var rubricWordsSet: PhraseSet<Int>
    /// The crisis and topic readings of lines already read, when kept (``LineReadings``):
    /// nil, keeping nothing, unless a run over labelled lines asks for them.
    var readings: LineReadings?

    /// With `compilingMenus`, every node's menu is compiled now, for sessions that share
    /// the recognizer; else each is compiled the first time it is read.
    init(bundle: DialogBundle, compilingMenus: Bool = false) {
        self.bundle = bundle
        let concepts = ConceptTable(bundle: bundle)
        self.concepts = concepts
        crisisDetector = CrisisDetector(intents: bundle.intents, concepts: concepts, spanish: bundle.kind == .intake)
        callsForHelp = PhraseSet([(0, SafetyLexicon.callsForHelp + SafetyLexicon.distressStates)])
        distressCues = PhraseSet(DistressCues.phrases.map { ($0.kind.rawValue, $0.phrases) })
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
    static func compile(_ routes: [Route], concepts: ConceptTable) -> [PhraseSet<Int>?] {
        routes.map { $0.match.isEmpty ? nil : PhraseSet([(id: 0, phrases: concepts.patterns($0.match))]) }
    }

    /// A scale's labels, each under its offset from the bottom of the range; unlabelled
    /// points have no phrase.
    static func compile(_ scale: Scale) -> PhraseSet<Int> {
        let labels = scale.range.map { scale.labels[$0] ?? "" }
        // Each label with the built-in words of its meaning ("a bit" for "a little").
        return PhraseSet(
            labels.enumerated().filter { !$0.element.isEmpty }.map { point in
                (id: point.offset, phrases: ([point.element] + LikertWords.synonyms(ofLabel: point.element)).map { PhrasePattern($0) })
            })
    }

    /// The compiled menu of a node, compiled now if it was not yet.
    mutating func menu(of id: NodeID) -> Menu? {
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
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
