import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax

/// A test file as the parser reads it: its header, its shared setup and its tests.
///
/// The format is described in the README ("Scripted dialog tests"): a file starts with
/// optional settings and steps shared by every test in it, then one `test:` section per
/// test. A test is a fresh session: options (`start:`, `region:`, `seed:`, `set NAME:`),
/// then the person's lines (`> text`), each followed by expectations on the reply.
public struct TestFile: Sendable {
    /// The path the file was read from, as given (shown in every message).
    public var path: String
    public var source: SourceFile
    /// `bundle:` — the bundle folder, relative to the file's folder, as written.
    public var bundle: Located<String>?
    /// What runs at the start of every test: the options and steps before the first `test:`.
    public var setup: TestSection
    public var tests: [TestCase]
    /// Every problem found while reading the file.
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
}

/// The options and steps of a test, or of a file's shared setup.
public struct TestSection: Sendable {
    public var start: Located<String>?
    public var region: Located<String>?
    public var seed: Located<UInt64>?
    /// `set NAME: VALUE` — variables set before the session opens.
    public var presets: [Preset] = []
    /// The first step is the opening turn's (expectations written before any `>` line);
    /// then one per line typed or `end of input`.
    public var steps: [Step] = []

    public init() {}
}

/// One test: a name, where it starts in its file, its options and steps.
public struct TestCase: Sendable {
    public var name: String
    /// The range of the `test:` line.
    public var range: SourceRange
    public var section: TestSection
}

/// A variable set before the session opens.
public struct Preset: Sendable {
    public var name: String
    public var value: Value
    public var range: SourceRange
}

/// What a step does to the session.
public enum StepAction: Sendable, Equatable {
    /// The opening turn, before any input (only the first step of a test or setup).
    case open
    /// Nothing: expectations on the latest turn (the first step of a test after setup).
    case latest
    /// A line the person types.
    case line(String)
    /// The end of input (Ctrl-D): the session ends with its summary.
    case endOfInput
}

/// One action and the expectations on the turn it produces.
public struct Step: Sendable {
    public var action: StepAction
    /// The range of the `>` line; for `open` and `latest`, of the section's first line.
    public var range: SourceRange
    public var expectations: [Expectation] = []
}

/// One expectation on a turn: a line of the test file (or several consecutive `is:`
/// lines of one text field), what it checks, and where it was written.
public struct Expectation: Sendable {
    public var check: Check
    /// The range of its first line.
    public var range: SourceRange
    /// Its lines in the file, first and last (for `--update`).
    public var lines: ClosedRange<Int>
    /// The line as written, without indentation (the first line, for a group).
    public var written: String
}

/// The texts of a turn that text checks read.
public enum TextField: String, Sendable, CaseIterable {
    case say, ask, choices
    /// Everything shown: the texts, the question and the choices.
    case reply
    /// The note for staff (not shown to the person).
    case note
    /// The summary shown when the session ends, line by line (a training session's
    /// debrief).
    case summary

    /// The field's items in a turn.
    public func items(of turn: Turn) -> [String] {
        switch self {
        case .say: turn.say
        case .ask: turn.ask.map { [$0] } ?? []
        case .choices: turn.choiceLabels
        case .reply: turn.say + (turn.ask.map { [$0] } ?? []) + turn.choiceLabels
        case .note: turn.note.map { [$0] } ?? []
        case .summary: turn.summary?.lines ?? []
        }
    }
}

/// The lists of a turn that set checks read (order does not matter).
public enum ListField: String, Sendable, CaseIterable {
    case flags, reported, denied
    /// The other crisis kinds a line carried.
    case crisisAlso = "crisis also"

    public func items(of turn: Turn) -> [String] {
        switch self {
        case .flags: turn.flags.map(\.rawValue)
        case .reported: turn.reported
        case .denied: turn.denied
        case .crisisAlso: turn.crisis?.also.map(\.rawValue) ?? []
        }
    }
}

/// A regular expression of a `matches:` expectation, with the pattern as written.
public struct Pattern: @unchecked Sendable {
    public var source: String
    public var caseInsensitive: Bool
    var regex: Regex<AnyRegexOutput>

    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}

/// What an expectation checks.
public enum Check: Sendable {
    public enum TextTest: Sendable {
        /// The items, exactly (consecutive `is:` lines, one item each).
        case exactly([String])
        case contains(String)
        case lacks(String)
        case matches(Pattern)
        case anyOf([String])
    }

    public enum ListTest: Sendable {
        /// Exactly these, in any order.
        case exactly([String])
        case contains([String])
        case lacks([String])
    }

    case text(TextField, TextTest)
    case list(ListField, ListTest)
    /// `node: file.node` (a bare name is read in the bundle's start file).
    case node(String)
    case state(Turn.State)
    /// `crisis: KIND [LEVEL]`, or `crisis: none` (nil kind).
    case crisis(CrisisKind?, CrisisLevel?)
    case crisisLevel(CrisisLevel)
    /// `matched: BY [ID]`: a choice by its id, an intent, a command, the variable an
    /// answer was saved in.
    case matched(by: Turn.Match.Kind, id: String?)
    /// `matched: none`.
    case matchedNone
    case matchedPhrase(String)
    /// `var NAME: VALUE`; `unset` is nil.
    case variable(String, Value?)
    case score(String, ClosedRange<Int>)
    /// `passed: true|false`: the training debrief's verdict so far.
    case passed(Bool)
    /// `item ID: met|missed|broken`: a rubric item's status in the debrief so far.
    case rubricItem(String, Debrief.Item.Status)
}
