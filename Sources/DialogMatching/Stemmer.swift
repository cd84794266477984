/// A light suffix stripper, applied to the words of phrases and of input alike, so that
/// "cramps" finds "cramp", "vomited" finds "vomiting" and "dying" finds "die".
///
/// It only ever compares whole words: "diet" stems to "diet", never to "die"; "good" and
/// "food" stay themselves and never reach "od". Its rules, in order:
/// 1. A few irregular forms map to their base, which is then stemmed: took/taken →
///    take, dying → die, could → can, would → will, is/are/was/were/been/being → be,
///    has/had → have, did/does/doing → do (not "done": "I'm done" must never match "what do I do"), felt → feel, slept → sleep, woke → wake.
/// 2. Words of three letters or fewer, words with a digit and words with a letter
///    outside a–z are their own stem.
/// 3. Plurals: `-ies` → `-y` ("babies"; but "dies" → "die"), `-sses` → `-ss`, `-s` but
///    not after s, u or i ("less", "virus" and "this" keep theirs).
/// 4. Verb endings: `-ied` → `-y` ("cried"; but "died" → "die"); `-ed` and `-ing` when a
///    vowel is left ("vomited" → "vomit"; "bled", "thing", "need" and "head" keep
///    theirs). Then, as in Porter's stemmer, a doubled last consonant is undone
///    ("stopped" → "stop"; "passed" → "pass"), a short consonant–vowel–consonant stem gets
///    its `e` back ("waking" → "wake", "hoping" → "hope", but "hopping" → "hop"), and two
///    letters get theirs ("using" → "use").
/// 5. `-ly`, when nothing else was stripped and four letters are left ("really" → "real").
/// 6. A final `e` goes, unless the word is a four-letter consonant–vowel–consonant–e
///    word ("wake", "care", "here"): "ache", "aches", "ached" and "aching" all give "ach",
///    "breathe" and "breathing" both give "breath".
package enum Stemmer {
    package static func stem(_ word: String) -> String {
        if let key = PackedWord.pack(word), let base = packedIrregular[key] { return stem(base) }
        // Checked on the string's bytes before copying them: most words of a line are short.
        guard word.utf8.count > 3, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = Array(word.utf8)

        var stripped = false
        if w.ends("ies") {
            if w.count == 4 { w.removeLast() } else { w.removeLast(3); w.append(y) }
            stripped = true
        } else if w.ends("sses") {
            w.removeLast(2)
            stripped = true
        } else if w.ends("s"), !w.ends("ss"), !w.ends("us"), !w.ends("is") {
            w.removeLast()
        }
        if !stripped {
            if w.ends("ied"), w.count >= 4 {
                if w.count == 4 { w.removeLast() } else { w.removeLast(3); w.append(y) }
                stripped = true
            } else if w.ends("eed") || w.ends("ead") {
                // "need", "bleed", "head", "dead": not a past tense.
            } else if w.ends("ed") {
                stripped = strip(&w, 2)
            } else if w.ends("ing") {
                stripped = strip(&w, 3)
            }
        }
        if !stripped, w.count >= 6, w.ends("ly") {
            w.removeLast(2)
        }
        if w.count >= 4, w.ends("e"), !w.ends("ee"), !(w.count == 4 && isShort(w.dropLast())) {
            w.removeLast()
        }
        return String(decoding: w, as: UTF8.self)
    }

    /// Strips `-ed` or `-ing` when what is left has a vowel, then mends the stem.
    private static func strip(_ w: inout [UInt8], _ n: Int) -> Bool {
        // Checked before anything is removed, then mended in place: no second array.
        guard w.count - n >= 2, w[..<(w.count - n)].contains(where: { isVowel($0) || $0 == y }) else { return false }
        w.removeLast(n)
        if w.count == 2 {
            if w[1] == y {
                w[1] = i
                w.append(e)
            } else if !isVowel(w[1]) {
                w.append(e)
            }
        } else if let last = w.last, w[w.count - 2] == last, !isVowel(last), last != l, last != s, last != z {
            w.removeLast()
        } else if w.count == 3, isShort(w[...]) {
            w.append(e)
        }
        return true
    }

    /// Consonant, vowel, consonant (not w, x or y): "wak", "hop", "car".
    private static func isShort(_ w: ArraySlice<UInt8>) -> Bool {
        guard w.count == 3 else { return false }
        let a = w[w.startIndex], b = w[w.startIndex + 1], c = w[w.startIndex + 2]
        return !isVowel(a) && isVowel(b) && !isVowel(c) && c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != y
    }

    /// a, e, i, o or u: compared, not looked up in a set, as every letter of a stem is.
    private static func isVowel(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "a") || b == e || b == i || b == UInt8(ascii: "o") || b == UInt8(ascii: "u")
    }

    /// `irregular` keyed by packed words (`PackedWord`): looked up for every word.
    private static let packedIrregular = PackedWord.packing(irregular)

    private static let irregular: [String: String] = [
        "took": "take", "taken": "take", "dying": "die", "lying": "lie", "tying": "tie",
        "could": "can", "would": "will", "is": "be", "are": "be", "am": "be", "was": "be", "were": "be",
        "been": "be", "being": "be", "has": "have", "had": "have", "having": "have",
        "did": "do", "does": "do", "doing": "do", "goes": "go", "went": "go", "gone": "go",
        "felt": "feel", "slept": "sleep", "woke": "wake", "woken": "wake", "said": "say", "thought": "think",
        "fell": "fall", "fallen": "fall", "gave": "give", "given": "give", "ate": "eat", "eaten": "eat",
        "ran": "run", "children": "child", "people": "person", "teeth": "tooth", "feet": "foot",
        "women": "woman", "men": "man", "ods": "od",
    ]

    private static let y = UInt8(ascii: "y"), i = UInt8(ascii: "i"), e = UInt8(ascii: "e")
    private static let l = UInt8(ascii: "l"), s = UInt8(ascii: "s"), z = UInt8(ascii: "z")
}

private extension Array where Element == UInt8 {
    func ends(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard count >= n else { return false }
        return suffix.withUTF8Buffer { buffer in
            var k = 0
            while k < n {
                if self[count - n + k] != buffer[k] { return false }
                k += 1
            }
            return true
        }
    }
}
