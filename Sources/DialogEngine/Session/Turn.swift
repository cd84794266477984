import DialogMatching
import DialogModel

/// What the assistant does in answer to one line: the texts it says, what it asks, the
/// choices it offers, and what it understood.
///
/// Turns are the engine's only output; every front end (the chat, `--jsonl`, the test
/// runner, the trainer) renders them. The fields follow the turn schema of the README.
public struct Turn: Sendable, Equatable {
    /// What the session waits for after this turn.
    public enum State: String, Sendable, Equatable {
        case awaitingChoice = "awaiting-choice"
        case awaitingText = "awaiting-text"
        case awaitingNumber = "awaiting-number"
        case ended
    }

    /// The crisis a line carried, if any.
    public struct Crisis: Sendable, Equatable {
        public enum Level: String, Sendable, Equatable {
            /// The crisis script now; the normal flow pauses.
            case takeover
            /// The flow continues, with the region's emergency numbers shown.
            case resources
        }

        /// The most urgent kind.
        public var kind: CrisisKind
        /// The other kinds in the same line.
        public var also: [CrisisKind]
        public var level: Level
    }

    /// What the line was understood as.
    public struct Match: Sendable, Equatable {
        /// `choice`, `intent`, `route`, `answer`, `command`, `scale` or `crisis`.
        public var by: String
        /// The choice's label, the intent's id, the command's name.
        public var id: String
        /// The phrase that matched, if one did.
        public var phrase: String?
    }

    /// 0 for the opening turn.
    public var number: Int
    /// The line, as typed; nil for the opening turn.
    public var input: String?
    /// The node the session is at after this turn.
    public var node: NodeID
    public var state: State
    public var say: [String]
    public var ask: String?
    public var choices: [String]
    /// `crisis`, `safety-note`, `reask`, `ambiguous`, `red-flag…` and the like.
    public var flags: [String]
    public var crisis: Crisis?
    public var matched: Match?
    /// Symptoms so far in the session (ids), reported and denied.
    public var reported: [String]
    public var denied: [String]
    /// Scale totals so far.
    public var scores: [(name: String, total: Int)]
    /// For staff (`--staff`): the node's note and why the route was taken.
    public var notes: [String]
    /// Present on the last turn: what the session covered.
    public var summary: Summary?

    public static func == (a: Turn, b: Turn) -> Bool {
        a.number == b.number && a.input == b.input && a.node == b.node && a.state == b.state && a.say == b.say
            && a.ask == b.ask && a.choices == b.choices && a.flags == b.flags && a.crisis == b.crisis
            && a.matched == b.matched && a.reported == b.reported && a.denied == b.denied
            && a.scores.map(\.name) == b.scores.map(\.name) && a.scores.map(\.total) == b.scores.map(\.total)
            && a.notes == b.notes && a.summary == b.summary
    }
}
