/// Expands contractions, so that "don't", "dont" and "do not" read the same, and so do
/// "can't", "cannot" and "can not".
///
/// A word is looked up whole first (`table`: irregular forms such as "won't" → "will not",
/// "ain't" → "is not", and the forms typed without an apostrophe, "dont", "cant", "im").
/// Then by its ending: `n't` → "not" ("didn't" → "did not"), `'m` → "am", `'re` → "are",
/// `'ve` → "have", `'ll` → "will", `'d` → "would" after a pronoun and nothing otherwise
/// ("OD'd" → "od"), `'s` → "is" after a pronoun and nothing otherwise (a possessive:
/// "friend's" → "friend"). Any other apostrophe is dropped ("o'clock" → "oclock").
///
/// Words that are also ordinary words without their apostrophe are left alone: "ill",
/// "id", "its", "were", "well", "lets", "shed".
package enum Contractions {
    /// The words a (lower-case, apostrophe-unified) word stands for.
    package static func expand(_ word: String) -> [String] {
        if let whole = table[word] { return whole }
        guard word.utf8.contains(UInt8(ascii: "'")) else { return [word] }
        for (ending, replacement) in endings where word.hasSuffix(ending) {
            let base = String(word.dropLast(ending.count)).filter { $0 != "'" }
            guard !base.isEmpty else { break }
            switch ending {
            case "'d": return pronouns.contains(base) ? [base, "would"] : [base]
            case "'s": return pronouns.contains(base) ? [base, "is"] : [base]
            default: return [base] + replacement
            }
        }
        // Without its apostrophe it may be a chat spelling: "od'ing" → "oding" → "od".
        let bare = word.filter { $0 != "'" }
        return table[bare] ?? [bare]
    }

    private static let pronouns: Set<String> = [
        "i", "you", "he", "she", "it", "we", "they", "that", "there", "who", "what", "where", "how", "this",
    ]

    private static let endings: [(String, [String])] = [
        ("n't", ["not"]), ("'m", ["am"]), ("'re", ["are"]), ("'ve", ["have"]), ("'ll", ["will"]),
        ("'d", ["would"]), ("'s", ["is"]),
    ]

    /// `table`, keyed by packed words (`PackedWord`).
    static let packedTable = PackedWord.packing(table)

    /// What a word without an apostrophe stands for when the table lists it, looked up by
    /// its packed form: `expand(_:)` of such a word is this, or the word itself.
    static func whole(_ word: String) -> [String]? {
        guard let key = PackedWord.pack(word) else { return nil }
        return packedTable[key]
    }

    /// Whole-word expansions, with and without the apostrophe.
    static let table: [String: [String]] = {
        var t: [String: [String]] = [
            "can't": ["can", "not"], "cant": ["can", "not"], "cannot": ["can", "not"],
            "won't": ["will", "not"], "wont": ["will", "not"],
            "shan't": ["shall", "not"], "shant": ["shall", "not"],
            "ain't": ["is", "not"], "aint": ["is", "not"],
            "i'm": ["i", "am"], "im": ["i", "am"], "i'ma": ["i", "am", "going", "to"],
            "let's": ["let", "us"],
            "y'all": ["you", "all"],
            "gonna": ["going", "to"], "wanna": ["want", "to"], "gotta": ["got", "to"],
            "dunno": ["do", "not", "know"], "idk": ["i", "do", "not", "know"],
            "ive": ["i", "have"], "youre": ["you", "are"], "theyre": ["they", "are"],
            "youve": ["you", "have"], "theyve": ["they", "have"], "weve": ["we", "have"],
            "hes": ["he", "is"], "shes": ["she", "is"], "thats": ["that", "is"], "whats": ["what", "is"],
            "theres": ["there", "is"], "itll": ["it", "will"], "youll": ["you", "will"],
            "isnt": [], "arent": [], "wasnt": [], "werent": [], "dont": [], "doesnt": [], "didnt": [],
            "couldnt": [], "shouldnt": [], "wouldnt": [], "havent": [], "hasnt": [], "hadnt": [],
            "mustnt": [], "neednt": [], "mightnt": [],
            // Chat spellings (`ChatSpelling` shapes the letters; these are whole words).
            "u": ["you"], "ur": ["your"], "urself": ["yourself"], "rn": ["right", "now"], "kms": ["kill", "myself"],
            "bf": ["boyfriend"], "gf": ["girlfriend"], "pls": ["please"], "plz": ["please"], "plez": ["please"],
            "tryna": ["trying", "to"], "imma": ["i", "am", "going", "to"], "ima": ["i", "am", "going", "to"],
            "cuz": ["because"], "bc": ["because"], "bcuz": ["because"], "rly": ["really"], "b4": ["before"],
            "thx": ["thanks"], "ppl": ["people"], "ded": ["dead"], "wat": ["what"], "wut": ["what"],
            "nvr": ["never"], "cnt": ["can", "not"], "dnt": ["do", "not"], "gunna": ["going", "to"],
            "wana": ["want", "to"], "whatd": ["what", "did"], "odd'd": ["od"], "oding": ["od"],
            "odded": ["od"], "oded": ["od"], "hv": ["have"], "abt": ["about"], "sum1": ["someone"],
            "some1": ["someone"], "every1": ["everyone"], "no1": ["no", "one"], "any1": ["anyone"],
            // Slips of the words of a crisis too short for `Typo`: "i wnat to dei".
            "wnat": ["want"], "wnt": ["want"], "dei": ["die"], "odin": ["od"], "tonights": ["tonight", "is"],
            // Two words run together where it matters: "took toomuch".
            "toomuch": ["too", "much"], "2much": ["too", "much"], "toomany": ["too", "many"], "2many": ["too", "many"],
            // The g dropped from the words of a crisis ("im dyin", "hes not breathin").
            "dyin": ["dying"], "killin": ["killing"], "breathin": ["breathing"], "bleedin": ["bleeding"],
            "seizin": ["seizing"], "shakin": ["shaking"], "cuttin": ["cutting"],
            "chokin": ["choking"], "wakin": ["waking"], "movin": ["moving"],
            "jerkin": ["jerking"], "twitchin": ["twitching"], "hangin": ["hanging"],  // at most 8 letters (PackedWord)
        ]
        // The n't forms without an apostrophe: "didnt" → "did not".
        for (word, expansion) in t where expansion.isEmpty {
            t[word] = [String(word.dropLast(2)), "not"]
        }
        return t
    }()
}

/// A short ASCII word packed into an integer, its bytes from the lowest: a key that hashes
/// and compares in a few instructions. The word lists looked up for every word of every
/// phrase and line (`Contractions.table`, `Stemmer`'s irregular forms) have only words of
/// eight bytes or fewer, so a longer word is known not to be in them without hashing it.
enum PackedWord {
    static func pack(_ word: String) -> UInt64? {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in word.utf8 {
            // A word has no NUL byte, so no two words of up to eight bytes share a key.
            guard shift < 64, byte != 0 else { return nil }
            key |= UInt64(byte) << shift
            shift += 8
        }
        return key
    }

    /// `table` keyed by packed words; a key too long to pack would be dropped, so none is.
    static func packing<Value>(_ table: [String: Value]) -> [UInt64: Value] {
        var packed: [UInt64: Value] = [:]
        for (word, value) in table {
            guard let key = pack(word) else { preconditionFailure("\(word) is too long to pack") }
            packed[key] = value
        }
        return packed
    }
}
