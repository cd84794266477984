/// Finds an amount or a schedule of a medicine in a line, however it is written: digits
/// or number words with a unit ("20 mg", "two tablets", "half a tab", "1/2 a pill", "one
/// and a half"), a range ("5 to 10 of them", "two or three"), a number after a verb of
/// taking ("start with one", "take like 5"), a schedule ("three times a day", "twice
/// daily", "every few hours", "one at bedtime", "take it with breakfast") and changes of
/// amount ("double up", "cut them in half").
///
/// A training rubric's `detect: amount` reads it: a trainee on a phone line must never
/// give an amount, and a list of phrases cannot hold every way of saying one. Negation
/// does not excuse an amount ("most people don't take more than 20 mg" still gives one);
/// a vague quantity does not make one ("a few pills", "some of them"), nor does a number
/// of days, hours or a phone number ("7 to 10 days", "call 1-800-662-4357").
package enum AmountReading {
    /// The words of the first amount or schedule the line gives, or nil. A number counts
    /// however it is said; a single unit without a number ("take a pill", "take more")
    /// only when not negated ("don't take more" is the right advice).
    package static func firstAmount(in text: NormalizedText) -> Range<Int>? {
        let words = text.words
        // "½ a tab": a fraction sign is always an amount here.
        if text.original.unicodeScalars.contains(where: { (0xBC...0xBE).contains($0.value) || (0x2150...0x215E).contains($0.value) }) {
            return 0..<min(1, words.count)
        }
        for i in words.indices {
            if let found = amount(at: i, in: text) { return found }
            if let found = unitAfterTaking(at: i, in: words), !text.scopes.isNegated(i) { return found }
        }
        return nil
    }

    /// "take a pill", "take another", "take more", "take extra", "bump it up": an amount
    /// without a number.
    private static func unitAfterTaking(at i: Int, in words: [Word]) -> Range<Int>? {
        let w = words[i].text
        func next(_ k: Int) -> String? { i + k < words.count && words[i + k].clause == words[i].clause ? words[i + k].text : nil }
        if ["take", "pop", "have", "swallow"].contains(w) {
            if let n = next(1), ["another", "more", "extra"].contains(n) { return i..<i + 2 }
            if next(1) == "a" || next(1) == "an", let unit = next(2), doseUnits.contains(unit) { return i..<i + 3 }
        }
        if ["bump", "up", "increase", "raise"].contains(w), next(1) == "it", next(2) == "up" || w != "bump" && next(2) == nil {
            return i..<i + 2
        }
        if w == "another", let n = next(1), n == "one" || doseUnits.contains(n), i > 0, takingVerbs.contains(words[i - 1].text) {
            return i - 1..<i + 2
        }
        return nil
    }

    /// An amount or a schedule that starts at word `i`.
    private static func amount(at i: Int, in text: NormalizedText) -> Range<Int>? {
        let words = text.words
        let word = words[i].text
        // "20mg", "5ml": a number with its unit in one word.
        if hasUnitSuffix(word) { return i..<i + 1 }
        // Changes of amount: "double up", "cut it in half", "halve them"; not when negated
        // ("don't double up" is the right advice).
        if let change = changeOfAmount(at: i, in: words), !text.scopes.isNegated(i) { return change }
        if let schedule = schedule(at: i, in: words) {
            // A schedule counts with something taken in its clause: a quantity, a unit
            // or a verb of taking ("take it at bedtime", "two a day"); "every night I
            // worry" does not.
            let clause = text.scopes.clauseWords(of: i)
            // Only an instruction's verb: "who takes opioids daily" tells of use.
            let taken = clause.contains { j in
                j != i
                    && (quantityLength(at: j, in: words) != nil || doseUnitLength(at: j, in: words) != nil
                        || instructingVerbs.contains(words[j].text))
            }
            if taken || standsAlone(schedule, words) {
                let start = i > clause.lowerBound && quantityLength(at: i - 1, in: words) != nil ? i - 1 : i
                return start..<schedule.upperBound
            }
        }
        // "a pill and a half": a unit with its fraction says the amount by itself.
        if let unit = doseUnitLength(at: i, in: words), unit > 1 { return i..<i + unit }
        guard let quantity = quantityLength(at: i, in: words) else { return nil }
        // 911, 988 or a phone number's digits count only right before a dose unit.
        let bareNumberOnly = isDigits(word) && (emergencyNumbers.contains(word) || word.count >= 4)
        if bareNumberOnly {
            return i + 1 < words.count && doseUnits.contains(words[i + 1].text) ? i..<i + 2 : nil
        }
        var end = i + quantity
        // A range: "5 to 10", "two or three", "1-2".
        let hyphen = end < words.count && between(text, end - 1, end).map { $0 == "-" || $0 == "–" } == true
        if end + 1 < words.count, ["to", "or"].contains(words[end].text) || hyphen,
            let second = quantityLength(at: end + (hyphen ? 0 : 1), in: words)
        {
            end += (hyphen ? 0 : 1) + second
        }
        // "1/2 a tab": a fraction written with a slash.
        if end < words.count, isDigits(words[end - 1].text), isDigits(words[end].text), between(text, end - 1, end) == "/",
            let second = quantityLength(at: end, in: words)
        {
            end += second
        }
        // What follows the quantity: a unit ("two tablets", "half a tab", "5 of them"),
        // after a few filler words.
        var j = end
        var skipped = 0
        while j < words.count, skipped < 3, fillers.contains(words[j].text), words[j].clause == words[i].clause {
            j += 1
            skipped += 1
        }
        // "two, max": a limit after a comma still bounds the amount.
        if end < words.count, ["max", "tops", "maximum"].contains(words[end].text) { return i..<end + 1 }
        if j < words.count, words[j].clause == words[i].clause {
            if timeUnits.contains(words[j].text) { return nil }
            // "one or two pepto tablets": a medicine's name before its unit.
            if j + 1 < words.count, words[j + 1].clause == words[i].clause, let unit = doseUnitLength(at: j + 1, in: words) {
                return i..<j + 1 + unit
            }
            // "a quarter of one", "half of it", "half of them": a part of a dose.
            if fractionWords.contains(words[end - 1].text), j > end, words[j - 1].text == "of",
                ["one", "it", "them", "those", "these", "that", "yours", "a", "your"].contains(words[j].text)
            {
                return i..<j + 1
            }
            if let unit = doseUnitLength(at: j, in: words) { return i..<j + unit }
            if afterTaking(i, in: words), ["of"].contains(words[j - (j > end ? 1 : 0)].text) || pronounUnits.contains(words[j].text) {
                return i..<j + 1
            }
            if schedule(at: j, in: words) != nil { return i..<j + 1 }
        }
        let followedByTime = end < words.count && timeUnits.contains(words[end].text)
        // "5 to 10 of them", "one and a half of those": more than a plain "one of them".
        if end - i > 1 || fractionWords.contains(words[end - 1].text), end + 1 < words.count, words[end].text == "of",
            pronounUnits.contains(words[end + 1].text)
        {
            return i..<end + 2
        }
        // "take 2", "start with one", "go up to three": a number after a verb of taking.
        if afterTaking(i, in: words), !followedByTime { return i..<end }
        // "no more than three", "up to 2", "a max of four": a limit is an amount.
        if !followedByTime, limitBefore(i, in: words) { return i..<end }
        // "two should do it", "one is plenty", "three at a time", "one now and one later".
        if !followedByTime, let said = sufficiency(after: end, clause: words[i].clause, in: words) { return i..<said }
        if !followedByTime, j > end, let said = sufficiency(after: j, clause: words[i].clause, in: words) { return i..<said }
        return nil
    }

    /// Whether a limit stands right before word `i`: "no more than", "up to", "at most",
    /// "a max of", "maximum".
    private static func limitBefore(_ i: Int, in words: [Word]) -> Bool {
        func w(_ k: Int) -> String? { i - k >= 0 && words[i - k].clause == words[i].clause ? words[i - k].text : nil }
        if w(1) == "than", w(2) == "more" || w(2) == "less", ["no", "not", "never"].contains(w(3) ?? "") { return true }
        if w(1) == "to", w(2) == "up" { return true }
        if w(1) == "most", w(2) == "at" { return true }
        if ["max", "maximum"].contains(w(1) ?? "") || w(1) == "of" && ["max", "maximum"].contains(w(2) ?? "") { return true }
        return false
    }

    /// The end of what says a quantity is enough or when to take it, starting at `j`
    /// ("should do it", "is plenty", "at a time", "now", "tonight"), or nil.
    private static func sufficiency(after j: Int, clause: Int, in words: [Word]) -> Int? {
        func w(_ k: Int) -> String? { j + k < words.count && words[j + k].clause == clause ? words[j + k].text : nil }
        guard let first = w(0) else { return nil }
        if ["enough", "plenty", "tops", "max", "tonight", "now", "later", "first"].contains(first) { return j + 1 }
        if first == "at", w(1) == "a", w(2) == "time" || w(2) == "go" { return j + 3 }
        if first == "at", w(1) == "once" { return j + 2 }
        if first == "in", w(1) == "the", ["morning", "evening", "afternoon"].contains(w(2) ?? "") { return j + 3 }
        if ["in", "at"].contains(first), ["morning", "night", "evening", "bedtime"].contains(w(1) ?? "") { return j + 2 }
        // "a couple of dramamine should stop it": what is counted, then what it will do.
        if first == "of", w(1) != nil, let said = sufficiency(after: j + 2, clause: clause, in: words), said > j + 2 { return said }
        if ["should", "will", "would", "is", "ought", "must", "might", "can", "could"].contains(first),
            let verb = w(1), ["do", "be", "help", "work", "enough", "plenty", "fix", "settle", "get", "stop", "ease", "calm", "knock", "take", "sort"].contains(verb)
        {
            return j + 2
        }
        return nil
    }

    /// Whether word `i` follows a verb of taking in its clause, perhaps after a hedge
    /// ("take like 5", "start with maybe one", "go up to three", "no more than two").
    private static func afterTaking(_ i: Int, in words: [Word]) -> Bool {
        var j = i - 1
        var hedges = 0
        while j >= 0, words[j].clause == words[i].clause, hedges < 4 {
            let w = words[j].text
            if takingVerbs.contains(w) { return true }
            guard hedgeWords.contains(w) else { return false }
            j -= 1
            hedges += 1
        }
        return false
    }

    /// How many words the quantity at word `i` takes: digits, a number word, "half", "a
    /// half", "a quarter", "a couple", "one and a half"; nil when none starts there.
    private static func quantityLength(at i: Int, in words: [Word]) -> Int? {
        guard words.indices.contains(i) else { return nil }
        let w = words[i].text
        var length: Int
        if isDigits(w) || numberWords.contains(w) || fractionWords.contains(w) {
            length = 1
        } else if ["a", "an"].contains(w), i + 1 < words.count, fractionWords.contains(words[i + 1].text) || words[i + 1].text == "couple" {
            length = 2
        } else if w == "couple" {
            length = 1
        } else {
            return nil
        }
        // "one and a half", "2 and a half".
        if i + length + 2 < words.count, words[i + length].text == "and", words[i + length + 1].text == "a",
            fractionWords.contains(words[i + length + 2].text)
        {
            length += 3
        }
        return length
    }

    /// How many words the dose unit at word `i` takes ("mg", "tablets", "pills"), or nil.
    private static func doseUnitLength(at i: Int, in words: [Word]) -> Int? {
        guard words.indices.contains(i) else { return nil }
        // "2 of my 10s": tablets named by their strength, after a word that owns them
        // ("in my 20s" alone, with no number before it, is no amount).
        let w = words[i].text
        if w.count > 1, w.last == "s", isDigits(String(w.dropLast())), i > 0,
            ["my", "his", "her", "your", "the", "those", "these", "mis"].contains(words[i - 1].text)
        {
            return 1
        }
        if doseUnits.contains(w) {
            // "a pill and a half".
            if i + 3 < words.count, words[i + 1].text == "and", words[i + 2].text == "a", fractionWords.contains(words[i + 3].text) {
                return 4
            }
            return 1
        }
        return nil
    }

    /// A schedule starting at word `i`: "three times a day", "twice daily", "every 6
    /// hours", "each morning", "at bedtime", "before bed", "with breakfast", "a day".
    private static func schedule(at i: Int, in words: [Word]) -> Range<Int>? {
        let w = words[i].text
        func next(_ k: Int) -> String? { i + k < words.count && words[i + k].clause == words[i].clause ? words[i + k].text : nil }
        let perDay: Set<String> = ["a", "per", "each", "every", "daily", "nightly", "day", "an"]
        if w == "times" || w.hasSuffix("x") && isDigits(String(w.dropLast())), let n = next(1), perDay.contains(n) {
            return i..<i + 2
        }
        if ["twice", "once", "thrice"].contains(w), let n = next(1), perDay.contains(n) { return i..<i + 2 }
        if ["every", "each"].contains(w), let n = next(1) {
            if periods.contains(n) { return i..<i + 2 }
            if let m = next(2), isDigits(n) || numberWords.contains(n) || ["few", "couple", "other", "half"].contains(n) {
                if periods.contains(m) || ["hour", "hours"].contains(m) { return i..<i + 3 }
                // "every 4 to 6 hours", "every 4-6 hours".
                for k in 2...4 {
                    if let p = next(k), periods.contains(p) || p == "hours", (1..<k).allSatisfy({ next($0).map { isDigits($0) || numberWords.contains($0) || ["to", "or"].contains($0) } ?? false }) {
                        return i..<i + k + 1
                    }
                }
            }
        }
        // "once in the morning", "twice at night", "once before bed".
        if ["once", "twice", "thrice"].contains(w), let n = next(1), ["in", "at", "before", "with", "after"].contains(n), let m = next(2),
            ["the", "night", "bedtime", "bed", "breakfast", "dinner", "lunch", "meals"].contains(m)
        {
            return i..<i + 2
        }
        // "morning and night", "night and morning".
        if ["morning", "night", "evening"].contains(w), next(1) == "and", let n = next(2), ["morning", "night", "evening"].contains(n) {
            return i..<i + 3
        }
        if ["daily", "nightly", "bid", "tid", "qid", "qhs", "prn"].contains(w) { return i..<i + 1 }
        if ["a", "per"].contains(w), let n = next(1), ["day", "night"].contains(n), i > 0,
            quantityLength(at: i - 1, in: words) != nil || doseUnits.contains(words[i - 1].text)
        {
            return i..<i + 2
        }
        if w == "at", let n = next(1), ["bedtime", "night"].contains(n) { return i..<i + 2 }
        if w == "before", let n = next(1), ["bed", "bedtime", "sleep", "sleeping"].contains(n) { return i..<i + 2 }
        if w == "with", let n = next(1), meals.contains(n) { return i..<i + 2 }
        if ["as", "when"].contains(w), next(1) == "needed" { return i..<i + 2 }
        return nil
    }

    /// A schedule that says an amount by itself ("three times a day", "twice daily").
    private static func standsAlone(_ schedule: Range<Int>, _ words: [Word]) -> Bool {
        let first = words[schedule.lowerBound].text
        return ["times", "twice", "thrice", "once"].contains(first) || first.hasSuffix("x")
    }

    /// "double up", "double the dose", "cut it in half", "halve them", "split the pill",
    /// "up the dose", "increase the dose".
    private static func changeOfAmount(at i: Int, in words: [Word]) -> Range<Int>? {
        let w = words[i].text
        func next(_ k: Int) -> String? { i + k < words.count && words[i + k].clause == words[i].clause ? words[i + k].text : nil }
        if w == "double", let n = next(1), ["up", "dose", "it", "them", "the"].contains(n) { return i..<i + 2 }
        if ["halve", "halving"].contains(w) { return i..<i + 1 }
        if ["cut", "split", "break"].contains(w) {
            for k in 1...3 { if let n = next(k), n == "half" || n == "halves" { return i..<i + k + 1 } }
        }
        if ["up", "increase", "raise", "lower", "reduce"].contains(w), next(1) == "the", let n = next(2), ["dose", "amount", "dosage"].contains(n) {
            return i..<i + 3
        }
        return nil
    }

    private static func isDigits(_ w: String) -> Bool { !w.isEmpty && w.allSatisfy { $0.isASCII && $0.isNumber } }

    private static func hasUnitSuffix(_ w: String) -> Bool {
        guard let end = w.firstIndex(where: { !($0.isASCII && $0.isNumber) }), end != w.startIndex else { return false }
        return ["mg", "mgs", "mcg", "ml", "cc", "milligrams", "milligram", "tabs", "pills"].contains(String(w[end...]))
    }

    /// The characters of the original line between words `a` and `b`, without spaces.
    private static func between(_ text: NormalizedText, _ a: Int, _ b: Int) -> String? {
        let words = text.words
        guard words.indices.contains(a), words.indices.contains(b), words[a].range.upperBound <= words[b].range.lowerBound else { return nil }
        return String(text.original[words[a].range.upperBound..<words[b].range.lowerBound].filter { $0 != " " })
    }

    /// Numbers to call, never amounts by themselves.
    private static let emergencyNumbers: Set<String> = ["911", "988", "999", "112", "111", "211", "311", "411", "811", "000"]

    /// Verbs that tell someone to take a medicine, as an instruction reads them.
    private static let instructingVerbs: Set<String> = ["take", "use", "try", "start", "pop", "swallow", "have", "chew", "add"]

    private static let takingVerbs: Set<String> = [
        "take", "takes", "taking", "try", "trying", "start", "starting", "begin", "pop", "popping", "swallow",
        "use", "using", "have", "add", "chew", "up", "dose", "need", "needs", "give", "go", "stick", "do", "stay",
    ]
    /// Words that may stand between a verb of taking and its number.
    private static let hedgeWords: Set<String> = [
        "like", "about", "around", "maybe", "just", "only", "with", "to", "up", "go", "no", "more", "than", "at",
        "least", "most", "a", "max", "maximum", "of", "another", "extra", "probably", "perhaps", "roughly",
    ]
    private static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
        "twenty", "thirty", "forty", "fifty", "sixty", "eighty", "hundred",
        "uno", "una", "dos", "tres", "cuatro", "cinco",
    ]
    private static let fractionWords: Set<String> = ["half", "quarter", "third", "halve", "media", "mitad"]
    private static let fillers: Set<String> = [
        "a", "an", "the", "of", "more", "extra", "small", "little", "whole", "full", "those", "these", "your", "his",
        "her", "my", "baclofen", "oxy", "oxycodone", "xanax", "valium", "loperamide", "imodium", "methadone", "suboxone",
        "clonidine", "gabapentin", "benadryl",
        // Spanish: "2 de las pastillas", "una de mis pastillas".
        "de", "las", "los", "mis", "sus",
    ]
    private static let doseUnits: Set<String> = [
        "mg", "mgs", "milligram", "milligrams", "mcg", "microgram", "micrograms", "ml", "cc", "gram", "grams",
        "tablet", "tablets", "tab", "tabs", "pill", "pills", "capsule", "capsules", "cap", "caps", "dose", "doses",
        "drop", "drops", "teaspoon", "teaspoons", "tsp", "spoonful", "puff", "puffs", "strip", "strips", "patch",
        "pastilla", "pastillas",
    ]
    /// What a number after a verb of taking may count: "take 2 of them", "take two more".
    private static let pronounUnits: Set<String> = ["them", "those", "these", "it", "ones", "more", "extra"]
    private static let timeUnits: Set<String> = [
        "day", "days", "hour", "hours", "minute", "minutes", "min", "mins", "week", "weeks", "month", "months",
        "year", "years", "second", "seconds", "night", "nights", "am", "pm", "oclock", "step", "steps", "time",
        "times", "dias", "horas", "semanas", "percent",
    ]
    private static let periods: Set<String> = [
        "hour", "hours", "hr", "hrs", "h", "day", "days", "morning", "night", "evening", "bedtime", "meal", "afternoon",
        "dia", "noche", "stool",
    ]
    private static let meals: Set<String> = ["breakfast", "lunch", "dinner", "supper", "meals", "food"]
}
