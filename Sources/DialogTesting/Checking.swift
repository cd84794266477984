import DialogMatching
import DialogEngine
import DialogModel

/// How a turn differs from an expectation: what was expected and what the assistant
/// said, as lines of the test format (`-` expected, `+` actual, ` ` the same).
package struct Mismatch: Sendable, Equatable {
    /// One line: `expected say to contain "cramps"`.
    package var summary: String
    package var diff: [DiffLine]
}

/// A line of a diff.
package struct DiffLine: Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Character, Sendable { case same = " ", expected = "-", actual = "+" }
    package var kind: Kind
    package var text: String

    package init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    package var description: String { "\(kind.rawValue) \(text)" }

    /// The lines of `a` and `b`, in order, with what they share kept once: a shortest
    /// edit script from the longest common subsequence.
    package static func diff(expected a: [String], actual b: [String]) -> [DiffLine] {
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [DiffLine] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                out.append(DiffLine(.same, a[i]))
                i += 1
                j += 1
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.append(DiffLine(.expected, a[i]))
                i += 1
            } else {
                out.append(DiffLine(.actual, b[j]))
                j += 1
            }
        }
        return out
    }
}

extension Expectation {
    /// Checks a turn (and the session after it, for variables); nil when it holds.
    func mismatch(in turn: Turn, session: Session, bundle: DialogBundle) -> Mismatch? {
        switch check {
        case .text(let field, let test):
            return Expectation.textMismatch(field, test, turn: turn, written: written)
        case .list(let field, let test):
            let actual = field.items(of: turn)
            let got = "\(field.rawValue): \(TestText.list(actual))"
            switch test {
            case .exactly(let items):
                if Set(items) == Set(actual) && items.count == actual.count { return nil }
                return Mismatch(
                    summary: "expected \(field.rawValue) \(TestText.list(items)), got \(TestText.list(actual))",
                    diff: [DiffLine(.expected, written), DiffLine(.actual, got)])
            case .contains(let items):
                let missing = items.filter { !actual.contains($0) }
                if missing.isEmpty { return nil }
                return Mismatch(
                    summary: "expected \(field.rawValue) to contain \(missing.joined(separator: ", "))",
                    diff: [DiffLine(.expected, written), DiffLine(.actual, got)])
            case .lacks(let items):
                let present = items.filter { actual.contains($0) }
                if present.isEmpty { return nil }
                return Mismatch(
                    summary: "expected \(field.rawValue) not to contain \(present.joined(separator: ", "))",
                    diff: [DiffLine(.expected, written), DiffLine(.actual, got)])
            }
        case .node(let written):
            let id = NodeID(written, in: bundle.start.file)
            if turn.node == id { return nil }
            return scalar("node", "\(id)", "\(turn.node)")
        case .state(let state):
            if turn.state == state { return nil }
            return scalar("state", state.rawValue, turn.state.rawValue)
        case .crisis(let kind, let level):
            let ok: Bool
            if let kind {
                ok = turn.crisis?.kind == kind && (level == nil || turn.crisis?.level == level)
            } else {
                ok = turn.crisis == nil
            }
            if ok { return nil }
            let expected = kind.map { $0.rawValue + (level.map { " \($0.rawValue)" } ?? "") } ?? "none"
            return scalar("crisis", expected, TestText.crisis(turn.crisis))
        case .crisisLevel(let level):
            if turn.crisis?.level == level { return nil }
            return scalar("crisis level", level.rawValue, turn.crisis.map(\.level.rawValue) ?? "none")
        case .matched(let by, let id):
            if let m = turn.matched, m.by == by, id == nil || m.id == id { return nil }
            return scalar("matched", by.rawValue + (id.map { " \($0)" } ?? ""), TestText.matched(turn.matched))
        case .matchedNone:
            if turn.matched == nil { return nil }
            return scalar("matched", "none", TestText.matched(turn.matched))
        case .matchedPhrase(let phrase):
            if turn.matched?.phrase == phrase { return nil }
            return scalar("matched phrase", TestText.value(phrase), turn.matched?.phrase.map(TestText.value) ?? "none")
        case .variable(let name, let value):
            let actual = session.variables[name]
            let same = (value == nil && (actual == nil || actual == .null)) || (value != nil && actual == value)
            if same { return nil }
            return scalar("var \(name)", value?.description ?? "unset", actual.map(\.description) ?? "unset")
        case .score(let name, let range):
            let total = turn.scores.first { $0.scale == name }?.total
            if let total, range.contains(total) { return nil }
            let expected = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)...\(range.upperBound)"
            return scalar("score \(name)", expected, total.map(String.init) ?? "none")
        case .passed(let verdict):
            let debrief = session.debrief()
            if debrief.passed == verdict { return nil }
            return scalar("passed", "\(verdict)", "\(debrief.passed)" + (debrief.failure.map { " (\($0))" } ?? ""))
        case .rubricItem(let id, let status):
            let item = session.debrief().items.first { $0.id == id }
            if item?.status == status { return nil }
            let said = item?.line.map { " by “\($0)”" } ?? ""
            return scalar("item \(id)", status.rawValue, (item?.status.rawValue ?? "none") + said)
        }
    }

    private func scalar(_ key: String, _ expected: String, _ actual: String) -> Mismatch {
        Mismatch(
            summary: "expected \(key) \(expected), got \(actual)",
            diff: [DiffLine(.expected, "\(key): \(expected)"), DiffLine(.actual, "\(key): \(actual)")])
    }

    static func textMismatch(_ field: TextField, _ test: Check.TextTest, turn: Turn, written: String) -> Mismatch? {
        let items = field.items(of: turn)
        let joined = items.joined(separator: "\n")
        let name = field.rawValue
        let actual = TestText.exactLines(field, items).map { DiffLine(.actual, $0) }
        switch test {
        case .exactly(let expected):
            if expected == items { return nil }
            return Mismatch(
                summary: "\(name) is not what was expected",
                diff: DiffLine.diff(expected: TestText.exactLines(field, expected), actual: TestText.exactLines(field, items)))
        case .contains(let text):
            if joined.contains(text) { return nil }
            return Mismatch(summary: "expected \(name) to contain \"\(text)\"", diff: [DiffLine(.expected, written)] + actual)
        case .lacks(let text):
            if !joined.contains(text) { return nil }
            return Mismatch(summary: "expected \(name) not to contain \"\(text)\"", diff: [DiffLine(.expected, written)] + actual)
        case .matches(let pattern):
            if pattern.matches(joined) { return nil }
            return Mismatch(
                summary: "expected \(name) to match /\(pattern.source)/\(pattern.caseInsensitive ? "i" : "")",
                diff: [DiffLine(.expected, written)] + actual)
        case .anyOf(let texts):
            if texts.contains(where: { joined.contains($0) }) { return nil }
            return Mismatch(
                summary: "expected \(name) to contain one of " + texts.map { "\"\($0)\"" }.joined(separator: ", "),
                diff: [DiffLine(.expected, written)] + actual)
        }
    }
}
