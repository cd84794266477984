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
package struct TestFile: Sendable {
    /// The path the file was read from, as given (shown in every message).
    package var path: String
    package var source: SourceFile
    /// `bundle:` — the bundle folder, relative to the file's folder, as written.
    package var bundle: Located<String>?
    /// What runs at the start of every test: the options and steps before the first `test:`.
    package var setup: TestSection
    package var tests: [TestCase]
    /// Every problem found while reading the file.
    package var diagnostics: [Diagnostic]

    package var hasErrors: Bool { diagnostics.contains { $0.isError } }
}

/// The options and steps of a test, or of a file's shared setup.
package struct TestSection: Sendable {
    package var start: Located<String>?
    package var region: Located<String>?
    package var seed: Located<UInt64>?
    /// `set NAME: VALUE` — variables set before the session opens.
    package var presets: [Preset] = []
    /// The first step is the opening turn's (expectations written before any `>` line);
    /// then one per line typed or `end of input`.
    package var steps: [Step] = []

    package init() {}
}

/// One test: a name, where it starts in its file, its options and steps.
package struct TestCase: Sendable {
    package var name: String
    /// The range of the `test:` line.
    package var range: SourceRange
    package var section: TestSection
}

/// A variable set before the session opens.
package struct Preset: Sendable {
    package var name: String
    package var value: Value
    package var range: SourceRange
}

/// What a step does to the session.
package enum StepAction: Sendable, Equatable {
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
package struct Step: Sendable {
    package var action: StepAction
    /// The range of the `>` line; for `open` and `latest`, of the section's first line.
    package var range: SourceRange
    package var expectations: [Expectation] = []
}

/// One expectation on a turn: a line of the test file (or several consecutive `is:`
/// lines of one text field), what it checks, and where it was written.
package struct Expectation: Sendable {
    package var check: Check
    /// The range of its first line.
    package var range: SourceRange
    /// Its lines in the file, first and last (for `--update`).
    package var lines: ClosedRange<Int>
    /// The line as written, without indentation (the first line, for a group).
    package var written: String
}

/// The texts of a turn that text checks read.
package enum TextField: String, Sendable, CaseIterable {
    case say, ask, choices
    /// Everything shown: the texts, the question and the choices.
    case reply
    /// The note for staff (not shown to the person).
    case note
    /// The summary shown when the session ends, line by line (a training session's
    /// debrief).
    case summary

    /// The field's items in a turn.
    package func items(of turn: Turn) -> [String] {
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
package enum ListField: String, Sendable, CaseIterable {
    case flags, reported, denied
    /// The other crisis kinds a line carried.
    case crisisAlso = "crisis also"

    package func items(of turn: Turn) -> [String] {
        switch self {
        case .flags: turn.flags.map(\.rawValue)
        case .reported: turn.reported
        case .denied: turn.denied
        case .crisisAlso: turn.crisis?.also.map(\.rawValue) ?? []
        }
    }
}

/// A regular expression of a `matches:` expectation, with the pattern as written.
package struct Pattern: @unchecked Sendable {
    package var source: String
    package var caseInsensitive: Bool
    var regex: Regex<AnyRegexOutput>

    func matches(_ text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }
}

/// What an expectation checks.
package enum Check: Sendable {
    package enum TextTest: Sendable {
        /// The items, exactly (consecutive `is:` lines, one item each).
        case exactly([String])
        case contains(String)
        case lacks(String)
        case matches(Pattern)
        case anyOf([String])
    }

    package enum ListTest: Sendable {
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
