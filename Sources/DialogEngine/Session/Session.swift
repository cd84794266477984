import DialogMatching
import DialogModel
import DialogSyntax

/// A conversation over a dialog bundle: a pure state machine.
///
/// Give it lines with ``respond(to:)`` and render the ``Turn`` it returns. It prints
/// nothing, reads no terminal, and takes its randomness (for `one-of` texts) from a seed,
/// so the same lines give the same turns.
///
/// On every line the order of matching is fixed (README, "Crisis handling"): crisis
/// intents; then a command, only as the whole line; then the current node's choices,
/// answer and routes; then the other intents; then a re-ask.
public struct Session: Sendable {
    /// The commands that work everywhere, as the whole line, with or without `:`.
    public enum Command: String, Sendable, Equatable, CaseIterable {
        case back, `repeat`, restart, help, summary, quit
        /// Reads the dialogs again: the front end does it (``Request/reload``).
        case reload
    }

    /// What a turn asks the front end to do (a `request` step of its trace).
    public enum Request: String, Sendable, Equatable, CaseIterable {
        /// Read the dialogs again and call ``reload(_:amending:)``.
        case reload
    }

    /// The commands' names, for completion.
    public static let commands = Command.allCases.map(\.rawValue)

    public internal(set) var bundle: DialogBundle
    public private(set) var region: Region
    /// The node the session is at.
    public internal(set) var current: NodeID
    public internal(set) var variables: [String: Value] = [:]
    public internal(set) var reported: [String] = []
    public internal(set) var denied: [String] = []
    public internal(set) var scores: [String: Int] = [:]
    /// Items answered so far, by scale name.
    var answered: [String: Int] = [:]
    /// The points of each item answered so far, in order, by scale name, for `back` to
    /// take the last one off; missing for a scale resumed from a state that did not keep
    /// them.
    var scalePoints: [String: [Int]] = [:]
    /// Whether the opening turn has been given: the only turn numbered 0. The session
    /// keeps no history of turns, so a long session costs no more memory than a short one.
    var hasOpened = false
    public var isEnded: Bool { waiting == .ended }
    /// The place (from 0) of the scale item the session waits for, if it waits for one.
    public var scaleItem: Int? {
        if case .scaleItem(let i) = waiting { i } else { nil }
    }

    /// What the session waits for at `current`.
    enum Waiting: Equatable, Sendable {
        case choice
        case answer
        case scaleItem(Int)
        case ended
    }

    var waiting: Waiting = .choice
    var startNode: NodeID
    var history: [NodeID] = []
    /// Choices offered when a line matched several equally well: their indexes.
    var pendingAmbiguity: [Int]?
    /// The order a node's choices are offered in, when it shuffles them (`shuffle:
    /// true`): drawn from the seed when the node is first entered, and kept (`back`).
    var choiceOrders: [String: [Int]] = [:]
    /// The first texts the seed chose among `one-of` variants: a role-play's persona is
    /// the first (training reports name it).
    public internal(set) var variantsChosen: [String] = []
    static let variantsKept = 4
    /// The knowledge-check questions answered so far: node id → whether the answer was right.
    var answers: [String: Bool] = [:]
    /// The topic intents a "Did you mean … or …?" offered, by id, until the next line.
    var pendingClarify: [String]?
    /// Whether "Do you want to end our conversation?" is open, until the next line.
    var pendingLeave = false
    /// The follow-ups offered after a typed question's answer, until the next line.
    var pendingFollowUps: SessionState.FollowUps?
    /// The topic intent that answered the last line, for the next line to lean on ("how
    /// do you use it"); nil after any other turn.
    var lastTopic: String?
    var random: SplitMix64
    var topics: [String] = []
    var redFlags: [String] = []
    var crises: [CrisisKind] = []
    var resourcesShown: [Resource] = []
    var turnNumber = 0
    /// Lines in a row that nothing understood: the second shows the numbers.
    var misunderstoodInARow = 0
    /// The last lines typed since a crisis took over (at most `crisisWindow`), read with
    /// the next line for a crisis told over several messages. Not saved with the session
    /// state: a resumed session starts without them.
    var recentLines: [String] = []
    /// How many different danger words show the numbers on any line, whatever else it is
    /// read as: one may be a question ("what pills help?"); several are seldom anything
    /// but trouble ("he's not breathing right and his lips look grey").
    static let dangerWordsForNumbers = 2
    /// How many words a call for help that asks nothing may have and still be no topic's
    /// question by its likeness to an example: "im really not ok" is a call; "i'm scared
    /// my son is using fentanyl again" tells what it is about.
    static let shortCallForHelp = 6
    /// How many earlier lines are read with a line for a crisis told over several messages.
    static let crisisWindow = 2
    var recognizer: Recognizer
    /// What the trainee's lines did to the rubric so far, by item id.
    var rubricMarks: [String: RubricMark] = [:]

