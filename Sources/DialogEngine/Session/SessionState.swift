import DialogMatching
import DialogModel
import DialogSyntax

/// A session's state as a value that serialises to JSON and back (DESIGN.md, "Session
/// state"): `intake chat --state` writes it after every turn, `--resume` continues from
/// it, and the server keeps it in its store. Resuming gives exactly the turns the
/// uninterrupted session gives.
///
/// It holds no free text the person typed beyond what a `save:` kept: a free-text
/// `answer` is left out, and training marks keep the phrase that met a rubric item, not
/// the trainee's line.
public struct SessionState: Sendable, Equatable {
    /// The version of the format; a state of another format is refused.
    public static let format = 1

    /// What the session waits for.
    public enum Waiting: String, Sendable, Equatable, CaseIterable {
        case choice, answer
        case scaleItem = "scale-item"
        case ended
    }

    /// How far a scale has got: the item waited for (nil when none is), the running
    /// total and the items answered; its item count and range, to check a changed bundle.
    public struct ScaleProgress: Sendable, Equatable {
        public var position: Int?
        public var total: Int
        public var answered: Int
        public var items: Int
        public var range: ClosedRange<Int>
        /// The points of each item answered, in order, for `back`; nil in a state saved
        /// before they were kept (`back` then starts the scale over).
        public var points: [Int]? = nil
    }

    /// Follow-ups offered after an answer: the answer's node, and the ids of its choices
    /// offered.
    public struct FollowUps: Sendable, Equatable {
        public var node: NodeID
        public var choices: [String]

        public init(node: NodeID, choices: [String]) {
            self.node = node
            self.choices = choices
        }
    }

    public var bundleID: String
    public var bundleHash: String
    public var node: NodeID
    /// The nodes `back` returns through, oldest first.
    public var back: [NodeID]
    public var variables: [String: Value]
    public var reported: [String]
    public var denied: [String]
    public var scales: [String: ScaleProgress]
    /// The number of the last turn given.
    public var turn: Int
    public var region: String
    /// The state of the random generator that picks `one-of` texts.
    public var seed: UInt64
    public var ended: Bool
    /// Where `restart` goes.
    public var start: NodeID
    public var waiting: Waiting
    /// What the pending question expects (`Turn.Expects.kind`), to check a changed bundle.
    public var expects: String
    /// The choices offered after an ambiguous line, by their place in the node.
    public var ambiguous: [Int]?
    /// The topic intents a "Did you mean …?" offered, by id; nil when none is open.
    public var clarifying: [String]? = nil
    /// Whether "Do you want to end our conversation?" is open.
    public var leaving: Bool = false
    /// The follow-ups offered after a typed question's answer; nil when none is open.
    public var following: FollowUps? = nil
    /// The topic intent that answered the last line (by id), for the next line to lean
    /// on; nil after any other turn.
    public var topic: String? = nil
    /// Lines in a row nothing understood.
    public var misunderstood: Int
    /// What the summary will list: topics, flags raised, crisis kinds, resources shown (ids).
    public var topics: [String]
    public var redFlags: [String]
    public var crises: [CrisisKind]
    public var resources: [String]
    /// Rubric moves made so far: id → the phrase that made it.
    public var rubric: [String: String]
    /// Rubric items broken so far (a must-not said, a critical move dismissed): id → the
    /// phrase that broke it.
    public var rubricBroken: [String: String] = [:]
    /// Knowledge-check questions answered: node id → right or not.
    public var answers: [String: Bool] = [:]
    /// The order the choices of shuffling nodes are offered in, by node id.
    public var choiceOrders: [String: [Int]] = [:]
}

/// Why a saved state cannot be resumed.
public struct ResumeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }

    public init(_ reason: String) { self.reason = reason }
}

// MARK: - From and to a session

