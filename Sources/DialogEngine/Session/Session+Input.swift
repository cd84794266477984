import DialogMatching
import DialogModel

extension Session {
    /// Reads a line against what the current node waits for. Returns false when the
    /// line is not an answer here, so that topic intents get a chance.
    mutating func handleAtNode(_ input: NormalizedText, turn: inout Turn) -> Bool {
        guard let node = bundle.nodes[current] else { return false }
        switch waiting {
        case .ended:
            return false
        case .choice:
            return pickChoice(input, node: node, turn: &turn)
        case .answer:
            return readAnswer(input, node: node, turn: &turn)
        case .scaleItem(let index):
            return readScaleItem(input, index: index, node: node, turn: &turn)
        }
    }

    private mutating func pickChoice(_ input: NormalizedText, node: DialogNode, turn: inout Turn) -> Bool {
        let places = pendingAmbiguity.map { $0.filter { node.choices.indices.contains($0) } } ?? visibleChoiceIndexes(of: node)
        let offered = places.map { node.choices[$0] }
        // One lookup for every label: a closure that called a method of this mutating
        // session would copy the session for each choice (a menu of thousands, slow).
        let lookup = self.lookup
        let labels = offered.map { $0.label.interpolation.render(with: lookup) }
        switch recognizer.choice(input, node: node.id, offered: places, labels: labels, phrases: offered.map { $0.match.map(\.text) }) {
        case .one(let index, let phrase, let score):
            // A topic question read more strongly than by the phrase that picked the
            // choice is answered by its topic: a longer phrase ("can I drink alcohol on
            // baclofen" at a menu whose choice matches "baclofen"), or a close example
            // ("is baclofen safe with my kidney problems").
            if let score, let topic = recognizer.topicReading(in: input).best,
                topic.score.map({ $0 > score }) == true || topic.strength > Recognizer.strength(of: score)
            {
                return false
            }
            pick(places[index], of: node, label: labels[index], phrase: phrase, means: nil, turn: &turn)
            return true
        case .ambiguous(let indexes):
            // Ask which was meant, offering only the candidates.
            pendingAmbiguity = indexes.map { places[$0] }
            turn.flags.append(.ambiguous)
            turn.say.append("Did you mean " + indexes.map { "“\(labels[$0])”" }.joined(separator: " or ") + "?")
            return true
        case .none:
            // A menu whose choices mean yes, no or "none of these" takes those words too:
            // "yep", "nah im good", "none of them"; but not the "i have" of a statement
            // that opens a question.
            guard !opensAQuestionWithAStatement(input), !asksInsteadOfAnswering(input),
                let index = recognizer.meaningPick(input, meanings: offered.map(\.meaning))
            else { return false }
            pick(places[index], of: node, label: labels[index], phrase: nil, means: offered[index].meaning, turn: &turn)
            return true
        }
    }

    /// Takes the choice at `index` of the node's choices.
    private mutating func pick(_ index: Int, of node: DialogNode, label: String, phrase: String?, means: ChoiceMeaning?, turn: inout Turn) {
        let choice = node.choices[index]
        pendingAmbiguity = nil
        turn.matched = Turn.Match(by: .choice, id: choice.id, phrase: phrase)
        turn.trace.append(.choice(node: node.id, index: index, id: choice.id, label: label, means: means))
        if node.isQuestion { answers[node.id.description] = choice.right }
        assign(choice.set, into: &turn)
        enter(choice.goto.target, into: &turn)
    }