    /// The longest line read; the rest of a longer one is ignored.
    public static let maxInputLength = 4096
    /// How much of a line crisis intents read: more than the rest of the turn, so that a
    /// crisis told at the end of a long message is still seen.
    public static let maxCrisisInputLength = 4 * maxInputLength
    /// The most nodes entered on one turn without input: a loop of nodes that never
    /// wait (IC039, which `intake check` reports) is stopped there.
    static let maxHops = DialogLimits.turnHops
    /// The most nodes `back` can return through: the oldest are forgotten, so a long
    /// session does not grow.
    static let maxHistory = 1000
    /// The most crisis kinds a summary lists (one per crisis line, in order).
    static let maxCrises = 1000

    /// A session of `bundle` for a region (its code or an alias), from `start` or the
    /// bundle's start node, with `seed` for the random choice of `one-of` texts.
    ///
    /// It compiles the bundle's intents and catalogues first, and each menu when it first
    /// reads one; to start several sessions of one bundle, compile it once and use
    /// ``init(_:region:start:seed:)``.
    public init(bundle: DialogBundle, region: String = "US", start: NodeID? = nil, seed: UInt64 = 0) throws(SessionError) {
        try self.init(CompiledBundle(recognizer: Recognizer(bundle: bundle)), region: region, start: start, seed: seed)
    }

    /// A session of a compiled bundle, which it shares with the other sessions of it.
    public init(_ compiled: CompiledBundle, region: String = "US", start: NodeID? = nil, seed: UInt64 = 0) throws(SessionError) {
        let bundle = compiled.bundle
        // A bundle without regions (a training module) runs in any region.
        guard let r = bundle.region(named: region) ?? (bundle.regions.isEmpty ? Region.unlisted(region) : nil) else {
            throw .unknownRegion(region, known: bundle.regions.map(\.code))
        }
        let first = start ?? bundle.start
        guard bundle.nodes[first] != nil else {
            throw .unknownNode(first.description, suggestion: Suggestion.closest(to: first.description, among: bundle.nodeOrder.map(\.description)))
        }
        self.bundle = bundle
        self.region = r
        self.current = first
        self.startNode = first
        self.random = SplitMix64(seed: seed)
        self.recognizer = compiled.recognizer
        variables["region"] = .string(r.code)
    }

    // MARK: - Turns

    /// The opening turn, before any input: the start node's texts and question.
    public mutating func open() -> Turn {
        var turn = newTurn(input: nil)
        enter(current, into: &turn)
        return finish(turn)
    }

