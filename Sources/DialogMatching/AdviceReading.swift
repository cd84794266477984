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
    /// Negated inside an "if" or "unless" clause ("if you don't call 911 he could die"),
    /// only doubted ("I'm not sure about the spray"), someone else's wish ("even if he
    /// doesn't want the ambulance"), or only mentioned ("people say junkie"): neither
    /// advice nor its refusal.
    case conditional

    /// How the words `words` of `text` (an occurrence of a phrase) are said. With
    /// `urging`, a negation that only urges ("don't hesitate to call 911") affirms; without
    /// it (for what advice warns against: "don't let him cancel") it negates.
    package static func of(_ words: Range<Int>, in text: NormalizedText, urging: Bool = true) -> AdviceReading {
        let all = text.words
        guard !words.isEmpty, words.upperBound <= all.count else { return .affirmed }
        let clause = text.scopes.clauseWords(of: words.lowerBound)
        let before = all[clause.lowerBound..<words.lowerBound].map(\.text)
        // Words quoted or reported ("I won't say 'junkie'", "some people call it getting
        // clean") are mentioned, not said as advice.
        if isMentioned(words, in: text, clauseStart: clause.lowerBound) { return .conditional }
        if let cue = text.scopes.negationCue(of: words.lowerBound) {
            // "why not let him sleep?": a question that suggests, not a negation.
            if cue > 0, all[cue - 1].text == "why" { return .affirmed }
            // "don't call the ambulance off": the negated verb is the one that undoes the
            // advice; "don't hesitate to call 911", "don't skip the naloxone" urge it.
            if urging,
                words.upperBound < all.count && ["off", "away"].contains(all[words.upperBound].text)
                    || encourages(after: cue, upTo: words.lowerBound, in: all)
            {
                return .affirmed
            }
            // "you don't need training for the spray": the negation is about something else.
            if (cue + 1..<words.lowerBound).contains(where: {
                ["need", "needs"].contains(all[$0].text) && $0 + 1 < words.lowerBound
                    && !["for", "to"].contains(all[$0 + 1].text) && all[$0 + 2..<words.lowerBound].contains { $0.text == "for" }
            }) {
                return .affirmed
            }
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
        // (Only in a command: "detox programs aren't just for drug abusers" says "drug abusers".)
        if let k = (max(clause.lowerBound, words.lowerBound - 3)..<words.lowerBound).first(where: { ["just", "only", "simply"].contains(all[$0].text) }),
            k > 0, all[k - 1].text == "never" || k > 1 && all[k - 1].text == "not" && all[k - 2].text == "do"
        {
            return .negated
        }
        // "won't stop withdrawal": a negation right before the advice negates it, even
        // where the negation's reach ends at a verb ("can't stop vomiting" affirms).
        if (max(clause.lowerBound, words.lowerBound - 2)..<words.lowerBound).contains(where: { ["not", "never", "cannot", "nobody"].contains(all[$0].text) }) {
            return .negated
        }
        // "please don't put him in a shower or walk him around": a negative command
        // governs its whole clause, however long.
        let opening = Array(before.drop { ["please", "and", "so", "just", "but", "also", "then", "oh", "ok", "okay"].contains($0) })
        if opening.starts(with: ["do", "not"]) || opening.first == "never",
            !urging || !opening.contains(where: { urgingVerbs.contains($0) })
        {
            return .negated
        }
        if dismissedBefore(before) { return .dismissed }
        // A phrase with a gap may reach past its first word's clause: what follows it
        // is read up to its own clause's end.
        let afterEnd = max(words.upperBound, min(text.scopes.clauseWords(of: words.upperBound - 1).upperBound, words.upperBound + 10))
        let after = all[words.upperBound..<afterEnd].map(\.text)
        if dismissedAfter(after) { return .dismissed }
        // "911? Nah.": a sentence of its own, answered at once.
        if afterEnd == words.upperBound, afterEnd < all.count, ["nah", "nope"].contains(all[afterEnd].text) { return .dismissed }
        return .affirmed
    }

    /// Whether an occurrence lies in a clause that opens with "if", "unless" or "in case":
    /// a hypothesis ("if you take pills like you used to, you could overdose"), not advice.
    /// With `includingWhen`, a "when" clause counts too ("when you take an opioid every day,
    /// the body adapts" tells of use; an amount in it is no dose).
    package static func isHypothetical(_ words: Range<Int>, in text: NormalizedText, includingWhen: Bool = false) -> Bool {
        let all = text.words
        guard !words.isEmpty, words.upperBound <= all.count else { return false }
        let clause = text.scopes.clauseWords(of: words.lowerBound)
        // The whole occurrence must lie in the clause ("if you've got any xanax around,
        // that'll calm you" advises), and no command starts it ("if …, just do it alone").
        guard text.scopes.clauseWords(of: words.upperBound - 1) == clause, !["just", "then"].contains(all[words.lowerBound].text),
            !commands.contains(all[words.lowerBound].text)
        else { return false }
        // "if the cramps get bad it's okay to use": the main clause has begun.
        let between = all[clause.lowerBound..<words.lowerBound].map(\.text)
        if between.contains("then")
            || between.count > 3
                && zip(between.dropFirst(3), between.dropFirst(4)).contains(where: {
                    ["it", "you"].contains($0) && ["is", "can", "could", "should"].contains($1)
                })
        {
            return false
        }
        let opening = all[clause.lowerBound..<words.lowerBound].map(\.text).drop { ["and", "but", "so", "even", "just"].contains($0) }
        let openers: Set<String> = includingWhen ? ["if", "unless", "whether", "when", "whenever"] : ["if", "unless", "whether"]
        return opening.first.map { openers.contains($0) } == true || opening.starts(with: ["in", "case"])
    }

    /// Whether a label is refused rather than given: "nobody here thinks of you as a junkie",
    /// "I'm not going to call him a junkie".
    package static func refusesLabel(_ words: Range<Int>, in text: NormalizedText) -> Bool {
        let all = text.words
        guard !words.isEmpty, words.upperBound <= all.count else { return false }
        let clause = text.scopes.clauseWords(of: words.lowerBound)
        let before = all[clause.lowerBound..<words.lowerBound].map(\.text)
        let labelling = before.suffix(7).contains { ["call", "calls", "think", "thinks", "label", "see", "treat", "as"].contains($0) }
        let refused = before.contains { ["not", "never", "nobody", "no", "noone"].contains($0) }
        return labelling && refused
    }

    /// Whether an occurrence is only mentioned: inside quotation marks, or after a verb of
    /// saying with someone else as its subject ("people say junkie", "the site said three
    /// a day", "some people call it getting clean").
    package static func isMentioned(_ words: Range<Int>, in text: NormalizedText, clauseStart: Int? = nil) -> Bool {
        let all = text.words
        guard !words.isEmpty, words.upperBound <= all.count else { return false }
        if words.contains(where: { isQuoted(all[$0].range.lowerBound, in: text.original) }) { return true }
        let start = clauseStart ?? text.scopes.clauseWords(of: words.lowerBound).lowerBound
        for k in start..<words.lowerBound where sayingVerbs.contains(all[k].text) {
            // "people say", "people will tell you", "your sister says".
            if (max(start, k - 2)..<k).contains(where: { reporters.contains(all[$0].text) }) { return true }
        }
        // "I know you want to let him sleep", "it's tempting to let him rest": someone
        // else's wish, told back.
        for k in start..<words.lowerBound {
            if ["want", "wants", "wanted"].contains(all[k].text), k > 0, ["you", "he", "she", "they"].contains(all[k - 1].text) { return true }
            if all[k].text == "tempting" { return true }
        }
        return false
    }

    /// Whether the character at `index` lies between quotation marks of its line: “…”,
    /// "…", or '…' opened after a space (so that the apostrophe of "don't" opens nothing).
    private static func isQuoted(_ index: String.Index, in line: String) -> Bool {
        var open: Character? = nil
        var previous: Character = " "
        var i = line.startIndex
        while i < index {
            let c = line[i]
            if let o = open {
                let closes =
                    (o == "“" && c == "”") || (o == "\"" && c == "\"") || (o == "'" && (c == "'" || c == "’"))
                    || (o == "‘" && (c == "’" || c == "'"))
                if closes {
                    let next = line.index(after: i) < line.endIndex ? line[line.index(after: i)] : " "
                    if o == "“" || o == "\"" || !(next.isLetter) { open = nil }
                }
            } else if c == "“" || c == "\"" || ((c == "'" || c == "‘") && !previous.isLetter && !previous.isNumber) {
                open = c
            }
            previous = c
            i = line.index(after: i)
        }
        return open != nil
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
    private static func dismissedAfter(_ words: [String]) -> Bool {
        guard !words.isEmpty else { return false }
        // "using again tonight is really risky", "…is how overdoses happen".
        // (Said of it: "is", "be" or "cause" just before; "narcan can wear off and the
        // overdose come back" says nothing against narcan.)
        for (k, w) in words.enumerated() where ["risky", "dangerous", "deadly", "unsafe", "overdose", "overdoses"].contains(w) {
            if words[max(0, k - 3)..<k].contains(where: { ["is", "are", "be", "cause", "causes", "how"].contains($0) }) { return true }
        }
        if zip(words, words.dropFirst()).contains(where: { $0 == "too" && $1 == "much" }) { return true }
        // "…aren't safe to mix", "…isn't something I can okay", "…nobody can guarantee".
        if words.contains(where: { ["not", "never", "nobody", "cannot"].contains($0) }),
            words.contains(where: { ["safe", "something", "guarantee", "promise", "okay", "ok", "recommend", "recommended"].contains($0) })
        {
            return true
        }
        if let first = words.first, ["nah", "nope"].contains(first) { return true }
        // "cold water or coffee won't help": the list goes on before what is said of it.
        var after = words[...]
        if let first = after.first, ["or", "and", "nor"].contains(first) { after = after.dropFirst(2) }
        let rest = Array(after)
        guard !rest.isEmpty else { return false }
        return takesBack(rest)
    }

    /// What right after the advice takes it back: "is not needed", "won't help", "is
    /// overkill", "can wait", "is too much".
    private static func takesBack(_ after: [String]) -> Bool {
        var i = 0
        // "911 is not needed", "narcan will not help", "narcan does not work".
        if i < after.count, auxiliaries.contains(after[i]) { i += 1 }
        if i < after.count, ["probably", "really", "just", "totally", "honestly", "prob", "kinda", "pretty", "kind", "sort"].contains(after[i]) { i += 1 }
        if i < after.count, after[i] == "of" { i += 1 }
        // Only a negation of what the advice does: "narcan won't hurt him", "911 isn't
        // the only step" and "narcan doesn't last" do not take it back.
        if i < after.count, ["not", "never", "no"].contains(after[i]), i > 0, i + 1 < after.count,
            dismissivePredicates.contains(after[i + 1])
        {
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
    /// Verbs of saying, and who says when it is someone else: a mention, not advice.
    private static let sayingVerbs: Set<String> = [
        "say", "says", "said", "call", "calls", "called", "read", "heard", "hear", "think", "thinks", "believe", "talk",
        "tell", "tells", "told",
    ]
    private static let reporters: Set<String> = [
        "people", "they", "some", "others", "site", "website", "internet", "online", "sister", "friend", "friends",
        "folks", "lot",
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
        "decide", "argue", "skip", "leave", "save", "hold",
    ]
    private static let auxiliaries: Set<String> = [
        "is", "are", "was", "will", "would", "does", "do", "did", "can", "could", "should", "isnt", "wont", "aint",
        "might", "may", "probably",
    ]
}
