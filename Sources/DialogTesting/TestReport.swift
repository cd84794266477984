import DialogMatching
import DialogEngine
import DialogSyntax

/// The text of a run: each failure with the file and line of the failing expectation
/// and its step, what was expected against what the assistant said as a diff, and the
/// whole turn; then one line, `N passed, N failed`.
package enum TestReport {
    /// Every diagnostic of the run's files, rendered with excerpts, and the problems of
    /// bundles that could not be loaded (for standard error).
    package static func diagnostics(_ result: SuiteResult) -> String {
        var out = ""
        for problem in result.bundleProblems where !problem.details.isEmpty { out += problem.details }
        for file in result.files where !file.diagnostics.isEmpty {
            out += DiagnosticRenderer.render(file.diagnostics, in: file.source)
        }
        return out
    }

    /// The failures (and with `verbose`, every test) and the closing line.
    package static func render(_ result: SuiteResult, verbose: Bool = false) -> String {
        var out = ""
        for file in result.files {
            var notRun = 0
            for test in file.tests {
                switch test.outcome {
                case .passed:
                    if verbose { out += "ok   \(file.path):\(test.range.start.line): \(test.name)\n" }
                case .failed(let failure):
                    out += render(failure, of: test)
                case .notRun:
                    notRun += 1
                case .couldNotStart(let why):
                    out += "FAIL \(file.path):\(test.range.start.line): \(test.name): \(why)\n"
                }
            }
            if notRun > 0 || (file.tests.isEmpty && file.diagnostics.contains(where: \.isError)) {
                let what = notRun == 1 ? "1 test not run" : "\(notRun) tests not run"
                out += "FAIL \(file.path): \(what): the file has errors\n"
            }
        }
        out += summary(result)
        return out
    }

    /// `12 passed, 0 failed`.
    package static func summary(_ result: SuiteResult) -> String {
        "\(result.passed) passed, \(result.failed) failed\n"
    }

    /// One failure.
    package static func render(_ failure: Failure, of test: TestResult) -> String {
        let path = test.path
        var out = "FAIL \(path):\(test.range.start.line): \(test.name)\n"
        let e = failure.expectation
        out += "  \(path):\(e.range.start.line): \(failure.mismatch.summary)\n"
        let at = failure.step.range.start.line
        switch failure.step.action {
        case .open: out += "    at the opening turn\n"
        case .latest: out += "    on the turn before the test's first line\n"
        case .line(let line): out += "    after \(path):\(at): > \(line)\n"
        case .endOfInput: out += "    after \(path):\(at): end of input\n"
        }
        for line in failure.mismatch.diff { out += "  \(line)\n" }
        for other in failure.others {
            out += "  \(path):\(other.expectation.range.start.line): \(other.mismatch.summary)\n"
            for line in other.mismatch.diff { out += "  \(line)\n" }
        }
        out += "  the whole turn (\(failure.turn.number)):\n"
        for line in TestText.allLines(failure.turn) { out += "    \(line)\n" }
        return out
    }

    /// `ran 12 tests, 340 steps in 0.120 s (2833 steps per second); 0.310 s in all`: the
    /// rate counts the time in tests, not loading the bundles and reading the files.
    package static func timing(_ result: SuiteResult) -> String {
        let inTests = result.tests.reduce(Duration.zero) { $0 + $1.duration }
        let seconds = Double(inTests.components.seconds) + Double(inTests.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int((Double(result.steps) / seconds).rounded()) : 0
        return "ran \(result.tests.count) tests, \(result.steps) steps in \(JUnitWriter.seconds(inTests)) s (\(rate) steps per second); \(JUnitWriter.seconds(result.duration)) s in all\n"
    }
}

/// Applies `--update` rewrites to a file's text.
package enum Rewriting {
    /// The rewrites as a unified diff of the file (no context lines), so that whoever
    /// runs `--update` sees every text that changes.
    package static func diff(_ rewrites: [Rewrite], to bytes: [UInt8], path: String) -> String {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        var out = "--- \(path)\n+++ \(path)\n"
        var shift = 0
        for r in rewrites.sorted(by: { $0.lines.lowerBound < $1.lines.lowerBound }) {
            let from = r.lines.lowerBound, to = min(r.lines.upperBound, lines.count)
            guard from >= 1, from <= to else { continue }
            let old = lines[(from - 1)..<to]
            out += "@@ -\(from),\(old.count) +\(from + shift),\(r.replacement.count) @@\n"
            out += old.map { "-\($0)\n" }.joined() + r.replacement.map { "+\($0)\n" }.joined()
            shift += r.replacement.count - old.count
        }
        return out
    }

    /// The file with the given lines replaced; the other lines, and line breaks, kept.
    package static func apply(_ rewrites: [Rewrite], to bytes: [UInt8]) -> [UInt8] {
        var lines: [[UInt8]] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(Array(bytes[start...i]))
            start = i + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        let ending: [UInt8] = lines.first.map { $0.suffix(2) == [0x0D, 0x0A] ? [0x0D, 0x0A] : [0x0A] } ?? [0x0A]
        for r in rewrites.sorted(by: { $0.lines.lowerBound > $1.lines.lowerBound }) {
            let from = r.lines.lowerBound - 1, to = min(r.lines.upperBound, lines.count)
            guard from >= 0, from < to else { continue }
            let lastHadBreak = lines[to - 1].last == 0x0A
            var new = r.replacement.map { Array($0.utf8) + ending }
            if !lastHadBreak, !new.isEmpty { new[new.count - 1].removeLast(ending.count) }
            lines.replaceSubrange(from..<to, with: new)
        }
        return lines.flatMap { $0 }
    }
}
