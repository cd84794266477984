import DialogMatching
import DialogModel

/// Follow-ups: after a typed question is answered (an intent with `return: true` and
/// `follow-ups:`), the choices of the answer's node that it names are offered, with the
/// way back to where the person was. A question typed shows a node's texts, not its
/// menu: what lies one choice further (the details of a topic, kept off its first screen
/// to keep that screen short) would otherwise be out of reach of a person who types.
///
/// Open for one line, as "Did you mean …?" is: a follow-up's number, label or phrase
/// shows that node's texts; its last number, "back" or "no" goes back; any other line is
/// read as usual where the person was.
extension Session {
    /// The label of the way back, offered last.
    static let followUpBackLabel = "Back to where we were"
    /// The id of the way back among the turn's choices.
    public static let followUpBackID = "back"
    /// The ids of the choices the session offers itself, beside the bundle's: the way back
    /// from follow-ups, and yes and no to "Do you want to end our conversation now?".
    public static let builtInChoiceIDs: Set<String> = [followUpBackID, "yes", "no"]

    /// The indexes of the choices of `node` that `intent` offers after its answer: those
    /// its `follow-ups:` name whose conditions hold, in the node's order.
    func followUpChoices(of intent: Intent, at node: DialogNode) -> [Int] {
        guard !intent.followUps.isEmpty else { return [] }
        let named = Set(intent.followUps.flatMap { [$0.value, NodeID($0.value, in: node.id.file).description] })
        return visibleChoiceIndexes(of: node).filter { named.contains(node.choices[$0].id) }.sorted()
    }

    /// The offer as the turn shows it.
    func presentFollowUps(_ offer: SessionState.FollowUps, into turn: inout Turn) {
        guard let node = bundle.nodes[offer.node] else { return }
        let lookup = self.lookup
        turn.ask = "Would you like to know more?"
        turn.choices =
            offer.choices.compactMap { id in
                node.choices.first { $0.id == id }.map { Turn.Choice(id: $0.id, label: $0.label.interpolation.render(with: lookup)) }
            } + [Turn.Choice(id: Session.followUpBackID, label: Session.followUpBackLabel)]
    }

    /// Takes a follow-up, or the way back, when the line picks one; false for any other
    /// line, which is then read as usual.
    mutating func answerFollowUp(_ text: NormalizedText, offer: SessionState.FollowUps, turn: inout Turn) -> Bool {
        guard let node = bundle.nodes[offer.node] else { return false }
        let lookup = self.lookup
        let offered = offer.choices.compactMap { id in node.choices.firstIndex { $0.id == id } }
        let labels = offered.map { node.choices[$0].label.interpolation.render(with: lookup) }
        guard let picked = recognizer.followUp(text, choices: offered.map { node.choices[$0] }, labels: labels) else { return false }
        guard picked < offered.count else {
            turn.matched = Turn.Match(by: .choice, id: Session.followUpBackID, phrase: nil)
            return true
        }
        let index = offered[picked]
        let choice = node.choices[index]
        turn.matched = Turn.Match(by: .choice, id: choice.id, phrase: nil)
        turn.trace.append(.choice(node: node.id, index: index, id: choice.id, label: labels[picked], means: nil))
        if let target = bundle.nodes[choice.goto.target] {
            note(visit: target)
            turn.say += texts(of: target)
            turn.say += shownResources(of: target, into: &turn)
            addNote(of: target, to: &turn)
        }
        return true
    }
}

extension Recognizer {
    /// Which of the offered follow-ups a line picks, by place (the last place past them,
    /// "back", "go back" or a plain no is the way back): their number or ordinal, their
    /// label, or one of their `match` phrases; nil for any other line.
    func followUp(_ text: NormalizedText, choices: [Choice], labels: [String]) -> Int? {
        if let n = Ordinals.read(text), n >= 1, n <= choices.count + 1 { return n - 1 }
        let words = text.words.map(\.text)
        // A question is read as one, not as a no: "is it normal to feel this depressed, like
        // i cant feel anything" asks about feeling low, and is no way back.
        if words == ["back"] || words == ["go", "back"] || (yesNo(text) == false && !text.asksSomething) { return choices.count }
        if choices.count == 1, yesNo(text) == true { return 0 }
        let set = PhraseSet(
            choices.indices.map { i in
                (id: i, phrases: [PhrasePattern(labels[i])] + patterns(choices[i].match))
            })
        if case .unique(let hit) = set.rank(in: text) { return hit.id }
        return nil
    }
}
