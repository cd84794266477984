import DialogMatching
import DialogModel

extension Session {
    // MARK: - Building turns

    mutating func newTurn(input: String?) -> Turn {
        if input != nil { turnNumber += 1 }
        return Turn(number: input == nil && !hasOpened ? 0 : turnNumber, input: input, node: current, state: .awaitingChoice)
    }

    /// Completes a turn with the question of the node the session is at.
    mutating func finish(_ turn: Turn, presentAgain: Bool = true) -> Turn {
        var turn = turn
        if !turn.has(.reask) { misunderstoodInARow = 0 }
        turn.node = current
        if presentAgain && waiting != .ended { present(into: &turn) }
        turn.expects = expects
        turn.state = Session.state(expecting: turn.expects)
        turn.symptoms = symptomsSoFar
        turn.scores = scoresSoFar
        if waiting == .ended && turn.summary == nil {
            turn.summary = summary()
        }
        hasOpened = true
        return turn
    }

    /// What the session waits for now.
    var expects: Turn.Expects {
        pendingLeave
            ? .yesNo
            : pendingClarify != nil || pendingFollowUps != nil
                ? .choice
                : Session.expects(waiting, at: bundle.nodes[current], scales: bundle.scales)
    }

    /// What a session waiting so at `node` waits for.
    static func expects(_ waiting: Waiting, at node: DialogNode?, scales: [String: Scale]) -> Turn.Expects {
        switch waiting {
        case .ended: return .none
        case .scaleItem:
            guard let name = node?.scale?.value, let scale = scales[name] else { return .none }
            return .number(min: Double(scale.range.lowerBound), max: Double(scale.range.upperBound))
        case .choice: return .choice
        case .answer:
            switch node?.expect {
            case .number(let range): return .number(min: range.lowerBound, max: range.upperBound)
            case .yesNo: return .yesNo
            case .symptoms: return .symptoms
            case .text, nil: return .text
            }
        }
    }

    static func state(expecting expects: Turn.Expects) -> Turn.State {
        switch expects {
        case .none: .ended
        case .choice: .awaitingChoice
        case .number: .awaitingNumber
        case .text, .symptoms, .yesNo: .awaitingText
        }
    }

    /// The question and choices of the current node (or the current scale item).
    func present(into turn: inout Turn) {
        if let offered = pendingClarify {
            // "Did you mean …?" with the two topics as the choices, by intent id.
            let intents = offered.compactMap { id in bundle.intents.first { $0.id == id } }
            turn.ask = "Did you mean:"
            turn.choices = intents.map { Turn.Choice(id: $0.id, label: $0.label ?? $0.id) }
            return
        }
        if let offer = pendingFollowUps {
            presentFollowUps(offer, into: &turn)
            return
        }
        if pendingLeave {
            turn.ask = "Do you want to end our conversation now?"
            turn.choices = [Turn.Choice(id: "yes", label: "Yes, end it"), Turn.Choice(id: "no", label: "No, go on")]
            return
        }
        guard let node = bundle.nodes[current] else { return }
        switch waiting {
        case .scaleItem(let i):
            guard let name = node.scale?.value, let scale = bundle.scales[name], i < scale.items.count else { return }
            turn.ask = "\(i + 1) of \(scale.items.count): \(render(scale.items[i].text))"
            // The scale's instructions with its first item, or when asked to repeat: not
            // before every one of a long checklist.
            if let ask = scale.ask, i == 0 || turn.trace.contains(.command(.repeat)) { turn.ask = render(ask) + "\n" + (turn.ask ?? "") }
            turn.choices = scale.range.map { n in Turn.Choice(id: "\(n)", label: scale.labels[n].map { "\(n) \($0)" } ?? "\(n)") }
        case .choice:
            // A closure, not `map(render)`: the partially applied method copies the session.
            turn.ask = node.ask.map { render($0) }
            let indexes = pendingAmbiguity ?? visibleChoiceIndexes(of: node)
            let lookup = self.lookup
            turn.choices = indexes.map { Turn.Choice(id: node.choices[$0].id, label: node.choices[$0].label.interpolation.render(with: lookup)) }
        case .answer:
            turn.ask = node.ask.map { render($0) }
            if node.expect == .yesNo { turn.choices = [Turn.Choice(id: "yes", label: "Yes"), Turn.Choice(id: "no", label: "No")] }
        case .ended:
            break
        }
    }