extension Session {
    /// The session's state now, to save and resume later.
    public var savedState: SessionState {
        var progress: [String: SessionState.ScaleProgress] = [:]
        for (name, total) in scores {
            guard let scale = bundle.scales[name] else { continue }
            progress[name] = .init(
                position: nil, total: total, answered: answered[name] ?? 0,
                items: scale.items.count, range: scale.range, points: scalePoints[name])
        }
        let kind: SessionState.Waiting
        switch waiting {
        case .choice: kind = .choice
        case .answer: kind = .answer
        case .ended: kind = .ended
        case .scaleItem(let index):
            kind = .scaleItem
            if let name = bundle.nodes[current]?.scale?.value, let scale = bundle.scales[name] {
                var p = progress[name] ?? .init(position: nil, total: 0, answered: 0, items: scale.items.count, range: scale.range)
                p.position = index
                progress[name] = p
            }
        }
        var kept = variables
        // A free-text answer is what the person typed: kept only where `save:` put it.
        if case .string? = kept["answer"] { kept["answer"] = nil }
        return SessionState(
            bundleID: bundle.id, bundleHash: bundle.hash, node: current, back: history, variables: kept,
            reported: reported, denied: denied, scales: progress, turn: turnNumber, region: region.code,
            seed: random.state, ended: waiting == .ended, start: startNode, waiting: kind,
            expects: Session.expects(waiting, at: bundle.nodes[current], scales: bundle.scales).kind,
            ambiguous: pendingAmbiguity, clarifying: pendingClarify, leaving: pendingLeave, following: pendingFollowUps, topic: lastTopic,
            misunderstood: misunderstoodInARow,
            topics: topics, redFlags: redFlags, crises: crises, resources: resourcesShown.map(\.id), rubric: rubricMarks.compactMapValues { $0.met?.phrase },
            rubricBroken: rubricMarks.compactMapValues { $0.broken?.phrase }, answers: answers, choiceOrders: choiceOrders)
    }

    /// A session of `compiled` continued from a saved state. A state saved with other
    /// dialogs is resumed only when what it holds still fits them (DESIGN.md, "Session
    /// state"); an ended state never is. Call ``resume()`` for its first turn.
    public init(_ compiled: CompiledBundle, resuming state: SessionState) throws(ResumeError) {
        let bundle = compiled.bundle
        guard !state.ended, state.waiting != .ended else { throw ResumeError("the session has ended") }
        guard state.bundleID == bundle.id else {
            throw ResumeError("the state is of the dialogs `\(state.bundleID)`, not `\(bundle.id)`")
        }
        if state.bundleHash != bundle.hash { try Session.checkFits(state, bundle) }
        guard bundle.nodes[state.node] != nil, bundle.nodes[state.start] != nil else {
            throw ResumeError("no node `\(state.node)` in the dialogs")
        }
        do {
            try self.init(compiled, region: state.region, start: state.start, seed: 0)
        } catch {
            throw ResumeError(error.description)
        }
        current = state.node
        history = state.back
        variables = state.variables
        variables["region"] = .string(region.code)
        reported = state.reported
        denied = state.denied
        // A scale waited on before its first answer has no total yet.
        let begun = state.scales.filter { $0.value.answered > 0 }
        scores = begun.mapValues(\.total)
        answered = begun.mapValues(\.answered)
        // Points that do not add up to what the state says are not trusted.
        scalePoints = begun.compactMapValues { p in
            guard let points = p.points, points.count == p.answered, points.reduce(0, { $0 &+ $1 }) == p.total,
                points.allSatisfy(p.range.contains)
            else { return nil }
            return points
        }
        // A scale waited on before its first answer has no points yet, as when it was
        // started (`clearScale`): its answers are kept from the first, so that `back`
        // steps back one item, not to the start.
        for (name, p) in state.scales where p.answered == 0 { scalePoints[name] = [] }
        turnNumber = state.turn
        random = SplitMix64(seed: state.seed)
        hasOpened = true
        switch state.waiting {
        case .choice: waiting = .choice
        case .answer: waiting = .answer
        case .ended: waiting = .ended
        case .scaleItem:
            let name = bundle.nodes[state.node]?.scale?.value
            waiting = .scaleItem(name.flatMap { state.scales[$0]?.position } ?? 0)
        }
        pendingAmbiguity = state.ambiguous
        // A question offered from intents the dialogs no longer have is not asked again.
        pendingClarify = state.clarifying.flatMap { ids in
            ids.allSatisfy { id in bundle.intents.contains { $0.id == id && $0.crisis == nil } } ? ids : nil
        }
        pendingLeave = state.leaving
        // Follow-ups of a node, or choices, the dialogs no longer have are not offered again.
        pendingFollowUps = state.following.flatMap { offer in
            bundle.nodes[offer.node].map { node in offer.choices.allSatisfy { id in node.choices.contains { $0.id == id } } } == true ? offer : nil
        }
        // A topic the dialogs no longer have is forgotten.
        lastTopic = state.topic.flatMap { id in bundle.intents.contains { $0.id == id && $0.crisis == nil } ? id : nil }
        misunderstoodInARow = state.misunderstood
        topics = state.topics
        redFlags = state.redFlags
        crises = state.crises
        resourcesShown = state.resources.compactMap { id in bundle.resources.first { $0.id == id } }
        // The state keeps phrases, never a trainee's lines: a resumed debrief quotes the phrase.
        rubricMarks = [:]
        for (id, phrase) in state.rubric { rubricMarks[id, default: RubricMark()].met = RubricMark.Said(line: phrase, phrase: phrase) }
        for (id, phrase) in state.rubricBroken { rubricMarks[id, default: RubricMark()].broken = RubricMark.Said(line: phrase, phrase: phrase) }
        answers = state.answers
        choiceOrders = state.choiceOrders.filter { id, order in
            bundle.nodes[NodeID(id, in: "")].map { Set(order) == Set($0.choices.indices) } ?? false
        }
    }

