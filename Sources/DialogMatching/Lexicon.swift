/// The small word lists the matcher's rules rely on, in one place. All words are
/// normalised (lower-case, contractions expanded: "don't" is "do not").
package enum Lexicon {
    /// Words too common to index a phrase by (`PhraseSet` anchors a phrase at a rarer one).
    static let commonWords: Set<String> = [
        "i", "a", "an", "the", "to", "my", "me", "is", "be", "am", "are", "was", "not", "do", "you", "it", "he", "she",
        "they", "we", "of", "and", "or", "in", "on", "at", "for", "so", "just", "his", "her", "their", "him", "them",
        "that", "this", "have", "will", "can", "all", "up", "no", "your", "with", "out", "now", "get", "got",
    ]

    /// Words that negate what follows them. The `n't` forms arrive as "not".
    static let negationCues: Set<String> = [
        "no", "not", "never", "without", "nor", "neither", "deny", "denies", "denied", "denying", "sin", "nunca",
    ]

    /// Words that end a negation's reach: "no vomiting, just nausea", "not anxious, only
    /// tired", "no cramps still sweating".
    static let negationEnders: Set<String> = ["just", "only", "mostly", "still", "except", "solo", "pero"]

    /// Verbs after which a negation stops: what follows is affirmed. "I can't stop
    /// vomiting" reports vomiting; "can't stop thinking about killing myself" is a
    /// crisis.
    package static let negationStoppers: Set<String> = [
        "stop", "stopping", "quit", "help", "helping", "shake", "shaking",
        // Spanish "no deja de", "no para de" (keeps on): "no para de vomitar" reports vomiting.
        "deja", "dejo", "dejan", "para", "paro", "paran",
    ]

    /// Cue and next word that do not negate: "not only", "no doubt", "no matter".
    static let pseudoNegations: Set<[String]> = [
        ["not", "only"], ["not", "just"], ["no", "doubt"], ["no", "matter"], ["not", "to", "mention"],
        ["no", "wonder"], ["without", "doubt"], ["without", "a", "doubt"],
        // "I've never felt so suicidal", "never been this scared": more, not less.
        ["never", "feel", "so"], ["never", "felt", "so"], ["never", "felt", "this"], ["never", "felt", "more"],
        ["never", "been", "so"], ["never", "been", "this"], ["never", "been", "more"], ["never", "wanted", "to"],
        ["never", "want", "to", "wake"], ["not", "want", "to", "wake"],
        // Spanish: "sin querer" (by accident), "sin duda", "no solo", "no importa".
        ["sin", "querer"], ["sin", "duda"], ["no", "solo"], ["no", "importa"],
    ]

    /// Words after which "no" is an answer, not a negation: "no, I have cramps", "no I
    /// have cramps", "no the cramps are worse".
    static let afterInterjection: Set<String> = [
        "i", "you", "he", "she", "it", "we", "they", "my", "the", "this", "that", "his", "her", "their", "our",
        "your", "thanks", "thank", "but", "just", "yes", "yeah", "ok", "okay", "please", "sorry", "wait",
    ]

    /// Words that open a new clause wherever they stand: a negation or a time phrase
    /// before them does not reach past them ("cramps but no vomiting").
    static let clauseOpeners: Set<String> = [
        "but", "however", "although", "though", "except", "whereas", "because", "otherwise", "anyway", "besides",
        "also",
        // Spanish: but, although, because, besides.
        "pero", "aunque", "porque", "sino", "ademas",
    ]

    /// Conjunctions that open a new clause when a subject follows: "and I can't sleep",
    /// but not "cramps and vomiting".
    static let joiningConjunctions: Set<String> = ["and", "or", "so", "then", "nor", "y", "o", "entonces"]

    /// Words that can be the subject of a new clause after a joining conjunction.
    package static let subjects: Set<String> = [
        "i", "you", "he", "she", "it", "we", "they", "my", "his", "her", "their", "our", "your", "there",
        "this", "that", "now", "someone", "somebody", "everyone", "nobody",
        // Spanish: "y ahora se me cierra la garganta", "y yo", "y nadie".
        "ahora", "yo", "ella", "nadie", "alguien",
    ]

    /// Pronouns for people other than the writer, alone or with others ("we"): a line
    /// with one is about someone else too.
    package static let othersPronouns: [String] = [
        "we", "us", "our", "he", "him", "his", "she", "her", "they", "them", "their",
    ]

    /// Spanish words for the people closest to someone ("mi hijo", "mi hermana").
    package static let spanishRelations: [String] = [
        "hijo", "hija", "esposo", "esposa", "novio", "novia", "amigo", "amiga", "hermano", "hermana", "mama", "papa",
    ]

    /// Subject pronouns that open a new clause on their own, in run-on text ("no cramps
    /// i am vomiting") — unless a word that takes a clause comes before them
    /// (`clauseTakers`: "I don't think I have cramps").
    static let subjectPronouns: Set<String> = ["i", "he", "she", "we", "they"]

    /// Words after which a subject pronoun continues the clause.
    static let clauseTakers: Set<String> = [
        "think", "thought", "believe", "feel", "felt", "say", "said", "says", "guess", "suppose", "mean", "sure",
        "if", "that", "whether", "when", "wish", "hope", "expect", "realize", "realise", "and", "or", "so", "then",
        "nor", "but", "because", "cause", "though", "although", "what", "how", "why", "where", "who", "which",
        "like", "unless", "until", "since", "before", "after", "while", "as", "than",
    ]

    /// Words that make a sentence a question when they open it.
    package static let questionOpeners: Set<String> = [
        "what", "how", "why", "when", "where", "which", "who", "whom", "whose", "is", "are", "am", "was", "were",
        "can", "could", "do", "does", "did", "should", "would", "will", "shall", "may", "might", "must", "have",
        "has",
        // Spanish question words, written with or without accents ("que pasa si…").
        "que", "como", "cuanto", "cuantos", "cuanta", "cuantas", "cuando", "donde", "cual", "cuales", "quien",
    ]

    /// The question openers that ask by coming before their subject ("can i", "is it"),
    /// wherever they stand: all but the question words, which also open statements
    /// ("when i was 17", "what i took").
    static let invertingOpeners: Set<String> = questionOpeners.subtracting([
        "what", "how", "why", "when", "where", "que", "como", "cuanto", "cuantos", "cuanta", "cuantas", "cuando", "donde",
        "cual", "cuales", "quien",
    ])
    /// Subjects after an inverting opener: `subjectPronouns`, "it" and "you".
    static let invertedSubjects: Set<String> = subjectPronouns.union(["it", "you"])
}