    /// The indexes in the node of the choices whose conditions hold, in the order they are
    /// offered (drawn from the seed for a node that shuffles them).
    func visibleChoiceIndexes(of node: DialogNode) -> [Int] {
        // One lookup for every condition: nothing changes the variables in between.
        let lookup = self.lookup
        let order = node.shuffle ? choiceOrders[node.id.description].flatMap { $0.count == node.choices.count ? $0 : nil } : nil
        return (order ?? Array(node.choices.indices)).filter {
            node.choices[$0].condition.map { Evaluator.evaluate($0.expression, in: lookup).isTrue } ?? true
        }
    }

    // MARK: - Moving between nodes

    /// Enters a node: runs its `set`, says its texts, and follows `branch` and `next` as
    /// far as a node that waits for input or ends. Entering a scale starts it afresh.
    ///
    /// Nodes that go on entering others without a question (a loop that never waits for
    /// input, IC039) are stopped after ``maxHops``: see ``stopLoop(returningTo:turn:)``.
    mutating func enter(_ id: NodeID, into turn: inout Turn) {
        var target = id
        pendingAmbiguity = nil
        let before = LoopReturn(node: current, waiting: waiting, said: turn.say.count)
        for _ in 0..<Session.maxHops {
            guard let node = bundle.nodes[target] else { return }
            current = target
            turn.trace.append(.entered(target))
            note(visit: node)
            assign(node.set, into: &turn)
            turn.say += texts(of: node)
            turn.say += shownResources(of: node, into: &turn)
            addNote(of: node, to: &turn)
            if node.end {
                waiting = .ended
                turn.summary = summary()
                turn.say += turn.summary?.lines ?? []
                return
            }
            if !node.branch.isEmpty {
                if let index = firstBranch(of: node) {
                    let route = node.branch[index]
                    turn.trace.append(.branch(node: node.id, index: index, label: route.label, target: route.goto.target))
                    assign(route.set, into: &turn)
                    target = route.goto.target
                    continue
                }
                return
            }
            if let name = node.scale?.value {
                remember(target)
                clearScale(name)
                waiting = .scaleItem(0)
                return
            }
            if !node.choices.isEmpty {
                remember(target)
                waiting = .choice
                if node.shuffle, choiceOrders[target.description] == nil {
                    choiceOrders[target.description] = Array(node.choices.indices).shuffled(using: &random)
                }
                return
            }
            if node.expect != nil {
                remember(target)
                waiting = .answer
                return
            }
            if let next = node.next {
                target = next.target
                continue
            }
            return
        }
        stopLoop(returningTo: before, turn: &turn)
    }

    /// Where a session was before entering nodes: where it goes back to when they loop.
    struct LoopReturn {
        var node: NodeID
        var waiting: Waiting
        /// How many texts the turn had: what the loop said is dropped.
        var said: Int
    }

    /// Stops nodes that went round without a question: what they said is dropped, the
    /// turn says what happened and the trace has a `problem` step. The session goes back
    /// to the question it was at, where `back` and `restart` work as ever; with no
    /// question to go back to (the opening), it ends with the summary, which gives the
    /// emergency numbers.
    mutating func stopLoop(returningTo before: LoopReturn, turn: inout Turn) {
        if turn.say.count > before.said { turn.say.removeSubrange(before.said...) }
        turn.trace.append(.problem("nodes went round without waiting for input, \(Session.maxHops) in a row; stopped at `\(current)`"))
        let sorry = "Sorry, something is wrong with this conversation: it went round in a circle without a question for you."
        if before.waiting != .ended, let node = bundle.nodes[before.node], node.waitsForInput {
            current = before.node
            waiting = before.waiting
            if case .scaleItem(let i) = before.waiting, let name = node.scale?.value {
                waiting = .scaleItem(rewindScale(name, to: i))
            }
            turn.say.append(sorry + " Here is the last question again. You can answer it, type back to go back, or restart to start over.")
        } else {
            waiting = .ended
            turn.say.append(sorry + " It cannot go on.")
            turn.summary = summary()
            turn.say += turn.summary?.lines ?? []
        }
    }

    /// Adds a node that waits for input to the nodes `back` returns through.
    mutating func remember(_ id: NodeID) {
        history.append(id)
        if history.count > Session.maxHistory { history.removeFirst(history.count - Session.maxHistory) }
    }

    // MARK: - Scales

    /// Forgets a scale's answers: it is started afresh, or over.
    mutating func clearScale(_ name: String) {
        scores[name] = nil
        answered[name] = nil
        scalePoints[name] = []
        for item in bundle.scales[name]?.items ?? [] { if let id = item.id { variables[id] = nil } }
    }

