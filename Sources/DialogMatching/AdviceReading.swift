/// How a line says a piece of advice: as advice ("call 911 now"), negated ("he doesn't
/// need 911"), dismissed ("don't bother with 911", "911 is overkill", "forget the
/// narcan"), or only as a condition ("if you don't call 911 he could die").
///
/// Training rubrics read a trainee's lines with it: an instruction that is negated or
/// dismissed does not make the move, and for a critical move it counts against.
package enum AdviceReading: Sendable, Equatable {
    case affirmed
    case negated
    case dismissed
    /// Negated inside an "if" or "unless" clause ("if you don't call 911 he could die"), or
    /// only doubted ("I'm not sure about the spray"): neither advice nor its refusal.
    case conditional

    /// How the words `words` of `text` (an occurrence of a phrase) are said. With
    /// `urging`, a negation that only urges ("don't hesitate to call 911") affirms; without
    /// it (for what advice warns against: "don't let him cancel") it negates.
    package static func of(_ words: Range<Int>, in text: NormalizedText, urging: Bool = true) -> AdviceReading {
        let all = text.words
        guard !words.isEmpty, words.upperBound <= all.count else { return .affirmed }
        let clause = text.scopes.clauseWords(of: words.lowerBound)
        let before = all[clause.lowerBound..<words.lowerBound].map(\.text)
        if let cue = text.scopes.negationCue(of: words.lowerBound), !urging || !encourages(after: cue, upTo: words.lowerBound, in: all) {
            // "even if he doesn't want the ambulance", "he doesn't like the spray": what
            // someone else wants, or a concession, is no advice either way.
            if cue + 1 < all.count, preferenceVerbs.contains(all[cue + 1].text) { return .conditional }
            // "even if he says no to the ambulance": a refusal reported, not advised.
            if all[cue].text == "no", cue > 0, ["say", "says", "said", "saying"].contains(all[cue - 1].text) { return .conditional }
            if (clause.lowerBound..<cue).contains(where: { all[$0].text == "even" && $0 + 1 < cue && ["if", "though", "when"].contains(all[$0 + 1].text) }) {
                return .conditional
            }
            if cue + 1 < all.count, ["sure", "certain", "positive"].contains(all[cue + 1].text) { return .conditional }
            let conditionOpens = before.contains { conditionWords.contains($0) }
            // "if he doesn't wake up call 911": a command after the condition restarts.
            // (A command right after the negation is the one negated: "if you don't call 911".)
            if conditionOpens, (cue + 2..<max(cue + 2, words.lowerBound)).contains(where: { commands.contains(all[$0].text) }) {
                return .affirmed
            }
            return conditionOpens ? .conditional : .negated
        }
        // "don't just let him sleep": "just" ends a negation's reach elsewhere, but right
        // after the negation it is part of it.
        if let k = (max(clause.lowerBound, words.lowerBound - 3)..<words.lowerBound).first(where: { ["just", "only", "simply"].contains(all[$0].text) }),
           k > 0, ["not", "never"].contains(all[k - 1].text) {
            return .negated
        }
        // "won't stop withdrawal": a negation right before the advice negates it, even
        // where the negation's reach ends at a verb ("can't stop vomiting" affirms).
        if (max(clause.lowerBound, words.lowerBound - 2)..<words.lowerBound).contains(where: { ["not", "never", "cannot"].contains(all[$0].text) }) {
            return .negated
        }
        if dismissedBefore(before) { return .dismissed }
        // A phrase with a gap may reach past its first word's clause: what follows it
        // is read up to its own clause's end.
        let afterEnd = max(words.upperBound, min(text.scopes.clauseWords(of: words.upperBound - 1).upperBound, words.upperBound + 5))
        let after = all[words.upperBound..<afterEnd].map(\.text)
        if dismissedAfter(after) { return .dismissed }
        return .affirmed
    }

    /// Whether a negation only urges ("don't hesitate to call 911", "don't wait, call").
    private static func encourages(after cue: Int, upTo end: Int, in words: [Word]) -> Bool {
        (cue + 1..<end).contains { urgingVerbs.contains(words[$0].text) }
    }

    /// "no need for", "forget", "skip", "instead of", "rather than", "hold off on" before
    /// the advice in its clause.
    private static func dismissedBefore(_ before: [String]) -> Bool {
        for i in before.indices {
            let w = before[i]
            if ["forget", "skip", "skipping", "ditch", "overkill", "pointless", "unnecessary"].contains(w) { return true }
            if w == "instead" || w == "rather", i + 1 < before.count, ["of", "than"].contains(before[i + 1]) { return true }
            if w == "hold" || w == "put", i + 1 < before.count, before[i + 1] == "off" { return true }
            if w == "waste", i + 1 < before.count, before[i + 1] == "of" { return true }
        }
        return false
    }

    /// "911 isn't necessary", "narcan won't help", "911 is overkill", "that can wait",
    /// "narcan doesn't work on that": what comes after the advice takes it back.
    private static func dismissedAfter(_ after: [String]) -> Bool {
        guard !after.isEmpty else { return false }
        var i = 0
        // "911 is not needed", "narcan will not help", "narcan does not work".
        if i < after.count, auxiliaries.contains(after[i]) { i += 1 }
        if i < after.count, ["probably", "really", "just", "totally", "honestly", "prob"].contains(after[i]) { i += 1 }
        // Only a negation of what the advice does: "narcan won't hurt him", "911 isn't
        // the only step" and "narcan doesn't last" do not take it back.
        if i < after.count, ["not", "never", "no"].contains(after[i]), i > 0, i + 1 < after.count,
           dismissivePredicates.contains(after[i + 1]) {
            return true
        }
        if i < after.count, ["overkill", "pointless", "unnecessary", "useless", "optional", "excessive"].contains(after[i]) { return true }
        if i + 1 < after.count, after[i] == "a", ["waste", "bit", "overreaction"].contains(after[i + 1]) { return true }
        if i + 1 < after.count, after[i] == "can", after[i + 1] == "wait" { return true }
        if i < after.count, after[i] == "too", i + 1 < after.count, ["much", "extreme", "dramatic"].contains(after[i + 1]) { return true }
        return false
    }

    /// What a negation after the advice says it does not do: "911 is not needed",
    /// "narcan won't help", "narcan doesn't work", "911 is not necessary".
    private static let dismissivePredicates: Set<String> = [
        "help", "helping", "work", "working", "needed", "necessary", "required", "do", "matter", "going", "gonna",
        "useful", "worth", "important", "need", "needs", "apply", "relevant", "a",
    ]
    /// Verbs of wanting: negated, they tell what someone prefers, not what to do.
    private static let preferenceVerbs: Set<String> = ["want", "wants", "like", "likes", "feel", "wanna"]
    private static let conditionWords: Set<String> = ["if", "unless", "whether", "otherwise", "or", "else", "when", "once", "si"]
    private static let commands: Set<String> = [
        "call", "dial", "ring", "phone", "give", "use", "get", "grab", "spray", "put", "stay", "keep", "turn", "roll",
        "tell", "go", "start", "check",
    ]
    private static let urgingVerbs: Set<String> = [
        "hesitate", "wait", "delay", "afraid", "scared", "shy", "embarrassed", "feel", "think", "second",
        "hang", "panic", "cancel", "let", "send", "refuse", "stop", "forget", "worry", "off", "away", "back",
        "decide", "argue",
    ]
    private static let auxiliaries: Set<String> = [
        "is", "are", "was", "will", "would", "does", "do", "did", "can", "could", "should", "isnt", "wont", "aint",
        "might", "may", "probably",
    ]
}
