import DialogMatching
import DialogModel

extension Session {
    // MARK: - Building turns

    mutating func newTurn(input: String?) -> Turn {
        if input != nil { turnNumber += 1 }
        return Turn(number: input == nil && !hasOpened ? 0 : turnNumber, input: input, node: current,
                    state: .awaitingChoice, say: [], ask: nil, choices: [], flags: [], crisis: nil, matched: nil,
                    reported: [], denied: [], scores: [], notes: [], summary: nil)
    }

    /// Completes a turn with the question of the node the session is at.
    mutating func finish(_ turn: Turn, presentAgain: Bool = true) -> Turn {
        var turn = turn
        if !turn.flags.contains("reask") { misunderstoodInARow = 0 }
        turn.node = current
        if presentAgain && waiting != .ended { present(into: &turn) }
        turn.state = state
        turn.reported = reported
        turn.denied = denied
        turn.scores = scores.keys.sorted().map { ($0, scores[$0] ?? 0) }
        if waiting == .ended && turn.summary == nil {
            turn.summary = summary()
        }
        hasOpened = true
        return turn
    }

    var state: Turn.State {
        switch waiting {
        case .ended: return .ended
        case .scaleItem: return .awaitingNumber
        case .choice: return .awaitingChoice
        case .answer:
            switch bundle.nodes[current]?.expect {
            case .number: return .awaitingNumber
            case .yesNo: return .awaitingChoice
            default: return .awaitingText
            }
        }
    }

    /// The question and choices of the current node (or the current scale item).
    func present(into turn: inout Turn) {
        guard let node = bundle.nodes[current] else { return }
        switch waiting {
        case .scaleItem(let i):
            guard let name = node.scale?.value, let scale = bundle.scales[name], i < scale.items.count else { return }
            turn.ask = "\(i + 1) of \(scale.items.count): \(render(scale.items[i].text))"
            if let ask = scale.ask { turn.ask = render(ask) + "\n" + (turn.ask ?? "") }
            turn.choices = scale.range.map { n in scale.labels[n].map { "\(n) \($0)" } ?? "\(n)" }
        case .choice:
            // A closure, not `map(render)`: the partially applied method copies the session.
            turn.ask = node.ask.map { render($0) }
            if let ambiguous = pendingAmbiguity {
                turn.choices = ambiguous.map { render(node.choices[$0].label) }
            } else {
                turn.choices = visibleChoices(of: node).map { render($0.label) }
            }
        case .answer:
            turn.ask = node.ask.map { render($0) }
            if node.expect == .yesNo { turn.choices = ["Yes", "No"] }
        case .ended:
            break
        }
    }

    func visibleChoices(of node: DialogNode) -> [Choice] {
        visibleChoiceIndexes(of: node).map { node.choices[$0] }
    }

    /// The indexes in the node of the choices whose conditions hold.
    func visibleChoiceIndexes(of node: DialogNode) -> [Int] {
        // One lookup for every condition: nothing changes the variables in between.
        let lookup = self.lookup
        return node.choices.indices.filter { node.choices[$0].condition.map { Evaluator.evaluate($0.expression, in: lookup).isTrue } ?? true }
    }

    // MARK: - Moving between nodes

    /// Enters a node: runs its `set`, says its texts, and follows `branch` and `next` as
    /// far as a node that waits for input or ends.
    mutating func enter(_ id: NodeID, into turn: inout Turn) {
        var target = id
        pendingAmbiguity = nil
        for _ in 0..<Session.maxHops {
            guard let node = bundle.nodes[target] else { return }
            current = target
            note(visit: node)
            assign(node.set)
            turn.say += texts(of: node)
            turn.say += shownResources(of: node)
            if let n = node.note { turn.notes.append(render(n)) }
            if node.end {
                waiting = .ended
                turn.summary = summary()
                turn.say += turn.summary?.lines ?? []
                return
            }
            if !node.branch.isEmpty {
                if let route = firstBranch(of: node) {
                    assign(route.set)
                    turn.notes.append("branch: \(route.label) → \(route.goto.target)")
                    target = route.goto.target
                    continue
                }
                return
            }
            if node.scale != nil {
                history.append(target)
                waiting = .scaleItem(0)
                return
            }
            if !node.choices.isEmpty {
                history.append(target)
                waiting = .choice
                return
            }
            if node.expect != nil {
                history.append(target)
                waiting = .answer
                return
            }
            if let next = node.next {
                target = next.target
                continue
            }
            return
        }
    }

