import DialogMatching
import DialogEngine
import Testing

@Suite("Matching: yes, no and numbers")
struct MatchingAnswersTests {
    static let yesNoTable: [Typed<Bool?>] = [
        Typed("yes", true), Typed("Yeah", true), Typed("yep", true), Typed("yup", true), Typed("y", true),
        Typed("sure", true), Typed("correct", true), Typed("right", true), Typed("I do", true), Typed("I am", true),
        Typed("true", true), Typed("ok", true), Typed("okay", true), Typed("of course", true), Typed("yes please", true),
        Typed("yes, I do", true), Typed("well, yes", true), Typed("um yeah I think so", true), Typed("YESSS", true),
        Typed("I think so", true), Typed("that's right", true), Typed("a little", true), Typed("sometimes", true),
        Typed("yes I have cramps", true), Typed("definitely", true),
        Typed("no", false), Typed("nope", false), Typed("nah", false), Typed("n", false), Typed("not really", false),
        Typed("I don't", false), Typed("never", false), Typed("false", false), Typed("no, I don't", false),
        Typed("nooo", false), Typed("not at all", false), Typed("of course not", false), Typed("not yes", false),
        Typed("not true", false), Typed("not", false), Typed("I'm not", false), Typed("I haven't", false),
        Typed("no, I have cramps", false), Typed("I don't think so", false), Typed("absolutely not", false),
        Typed("not right", false), Typed("none", false), Typed("no thanks", false),
        Typed("maybe", nil), Typed("I don't know", nil), Typed("not sure", nil), Typed("I'm not sure", nil),
        Typed("yes, no", nil), Typed("no. yes.", nil), Typed("yes and no", nil), Typed("", nil), Typed("?!", nil),
        Typed("pizza", nil), Typed("y not", nil), Typed("idk", nil), Typed("dunno", nil), Typed("it depends", nil),
        Typed("the second one", nil), Typed("2", nil),
    ]

    @Test("yes or no", arguments: yesNoTable)
    func yesOrNo(_ line: Typed<Bool?>) {
        #expect(YesNo.read(line.input) == line.expected)
    }

    static let unsureTable: [Typed<Bool>] = [
        Typed("idk", true), Typed("I don't know", true), Typed("dunno", true), Typed("not sure", true),
        Typed("no idea", true), Typed("um idk, maybe", true), Typed("i dont know.", true),
        Typed("", false), Typed("no", false), Typed("maybe later", false), Typed("idk what to do about my son", false),
        Typed("not sure if baclofen is safe", false), Typed("idk, is it safe?", false),
    ]

    @Test("a line that only says the person does not know", arguments: unsureTable)
    func unsure(_ line: Typed<Bool>) {
        #expect(YesNo.isUnsure(NormalizedText(line.input)) == line.expected)
    }

    static let acknowledgementTable: [Typed<Bool>] = [
        Typed("ok", true), Typed("okay", true), Typed("got it", true), Typed("oh ok, makes sense", true),
        Typed("Alright.", true), Typed("ok cool", true), Typed("i see", true), Typed("okkk", true),
        Typed("", false), Typed("im not ok", false), Typed("ok what now", false), Typed("ok thanks", false),
        Typed("yes", false), Typed("ok, is it safe?", false), Typed("not ok", false),
    ]

    @Test("a line that only acknowledges what was said", arguments: acknowledgementTable)
    func acknowledgement(_ line: Typed<Bool>) {
        #expect(YesNo.isAcknowledgement(NormalizedText(line.input)) == line.expected)
    }

    static let numbersTable: [Typed<Int?>] = [
        Typed("2", 2), Typed("#2", 2), Typed("option 2", 2), Typed("Option #2", 2), Typed("2nd", 2), Typed("two", 2),
        Typed("the second one", 2), Typed("second", 2), Typed("number two please", 2), Typed("2.", 2), Typed("(2)", 2),
        Typed("first", 1), Typed("third", 3), Typed("fourth", 4), Typed("fifth", 5), Typed("sixth", 6),
        Typed("seventh", 7), Typed("eighth", 8), Typed("ninth", 9), Typed("tenth", 10), Typed("the 3rd", 3),
        Typed("1st", 1), Typed("22nd", 22), Typed("I'll take the first one", 1), Typed("let's go with 3", 3),
        Typed("one", 1), Typed("the first", 1), Typed("0", 0), Typed("zero", 0), Typed("twelve", 12),
        Typed("I took 2 pills", nil), Typed("1 or 2", nil), Typed("one second", nil), Typed("just a second", nil),
        Typed("2 and 3", nil), Typed("", nil), Typed("yes", nil), Typed("99999999999999999999", nil),
        Typed("2x", nil), Typed("second thoughts", nil), Typed("2 2", 2),
    ]

    @Test("numbers and ordinals", arguments: numbersTable)
    func numbersAndOrdinals(_ line: Typed<Int?>) {
        #expect(Ordinals.read(line.input) == line.expected)
    }
}
