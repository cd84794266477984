/// The problems a stage of the parse keeps, up to a limit, and the count and first place
/// of those past it. The scanner and the parser each have one; `merged` gives the file's
/// problems with one IY023 for all that were not kept.
struct DiagnosticSink {
    private(set) var kept: [Diagnostic] = []
    /// Problems found but not kept, and where the first of them is.
    private(set) var unshown = 0
    private(set) var firstUnshown: SourcePosition?

    /// Whether another problem would be kept under `limit`: a caller whose problems are
    /// many (a binary file's bytes) builds one only then.
    func hasRoom(within limit: Int) -> Bool { kept.count < limit }

    /// Keeps a problem while fewer than `limit` are kept; past it, only counts it.
    mutating func keep(_ diagnostic: Diagnostic, within limit: Int = DiagnosticLimits.problems) {
        if hasRoom(within: limit) {
            kept.append(diagnostic)
        } else {
            countUnshown(at: diagnostic.range.start)
        }
    }

    /// Counts a problem that is not kept.
    mutating func countUnshown(at position: SourcePosition) {
        unshown += 1
        if firstUnshown == nil { firstUnshown = position }
    }

    /// The problems the sinks kept and, where the first of the others is, one counting
    /// them all; in order of place, then code.
    static func merged(_ sinks: DiagnosticSink...) -> [Diagnostic] {
        var all = sinks.flatMap(\.kept)
        // The count of problems not shown stands where the first of them is, in order
        // with the others.
        if let first = sinks.compactMap(\.firstUnshown).min() {
            all.append(SyntaxMessage.unshownProblems(sinks.reduce(0) { $0 + $1.unshown }, SourceRange(at: first)))
        }
        all.sort { ($0.range.start.offset, $0.code) < ($1.range.start.offset, $1.code) }
        return all
    }
}
