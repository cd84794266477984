import DialogSyntax

/// A bundle-wide intent: phrases matched on every turn, from every node.
public struct Intent: Sendable, Hashable {
    /// The file it was read from, by name without `.yaml`.
    public var file: String
    public var id: String
    /// The crisis kind; nil for a topic intent.
    public var crisis: CrisisKind?
    public var match: [Phrase]
    /// Phrases that cancel the occurrence of a `match` phrase they contain.
    public var unless: [Phrase]
    public var priority: Int
    public var goto: NodeReference
    /// Whether the session comes back to where it was afterwards.
    public var returns: Bool
    /// Whether the intent also fires when a line reports symptoms of the catalogue
    /// ("I have cramps and can't sleep"), recording them.
    public var readsSymptoms: Bool = false
    /// A crisis intent that makes other kinds more precise (`refines:`): a line read as one
    /// of `kinds` that also says one of `when` is this intent's kind ("he took way too many
    /// … of his baclofen" is a baclofen overdose, not any overdose).
    public var refines: Refinement? = nil
    /// Questions as people ask them (`examples:`): a line close enough in words to one of
    /// them asks this intent's question, though it says none of the `match` phrases.
    public var examples: [Phrase] = []
    /// What a person reads when asked "Did you mean …?" between this intent and another
    /// (`label:`); topic intents with `examples:` have one.
    public var label: String? = nil
    /// The crisis kinds a question about which this topic answers (`about:`): "what does
    /// too much baclofen do?" is read as a question about a baclofen overdose, with the
    /// numbers shown, and answered here.
    public var about: [CrisisKind] = []
    /// Whether the topic intent tells of someone (`tells: true`): its phrases are read in
    /// lines that tell ("im coming off xanax and opioids at the same time"), never in a
    /// question asked of nobody in particular ("is it safe to come off benzos and opioids
    /// at the same time?"), which its neighbouring topic answers.
    public var tells: Bool = false
    /// Built-in readers that pick the topic intent (`detect: [amount]`): a line that asks
    /// about an amount or a schedule of a medicine ("is 10mg ok", "can i take 2 of my
    /// 10s") asks this intent's question, however the amount is written.
    public var detect: [RubricItem.Detector] = []
    /// Choices of the intent's node offered after its answer (`follow-ups:`, by choice
    /// id), with the way back to where the person was: a question typed shows a node's
    /// texts, not its menu, so what lies one choice further is offered here.
    public var followUps: [Located<String>] = []
    public var range: SourceRange

    public struct Refinement: Sendable, Hashable {
        public var kinds: [CrisisKind]
        public var when: [Phrase]
    }
}

/// The kinds of crisis, from the most urgent: anything that needs the emergency number
/// now comes before the crisis line.
public enum CrisisKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case overdoseOther = "overdose-other"
    case overdoseSelf = "overdose-self"
    case seizure
    case medicalEmergency = "medical-emergency"
    case baclofenOverdose = "baclofen-overdose"
    case pumpAlarm = "pump-alarm"
    case suicide
    /// A line that might be a crisis without a clear kind ("help", "I'm in crisis",
    /// danger words in a line the node did not understand): the numbers are shown, the
    /// flow goes on. Never a takeover.
    case distress

    /// The kinds every intake bundle must handle.
    public static let required: [CrisisKind] = [.overdoseSelf, .overdoseOther, .suicide, .seizure, .medicalEmergency, .pumpAlarm]

    /// Lower is more urgent.
    public var urgency: Int { CrisisKind.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: CrisisKind, b: CrisisKind) -> Bool { a.urgency < b.urgency }
}

/// A symptom of the catalogue, recognised in free text by its label and synonyms, and
/// denied by its `absent` phrases as well as by a negation.
public struct Symptom: Sendable, Hashable {
    /// The file it was read from, by name without `.yaml`.
    public var file: String
    public enum Stage: String, Sendable, Hashable { case early, later }

