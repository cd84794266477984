import DialogEngine
import DialogModel
import TestSupport
import Testing

/// How the shipped symptom question reads what people type: `absent:` phrases that deny
/// without a negation, phrases inside another phrase's gap, and Spanish perfect tenses.
@Suite("Symptom statements at the shipped symptom question")
struct SymptomReadingTests {
    struct Case: Sendable, CustomStringConvertible {
        var line: String
        var reported: [String]
        var denied: [String]
        var description: String { line }
    }

    static let cases: [Case] = [
        // An `absent:` phrase denies; negated, it reports.
        Case(line: "sleeping fine, just sweaty", reported: ["sweating"], denied: ["insomnia"]),
        Case(line: "pupils look normal", reported: [], denied: ["dilated_pupils"]),
        Case(line: "not sleeping well, yawning a lot", reported: ["insomnia", "yawning"], denied: []),
        // Of two readings of one symptom over shared words, the one reaching further wins.
        Case(line: "no sleep issues, only cramps", reported: ["stomach_cramps"], denied: ["insomnia"]),
        Case(line: "pupils bigger than normal", reported: ["dilated_pupils"], denied: []),
        // A phrase standing in another phrase's gap is read too.
        Case(line: "my nose and eyes are running", reported: ["runny_nose", "teary_eyes"], denied: []),
        Case(line: "eyes watery nose runny", reported: ["teary_eyes", "runny_nose"], denied: []),
        // Saying you are about to be sick is nausea; being sick is vomiting.
        Case(line: "feel like im gonna puke", reported: ["nausea"], denied: []),
        Case(line: "been barfing all morning", reported: ["vomiting"], denied: []),
        // Spanish "no he" + participle is a negation, not the English answer "no, he…".
        Case(line: "tengo nauseas pero no he vomitado", reported: ["nausea"], denied: ["vomiting"]),
        // An everyday word one letter from a symptom word is what was typed.
        Case(line: "legs ache and i keep shifting around", reported: ["body_aches"], denied: []),
    ]

    @Test(arguments: cases)
    func readsTheLine(_ c: Case) throws {
        var s = try Session(try #require(shippedCompiled), start: NodeID("screening.start", in: ""))
        _ = s.open()
        let turn = s.respond(to: c.line)
        #expect(turn.crisis == nil)
        #expect(turn.reported == c.reported)
        #expect(turn.denied == c.denied)
    }

    @Test func feelingLikeJumpingOutOfYourSkinIsNoCrisis() throws {
        var s = try Session(try #require(shippedCompiled), start: NodeID("screening.start", in: ""))
        _ = s.open()
        let turn = s.respond(to: "i cant relax at all, feel like jumping out of my skin")
        #expect(turn.crisis == nil)
        #expect(turn.reported == ["agitation"])
    }
}
