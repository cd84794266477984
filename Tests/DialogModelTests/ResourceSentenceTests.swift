@testable import DialogModel
import DialogSyntax
import Testing

@Suite struct ResourceSentenceTests {
    func resource(
        name: String, phone: String? = nil, text: String? = nil, url: String? = nil, hours: String? = nil,
        note: String? = nil
    ) -> Resource {
        let at = SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1))
        return Resource(
            file: "resources", id: "r", name: name, region: Located("US", at: at), role: nil, phone: phone, text: text,
            url: url, hours: hours, tags: [], note: note, range: at)
    }

    @Test func aResourceLineSaysWhatToDoFirst() {
        #expect(resource(name: "emergency services", phone: "911").sentence == "Call 911 (emergency services).")
        #expect(
            resource(name: "988 Suicide & Crisis Lifeline", phone: "988", text: "988", url: "https://988lifeline.org").sentence
                == "Call or text 988 (988 Suicide & Crisis Lifeline).")
        #expect(
            resource(name: "SAMHSA National Helpline", phone: "1-800-662-4357", text: "435748", hours: "24/7").sentence
                == "Call 1-800-662-4357 or text 435748 (SAMHSA National Helpline), 24/7.")
        #expect(resource(name: "Crisis Text Line", text: "741741").sentence == "Text 741741 (Crisis Text Line).")
        #expect(
            resource(name: "FindTreatment.gov", url: "https://findtreatment.gov").sentence
                == "Visit https://findtreatment.gov (FindTreatment.gov).")
        #expect(resource(name: "Your GP", note: "Ask for an urgent appointment.").sentence == "Your GP. Ask for an urgent appointment.")
    }
}
