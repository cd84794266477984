import DialogSyntax

/// A run as JUnit XML, for CI systems: one `testsuite` per test file, one `testcase`
/// per test, a `failure` with the same text as the terminal report, and an `error` for
/// tests not run because their file has errors.
package enum JUnitWriter {
    /// A test not run, or whose session never started: an `error`, not a `failure`.
    private static func isError(_ outcome: TestResult.Outcome) -> Bool {
        switch outcome {
        case .notRun, .couldNotStart: true
        case .passed, .failed: false
        }
    }

    package static func xml(_ result: SuiteResult) -> String {
        let failures = result.tests.filter { if case .failed = $0.outcome { true } else { false } }.count
        let errors = result.failed - failures
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"intake\" tests=\"\(result.tests.count)\" failures=\"\(failures)\" errors=\"\(errors)\" time=\"\(seconds(result.duration))\">\n"
        for file in result.files {
            let fileFailures = file.tests.filter { if case .failed = $0.outcome { true } else { false } }.count
            let fileErrors =
                file.tests.filter { isError($0.outcome) }.count
                + (file.tests.isEmpty && file.diagnostics.contains(where: \.isError) ? 1 : 0)
            let time = file.tests.reduce(Duration.zero) { $0 + $1.duration }
            out += "  <testsuite name=\"\(escape(file.path))\" tests=\"\(file.tests.count)\" failures=\"\(fileFailures)\" errors=\"\(fileErrors)\" time=\"\(seconds(time))\">\n"
            let diagnostics = DiagnosticRenderer.render(file.diagnostics.filter(\.isError), in: file.source)
            for test in file.tests {
                let attributes = "name=\"\(escape(test.name))\" classname=\"\(escape(file.path))\" file=\"\(escape(file.path))\" line=\"\(test.range.start.line)\" time=\"\(seconds(test.duration))\""
                switch test.outcome {
                case .passed:
                    out += "    <testcase \(attributes)/>\n"
                case .failed(let failure):
                    out += "    <testcase \(attributes)>\n"
                    out += "      <failure message=\"\(escape(failure.mismatch.summary))\" type=\"expectation\">\(escape(TestReport.render(failure, of: test)))</failure>\n"
                    out += "    </testcase>\n"
                case .notRun(let reason):
                    out += "    <testcase \(attributes)>\n"
                    out += "      <error message=\"\(escape(reason))\" type=\"file-error\">\(escape(diagnostics))</error>\n"
                    out += "    </testcase>\n"
                case .couldNotStart(let why):
                    out += "    <testcase \(attributes)>\n"
                    out += "      <error message=\"\(escape(why))\" type=\"session-start\"></error>\n"
                    out += "    </testcase>\n"
                }
            }
            if file.tests.isEmpty && file.diagnostics.contains(where: \.isError) {
                out += "    <testcase name=\"(file)\" classname=\"\(escape(file.path))\" file=\"\(escape(file.path))\" line=\"1\" time=\"0.000\">\n"
                out += "      <error message=\"\(escape(file.path)) has errors\" type=\"file-error\">\(escape(diagnostics))</error>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    static func seconds(_ d: Duration) -> String {
        let ms = Int(d.components.seconds) * 1000 + Int(d.components.attoseconds / 1_000_000_000_000_000)
        return "\(ms / 1000).\(String(ms % 1000).leftPadded(to: 3, with: "0"))"
    }

    /// Text for an attribute or element: markup escaped, and characters XML 1.0 cannot
    /// hold replaced with U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }
}
