import DialogMatching
import DialogModel

/// What a session covered, built from its record: shown when it ends, and written with
/// `--summary`. It says it is not a diagnosis.
public struct Summary: Sendable, Equatable {
    public static let disclaimer = "This summary is automated information, not a diagnosis."

    /// The files (topics) the session visited, in order.
    public var topics: [String]
    public var reported: [String]
    public var denied: [String]
    public var scores: [(name: String, title: String, total: Int, maximum: Int, band: String?)]
    /// Flags raised by the nodes reached (`red-flag-911` and the like), in order.
    public var redFlags: [String]
    /// The crisis kinds raised during the session.
    public var crises: [String]
    /// The resources shown, as their contact lines.
    public var resources: [String]
    public var turns: Int
    /// The region's numbers for someone in danger now (emergency services, the crisis
    /// line): every intake summary repeats them, since it is the last thing a session
    /// shows. Empty for a training session.
    public var emergency: [String] = []
    /// A training session's debrief; nil for an intake session.
    public var debrief: Debrief? = nil

    public static func == (a: Summary, b: Summary) -> Bool {
        a.topics == b.topics && a.reported == b.reported && a.denied == b.denied && a.redFlags == b.redFlags
            && a.crises == b.crises && a.resources == b.resources && a.turns == b.turns && a.emergency == b.emergency
            && a.scores.map(\.name) == b.scores.map(\.name) && a.scores.map(\.total) == b.scores.map(\.total)
            && a.debrief == b.debrief
    }

    /// The summary as plain text lines.
    public var lines: [String] {
        var out = ["Summary of this session:"]
        if !topics.isEmpty { out.append("Topics: " + topics.joined(separator: ", ")) }
        if !reported.isEmpty { out.append("Symptoms you mentioned: " + reported.joined(separator: ", ")) }
        if !denied.isEmpty { out.append("Symptoms you said you do not have: " + denied.joined(separator: ", ")) }
        for s in scores {
            out.append("\(s.title): \(s.total) out of \(s.maximum)" + (s.band.map { " (\($0))" } ?? ""))
        }
        if !redFlags.isEmpty { out.append("Warning signs noted: " + redFlags.joined(separator: ", ")) }
        if !resources.isEmpty { out.append("Help shown: " + resources.joined(separator: "; ")) }
        if let debrief { out += debrief.lines }
        if let note = Summary.dangerNote(emergency) { out.append(note) }
        out.append(Summary.disclaimer)
        return out
    }

    /// The sentence that gives the numbers for someone in danger; nil without numbers.
    static func dangerNote(_ contacts: [String]) -> String? {
        contacts.isEmpty ? nil : "If you or someone else is in danger, help is available now: " + contacts.joined(separator: "; ") + "."
    }
}