    private mutating func readAnswer(_ line: NormalizedText, node: DialogNode, turn: inout Turn) -> Bool {
        guard let expect = node.expect else { return false }
        var input = line
        let value: Value
        switch expect {
        case .text:
            value = .string(input.original)
        case .yesNo:
            if let answer = answerBeforeQuestion(input), recognizer.yesNo(answer) != nil {
                input = answer
            } else if asksInsteadOfAnswering(input) {
                return false
            }
            // "Yes" and "No" are offered as choices 1 and 2.
            let number = recognizer.number(input)
            guard let yes = recognizer.yesNo(input) ?? (number == 1 ? true : number == 2 ? false : nil) else { return false }
            value = .bool(yes)
        case .number(let range):
            guard let n = recognizer.number(input) else { return false }
            guard range.contains(n) else {
                turn.flags.append(.reask)
                turn.say.append("Please answer with a number from \(NumberFormatting.text(range.lowerBound)) to \(NumberFormatting.text(range.upperBound)).")
                return true
            }
            value = .number(n)
        case .symptoms:
            value = .list(record(symptomsIn: input).map { .string($0) })
        }
        variables["answer"] = value
        turn.trace.append(.set("answer"))
        if let save = node.save {
            variables[save.value] = value
            turn.trace.append(.set(save.value))
        }
        turn.matched = Turn.Match(by: .answer, id: node.save?.value ?? "answer", phrase: nil)
        if let index = firstRoute(of: node, input: input) {
            let route = node.routes[index]
            turn.trace.append(.route(node: node.id, index: index, label: route.label, target: route.goto.target))
            if node.isQuestion { answers[node.id.description] = route.right }
            assign(route.set, into: &turn)
            enter(route.goto.target, into: &turn)
        } else if let next = node.next {
            enter(next.target, into: &turn)
        } else {
            // No route held: the answer is kept, and the question stays.
            turn.flags.append(.reask)
        }
        return true
    }

    private mutating func readScaleItem(_ line: NormalizedText, index: Int, node: DialogNode, turn: inout Turn) -> Bool {
        guard let name = node.scale?.value, let scale = bundle.scales[name] else { return false }
        var input = line
        if let answer = answerBeforeQuestion(input), recognizer.scaleAnswer(answer, scale: scale) != nil {
            input = answer
        } else if asksInsteadOfAnswering(input) {
            return false
        }
        guard let score = recognizer.scaleAnswer(input, scale: scale) else {
            // A number out of range is clearly an attempt at an answer: say so.
            if let n = recognizer.number(input) {
                turn.flags.append(.reask)
                turn.say.append("\(NumberFormatting.text(n)) is not on this scale: please answer from \(scale.range.lowerBound) to \(scale.range.upperBound).")
                return true
            }
            return false
        }
        // Item `index` is the next one: entering the scale cleared it, `back` took items off.
        _ = rewindScale(name, to: index)
        scores[name, default: 0] += score
        answered[name, default: 0] += 1
        if scalePoints[name]?.count == index { scalePoints[name]?.append(score) } else { scalePoints[name] = nil }
        turn.trace.append(.scaleItem(scale: name, item: index + 1, score: score))
        if let id = scale.items[index].id {
            variables[id] = .number(Double(score))
            turn.trace.append(.set(id))
        }
        turn.matched = Turn.Match(by: .scale, id: "\(name) \(index + 1)", phrase: nil)
        if index + 1 < scale.items.count {
            waiting = .scaleItem(index + 1)
        } else if let next = node.next {
            enter(next.target, into: &turn)
        } else {
            waiting = .choice
        }
        return true
    }

    /// Whether a line is a question put where an answer was asked for ("is baclofen safe
    /// with bad kidneys?" at a checklist item, "has the FDA ok'd baclofen?" at a yes-or-no
    /// question): a line of four words or more that does not begin with an answer ("yes,
    /// how long will it take?" is an answer), and that
    /// - a topic reads clearly as a question, or
    /// - asks from its first clause ("how fast does tolerance drop once you quit"), or after
    ///   a clause too long to be an answer ("never heard of baclofen before, what is it").
    /// Its words ("bad", "quit", "never") are not the answer; its topic answers it, or it
    /// is not understood, and the question stays. "pretty bad, is that normal?" is an answer.
    private func asksInsteadOfAnswering(_ input: NormalizedText) -> Bool {
        // A number among fillers is an answer, however it is put ("how about a 3").
        guard input.words.count >= 4, let first = input.words.first, recognizer.number(input) == nil,
            YesNo.read(NormalizedText(first.text)) == nil, Ordinals.cardinal(first.text) == nil, Double(first.text) == nil
        else { return false }
        if let asking = input.firstAskingClause {
            let before = input.scopes.clauseWords[..<asking].reduce(0) { $0 + $1.count }
            if before == 0 || before > Self.longestAnswerBeforeAQuestion { return true }
        }
        guard input.words.indices.contains(where: input.isQuestion(at:)), let topic = recognizer.topicReading(in: input).best else { return false }
        return topic.strength >= Recognizer.clearQuestion
    }

