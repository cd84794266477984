/// A question about an amount or a schedule of a medicine, however the amount is written:
/// what a topic intent with `detect: [amount]` is picked by ("is 10mg ok", "can i take 2
/// of my 10s"). The amount is `AmountReading`'s, the reader of the training rubrics; this
/// decides whether the line asks about it.
package enum AmountQuestion {
    /// The words of an amount or a schedule of a medicine (`AmountReading`) in a sentence
    /// that asks about it: a question ("can i take 2 of my 10s", "¿puedo tomar 2
    /// pastillas?"), or one that ends by weighing it ("10mg ok", "half a strip enough").
    /// Told, not asked, an amount is no question: "i take 2 a day and cant sleep".
    package static func asked(in text: NormalizedText) -> Range<Int>? {
        guard let amount = AmountReading.firstAmount(in: text) else { return nil }
        // "can i have a couple beers": an amount of a drink, a question for its topic.
        if amount.upperBound < text.words.count, notMedicines.contains(text.words[amount.upperBound].text) { return nil }
        let sentence = text.words[amount.lowerBound].sentence
        let words = text.words.indices.filter { text.words[$0].sentence == sentence }
        guard let first = words.first, let last = words.last else { return nil }
        // "i do dialysis 3 times a week, can i take baclofen": a question in a later
        // clause asks about something else, unless it points back at the amount ("i took
        // 10mg, is that ok") or names another ("i take 2 a day, can i take 3").
        func opensAsking(_ i: Int) -> Bool {
            text.asksInverted(at: i) || (Lexicon.questionOpeners.contains(text.words[i].text) && text.scopes.clauseWords(of: i).lowerBound == i)
        }
        if let asking = words.first(where: opensAsking),
            asking >= amount.upperBound, text.scopes.clauses[asking] != text.scopes.clauses[amount.lowerBound]
        {
            let tail = (asking...last).map { text.words[$0].text }
            let pointsBack = tail.contains { amountPointers.contains($0) || $0.contains(where: \.isNumber) }
            if !pointsBack && !amountWeighing.contains(text.words[last].text) { return nil }
        }
        if text.isQuestion(at: amount.lowerBound) { return amount }
        if words.contains(where: { text.asksInverted(at: $0) }) { return amount }
        if amountWeighing.contains(text.words[last].text), !text.scopes.isNegated(last) { return amount }
        // "how many can i take", "what about 3": a question word before the amount.
        if (first..<amount.lowerBound).contains(where: { Lexicon.questionOpeners.contains(text.words[$0].text) }) { return amount }
        return nil
    }

    /// Words of a later question that point back at an amount told before it, or name
    /// another, or a change of it.
    private static let amountPointers: Set<String> = [
        "that", "it", "this", "them", "those", "these", "thats", "its", "eso",
        "one", "two", "three", "four", "five", "six", "half", "couple", "more", "another",
        // A change of the amount: "doc said 5mg but that does nothing, can i go up".
        "up", "higher", "increase", "raise", "double", "lower", "less",
    ]

    /// What an amount may count that is no medicine: "a couple beers", "two coffees".
    private static let notMedicines: Set<String> = [
        "beer", "beers", "drink", "drinks", "shot", "shots", "glass", "glasses", "cup", "cups", "coffee", "coffees",
        "cigarette", "cigarettes", "smokes", "joints", "cans", "pints", "cervezas", "copas", "tragos",
        // "i only have one kidney", "i have two kids": a body or a family, counted.
        "kidney", "kidneys", "liver", "lung", "lungs", "kid", "kids", "child", "children", "baby", "babies",
        "son", "sons", "daughter", "daughters", "rinon", "hijo", "hijos",
    ]

    /// Words that end a line weighing an amount: "10mg ok", "is 3 too many".
    private static let amountWeighing: Set<String> = [
        "ok", "okay", "k", "alright", "fine", "safe", "enough", "much", "many", "bad", "dangerous",
        "normal", "good", "right", "risky", "bien", "seguro", "mucho", "muchas", "muchos",
    ]
}
