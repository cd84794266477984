import DialogMatching
import DialogModel

/// What a session covered: shown when it ends, and written with `--summary`. It says it
/// is not a diagnosis.
public struct Summary: Sendable, Equatable {
    public static let disclaimer = "This summary is automated information, not a diagnosis."

    /// The files (topics) the session visited, in order.
    public var topics: [Turn.Labelled]
    public var symptoms: Turn.Symptoms
    public var scores: [Turn.Score]
    /// Flags raised by the nodes reached (`red-flag-911` and the like), in order.
    public var redFlags: [Turn.Labelled]
    /// The crisis kinds raised during the session, in order.
    public var crises: [CrisisKind]
    /// The resources shown, each once.
    public var resources: [Turn.Resource]
    public var turns: Int
    /// The region's numbers for someone in danger now (emergency services, the crisis
    /// line): every intake summary repeats them, since it is the last thing a session
    /// shows. Empty for a training session.
    public var emergency: [Turn.Resource] = []
    /// A training session's debrief; nil for an intake session.
    public var debrief: Debrief? = nil

    /// The summary as plain text lines. A training session's is its debrief: no topics
    /// (its files are the module's own) and no not-a-diagnosis note.
    public var lines: [String] {
        if let debrief { return ["End of the training session."] + debrief.lines }
        var out = ["Summary of this session:"]
        if !topics.isEmpty { out.append("Topics: " + topics.map(\.label).joined(separator: ", ")) }
        if !symptoms.reported.isEmpty { out.append("Symptoms you mentioned: " + symptoms.reported.map(\.label).joined(separator: ", ")) }
        if !symptoms.denied.isEmpty { out.append("Symptoms you said you do not have: " + symptoms.denied.map(\.label).joined(separator: ", ")) }
        for s in scores {
            // A total of some items only is no score: it is not said as one.
            if s.answered < s.items {
                out.append("\(s.title): answered \(s.answered) of \(s.items), not finished")
            } else {
                out.append("\(s.title): \(s.total) out of \(s.maximum)" + (s.band.map { " (\($0))" } ?? ""))
            }
        }
        if !redFlags.isEmpty { out.append("Warning signs noted: " + redFlags.map(\.label).joined(separator: ", ")) }
        if !resources.isEmpty { out.append("Help shown: " + resources.map(\.contact).joined(separator: "; ")) }
        if let note = Summary.dangerNote(emergency) { out.append(note) }
        out.append(Summary.disclaimer)
        return out
    }

    /// The sentence that gives the numbers for someone in danger; nil without numbers.
    static func dangerNote(_ contacts: [Turn.Resource]) -> String? {
        contacts.isEmpty ? nil : "If you or someone else is in danger, help is available now: " + contacts.map(\.contact).joined(separator: "; ") + "."
    }
}
