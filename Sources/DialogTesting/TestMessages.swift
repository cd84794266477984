import DialogSyntax

/// The diagnostics of test files (`IT…`) and of walking a bundle's paths (`IP…`),
/// listed in the README. Messages are lower-case without a full stop, as elsewhere.
enum TestMessage {
    /// Every code of this catalogue.
    enum Code: String, DiagnosticCode {
        case IT001, IT002, IT003, IT004, IT005, IT006, IT007, IT008, IT009, IT010, IT011, IT012, IT013
    }

    /// A text field with no check after it (`say:` rather than `say contains:`).
    static func checkMissing(_ field: String, _ at: SourceRange) -> Diagnostic {
        Code.IT013.error(
            "`\(field):` needs a check", at: at,
            hint: "write `\(field) contains:`, `\(field) is:`, `\(field) lacks:`, `\(field) matches:` or `\(field) any of:`")
    }

    static func unknownRegion(_ code: String, known: [String], _ at: SourceRange) -> Diagnostic {
        Code.IT009.error("no region `\(code)` in the bundle", at: at, hint: "known regions: " + known.joined(separator: ", "))
    }

    static func unknownLine(_ at: SourceRange) -> Diagnostic {
        Code.IT001.error(
            "expected `test: NAME`, `> a line`, `end of input` or `key: value`", at: at,
            hint: "a comment starts with `#`; a line the person types starts with `>`")
    }

    static func unknownKey(_ key: String, _ at: SourceRange, suggestion: String?) -> Diagnostic {
        Code.IT012.error(
            "unknown key `\(key)`", at: at,
            hint: suggestion.map { "did you mean `\($0)`?" } ?? "see the README, \"Scripted dialog tests\", for the keys")
    }

    static func missingValue(_ key: String, _ what: String, _ at: SourceRange) -> Diagnostic {
        Code.IT002.error("`\(key):` needs \(what)", at: at)
    }

    static func invalidValue(_ message: String, _ at: SourceRange, hint: String? = nil) -> Diagnostic {
        Code.IT003.error(message, at: at, hint: hint)
    }

    static func invalidPattern(_ pattern: String, _ reason: String, _ at: SourceRange) -> Diagnostic {
        Code.IT004.error("invalid regular expression `\(pattern)`: \(reason)", at: at)
    }

    static func misplaced(_ message: String, _ at: SourceRange, hint: String? = nil, notes: [Diagnostic.Note] = []) -> Diagnostic {
        Code.IT005.error(message, at: at, notes: notes, hint: hint)
    }

    static func duplicateTest(_ name: String, _ at: SourceRange, first: SourceRange) -> Diagnostic {
        Code.IT006.error(
            "a second test named `\(name)`", at: at,
            notes: [.init(message: "the first one is here", range: first)],
            hint: "give each test of a file its own name")
    }

    static func invalidText(_ message: String, _ at: SourceRange) -> Diagnostic {
        Code.IT007.error(message, at: at)
    }

    static func noTests(_ at: SourceRange) -> Diagnostic {
        Code.IT008.warning("a test file without a test", at: at, hint: "start a test with `test: NAME`")
    }

    /// IT011: `passed:` or `item ID:` in a test of a bundle that has no debrief.
    static func noDebrief(_ key: String, _ at: SourceRange) -> Diagnostic {
        Code.IT011.error(
            "`\(key)` reads a training debrief, and this bundle is not `kind: training`", at: at,
            hint: "test a module of Dialogs/training/ from its own tests/ folder")
    }

    static func unknownName(_ kind: String, _ name: String, _ at: SourceRange, suggestion: String?) -> Diagnostic {
        Code.IT009.error("no \(kind) `\(name)` in the bundle", at: at, hint: suggestion.map { "did you mean `\($0)`?" })
    }

    static func bundleUnavailable(_ folder: String, _ reason: String, _ at: SourceRange) -> Diagnostic {
        Code.IT010.error("cannot use the bundle `\(folder)`: \(reason)", at: at, hint: "name the bundle folder with `bundle: PATH`, relative to this file")
    }
}