    /// Answers one line.
    public mutating func respond(to line: String) -> Turn {
        var turn = newTurn(input: line)
        if waiting == .ended {
            turn.say = ["This session has ended."]
            return finish(turn, presentAgain: false)
        }
        // A clarifying question, and the question whether to leave, are open for one line only.
        let clarifying = pendingClarify
        pendingClarify = nil
        let confirmingLeave = pendingLeave
        pendingLeave = false
        let following = pendingFollowUps
        pendingFollowUps = nil
        let previousTopic = lastTopic.flatMap { id in recognizer.topics.first { $0.id == id } }
        lastTopic = nil
        let input = Session.clean(line)
        // Normalised once: every matcher below reads the same words.
        let text = NormalizedText(input)

        // 1. Crisis intents, before anything else, from every node, over more of a long
        // line than the rest of the turn reads.
        let crisisText =
            input.unicodeScalars.count < Session.maxInputLength
            ? text : NormalizedText(Session.clean(line, limit: Session.maxCrisisInputLength))
        var crisisFinding = bundle.kind == .intake ? recognizer.crisis(in: crisisText) : nil
        // Whether the line itself called for help or carried danger ("i'm not okay"), so
        // that a reply to it is heard rather than met with "Sorry" (5).
        var calledForHelp = false
        var distressHeard = false
        // A crisis told over several messages ("my son has a baclofen pump" / "it's
        // alarming and he's burning up"): the last lines and this one, read together, take
        // over when neither the lines before nor this one alone did.
        if bundle.kind == .intake, crisisFinding?.level != .takeover, !recentLines.isEmpty, recognizer.mayCompleteCrisis(crisisText) {
            let together = NormalizedText((recentLines + [input]).joined(separator: ". "))
            if let finding = recognizer.crisis(in: together), finding.level == .takeover { crisisFinding = finding }
        }
        if crisisFinding?.level == .takeover {
            recentLines = []
        } else if !text.words.isEmpty {
            recentLines = Array((recentLines + [input]).suffix(Session.crisisWindow))
        }
        // A general question about a crisis, naming nobody ("what are the signs of an
        // overdose?"), is answered now by the topic about its kind when that answer gives
        // the emergency line itself: it is information, not an alarm, and the numbers are
        // in the answer. Elsewhere a question about a crisis gets a safety note (below).
        // One whose own words name another topic outright ("is there a support group for
        // people who lost someone to an overdose") is that topic's question.
        if let finding = crisisFinding, finding.general, let about = recognizer.topic(about: finding.kind),
            showsEmergencyNumbers(about.intent)
        {
            let reading = recognizer.topicReading(in: text)
            if Self.namesAnotherTopic(reading, than: about), let other = reading.best {
                return answer(other, text: text, turn: &turn)
            }
            return answer(about, text: text, turn: &turn)
        }
        if let finding = crisisFinding {
            turn.crisis = Turn.Crisis(kind: finding.kind, also: finding.also, level: finding.level)
            if crises.count < Session.maxCrises { crises.append(finding.kind) }
            turn.trace.append(.intent(finding.intent))
            if finding.level == .takeover {
                turn.flags.append(.crisis)
                turn.matched = Turn.Match(by: .intent, id: finding.intent, phrase: finding.phrase)
                pendingAmbiguity = nil
                // A built-in rule (the Spanish phrases) goes where the bundle's intent of its kind goes.
                let intent = bundle.intents.first { $0.id == finding.intent } ?? bundle.intents.first { $0.crisis == finding.kind }
                if let target = intent?.goto.target {
                    enter(target, into: &turn)
                }
                // A program (a phone system, a web page) gets the numbers to dial as data.
                for r in emergencyContacts() { list(r, in: &turn) }
                // The numbers of every other kind the line carried, after the script.
                for kind in finding.also {
                    if let other = bundle.intents.first(where: { $0.crisis == kind }), let node = bundle.nodes[other.goto.target] {
                        turn.trace.append(.intent(other.id))
                        turn.say += texts(of: node)
                    }
                }
                return finish(turn)
            }
            turn.flags.append(.safetyNote)
            turn.say += safetyNote(into: &turn)
        } else if bundle.kind == .intake {
            calledForHelp = recognizer.callsForHelp(in: text)
            if calledForHelp || recognizer.carriesDanger(in: crisisText, strong: true)
                || recognizer.carriesDanger(in: crisisText, distinct: Session.dangerWordsForNumbers)
            {
                // "help", "emergency", "I'm in crisis", or a danger word the crisis intents did
                // not place ("dead", "gun", "unresponsive"): the numbers at once, then the line
                // is read as usual (a whole-line `help` still runs the command).
                showNumbersForDistress(in: &turn)
                distressHeard = true
            }
        }

        // 2. Commands, only as the whole line; `back` with follow-ups offered is their way
        // back (3b).
        if let command = Session.command(in: input), !(following != nil && command == .back) {
            turn.matched = Turn.Match(by: .command, id: command.rawValue, phrase: nil)
            turn.trace.append(.command(command))
            return runCommand(command, turn: &turn)
        }

        // 2a. The answer to "Do you want to end our conversation?": yes ends it, no goes
        // on where the person was; any other line is read as usual.
        if confirmingLeave, let leave = recognizer.yesNo(text) ?? recognizer.number(text).flatMap({ $0 == 1 ? true : $0 == 2 ? false : nil }) {
            turn.matched = Turn.Match(by: .choice, id: leave ? "yes" : "no", phrase: nil)
            if leave {
                turn.trace.append(.command(.quit))
                return runCommand(.quit, turn: &turn)
            }
            turn.say.append("OK, let's go on.")
            return finish(turn)
        }
        // A line that only says the person wants to leave ("I want to quit", "I'm done"):
        // asked before the session ends. At a free-text question it is read before the
        // answer; elsewhere after the node's own choices, so that "stop using" still picks
        // a choice about stopping.
        // Read only where it can matter, not on every line.
        let mayLeave = bundle.kind == .intake
        if mayLeave, bundle.nodes[current]?.expect == .text, waiting == .answer, LeavingWords.isLeaving(input) {
            return askWhetherToLeave(&turn)
        }

        // 3a. The answer to "Did you mean … or …?": one of the two is answered; any
        // other line is read as usual.
        if let offered = clarifying, let intent = recognizer.clarified(text, among: offered) {
            return answer(Recognizer.IntentPick(intent: intent, strength: 1, place: 0), text: text, turn: &turn)
        }
        // 3b. A follow-up offered after an answer, or the way back; any other line is
        // read as usual where the person was.
        if let following, answerFollowUp(text, offer: following, turn: &turn) { return finish(turn) }

        // A trainee's line is read against the rubric before the node, so that the
        // caller's next line can react to it (`if: rubric.offers_helpline`).
        markRubric(in: text)

        // 3. The current node.
        if handleAtNode(text, turn: &turn) { return finish(turn) }
        if mayLeave, LeavingWords.isLeaving(input) { return askWhetherToLeave(&turn) }

        // 4. Topic intents: a clear question is answered; two close readings ask which. A
        // question about a crisis ("what does too much baclofen do?") is answered by the
        // topic `about:` its kind, unless its own words name a topic outright.
        // "idk", "not sure": no question about any topic, however its words compare.
        var reading = YesNo.isUnsure(text) ? .none : recognizer.topicReading(in: text, after: previousTopic)
        // In a crisis script, what a person tells ("no i wouldn't do anything, i just feel
        // empty") is heard, not answered with a topic's information; their symptoms are
        // still noted.
        let inCrisisScript = atCrisisScript
        if inCrisisScript, !text.asksSomething, reading.best?.intent.readsSymptoms != true { reading = .none }
        // A short call for help that asks nothing ("im really not ok") is no topic's
        // question because the words of the call are in an example ("is it ok to use a
        // tiny bit so i'm not so sick"); an author's phrase, or an example that shares
        // other words ("i need help getting into treatment"), still reads it.
        if calledForHelp, !text.asksSomething, text.words.count <= Session.shortCallForHelp, let best = reading.best,
            best.phrase == nil, let example = best.example,
            Set(example.words).isSubset(of: recognizer.callForHelpWords(in: text))
        {
            reading = .none
        }
        if let finding = crisisFinding, finding.asked, let about = recognizer.topic(about: finding.kind),
            !Self.namesAnotherTopic(reading, than: about)
        {
            reading = .one(about)
        }
        // A line read by its likeness to example questions was not read word for word: one
        // that carries danger words may be a crisis said our way ("why won't he wake up"),
        // so the numbers come with the answer, as with a line nobody understood.
        if bundle.kind == .intake, turn.crisis == nil, let best = reading.best, best.phrase == nil,
            recognizer.carriesDanger(in: crisisText, inQuestion: true)
        {
            showNumbersForDistress(in: &turn)
        }
        switch reading {
        case .one(let pick):
            return answer(pick, text: text, turn: &turn)
        case .clarify(let a, let b):
            pendingClarify = [a.intent.id, b.intent.id]
            turn.flags.append(.clarify)
            return finish(turn)
        case .none:
            break
        }

        // 5. Nothing matched: ask again, with the choices and a hint. A line nobody
        // understood that carries danger words, or the second such line in a row, shows
        // the numbers too: the person may be in trouble and not saying it our way.
        turn.flags.append(.reask)
        // "ok", "got it" after an answer is heard: the question is asked again without a
        // "Sorry", and it is no misunderstanding (an empty line is no attempt either).
        let acknowledged = !inCrisisScript && YesNo.isAcknowledgement(text)
        if !text.words.isEmpty, !acknowledged { misunderstoodInARow += 1 }
        if bundle.kind == .intake, turn.crisis == nil, misunderstoodInARow >= 2 || recognizer.carriesDanger(in: crisisText) {
            showNumbersForDistress(in: &turn)
        }
        // In a crisis script nobody is told they were not understood: they are told
        // someone is there, and who to call (unless the numbers were just shown).
        if inCrisisScript {
            turn.say.append(turn.crisis == nil ? crisisScriptReask() : Session.crisisScriptPresence)
        } else if distressHeard {
            // A person who said they are not okay is heard, not told they were not understood.
            turn.say.append(distressReask())
        } else {
            turn.say.append(acknowledged && waiting == .choice ? Session.acknowledgedHint : reaskHint())
        }
        if bundle.kind == .intake, misunderstoodInARow >= 2, !inCrisisScript, !distressHeard {
            turn.say.append("If you'd rather talk to a person, the numbers above are answered by people, day and night.")
        }
        return finish(turn)
    }