    /// Takes a scale's answers back to its first `count`; returns the item to ask next.
    /// Without the points of each item (a state saved without them), the scale starts over.
    mutating func rewindScale(_ name: String, to count: Int) -> Int {
        let have = answered[name] ?? 0
        guard count < have else { return have }
        guard var points = scalePoints[name], points.count == have else {
            clearScale(name)
            return 0
        }
        points.removeLast(have - count)
        scalePoints[name] = points
        scores[name] = count == 0 ? nil : points.reduce(0, +)
        answered[name] = count == 0 ? nil : count
        for item in bundle.scales[name]?.items.dropFirst(count) ?? [] { if let id = item.id { variables[id] = nil } }
        return count
    }

    mutating func note(visit node: DialogNode) {
        if topics.last != node.id.file && !topics.contains(node.id.file) { topics.append(node.id.file) }
        for flag in node.flags where !redFlags.contains(flag.value) { redFlags.append(flag.value) }
    }

    /// Runs `set:` assignments. One whose value has no answer (an overflow, a division by
    /// zero, a text grown too long) leaves its variable unset, and the trace says why.
    mutating func assign(_ assignments: [Assignment], into turn: inout Turn) {
        for a in assignments {
            var problems: [EvaluationProblem] = []
            variables[a.name] = Evaluator.evaluate(a.expression, in: lookup, problems: &problems)
            turn.trace.append(.set(a.name))
            for problem in Set(problems).sorted(by: { $0.description < $1.description }) {
                turn.trace.append(.problem("`\(a.name)` is left unset: \(problem)"))
            }
        }
    }

    /// Adds the node's staff note, rendered, to the turn's.
    func addNote(of node: DialogNode, to turn: inout Turn) {
        guard let n = node.note else { return }
        let text = render(n)
        turn.note = turn.note.map { $0 + "\n" + text } ?? text
    }

    /// The place of the first of `node`'s `branch` routes whose condition holds; `else`
    /// always holds. There is no input to read, so a route with phrases never holds.
    func firstBranch(of node: DialogNode) -> Int? {
        node.branch.firstIndex { route in
            if route.isElse { return true }
            if !route.match.isEmpty { return false }
            return route.condition.map { Evaluator.evaluate($0.expression, in: lookup).isTrue } ?? true
        }
    }

    /// The place of the first of `node`'s `routes` whose phrases match the input (or that
    /// has none) and whose condition holds; `else` always holds.
    mutating func firstRoute(of node: DialogNode, input: NormalizedText) -> Int? {
        for (index, route) in node.routes.enumerated() {
            if route.isElse { return index }
            if !route.match.isEmpty, !recognizer.matchesRoute(index, of: node.id, in: input) { continue }
            if route.condition.map({ Evaluator.evaluate($0.expression, in: lookup).isTrue }) ?? true { return index }
        }
        return nil
    }

    // MARK: - Texts

    /// The node's `say` items whose conditions hold, one variant each.
    mutating func texts(of node: DialogNode) -> [String] {
        var out: [String] = []
        // One lookup for the node's conditions and texts: saying them changes no variable.
        let lookup = self.lookup
        for item in node.say {
            if let c = item.condition, !Evaluator.evaluate(c.expression, in: lookup).isTrue { continue }
            guard !item.variants.isEmpty else { continue }
            let pick = item.variants.count == 1 ? 0 : Int(random.next() % UInt64(item.variants.count))
            let text = item.variants[pick].interpolation.render(with: lookup)
            if item.variants.count > 1, variantsChosen.count < Session.variantsKept { variantsChosen.append(text) }
            out.append(text)
        }
        return out
    }

    /// The lines of the resources a node shows; they are added to the turn's resources.
    mutating func shownResources(of node: DialogNode, into turn: inout Turn) -> [String] {
        guard let show = node.show else { return [] }
        let picked = bundle.resources.filter { r in r.region.value == region.code && Self.selection(show, picks: r) }
        var lines: [String] = []
        for r in picked {
            lines.append(r.sentence)
            list(r, in: &turn)
            // The summary's "help shown" lists what nodes showed, not the safety notes.
            if !resourcesShown.contains(where: { $0.contact == r.contact }) { resourcesShown.append(r) }
        }
        return lines
    }

    /// Whether a node's `show:` picks a resource: by its role or one of its tags.
    static func selection(_ show: ResourceSelection, picks resource: Resource) -> Bool {
        show.roles.contains { $0.value == resource.role } || resource.tags.contains { tag in show.tags.contains { $0.value == tag } }
    }