    mutating func note(visit node: DialogNode) {
        if topics.last != node.id.file && !topics.contains(node.id.file) { topics.append(node.id.file) }
        for flag in node.flags where !redFlags.contains(flag.value) { redFlags.append(flag.value) }
    }

    mutating func assign(_ assignments: [Assignment]) {
        for a in assignments { variables[a.name] = Evaluator.evaluate(a.expression, in: lookup) }
    }

    /// The first of `node`'s `branch` routes whose condition holds; `else` always holds.
    /// There is no input to read, so a route with phrases never holds.
    func firstBranch(of node: DialogNode) -> Route? {
        node.branch.first { route in
            if route.isElse { return true }
            if !route.match.isEmpty { return false }
            return route.condition.map { Evaluator.evaluate($0.expression, in: lookup).isTrue } ?? true
        }
    }

    /// The first of `node`'s `routes` whose phrases match the input (or that has none)
    /// and whose condition holds; `else` always holds.
    mutating func firstRoute(of node: DialogNode, input: NormalizedText) -> Route? {
        for (index, route) in node.routes.enumerated() {
            if route.isElse { return route }
            if !route.match.isEmpty, !recognizer.matchesRoute(index, of: node.id, in: input) { continue }
            if route.condition.map({ Evaluator.evaluate($0.expression, in: lookup).isTrue }) ?? true { return route }
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
            out.append(item.variants[pick].interpolation.render(with: lookup))
        }
        return out
    }

    mutating func shownResources(of node: DialogNode) -> [String] {
        guard let show = node.show else { return [] }
        let roles = show.roles.map(\.value), tags = show.tags.map(\.value)
        let picked = bundle.resources.filter { r in
            r.region.value == region.code
                && ((r.role.map(roles.contains) ?? false) || r.tags.contains(where: tags.contains))
        }
        var lines: [String] = []
        for r in picked {
            var line = r.contact
            if let hours = r.hours { line += ", \(hours)" }
            if let note = r.note { line += ". \(note)" }
            lines.append(line)
            if !resourcesShown.contains(r.contact) { resourcesShown.append(r.contact) }
        }
        return lines
    }

    /// The emergency numbers of the region, for a line that might be a crisis.
    mutating func safetyNote() -> [String] {
        Summary.dangerNote(emergencyContacts()).map { [$0] } ?? []
    }

    func render(_ text: DialogText) -> String {
        text.interpolation.render(with: lookup)
    }

    func label(ofSymptom id: String) -> String {
        bundle.symptoms.first { $0.id == id }?.label ?? id
    }

    func reaskHint() -> String {
        switch waiting {
        case .scaleItem: return "Please answer with a number from the list."
        case .answer:
            switch bundle.nodes[current]?.expect {
            case .number(let r): return "Please answer with a number from \(Int(r.lowerBound)) to \(Int(r.upperBound))."
            case .yesNo: return "Please answer yes or no."
            default: return "Sorry, I didn't understand that."
            }
        default:
            return "Sorry, I didn't understand that. You can type the number of a choice, or `help`."
        }
    }

    /// The variables as expressions read them.
    var lookup: SessionLookup {
        SessionLookup(variables: variables, reported: reported, denied: denied, scores: scores,
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
    static func command(in line: String) -> String? {
        var word = Substring(line)
        while word.first == " " { word.removeFirst() }
        while word.last == " " { word.removeLast() }
        if word.first == ":" { word.removeFirst() }
        let lower = word.lowercased()
        return commands.contains(lower) ? lower : nil
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
    var rubricMarks: [String: (line: String, phrase: String)] = [:]

    func value(of name: String) -> Value? {
        if let v = variables[name] { return v }
        if name.hasPrefix("rubric."), let item = rubric.first(where: { $0.variable == name }) {
            // A move is met once said; a must-not holds until it is broken.
            return .bool((rubricMarks[item.id] != nil) != item.avoid)
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

/// A small, seedable random number generator (SplitMix64): the same seed gives the same
/// `one-of` picks on every machine.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
