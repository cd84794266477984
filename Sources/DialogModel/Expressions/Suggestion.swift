/// "Did you mean …?": the known name closest to a misspelt one.
///
/// Distance is optimal-string-alignment edit distance (insertions, deletions,
/// substitutions and swaps of neighbours each cost 1), ignoring case, so `sowz`, `SOWS`
/// and `smyptoms` all find their intended names. A candidate is offered only when it is
/// close enough to be a plausible typo: at most a third of the name's length (at least
/// 1, at most 3) away. Ties go to the alphabetically first candidate, so the hint is the
/// same on every run.
package enum Suggestion {
    package static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        let limit = min(3, max(1, target.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != name {
            let other = Array(candidate.lowercased().unicodeScalars)
            // Cheap bound first: a long pasted name is never compared in full.
            guard abs(other.count - target.count) <= limit else { continue }
            let d = distance(target, other)
            guard d <= limit else { continue }
            if let b = best, (b.distance, b.name) <= (d, candidate) { continue }
            best = (d, candidate)
        }
        return best?.name
    }

    /// Optimal-string-alignment distance between two scalar arrays.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Three rows suffice: the current one, the previous one, and the one before it
        // for transpositions.
        var older = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var row = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            row[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = min(d, older[j - 2] + 1)
                }
                row[j] = d
            }
            (older, previous, row) = (previous, row, older)
        }
        return previous[b.count]
    }
}