    /// Lists a resource among the turn's.
    func list(_ resource: Resource, in turn: inout Turn) {
        let shown = Turn.Resource(resource)
        if !turn.resources.contains(shown) { turn.resources.append(shown) }
    }

    /// The emergency numbers of the region, for a line that might be a crisis; the turn
    /// lists them as its resources.
    mutating func safetyNote(into turn: inout Turn) -> [String] {
        let contacts = emergencyContacts()
        for r in contacts { list(r, in: &turn) }
        return Summary.dangerNote(contacts.map(Turn.Resource.init)).map { [$0] } ?? []
    }

    func render(_ text: DialogText) -> String {
        text.interpolation.render(with: lookup)
    }

    func label(ofSymptom id: String) -> String {
        bundle.symptoms.first { $0.id == id }?.label ?? id
    }

    func reaskHint() -> String {
        if let awaited = awaitedAnswer() { return "Please \(awaited)." }
        // Plain words: the chat shows no Markdown, and a person looking for the way out is
        // told it.
        return waiting == .answer
            ? "Sorry, I didn't understand that." : "Sorry, I didn't understand that. You can type the number of a choice, or help. Type quit to leave."
    }

    /// The answer the question waits for, as an instruction ("answer yes or no"); nil
    /// when it waits for words of the person's own or for a choice.
    func awaitedAnswer() -> String? {
        switch waiting {
        case .scaleItem: return "answer with a number from the list"
        case .answer:
            switch bundle.nodes[current]?.expect {
            case .number(let r): return "answer with a number from \(NumberFormatting.text(r.lowerBound)) to \(NumberFormatting.text(r.upperBound))"
            case .yesNo: return "answer yes or no"
            default: return nil
            }
        default: return nil
        }
    }

    /// The variables as expressions read them.
    var lookup: SessionLookup {
        SessionLookup(
            variables: variables, reported: reported, denied: denied, scores: scores,
            rubric: bundle.rubric, resources: bundle.resources, region: region.code, rubricMarks: rubricMarks)
    }

    /// A line made safe to read: control characters removed, at most `limit` characters.
    static func clean(_ line: String, limit: Int = maxInputLength) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for s in line.unicodeScalars {
            if count >= limit { break }
            if s.value < 0x20 || (0x7F..<0xA0).contains(s.value) {
                if s == "\t" { out.append(" ") }
                continue
            }
            out.append(s)
            count += 1
        }
        return String(out)
    }

    /// The command a line is, if it is one: the whole line, with or without `:`.
    static func command(in line: String) -> Command? {
        var word = Substring(line)
        while word.first == " " { word.removeFirst() }
        while word.last == " " { word.removeLast() }
        if word.first == ":" { word.removeFirst() }
        let name = word.lowercased()
        // What many programs take for "quit", and a farewell, are "quit" here too.
        return ["exit", "bye", "goodbye", "good bye"].contains(name) ? .quit : Command(rawValue: name)
    }
}

/// The session's variables as the expression language reads them.
struct SessionLookup: VariableLookup {
    var variables: [String: Value]
    var reported: [String]
    var denied: [String]
    var scores: [String: Int]
    /// The two parts of the bundle that names read, not the whole bundle: a lookup is made
    /// for every condition and text, and copying a bundle retains each of its fields.
    var rubric: [RubricItem]
    var resources: [Resource]
    var region: String
    /// The rubric items said so far: the session's own marks, shared rather than turned
    /// into a set, so that a condition check allocates nothing.
    var rubricMarks: [String: RubricMark] = [:]

    func value(of name: String) -> Value? {
        if let v = variables[name] { return v }
        if name.hasPrefix("rubric."), let item = rubric.first(where: { $0.variable == name }) {
            // A move is made once said (the caller reacts to it even after a line that
            // broke it); a must-not holds until it is broken.
            let mark = rubricMarks[item.id]
            return .bool(item.avoid ? mark?.broken == nil : mark?.met != nil)
        }
        switch name {
        case "symptoms.reported": return .list(reported.map { .string($0) })
        case "symptoms.denied": return .list(denied.map { .string($0) })
        default: break
        }
        if name.hasPrefix("scores.") {
            return scores[String(name.dropFirst("scores.".count))].map { .number(Double($0)) }
        }
        if let r = resources.resource(role: name, region: region) { return .string(r.contact) }
        return nil
    }
}
