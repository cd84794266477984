import DialogMatching
import Testing

/// `DistressCues`: how many cues of distress a line carries, counted as a line is read.
@Suite("Matching: distress cues")
struct MatchingDistressCueTests {
    static let cues = PhraseSet(DistressCues.phrases.map { ($0.kind.rawValue, $0.phrases) })

    func count(_ line: String) -> Int { DistressCues.count(in: Self.cues.hits(in: NormalizedText(line))) }

    @Test(
        "cues are counted once each, negated ones not at all",
        arguments: [
            ("i'm so ashamed", 1),  // "so ashamed" holds "ashamed": one cue
            ("crying in the shower and nobody gets it", 2),
            ("i'm not scared, i just want the facts", 0),
            ("i can't face it anymore", 2),  // "anymore" is said under the negation, not denied by it
            ("i don't know what to do", 1),
            ("how long do the cramps last", 0),
            ("estoy sufriendo y nadie me escucha", 2),
            ("everyone would be better off, i've said my goodbyes", 2),
        ])
    func counts(_ line: String, _ expected: Int) {
        #expect(count(line) == expected, "\(line)")
    }

    @Test func twoCuesAreDistressAndOneIsNot() {
        #expect(!DistressCues.isDistress(cues: 1))
        #expect(DistressCues.isDistress(cues: 2))
    }
}
