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
