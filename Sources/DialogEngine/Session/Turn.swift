import DialogMatching
import DialogModel

/// What the assistant does in answer to one line: the texts it says, what it asks, the
/// choices it offers, what it understood and the steps it took.
///
/// Turns are the engine's only output; every front end (the chat, `--jsonl`, the test
/// runner, coverage, the path walker, the trainer) reads this value and never parses its
/// display text. On the wire it is protocol 2 (DESIGN.md, "The turn, protocol 2"; the
/// schema is `Protocol/turn.schema.json`).
public struct Turn: Sendable, Equatable {
    /// The version of the wire format, on every turn.
    public static let protocolVersion = 2

    /// What the session waits for after this turn.
    public enum State: String, Sendable, Equatable, CaseIterable {
        case awaitingChoice = "awaiting-choice"
        case awaitingText = "awaiting-text"
        case awaitingNumber = "awaiting-number"
        case ended
    }

    /// Marks on a turn that say how the line was taken.
    public enum Flag: String, Sendable, Equatable, CaseIterable {
        /// A crisis script took over.
        case crisis
        /// The emergency numbers were shown and the flow went on.
        case safetyNote = "safety-note"
        /// Nothing understood the line (or the answer was out of range): asked again.
        case reask
        /// The line matched several choices equally: which one was meant is asked.
        case ambiguous
        /// The line matched several intents equally: which one was meant is asked.
        case clarify
    }

    /// The crisis a line carried, if any.
    public struct Crisis: Sendable, Equatable {
        /// The most urgent kind (`distress` for the numbers without a clear kind).
        public var kind: CrisisKind
        /// The other kinds in the same line.
        public var also: [CrisisKind]
        public var level: CrisisLevel
    }

    /// What the line was understood as.
    public struct Match: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable, CaseIterable {
            case choice, intent, answer, command, scale
        }

        public var by: Kind
        /// The choice's id, the intent's id, the command's name, the variable an answer
        /// was saved in, `SCALE ITEM` for a scale item.
        public var id: String
        /// The phrase that matched, if one did.
        public var phrase: String?
        /// The example that matched, when an intent was read by its `examples:`.
        public var example: Example?

        /// An example that read a line as an intent's question.
        public struct Example: Sendable, Equatable {
            /// The example as written.
            public var text: String
            /// The words of the line it shares.
            public var words: [String]
            /// 0…1: how close the line is to it (see `ExampleIndex`).
            public var score: Double
        }

