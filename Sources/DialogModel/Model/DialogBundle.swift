import DialogSyntax

/// A loaded, validated bundle: every node, intent and catalogue of a dialogs folder.
///
/// Load one with ``BundleLoader``; a bundle with errors is never returned half-loaded.
public struct DialogBundle: Sendable {
    public enum Kind: String, Sendable { case intake, training }

    public var id: String
    public var title: String
    public var kind: Kind
    public var description: String?
    public var start: NodeID
    /// Nodes by id, and in file order.
    public var nodes: [NodeID: DialogNode]
    public var nodeOrder: [NodeID]
    /// Crisis intents first, most urgent first; then topic intents, highest priority first.
    public var intents: [Intent]
    public var symptoms: [Symptom]
    public var scales: [String: Scale]
    public var regions: [Region]
    public var resources: [Resource]
    public var sources: [String: SourceEntry]
    /// Training bundles: the moves read in the trainee's lines, in file order.
    public var rubric: [RubricItem] = []
    /// Named sets of phrases that phrases use as `~name`, in file order.
    public var concepts: [Concept] = []
    /// Each file's `topic:`, by file name.
    public var topicLabels: [String: String] = [:]
    /// The `flags:` labels, by flag id.
    public var flagLabels: [String: String] = [:]
    /// How sure a question's reading must be (`question-weak:`, `question-margin:`).
    public var questionThresholds = QuestionThresholds()
    /// Training bundles: the share of points (a knowledge check: of questions), in
    /// percent, needed to pass (`pass-mark: 80%`).
    public var passMark = DialogBundle.defaultPassMark
    public static let defaultPassMark = 80
    /// The limits `intake check --readability` holds texts to (`readability:`).
    public var readability = ReadabilityLimits()

    /// When a question read by its examples is answered, clarified or not understood.
    public struct QuestionThresholds: Sendable, Hashable {
        /// Below this score (0…1) a line asks no topic's question.
        public var weak = QuestionThresholds.defaultWeak
        /// Two topics of one priority whose scores are closer than this get "Did you mean
        /// A or B?" instead of an answer.
        public var margin = QuestionThresholds.defaultMargin

        public static let defaultWeak = 0.3
        public static let defaultMargin = 0.05

        public init() {}
    }

    /// How a summary names a topic (a file): its `topic:`, else the file's name.
    public func label(ofTopic file: String) -> String { topicLabels[file] ?? file }

    /// How a summary names a flag: its label under `flags:`, else its id.
    public func label(ofFlag id: String) -> String { flagLabels[id] ?? id }
    /// ``BundleHash`` of the files read: saved states tell by it whether the dialogs
    /// changed since.
    public var hash = ""

    /// The region for a code or alias, ignoring case.
    public func region(named code: String) -> Region? {
        let upper = code.uppercased()
        return regions.first { $0.code.uppercased() == upper || $0.aliases.contains { $0.uppercased() == upper } }
    }

    /// The resource of a region with a role.
    public func resource(role: String, region: String) -> Resource? {
        resources.resource(role: role, region: region)
    }

    /// Every role some resource has.
    public var roles: Set<String> { Set(resources.compactMap(\.role)) }
}

extension [Resource] {
    /// The first resource with `role` in `region`, if any.
    public func resource(role: String, region: String) -> Resource? {
        first { $0.role == role && $0.region.value == region }
    }
}
