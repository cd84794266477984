import DialogMatching
import DialogEngine
import Testing

@Suite("Matching: stemming")
struct MatchingStemmingTests {
    static let sameStemTable: [(String, String)] = [
        ("cramps", "cramp"), ("vomited", "vomiting"), ("vomits", "vomit"),
        ("dying", "die"), ("died", "die"), ("dies", "die"),
        ("aches", "ache"), ("aching", "ached"), ("breathe", "breathing"),
        ("breath", "breathes"), ("overdosed", "overdose"), ("overdosing", "overdoses"),
        ("took", "taking"), ("taken", "take"), ("stopped", "stopping"),
        ("stops", "stop"), ("passes", "passed"), ("babies", "baby"),
        ("cried", "crying"), ("using", "used"), ("uses", "use"),
        ("waking", "wake"), ("woke", "wakes"), ("seizures", "seizure"),
        ("seizing", "seize"), ("hoping", "hope"), ("really", "real"),
        ("could", "can"), ("would", "will"), ("was", "is"), ("ods", "od"),
        ("running", "run"), ("killing", "kill"), ("feelings", "feeling"),
        ("convulsing", "convulse"), ("fainted", "fainting"), ("slept", "sleeping"),
        ("lips", "lip"), ("muscles", "muscle"), ("having", "has"),
    ]

    static let differentStemTable: [(String, String)] = [
        ("diet", "die"), ("diet", "dying"), ("good", "od"), ("food", "od"),
        ("hopping", "hoping"), ("skill", "kill"), ("here", "her"), ("care", "car"),
        ("dead", "die"), ("head", "he"), ("thing", "th"), ("change", "hang"),
        ("need", "ne"), ("bled", "bl"), ("less", "le"), ("this", "thi"),
    ]

    @Test("same stem", arguments: sameStemTable)
    func sameStem(_ a: String, _ b: String) {
        #expect(Stemmer.stem(a) == Stemmer.stem(b), "\(Stemmer.stem(a)) vs \(Stemmer.stem(b))")
    }

    @Test("different stem", arguments: differentStemTable)
    func differentStem(_ a: String, _ b: String) {
        #expect(Stemmer.stem(a) != Stemmer.stem(b), "both \(Stemmer.stem(a))")
    }

    @Test func shortWordsWordsWithDigitsAndOtherScriptsAreTheirOwnStem() {
        for word in ["od", "die", "2nd", "1000s", "αβγδεζ", "naïves"] {
            #expect(Stemmer.stem(word) == word)
        }
    }

    @Test(
        "a phrase matches its word's other forms, as a whole word only",
        arguments: [
            Typed("she keeps vomiting", true), Typed("I vomited twice", true), Typed("he vomits", true),
            Typed("vomitorium", false), Typed("the vomit", true),
        ])
    func stemmedPhrase(_ line: Typed<Bool>) {
        #expect(!PhrasePattern("vomit").matches(in: NormalizedText(line.input)).isEmpty == line.expected)
    }
}

@Suite("Matching: typos")
struct MatchingTypoTests {
    static let oneTypoTable: [(String, String)] = [
        ("overdosd", "overdose"), ("suicidel", "suicidal"), ("siezure", "seizure"),
        ("vomitng", "vomiting"), ("diarhea", "diarrhea"), ("unresponsve", "unresponsive"),
        ("breathng", "breathing"), ("craamps", "cramps"), ("baclofn", "baclofen"),
        ("ubconscious", "unconscious"), ("aslep", "asleep"), ("rdehab", "rehab"),
        ("sleepp", "sleep"), ("abcde", "bacde"),
    ]

    static let notATypoTable: [(String, String)] = [
        // Short words are never tolerated.
        ("diet", "die"), ("dye", "die"), ("skill", "kill"), ("good", "od"),
        ("food", "od"), ("kil", "kill"),
        // Two edits.
        ("ovrdosd", "overdose"), ("suicdel", "suicidal"), ("sezuir", "seizure"),
        // A different first letter.
        ("painting", "fainting"), ("burning", "turning"), ("leisure", "seizure"),
        ("painted", "fainted"),
        // Everyday words, typed, are meant: "I'm doing fine" is not "dying".
        ("doing", "dying"), ("living", "giving"), ("forming", "foaming"),
        ("depth", "death"), ("backing", "blacking"), ("gargling", "gurgling"),
        ("think", "thank"), ("thinks", "thanks"), ("heavy", "heave"),
        // Numbers.
        ("12345", "12346"), ("2019s", "2018s"),
        // Equal words are a match, not a typo.
        ("seizure", "seizure"),
    ]

    @Test("one typo", arguments: oneTypoTable)
    func oneTypo(_ a: String, _ b: String) {
        #expect(Typo.isOneTypo(a, b))
        #expect(Typo.isOneTypo(b, a))
        let match = PhrasePattern(b).matches(in: NormalizedText("I think \(a) now")).first
        #expect(match?.quality == .typo)
    }

    @Test("not a typo", arguments: notATypoTable)
    func notATypo(_ a: String, _ b: String) {
        #expect(!Typo.isOneTypo(a, b))
        if a != b, Stemmer.stem(a) != Stemmer.stem(b) {
            #expect(PhrasePattern(b).matches(in: NormalizedText("I think \(a) now")).isEmpty)
        }
    }

    @Test func aTypoOnAStemCounts() {
        // "ovrdosing" is far from "overdose" as typed; its stem "ovrdos" is one edit from "overdos".
        #expect(PhrasePattern("overdose").matches(in: NormalizedText("he is ovrdosing")).first?.quality == .typo)
    }
}