    /// What "ok" gets where a choice is awaited: the way on, without a "Sorry".
    static let acknowledgedHint = "OK. You can type the number of a choice, or ask a question in your own words."

    /// What a line not understood gets when it called for help or carried danger ("i'm
    /// not okay", "please someone"), outside a crisis script: the numbers were just shown
    /// with it; the person is heard, then told the way on when they are ready.
    func distressReask() -> String {
        let way = awaitedAnswer() ?? (waiting == .answer ? "tell me more in your own words" : "type the number of a choice, or ask me a question")
        return "I'm here with you. The people at the numbers above can talk with you now, day and night. When you're ready, \(way)."
    }

    /// What a crisis script says to a line it did not understand, first of all.
    static let crisisScriptPresence = "I'm here with you."

    /// What a line not understood in a crisis script gets instead of "Sorry, I didn't
    /// understand that": someone is there, and the region's emergency and crisis lines,
    /// as the script itself gave them.
    func crisisScriptReask() -> String {
        var said = Session.crisisScriptPresence
        if let emergency = bundle.resource(role: "emergency", region: region.code) {
            said += " If anyone is in danger, call \(emergency.contact) now."
        }
        if let line = bundle.resource(role: "crisis-line", region: region.code) {
            said += " \(line.contact) is there to talk, day and night."
        }
        return said
    }

