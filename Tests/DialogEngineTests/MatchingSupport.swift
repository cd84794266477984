import DialogMatching
import DialogEngine
import Testing

/// A small symptom catalogue for the negation tables.
let matchingSymptoms = PhraseSet<String>([
    ("cramps", ["cramps", "stomach cramps", "cramping"]),
    ("vomiting", ["vomiting", "throwing up", "puking", "vomitar", "vomitando"]),
    ("diarrhea", ["diarrhea", "diarrhoea", "the runs", "diarrea"]),
    ("insomnia", ["can't sleep", "insomnia", "not sleeping", "unable to sleep"]),
    ("sweating", ["sweating", "sweats", "sweaty", "sudar", "sudando"]),
    ("anxiety", ["anxious", "anxiety"]),
    ("yawning", ["yawning"]),
    ("nausea", ["nausea", "nauseous", "feel sick"]),
    ("aches", ["aches", "muscle aches", "body aches"]),
    ("runny-nose", ["runny nose", "nose is running"]),
])

/// SplitMix64: a small seeded generator, so the random tests are the same on every run.
struct MatchingRNG: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A table row named after its input, so a failure says which line it was.
struct Typed<Expected: Sendable>: Sendable, CustomTestStringConvertible {
    var input: String
    var expected: Expected
    var testDescription: String { "\"\(input)\"" }

    init(_ input: String, _ expected: Expected) {
        self.input = input
        self.expected = expected
    }
}
