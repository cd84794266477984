// The `readability:` section and a node's exemption from its limits.
import DialogSyntax

extension FileDecoder {
    mutating func readabilityLimits(_ written: MappingNode) -> ReadabilityLimits {
        var limits = ReadabilityLimits()
        let m = checkKeys(written, ["grade", "words-per-screen", "terms"], "`readability`")
        if let v = m["grade"] {
            if let grade = Self.number(v), (1...20).contains(grade) {
                limits.grade = grade
            } else {
                report(
                    ModelMessage.invalidValue(
                        "`grade` of `readability` must be a reading grade from 1 to 20", v.range,
                        hint: "such as `grade: 8`, about the reading of a 13-year-old"))
            }
        }
        if let v = m["words-per-screen"], let n = int(v, "`words-per-screen`") {
            if n >= 10 {
                limits.wordsPerScreen = n
            } else {
                report(ModelMessage.invalidValue("`words-per-screen` must be at least 10", v.range, hint: "such as `words-per-screen: 120`"))
            }
        }
        if let v = m["terms"] { limits.terms = textList(v, "`terms`").map(\.text) }
        return limits
    }

    /// A plain scalar's number, whole or not.
    static func number(_ node: Node) -> Double? {
        guard let s = node.scalar, s.style == .plain else { return nil }
        switch s.typedValue {
        case .int(let i): return Double(i)
        case .double(let d) where d.isFinite: return d
        default: return nil
        }
    }

    /// `readability: {exempt: REASON}` on a node.
    mutating func readabilityExemption(_ v: Node) -> ReadabilityExemption? {
        guard let written = mapping(v, "`readability` of a node") else { return nil }
        let m = checkKeys(written, ["exempt"], "`readability` of a node")
        guard let reason = required(m, "exempt", "`readability` of a node", v.range) else { return nil }
        guard let text = text(reason, "the reason of `exempt`") else { return nil }
        return ReadabilityExemption(reason: text, range: reason.range)
    }
}
