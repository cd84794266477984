/// Distress said in ordinary words, read by kinds of cue rather than by whole phrases.
///
/// People at the end of their strength rarely say "I'm in crisis". They say "i'm so tired
/// of being sick, i can't keep doing this", "i'm crying in my car and don't know where to
/// turn", "idk what to do anymore, everything is just so much". No phrase list holds
/// every such line (phrases written from one set of lines were measured to carry badly to
/// lines written apart from them), but such lines share kinds of words: a feeling of pain
/// or fear, a limit reached, being helpless or alone, an ending wished for. One cue alone
/// is everyday talk ("i'm scared of the withdrawal", "how much longer will this last",
/// "what do i do about the cramps"); two in one line, of any kinds, neither negated, are
/// distress ("crying all day, i feel like a failure"), and the line gets
/// the numbers and a human helpline with whatever else it is read as (DESIGN.md: when in
/// doubt, the numbers).
///
/// Fatigue ("tired", "exhausted") and anxiety named as a symptom are left out: they are
/// what withdrawal feels like, and a symptom list is not a cry for help.
package enum DistressCues {
    /// The kinds of cue, which keep the lists readable: a line with two cues is distress,
    /// whatever their kinds.
    package enum Kind: Int, CaseIterable, Sendable {
        /// Pain or fear felt now: crying, scared, hopeless, ashamed, a failure.
        case feeling
        /// A limit reached: can't keep doing this, how much more, had enough, give up.
        case limit
        /// Helpless or alone: don't know what to do or where to turn, nobody to talk to.
        case helpless
        /// An ending wished or prepared: not being here, no point, better off without me,
        /// goodbyes, things put in order. Said with another cue, the line is at least
        /// distress; the crisis intents decide whether it is a suicide.
        case ending
    }

    /// The phrases of each kind, normalised as lines are ("can't" is "can not", "i'm" is
    /// "i am"), English then Spanish (without accents, as people type it). A phrase that
    /// shows the numbers alone (`SafetyLexicon.callsForHelp`, `distressStates`) is not
    /// repeated here.
    package static let phrases: [(kind: Kind, phrases: [String])] = [
        (
            .feeling,
            [
                "crying", "cry", "cried", "in tears", "weeping", "bawling", "scared", "afraid",
                "terrified", "frightened", "panic", "helpless", "ashamed", "so ashamed",
                "a failure", "such a failure", "failing", "worthless", "useless", "hate myself",
                "so sad", "heartbroken", "devastated", "miserable", "depressed", "numb", "empty inside", "broken",
                "lonely", "desperate", "losing hope", "lost hope", "no hope", "stressed out", "so stressed",
                "a mess", "a wreck", "struggling", "hard time", "rough time",
                "dark place", "dark thoughts", "trapped", "stuck", "isolated", "alone", "hate my life", "losing it",
                "not coping", "not doing well", "suffering",
                "llorando", "lloro", "llorar", "miedo", "asustado", "asustada", "angustia", "angustiado", "angustiada",
                "triste", "sufriendo", "me siento fatal", "me siento muy mal", "deprimido", "deprimida", "un fracaso", "verguenza",
                "sin esperanza",
            ]
        ),
        (
            .limit,
            [
                "can not keep doing this", "can not keep going", "can not keep living like this", "can not do this",
                "can not handle", "can not take", "can not face", "can not deal", "can not go on",
                "can not stand it", "can not stand this", "can not anymore", "how much more", "how much longer can",
                "much longer i can", "had enough", "sick of", "tired of", "fed up", "give up", "giving up",
                "too much for me", "is so much", "just so much", "all so much", "is too much", "through the roof", "explode", "at my limit",
                "nothing left", "no strength", "done with this", "done with it all", "so done", "anymore",
                "any longer", "pretending i am fine", "pretending to be fine", "hold it together", "barely holding",
                "at the end of my",
                "ya no puedo", "estoy harto", "estoy harta", "cansado de",
                "cansada de", "no tengo fuerzas",
            ]
        ),
        (
            .helpless,
            [
                "do not know what to do", "do not know where to turn", "do not know how to", "do not know who to",
                "no idea what to do", "idk what to do", "what do i do", "what am i supposed to do", "where to turn",
                "who to turn to", "no one", "nobody", "need someone", "want someone", "someone to talk to",
                "someone to sit with", "need to talk", "need support", "on my own", "all by myself", "no help", "no one cares", "nobody cares",
                "que hago", "nadie",
            ]
        ),
        (
            .ending,
            [
                "not be here", "not be around", "not going to be here", "not going to be around", "be gone",
                "disappear", "vanish", "sleep forever", "no point", "pointless", "what is the point", "better off",
                "a burden", "say goodbye", "said goodbye", "goodbye", "give away my", "gave away my", "giving away my",
                "affairs in order", "a note", "make it stop", "want it to stop",
                "want it all to stop", "no way out", "no future", "nothing to live for", "tired of living",
                "tired of life", "done with life", "at peace", "would not matter", "does not matter anymore",
                "nobody would notice", "nobody would miss me", "no one would miss me", "no one would care",
                "wish i was never born", "wish i had never been born", "not worth it", "not worth living",
                "no quiero estar aqui", "no quiero seguir", "desaparecer", "no tiene sentido", "estarian mejor sin mi",
                "despedirme", "ya no importa",
            ]
        ),
    ]

    /// How many cues a line carries, not negated ("i'm not scared" says nothing) and not
    /// overlapping ("so ashamed" is one cue), from the hits of a phrase set built from
    /// `phrases` with each kind's raw value as its id.
    package static func count(in hits: [PhraseSet<Int>.Hit]) -> Int {
        var covered = Set<Int>()
        var cues = 0
        for hit in hits.sorted(by: { $0.match.words.count > $1.match.words.count })
        where !hit.match.isNegated || saidOnlyNegated.contains(hit.match.phrase) {
            if hit.match.words.contains(where: covered.contains) { continue }
            covered.formUnion(hit.match.words)
            cues += 1
        }
        return cues
    }

    /// Whether a line with this many cues is distress: two or more.
    package static func isDistress(cues: Int) -> Bool { cues >= 2 }

    /// Cues said only under a negation, which does not deny them: "i can't do this
    /// anymore", "i don't know how much longer i can".
    static let saidOnlyNegated: Set<String> = ["anymore", "any longer", "much longer i can"]
}
