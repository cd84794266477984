/// Reads the number of a choice: "2", "#2", "option 2", "2nd", "two", "the second one",
/// "number two please".
///
/// The line must be the number and nothing but a few fillers ("the", "option", "choice",
/// "number", "item", "one" after an ordinal, "please", "I'll take", "let's go with"…):
/// "I took 2 pills" is not a choice, nor is "one second". Numbers read: digits (up to four),
/// digits with an ordinal ending ("1st", "22nd"), the words zero to twenty and first to
/// twentieth. Two different numbers ("1 or 2") give nil. The caller checks the range.
public enum Ordinals {
    public static func read(_ input: String) -> Int? {
        read(NormalizedText(input))
    }

    public static func read(_ text: NormalizedText) -> Int? {
        var found: Int? = nil
        var sawOrdinal = false
        for word in text.words {
            let w = word.text
            if let n = number(w) {
                // "one" after a number is a filler: "the second one".
                if w == "one", found != nil, sawOrdinal { continue }
                if let f = found, f != n { return nil }
                found = n
                sawOrdinal = sawOrdinal || ordinalWords[w] != nil || !w.allSatisfy(\.isNumber)
            } else if !fillers.contains(w) {
                return nil
            }
        }
        return found
    }

    /// The number a cardinal word stands for ("three"), nil for any other word.
    public static func cardinal(_ w: String) -> Int? {
        cardinalWords[w]
    }

    /// The number a single word stands for.
    static func number(_ w: String) -> Int? {
        if let n = cardinalWords[w] ?? ordinalWords[w] { return n }
        let digits = w.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4, let n = Int(digits) else { return nil }
        let rest = w.dropFirst(digits.count)
        if rest.isEmpty { return n }
        return ["st", "nd", "rd", "th"].contains(String(rest)) ? n : nil
    }

    private static let cardinalWords: [String: Int] = {
        let names = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        ]
        return Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
    }()

    private static let ordinalWords: [String: Int] = {
        let names = [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth",
        ]
        return Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset + 1) })
    }()

    private static let fillers: Set<String> = [
        "the", "option", "choice", "number", "num", "nr", "item", "answer", "please", "i", "will", "would", "like",
        "want", "pick", "choose", "take", "go", "with", "for", "is", "it", "that", "let", "us", "say", "select",
        "um", "uh", "ok", "okay", "then", "just", "hmm", "thanks",
    ]
}