    /// Whether the current node is part of a crisis script: a node of the file the crisis
    /// intents go to ("what to do while we wait" as much as the script's first screen).
    var atCrisisScript: Bool {
        bundle.kind == .intake && waiting != .ended
            && bundle.intents.contains { $0.crisis != nil && $0.goto.target.file == current.file }
    }

    /// Whether a line about a crisis names another topic than the one `about:` its kind
    /// outright: by a phrase of that topic, as strong as a clear question. (A likeness to
    /// an example is not enough: "what does an overdose of baclofen look like" is close
    /// to examples of baclofen's side effects, and is a question about overdose signs.)
    /// The phrase must say it in the line's own words, without a typo ("beeps" is not
    /// "beers"), and be strong by itself, not by an example beside it.
    static func namesAnotherTopic(_ reading: Recognizer.TopicReading, than about: Recognizer.IntentPick) -> Bool {
        guard case .one(let best) = reading, best.intent.id != about.intent.id, let score = best.score else { return false }
        return score.typos == 0 && Recognizer.strength(of: score) >= Recognizer.clearQuestion
    }

    /// Whether a topic's answer lists the region's emergency resource (`show:` its role).
    private func showsEmergencyNumbers(_ intent: Intent) -> Bool {
        guard let node = bundle.nodes[intent.goto.target], let show = node.show,
            let emergency = bundle.resource(role: "emergency", region: region.code)
        else { return false }
        return Self.selection(show, picks: emergency)
    }