    public var id: String
    public var label: String
    public var stage: Stage
    public var synonyms: [Phrase]
    /// Phrases that say the person does not have it without a negation ("sleeping
    /// fine", "pupils look normal"). Negated, they report it ("not sleeping well").
    public var absent: [Phrase] = []
    public var range: SourceRange
}

/// A scored instrument, asked item by item.
public struct Scale: Sendable, Hashable {
    /// The file it was read from, by name without `.yaml`.
    public var file: String
    public struct Item: Sendable, Hashable {
        /// Saved as a variable when present.
        public var id: String?
        public var text: DialogText
    }

    public struct Band: Sendable, Hashable {
        public var range: ClosedRange<Int>
        public var label: String
        public var position: SourceRange
    }

    public var id: String
    public var title: String
    public var sources: [SourceReference]
    public var ask: DialogText?
    public var range: ClosedRange<Int>
    public var labels: [Int: String]
    public var items: [Item]
    public var bands: [Band]
    public var position: SourceRange

    /// The highest possible total.
    public var maximum: Int { range.upperBound * items.count }
}

/// A region whose resources a session shows (`--region`).
public struct Region: Sendable, Hashable {
    /// The file it was read from, by name without `.yaml`.
    public var file: String
    public var code: String
    public var name: String
    public var aliases: [String]
    public var range: SourceRange

    public init(file: String, code: String, name: String, aliases: [String], range: SourceRange) {
        self.file = file
        self.code = code
        self.name = name
        self.aliases = aliases
        self.range = range
    }
}

/// A helpline, service or website, for one region and one role.
public struct Resource: Sendable, Hashable {
    /// The file it was read from, by name without `.yaml`.
    public var file: String
    public var id: String
    public var name: String
    public var region: Located<String>
    public var role: String?
    public var phone: String?
    public var text: String?
    public var url: String?
    public var hours: String?
    public var tags: [String]
    public var note: String?
    public var range: SourceRange

    /// How a text names the resource: its name and how to reach it.
    public var contact: String { Resource.contact(name: name, phone: phone, text: text, url: url) }

    /// The resource as a line of its own, what to do first: "Call 911 (emergency
    /// services).", "Call or text 988 (988 Suicide & Crisis Lifeline).", "Visit
    /// https://findtreatment.gov (FindTreatment.gov)." Its hours and note follow; a web
    /// address only when there is no number, as in ``contact``.
    public var sentence: String {
        var action: String
        switch (phone, text) {
        case let (phone?, text?) where phone == text: action = "Call or text \(phone)"
        case let (phone?, text?): action = "Call \(phone) or text \(text)"
        case let (phone?, nil): action = "Call \(phone)"
        case let (nil, text?): action = "Text \(text)"
        case (nil, nil): action = url.map { "Visit \($0)" } ?? ""
        }
        var line = action.isEmpty ? name : "\(action) (\(name))"
        if let hours { line += ", \(hours)" }
        line += "."
        if let note { line += " \(note)" }
        return line
    }

    /// `NAME (PHONE, text TEXT)`, or `NAME (URL)` without a phone: one rule for every
    /// place a resource is named.
    public static func contact(name: String, phone: String?, text: String?, url: String?) -> String {
        var ways: [String] = []
        if let phone { ways.append(phone) }
        if let text, text != phone { ways.append("text \(text)") }
        if let url, phone == nil { ways.append(url) }
        return ways.isEmpty ? name : "\(name) (\(ways.joined(separator: ", ")))"
    }
}

/// An entry of the reference list (`sources.yaml`).
public struct SourceEntry: Sendable, Hashable {
    /// The file it was read from, by name without `.yaml`.
    public var file: String
    public var id: String
    public var citation: String
    public var url: String?
    public var range: SourceRange
}

/// A named set of phrases (`concepts:`), used in other phrases as `~name`
/// (`ConceptTable` in `DialogMatching`).
public struct Concept: Sendable, Hashable {
    /// The file it was read from, by name without `.yaml`.
    public var file: String
    public var name: String
    public var phrases: [Phrase]
    public var range: SourceRange
}
