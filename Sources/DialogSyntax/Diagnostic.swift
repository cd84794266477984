/// A problem found in a source file: what is wrong, where, and what might fix it.
///
/// Diagnostics are values; ``DiagnosticRenderer`` turns them into text. Messages are
/// lower-case without a full stop and name the construct they are about.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// A secondary place that explains the problem, such as the first occurrence of a
    /// duplicate key.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var range: SourceRange

        public init(message: String, range: SourceRange) {
            self.message = message
            self.range = range
        }
    }

    public var severity: Severity
    /// A stable code for the kind of problem (`IY003`), listed in the README.
    public var code: String
    public var message: String
    public var range: SourceRange
    public var notes: [Note]
    /// A suggestion shown after the excerpt ("did you mean `goto`?").
    public var hint: String?

    public init(
        _ severity: Severity, code: String, _ message: String, at range: SourceRange,
        notes: [Note] = [], hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.notes = notes
        self.hint = hint
    }

    public var isError: Bool { severity == .error }
}

/// The codes of one catalogue of messages, as an enum: every code in use is a case, so a
/// code is written once, a typo does not compile, and tests read the list from `allCases`.
public protocol DiagnosticCode: CaseIterable, Sendable {
    var rawValue: String { get }
}

extension Diagnostic {
    /// A diagnostic with a catalogue's code.
    public init(
        _ severity: Severity, code: some DiagnosticCode, _ message: String, at range: SourceRange,
        notes: [Note] = [], hint: String? = nil
    ) {
        self.init(severity, code: code.rawValue, message, at: range, notes: notes, hint: hint)
    }
}

extension DiagnosticCode {
    /// An error with this code: what a catalogue's message returns, such as
    /// `Code.IY004.error("tab used as indentation", at: r, hint: "indent with spaces")`.
    package func error(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: self, message, at: range, notes: notes, hint: hint)
    }

    /// A warning with this code.
    package func warning(_ message: String, at range: SourceRange, notes: [Diagnostic.Note] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: self, message, at: range, notes: notes, hint: hint)
    }
}