    /// "Do you want to end our conversation?", with the crisis line: "I want to quit" may
    /// be about opioids, or said by someone about to give up.
    private mutating func askWhetherToLeave(_ turn: inout Turn) -> Turn {
        pendingLeave = true
        pendingAmbiguity = nil
        turn.flags.append(.clarify)
        if let line = bundle.resource(role: "crisis-line", region: region.code) {
            list(line, in: &turn)
            turn.say.append("Before you go: if you are struggling, \(line.contact) is there any time.")
        }
        return finish(turn)
    }

    /// Answers a topic question: the intent's node, then back where the person was for an
    /// intent that returns; else the session goes on from the intent's node.
    private mutating func answer(_ pick: Recognizer.IntentPick, text: NormalizedText, turn: inout Turn) -> Turn {
        let intent = pick.intent
        // A one-word phrase read as an example ("detox") is reported as the phrase it is.
        if let hit = pick.example, intent.match.contains(where: { $0.text == hit.example }) {
            turn.matched = Turn.Match(by: .intent, id: intent.id, phrase: hit.example)
        } else {
            let example = pick.example.map { Turn.Match.Example(text: $0.example, words: $0.words, score: $0.score) }
            turn.matched = Turn.Match(by: .intent, id: intent.id, phrase: example == nil ? pick.phrase : nil, example: example)
        }
        turn.trace.append(.intent(intent.id))
        lastTopic = intent.id
        if intent.readsSymptoms { record(symptomsIn: text) }
        if intent.returns, waiting != .ended, let node = bundle.nodes[intent.goto.target] {
            // Answer the question, then ask again where the person was.
            note(visit: node)
            turn.say += texts(of: node)
            turn.say += shownResources(of: node, into: &turn)
            addNote(of: node, to: &turn)
            let followUps = followUpChoices(of: intent, at: node)
            if !followUps.isEmpty { pendingFollowUps = SessionState.FollowUps(node: node.id, choices: followUps.map { node.choices[$0].id }) }
            return finish(turn)
        }
        pendingAmbiguity = nil
        enter(intent.goto.target, into: &turn)
        return finish(turn)
    }

    /// The numbers, because the line might be a crisis without a clear kind: `distress`,
    /// `resources`, a safety note; the flow goes on.
    private mutating func showNumbersForDistress(in turn: inout Turn) {
        turn.crisis = Turn.Crisis(kind: .distress, also: [], level: .resources)
        if crises.count < Session.maxCrises { crises.append(.distress) }
        turn.flags.append(.safetyNote)
        turn.say += safetyNote(into: &turn)
    }

