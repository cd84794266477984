/// The words people answer a rating with, beyond a scale's own labels: "a bit", "kinda",
/// "pretty bad", "off the charts".
///
/// A scale's label at a point ("a little") brings the built-in words of its meaning
/// (`synonyms(ofLabel:)`), so that any scale labelled in the usual Likert words reads them.
/// Words that mean nothing ("none", "nope", "not really") are read at the bottom label
/// ("not at all"). The sets are kept apart from the crisis lexicon: a rating word is
/// never a crisis word.
package enum LikertWords {
    /// The built-in words for a label, by its normalised text; empty for a label the
    /// set does not know.
    package static func synonyms(ofLabel label: String) -> [String] {
        let key = TextNormalizer.words(label).joined(separator: " ")
        for (labels, words) in table where labels.contains(key) { return words }
        return []
    }

    private static let table: [(labels: Set<String>, words: [String])] = [
        (
            ["not at all", "never", "none", "no"],
            [
                "none", "nothing", "no", "nope", "nah", "zero", "not really", "not at all", "nada", "never", "none at all",
                "not even a little", "not one bit", "not a bit", "nothing at all", "zip", "zilch", "no not at all",
            ]
        ),
        (
            ["a little", "a little bit", "slightly", "mild", "mildly", "rarely"],
            [
                "a bit", "a little", "little bit", "a little bit", "slightly", "kinda", "kind of", "sort of", "sorta", "some",
                "a tad", "mild", "mildly", "barely", "a smidge", "not much", "un poco", "poquito", "a touch",
                "somewhat mild", "lil bit", "a lil",
            ]
        ),
        (
            ["moderately", "moderate", "somewhat", "sometimes", "medium"],
            [
                "moderate", "moderately", "medium", "mid", "medium ish", "mediumish", "so so", "average", "somewhat",
                "halfway", "in the middle", "middle", "fairly", "more or less", "okay ish", "in between", "regular",
                "half and half", "normal amount", "mas o menos",
            ]
        ),
        (
            ["quite a bit", "a lot", "very", "often", "severe"],
            [
                "a lot", "quite a lot", "quite a bit", "lots", "pretty bad", "really bad", "very", "very much", "bad",
                "rough", "plenty", "heaps", "tons", "mucho", "bastante", "pretty strong", "strong", "quite", "pretty damn bad",
                "pretty rough", "really", "majorly",
            ]
        ),
        (
            ["extremely", "extreme", "very much", "always", "severely"],
            [
                "extreme", "extremely", "super bad", "the worst", "worst", "worst ever", "worst i have ever felt",
                "off the charts", "terrible", "horrible", "awful", "unbearable", "insane", "insanely", "so bad",
                "really really bad", "severe", "max", "maximum", "as bad as it gets", "muchisimo", "through the roof",
                "crazy bad", "10 out of 10", "extremely bad", "very very bad",
            ]
        ),
    ]
}

/// Reads "none of these" at a list: "none", "nothing like that", "no to all", "nada".
package enum NoneOfThese {
    /// Whether the line's first clause opens with a none-of-these phrase.
    package static func read(_ text: NormalizedText) -> Bool {
        let words = text.words
        guard let first = words.first else { return false }
        var opening: [String] = []
        for w in words where w.clause == first.clause {
            if opening.isEmpty, fillers.contains(w.text) { continue }
            opening.append(w.text)
            if opening.count == longest { break }
        }
        for length in stride(from: opening.count, through: 1, by: -1) where phrases.contains(opening[0..<length].joined(separator: " ")) {
            return true
        }
        return false
    }

    private static let fillers: Set<String> = ["um", "uh", "hmm", "well", "oh", "so", "honestly", "actually", "nah", "no", "nope"]

    private static let phrases: Set<String> = {
        let written = [
            "none", "none of these", "none of those", "none of them", "none of that", "none of the above", "nothing",
            "nothing like that", "neither", "nada", "not any", "not any of them", "not any of those", "not any of these",
            "zero of those", "zero of them", "no to all", "not one", "all good", "n a", "none apply", "nothing applies",
            "not that i know of", "nothing of the sort", "ninguno", "ninguna",
        ]
        return Set(written.map { TextNormalizer.words($0).joined(separator: " ") })
    }()

    private static let longest = 5
}