        public init(by: Kind, id: String, phrase: String?, example: Example? = nil) {
            self.by = by
            self.id = id
            self.phrase = phrase
            self.example = example
        }
    }

    /// A choice offered: a stable id and the label shown.
    public typealias Choice = Labelled

    /// What kind of answer the session waits for.
    public enum Expects: Sendable, Equatable {
        case choice
        case text
        case symptoms
        case yesNo
        case number(min: Double, max: Double)
        /// The session has ended.
        case none

        /// Its name on the wire.
        public var kind: String {
            switch self {
            case .choice: "choice"
            case .text: "text"
            case .symptoms: "symptoms"
            case .yesNo: "yes-no"
            case .number: "number"
            case .none: "none"
            }
        }
    }

    /// A symptom, flag or topic: its id and the words a person reads.
    public struct Labelled: Sendable, Equatable {
        public var id: String
        public var label: String
    }

    /// The symptoms the session has heard so far, reported and denied.
    public struct Symptoms: Sendable, Equatable {
        public var reported: [Labelled] = []
        public var denied: [Labelled] = []
    }

    /// A scale's running total: the same shape in turns and in the summary.
    public struct Score: Sendable, Equatable {
        public var scale: String
        /// The scale's title, as a person reads it.
        public var title: String
        public var total: Int
        public var maximum: Int
        /// Items answered so far.
        public var answered: Int
        /// Items on the scale.
        public var items: Int
        /// The band the total falls in, if the scale has bands.
        public var band: String?
    }

    /// A resource as a program reads it: a phone system dials `phone`, a web page links
    /// it, without parsing display text.
    public struct Resource: Sendable, Equatable {
        public var id: String
        public var role: String?
        public var name: String
        public var phone: String?
        public var text: String?
        public var url: String?
        public var hours: String?

        public init(_ resource: DialogModel.Resource) {
            id = resource.id
            role = resource.role
            name = resource.name
            phone = resource.phone
            text = resource.text
            url = resource.url
            hours = resource.hours
        }

        /// How a text names it: its name and how to reach it.
        public var contact: String { DialogModel.Resource.contact(name: name, phone: phone, text: text, url: url) }
    }

    /// 0 for the opening turn.
    public var number: Int
    /// The line, as typed; nil for the opening turn and a resumed turn.
    public var input: String?
    /// The node the session is at after this turn.
    public var node: NodeID
    public var state: State
    public var say: [String] = []
    public var ask: String?
    public var choices: [Choice] = []
    public var expects: Expects = .none
    public var flags: [Flag] = []
    public var crisis: Crisis?
    public var matched: Match?
    /// What this line caused, in order: what staff notes and coverage are made from.
    public var trace: [Trace] = []
    /// Symptoms so far in the session.
    public var symptoms = Symptoms()
    /// Scale totals so far, by scale name.
    public var scores: [Score] = []
    /// The resources this turn shows (a node's `show:`, the emergency numbers).
    public var resources: [Resource] = []
    /// The author's staff notes of the nodes this turn reached, one per line; nil for none.
    /// Front ends show it to staff only.
    public var note: String?
    /// Present on the last turn: what the session covered.
    public var summary: Summary?

    /// The ids of the symptoms reported so far.
    public var reported: [String] { symptoms.reported.map(\.id) }
    /// The ids of the symptoms denied so far.
    public var denied: [String] { symptoms.denied.map(\.id) }
    /// The labels of the choices offered.
    public var choiceLabels: [String] { choices.map(\.label) }

    public func has(_ flag: Flag) -> Bool { flags.contains(flag) }
}

/// One step of what a line caused (`trace`).
public enum Trace: Sendable, Equatable {
    /// An intent matched (a crisis intent, a topic).
    case intent(String)
    /// A command ran.
    case command(Session.Command)
    /// A choice of `node` was picked: its place among the node's choices, its id and label,
    /// and the yes/no/none meaning that picked it when no phrase did.
    case choice(node: NodeID, index: Int, id: String, label: String, means: ChoiceMeaning?)
    /// A route of `routes:` (after an answer) was taken.
    case route(node: NodeID, index: Int, label: String, target: NodeID)
    /// A route of `branch:` (on entering a node) was taken.
    case branch(node: NodeID, index: Int, label: String, target: NodeID)
    /// A scale item was answered (`item` counts from 1).
    case scaleItem(scale: String, item: Int, score: Int)
    /// A node was entered.
    case entered(NodeID)
    /// A variable was set (by `set:` or `save:`).
    case set(String)
    /// The front end is asked to do something (`reload`).
    case request(Session.Request)
    /// The session was resumed from a saved state.
    case resumed
    /// Something in the dialogs had no answer and the session went on without it: a `set`
    /// whose value overflowed, divided by zero or grew too long (the variable is left
    /// unset), or nodes that went round without a question (stopped). For staff and
    /// authors; the person is told only what concerns them.
    case problem(String)

    /// The step's name on the wire.
    public var name: String {
        switch self {
        case .intent: "intent"
        case .command: "command"
        case .choice: "choice"
        case .route: "route"
        case .branch: "branch"
        case .scaleItem: "scale-item"
        case .entered: "entered"
        case .set: "set"
        case .request: "request"
        case .resumed: "resumed"
        case .problem: "problem"
        }
    }
}