    /// Ends the session at the end of input or on `quit`: the last turn, with the summary.
    public mutating func end(input: String? = nil) -> Turn {
        var turn = newTurn(input: input)
        if input == nil {
            // The closing turn at the end of input has a number of its own.
            turnNumber += 1
            turn.number = turnNumber
        }
        waiting = .ended
        turn.summary = summary()
        turn.say += turn.summary?.lines ?? []
        return finish(turn, presentAgain: false)
    }

    /// Swaps in a reloaded bundle, for the turn whose trace asked for it (`reload`): the
    /// session keeps its variables and stays on its node when that node still exists, else
    /// goes back to the start. Returns that turn completed: still one turn for the line.
    public mutating func reload(_ newBundle: DialogBundle, amending turn: Turn) -> Turn {
        var turn = turn
        bundle = newBundle
        recognizer = Recognizer(bundle: newBundle)
        turn.say.append("Reloaded the dialogs.")
        turn.ask = nil
        turn.choices = []
        if newBundle.nodes[current] == nil {
            current = newBundle.start
            enter(current, into: &turn)
        }
        return finish(turn)
    }

    /// The summary of the session so far.
    public func summary() -> Summary {
        Summary(
            topics: topics.map { Turn.Labelled(id: $0, label: bundle.label(ofTopic: $0)) }, symptoms: symptomsSoFar,
            scores: scoresSoFar, redFlags: redFlags.map { Turn.Labelled(id: $0, label: bundle.label(ofFlag: $0)) }, crises: crises,
            resources: resourcesShown.map(Turn.Resource.init), turns: turnNumber,
            emergency: bundle.kind == .intake ? emergencyContacts().map(Turn.Resource.init) : [],
            debrief: bundle.kind == .training ? debrief() : nil)
    }

    /// The symptoms so far, with their labels.
    var symptomsSoFar: Turn.Symptoms {
        Turn.Symptoms(
            reported: reported.map { Turn.Labelled(id: $0, label: label(ofSymptom: $0)) },
            denied: denied.map { Turn.Labelled(id: $0, label: label(ofSymptom: $0)) })
    }

    /// The scales begun so far, by name. A scale not answered to the end has a running
    /// total and no band: it is reported as "answered 3 of 16", not as a score.
    var scoresSoFar: [Turn.Score] {
        scores.keys.sorted().compactMap { name in
            guard let scale = bundle.scales[name], let total = scores[name] else { return nil }
            let count = answered[name] ?? 0
            return Turn.Score(
                scale: name, title: scale.title, total: total, maximum: scale.maximum,
                answered: count, items: scale.items.count,
                band: count == scale.items.count ? scale.bands.first { $0.range.contains(total) }?.label : nil)
        }
    }

    /// The region's numbers for someone in danger now: emergency services and the crisis
    /// line.
    func emergencyContacts() -> [Resource] {
        ["emergency", "crisis-line"].compactMap { bundle.resource(role: $0, region: region.code) }
    }

    /// How the trainee did against the rubric so far (and a knowledge check's score).
    public func debrief() -> Debrief {
        let items = bundle.rubric.map { item in
            let mark = rubricMarks[item.id] ?? RubricMark()
            let status: Debrief.Item.Status
            if mark.broken != nil {
                status = .broken
            } else if item.avoid {
                status = .met
            } else {
                status = mark.met != nil ? .met : .missed
            }
            let deciding = mark.broken ?? (item.avoid ? nil : mark.met)
            return Debrief.Item(
                id: item.id, label: item.label, points: item.points, avoid: item.avoid, critical: item.critical,
                status: status, line: deciding?.line, phrase: deciding?.phrase,
                metLine: mark.broken != nil && !item.avoid ? mark.met?.line : nil,
                practise: item.practise, sources: item.sources.map(\.id))
        }
        let questions = knowledgeQuestions()
        var score: (Int, Int)?
        if !questions.isEmpty {
            score = (questions.filter { $0.status == .right }.count, questions.count)
        } else if case .number(let right)? = variables["score"], case .number(let questions)? = variables["questions"],
            let right = Int(exactly: right.rounded()), let questions = Int(exactly: questions.rounded())
        {
            score = (right, questions)
        }
        return Debrief(items: items, score: score, questions: questions, passMark: bundle.passMark)
    }