    /// Whether a line opens a question with a statement ("i have kidney disease, is
    /// baclofen safe for me?") that a topic answers clearly and that carries no danger
    /// word: at a menu whose choices mean yes and no, its "i have" is no yes. At a safety
    /// question, "i have chest pain, what do i do" is still yes.
    private func opensAQuestionWithAStatement(_ input: NormalizedText) -> Bool {
        guard YesNo.opensWithStatement(input),
            // Run-ons ask too: "im on dialysis can i take baclofen".
            input.firstAskingClause != nil
                || input.words.indices.contains(where: { input.isQuestion(at: $0) || input.asksInverted(at: $0) }),
            !recognizer.carriesDanger(in: input),
            let topic = recognizer.topicReading(in: input).best
        else { return false }
        return topic.strength >= Recognizer.clearQuestion
    }

    /// The most words an answer before a question may have ("i guess so, what next?").
    static let longestAnswerBeforeAQuestion = 4

    /// The clauses before the question of a line that opens with a short answer and then
    /// asks ("pretty bad, is that normal?"), for the answer to be read from them alone.
    private func answerBeforeQuestion(_ input: NormalizedText) -> NormalizedText? {
        guard let asking = input.firstAskingClause, asking > 0 else { return nil }
        let clauses = input.scopes.clauseWords
        let before = clauses[..<asking].reduce(0) { $0 + $1.count }
        guard before <= Self.longestAnswerBeforeAQuestion, let first = clauses[asking].first else { return nil }
        return NormalizedText(String(input.original[..<input.words[first].range.lowerBound]))
    }

    /// Adds the symptoms a line reports and denies to the session's; a later line
    /// overrides an earlier one. Returns the ones this line reports.
    @discardableResult
    mutating func record(symptomsIn input: NormalizedText) -> [String] {
        let found = recognizer.symptoms(in: input)
        for id in found.reported where !reported.contains(id) {
            reported.append(id)
            denied.removeAll { $0 == id }
        }
        for id in found.denied where !denied.contains(id) && !found.reported.contains(id) {
            denied.append(id)
            reported.removeAll { $0 == id }
        }
        return found.reported
    }

    // MARK: - Commands

    mutating func runCommand(_ command: Command, turn: inout Turn) -> Turn {
        switch command {
        case .quit:
            return end(replacing: turn)
        case .summary:
            turn.say += summary().lines
        case .help:
            turn.say.append(
                "Type the number or the words of a choice, or ask a question in your own words. "
                    + "Commands: back, repeat, restart, summary, quit.")
        case .repeat:
            // The texts again, and for staff the node's note again.
            if let node = bundle.nodes[current], !isEnded {
                turn.say += texts(of: node)
                addNote(of: node, to: &turn)
            }
        case .back:
            if case .scaleItem(let i) = waiting, i > 0, let name = bundle.nodes[current]?.scale?.value {
                // One item back, its points taken off the total.
                waiting = .scaleItem(rewindScale(name, to: i - 1))
            } else if history.count >= 2 {
                history.removeLast()
                let previous = history.removeLast()
                if let node = bundle.nodes[previous], node.waitsForInput, let name = node.scale?.value,
                    let scale = bundle.scales[name], !scale.items.isEmpty, answered[name] == scale.items.count
                {
                    // Back from after a finished scale: to its last item, its points taken off.
                    remember(previous)
                    current = previous
                    pendingAmbiguity = nil
                    turn.trace.append(.entered(previous))
                    waiting = .scaleItem(rewindScale(name, to: scale.items.count - 1))
                } else {
                    enter(previous, into: &turn)
                }
            } else {
                turn.say.append("We are at the beginning.")
            }
        case .restart:
            history.removeAll()
            variables = ["region": .string(region.code)]
            scores = [:]
            answered = [:]
            scalePoints = [:]
            rubricMarks = [:]
            answers = [:]
            choiceOrders = [:]
            enter(startNode, into: &turn)
        case .reload:
            // The front end reads the files and calls `reload(_:amending:)`.
            turn.trace.append(.request(.reload))
        }
        return finish(turn)
    }

    private mutating func end(replacing turn: Turn) -> Turn {
        waiting = .ended
        var turn = turn
        turn.summary = summary()
        turn.say += turn.summary?.lines ?? []
        return finish(turn, presentAgain: false)
    }
}

/// Numbers as the person reads them: `3`, not `3.0`.
enum NumberFormatting {
    static func text(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }
}