    /// The first turn of a resumed session: the pending question again, with the number
    /// of the last turn given, no input, and a `resumed` step; after a crisis, the
    /// region's emergency numbers among its resources.
    public mutating func resume() -> Turn {
        var turn = newTurn(input: nil)
        turn.trace.append(.resumed)
        // Someone who came back to a session that had a crisis (a page reloaded, a call
        // picked up again) finds the numbers with the question, not only in what scrolled away.
        if bundle.kind == .intake && !crises.isEmpty {
            for r in emergencyContacts() { list(r, in: &turn) }
        }
        // Showing the question again is no answer: the count of lines not understood stays.
        let misunderstood = misunderstoodInARow
        turn = finish(turn)
        misunderstoodInARow = misunderstood
        return turn
    }

    /// Whether a state saved with other dialogs still fits `bundle`; throws the first
    /// reason it does not.
    static func checkFits(_ state: SessionState, _ bundle: DialogBundle) throws(ResumeError) {
        for id in [state.node, state.start] + state.back where bundle.nodes[id] == nil {
            throw ResumeError("the dialogs changed: there is no node `\(id)` any more")
        }
        if state.waiting != .ended, let node = bundle.nodes[state.node] {
            let waiting: Waiting =
                switch state.waiting {
                case .choice: .choice
                case .answer: .answer
                case .scaleItem: .scaleItem(0)
                case .ended: .ended
                }
            var now = Session.expects(waiting, at: node, scales: bundle.scales).kind
            // A node that lost what the state waited on (its choices, its `expect`) waits for nothing.
            if (state.waiting == .choice && node.choices.isEmpty) || (state.waiting == .answer && node.expect == nil) { now = "none" }
            if now != state.expects {
                throw ResumeError("the dialogs changed: `\(state.node)` now expects \(now), not \(state.expects)")
            }
        }
        for (name, p) in state.scales.sorted(by: { $0.key < $1.key }) where p.position != nil || p.answered > 0 {
            guard let scale = bundle.scales[name], scale.items.count == p.items, scale.range == p.range else {
                throw ResumeError("the dialogs changed: the scale `\(name)` has other items or another range")
            }
        }
        let types = bundle.variableTypes
        for (name, value) in state.variables.sorted(by: { $0.key < $1.key }) {
            guard let type = types[name] else { throw ResumeError("the dialogs changed: nothing sets `\(name)` any more") }
            if let held = value.type, !held.fits(type) {
                throw ResumeError("the dialogs changed: `\(name)` is now a \(type), not a \(held)")
            }
        }
        let symptoms = Set(bundle.symptoms.map(\.id))
        for id in state.reported + state.denied where !symptoms.contains(id) {
            throw ResumeError("the dialogs changed: there is no symptom `\(id)` any more")
        }
        if !bundle.regions.isEmpty && bundle.region(named: state.region) == nil {
            throw ResumeError("the dialogs changed: there is no region `\(state.region)` any more")
        }
    }
}

extension ExprType {
    /// Whether a value of this type may stand where `other` is expected.
    func fits(_ other: ExprType) -> Bool {
        switch (self, other) {
        case (_, .unknown), (.unknown, _): true
        case (.list(let a), .list(let b)): a.fits(b)
        default: self == other
        }
    }
}