    /// The knowledge-check questions of the bundle, in file order: each right, wrong or
    /// unanswered, with the right answer and the explanation its answer node gives (the
    /// node's texts that cite a source).
    private func knowledgeQuestions() -> [Debrief.Question] {
        let lookup = self.lookup
        return bundle.nodeOrder.compactMap { id -> Debrief.Question? in
            guard let node = bundle.nodes[id], node.isQuestion else { return nil }
            let answer: String
            let target: NodeID
            if let choice = node.choices.first(where: \.right) {
                answer = choice.label.interpolation.render(with: lookup)
                target = choice.goto.target
            } else if let route = node.routes.first(where: \.right) {
                answer = route.answer ?? route.match.prefix(3).map(\.text).joined(separator: " / ")
                target = route.goto.target
            } else {
                return nil
            }
            let explaining = bundle.nodes[target]?.say.filter { $0.condition == nil && !$0.sources.isEmpty } ?? []
            let status: Debrief.Question.Status = answers[id.description].map { $0 ? .right : .wrong } ?? .unanswered
            return Debrief.Question(
                id: id.description, question: node.ask.map { $0.interpolation.render(with: lookup) } ?? id.description,
                status: status, answer: answer,
                explanation: explaining.compactMap { $0.variants.first?.interpolation.render(with: lookup) }.joined(separator: " "),
                sources: explaining.flatMap { $0.sources.map(\.id) })
        }
    }

    /// Records what a line does to the rubric: the first line that made each move, and
    /// the first that broke each item.
    mutating func markRubric(in text: NormalizedText) {
        for effect in recognizer.rubricEffects(of: text) {
            rubricMarks[bundle.rubric[effect.index].id, default: RubricMark()].note(effect, line: text.original)
        }
    }
}

/// A bundle made ready to run: the phrases of its intents, symptoms, rubric and menus
/// normalised and indexed once. Sessions started from one share it, so each starts
/// without compiling the bundle again.
public struct CompiledBundle: Sendable {
    let recognizer: Recognizer

    init(recognizer: Recognizer) {
        self.recognizer = recognizer
    }

    /// Compiles `bundle`: linear in the number of its phrases.
    public init(_ bundle: DialogBundle) {
        self.init(bundle, keepingReadings: false)
    }

    /// Compiles `bundle` for a run that types labelled lines at many places: each line's
    /// crisis and topic readings are kept once worked out, for every session of this
    /// compiled bundle (``LineReadings``). Never for people's lines: a chat or a server
    /// must not keep what they type.
    package init(_ bundle: DialogBundle, keepingReadings: Bool) {
        var recognizer = Recognizer(bundle: bundle, compilingMenus: true)
        if keepingReadings { recognizer.readings = LineReadings() }
        self.recognizer = recognizer
    }

    /// The bundle compiled.
    public var bundle: DialogBundle { recognizer.bundle }
}

/// Why a session could not start.
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownRegion(String, known: [String])
    /// A start node the bundle does not have, and the closest it has, if one is close.
    case unknownNode(String, suggestion: String?)

    public var description: String {
        switch self {
        case .unknownRegion(let code, let known):
            "unknown region `\(code)`; known regions: \(known.joined(separator: ", "))"
        case .unknownNode(let id, let suggestion):
            "no node `\(id)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? " (a node id is written file.node)")
        }
    }
}

extension Region {
    /// A region a bundle does not list, for bundles that list none.
    static func unlisted(_ code: String) -> Region {
        Region(
            file: "", code: code.uppercased(), name: code, aliases: [],
            range: SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1)))
    }
}
