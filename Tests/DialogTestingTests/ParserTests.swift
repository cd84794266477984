import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax
@testable import DialogTesting
import Testing

@Suite("The test format: parsing")
struct ParserTests {
    @Test("a file: header, shared setup, tests, options, steps and every kind of expectation")
    func structure() throws {
        let file = TestParser.parse(
            """
            # a comment
            bundle: ../clinic
            region: UK
            seed: 7
            > 4
              node: intake.symptoms

            test: everything
            start: intake.feeling
            region: US
            set hours: 6
            set names: ['a', "b"]
              state: awaiting-number
            > 12
              say is: first
              say is: "  second, with spaces \\"quoted\\"  "
              ask is:
              choices contains: Yes
              reply lacks: dose
              say matches: /early|late/i
              say any of: one | "two | three"
              flags: crisis, safety-note
              flags contains: crisis
              reported lacks: vomiting
              crisis also: suicide
              crisis: overdose-other takeover
              crisis level: resources
              matched: choice Facts and more
              matched phrase: took too many
              var hours: 12
              var gone: unset
              score sows: 10...20
            >
            end of input
              crisis: none
              matched: none

            test: second
            """, path: "x.test")
        #expect(rendered(file) == "")
        #expect(file.bundle?.value == "../clinic")
        #expect(file.setup.region?.value == "UK")
        #expect(file.setup.seed?.value == 7)
        #expect(file.setup.steps.map(\.action) == [.line("4")])
        #expect(file.tests.map(\.name) == ["everything", "second"])
        let test = file.tests[0]
        #expect(test.range.start.line == 8)
        #expect(test.section.start?.value == "intake.feeling")
        #expect(test.section.presets.map(\.name) == ["hours", "names"])
        #expect(test.section.presets.map(\.value) == [.number(6), .list([.string("a"), .string("b")])])
        #expect(test.section.steps.map(\.action) == [.latest, .line("12"), .line(""), .endOfInput])
        let checks = test.section.steps[1].expectations
        #expect(checks.count == 17)
        guard case .text(.say, .exactly(let items)) = checks[0].check else { Issue.record("not say is"); return }
        #expect(items == ["first", "  second, with spaces \"quoted\"  "])
        #expect(checks[0].lines == 15...16)
        guard case .text(.ask, .exactly(let none)) = checks[1].check else { Issue.record("not ask is"); return }
        #expect(none == [])
        guard case .text(.say, .anyOf(let alternatives)) = checks[5].check else { Issue.record("not any of"); return }
        #expect(alternatives == ["one", "two | three"])
        guard case .list(.flags, .exactly(let flags)) = checks[6].check else { Issue.record("not flags"); return }
        #expect(flags == ["crisis", "safety-note"])
        guard case .crisis(let kind, let level) = checks[10].check else { Issue.record("not crisis"); return }
        #expect(kind == .overdoseOther && level == .takeover)
        guard case .matched(let by, let id) = checks[12].check else { Issue.record("not matched"); return }
        #expect(by == .choice && id == "Facts and more")
        guard case .variable("gone", nil) = checks[15].check else { Issue.record("not unset"); return }
        guard case .score("sows", let range) = checks[16].check else { Issue.record("not score"); return }
        #expect(range == 10...20)
        guard case .matchedNone = test.section.steps[3].expectations[1].check else { Issue.record("not matched none"); return }
    }

    /// One source, and exactly the diagnostics `intake test` prints for it.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var source: String
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a line that is nothing", source: "hello there\ntest: t\n",
            expected: """
                x.test:1:1: error: expected `test: NAME`, `> a line`, `end of input` or `key: value` [IT001]
                    1 | hello there
                      | ^~~~~~~~~~~
                  hint: a comment starts with `#`; a line the person types starts with `>`

                """),
        Case(
            name: "a misspelt key", source: "test: t\nsya contains: x\n",
            expected: """
                x.test:2:1: error: unknown key `sya contains` [IT012]
                    2 | sya contains: x
                      | ^~~~~~~~~~~~
                  hint: did you mean `say contains`?

                """),
        Case(
            name: "a text without a check", source: "test: t\n  say: hello\n",
            expected: """
                x.test:2:3: error: `say:` needs a check [IT013]
                    2 |   say: hello
                      |   ^~~
                  hint: write `say contains:`, `say is:`, `say lacks:`, `say matches:` or `say any of:`

                """),
        Case(
            name: "a node without an id", source: "test: t\nnode:\n",
            expected: """
                x.test:2:1: error: `node:` needs a node id (file.node) [IT002]
                    2 | node:
                      | ^~~~

                """),
        Case(
            name: "an unknown state", source: "test: t\nstate: waiting\n",
            expected: """
                x.test:2:8: error: unknown state `waiting` [IT003]
                    2 | state: waiting
                      |        ^~~~~~~
                  hint: one of: awaiting-choice, awaiting-text, awaiting-number, ended

                """),
        Case(
            name: "a misspelt crisis kind", source: "test: t\ncrisis: suicid\n",
            expected: """
                x.test:2:9: error: unknown crisis kind `suicid` [IT003]
                    2 | crisis: suicid
                      |         ^~~~~~
                  hint: did you mean `suicide`?

                """),
        Case(
            name: "a misspelt flag", source: "test: t\nflags: crisis, safty-note\n",
            expected: """
                x.test:2:8: error: unknown flag `safty-note` [IT003]
                    2 | flags: crisis, safty-note
                      |        ^~~~~~~~~~~~~~~~~~
                  hint: did you mean `safety-note`?

                """),
        Case(
            name: "an unknown flag in flags lacks", source: "test: t\nflags lacks: zebra\n",
            expected: """
                x.test:2:14: error: unknown flag `zebra` [IT003]
                    2 | flags lacks: zebra
                      |              ^~~~~
                  hint: one of: crisis, safety-note, reask, ambiguous, clarify

                """),
        Case(
            name: "a misspelt flag in flags contains", source: "test: t\nflags contains: reask, clarfy\n",
            expected: """
                x.test:2:17: error: unknown flag `clarfy` [IT003]
                    2 | flags contains: reask, clarfy
                      |                 ^~~~~~~~~~~~~
                  hint: did you mean `clarify`?

                """),
        Case(
            // Two neighbouring letters swapped count as one typo, as in the dialog files.
            name: "two letters swapped in a flag", source: "test: t\nflags: raesk\n",
            expected: """
                x.test:2:8: error: unknown flag `raesk` [IT003]
                    2 | flags: raesk
                      |        ^~~~~
                  hint: did you mean `reask`?

                """),
        Case(
            name: "a broken regular expression", source: "test: t\nsay matches: /(unclosed/\n",
            expected: """
                x.test:2:14: error: invalid regular expression `(unclosed`: expected ')' [IT004]
                    2 | say matches: /(unclosed/
                      |              ^~~~~~~~~~~

                """),
        Case(
            name: "an option after a line", source: "test: t\n> 1\nregion: UK\n",
            expected: """
                x.test:3:1: error: `region:` must come before the first `>` line of the test [IT005]
                    3 | region: UK
                      | ^~~~~~

                """),
        Case(
            name: "an option twice", source: "test: t\nseed: 1\nseed: 2\n",
            expected: """
                x.test:3:1: error: a second `seed:` [IT005]
                    3 | seed: 2
                      | ^~~~
                x.test:2:1: note: the first one is here
                    2 | seed: 1
                      | ^~~~

                """),
        Case(
            name: "a bundle inside a test", source: "test: t\nbundle: ..\n",
            expected: """
                x.test:2:1: error: `bundle:` belongs to the file's header, before the first test [IT005]
                    2 | bundle: ..
                      | ^~~~~~

                """),
        Case(
            name: "exact texts split up", source: "test: t\n> 1\n  say is: a\n  node: x.y\n  say is: b\n",
            expected: """
                x.test:5:3: error: the `say is:` lines of one turn must be consecutive [IT005]
                    5 |   say is: b
                      |   ^~~~~~~~~
                x.test:3:3: note: the first ones are here
                    3 |   say is: a
                      |   ^~~~~~~~~

                """),
        Case(
            name: "two tests of one name", source: "test: one\ntest: one\n",
            expected: """
                x.test:2:1: error: a second test named `one` [IT006]
                    2 | test: one
                      | ^~~~~~~~~
                x.test:1:1: note: the first one is here
                    1 | test: one
                      | ^~~~~~~~~
                  hint: give each test of a file its own name

                """),
        Case(
            name: "a score that is not a number", source: "test: t\nscore sows: lots\n",
            expected: """
                x.test:2:13: error: `score sows:` needs a whole number or a range such as `10...20` [IT003]
                    2 | score sows: lots
                      |             ^~~~

                """),
        Case(
            name: "an unknown kind of match", source: "test: t\nmatched: everything\n",
            expected: """
                x.test:2:10: error: unknown kind of match `everything` [IT003]
                    2 | matched: everything
                      |          ^~~~~~~~~~
                  hint: one of: choice, intent, answer, command, scale

                """),
        Case(
            name: "an unknown escape", source: "test: t\nsay is: \"a\\qb\"\n",
            expected: """
                x.test:2:9: error: unknown escape `\\q` [IT003]
                    2 | say is: "a\\qb"
                      |         ^~~~~~
                  hint: the escapes are \\n, \\t, \\" and \\\\

                """),
        Case(
            name: "a seed that is not a number", source: "test: t\nseed: x\n",
            expected: """
                x.test:2:7: error: `seed:` needs a whole number, not `x` [IT003]
                    2 | seed: x
                      |       ^

                """),
        Case(
            name: "a preset that is an expression", source: "test: t\nset hours: hours + 1\n",
            expected: """
                x.test:2:12: error: `set hours:` needs a literal value, not an expression [IT003]
                    2 | set hours: hours + 1
                      |            ^~~~~~~~~
                  hint: write a number, 'quoted text', true, false or a list such as ['a', 'b']

                """),
        Case(
            name: "a preset the expression language cannot read", source: "test: t\nset name: 'abc\n",
            expected: """
                x.test:2:11: error: unterminated string in expression [IE002]
                    2 | set name: 'abc
                      |           ^~~~
                  hint: close it with `'`

                """),
        Case(
            name: "invalid UTF-8", source: "test: t\n> caf\u{FFFD}\n",
            expected: """
                x.test:2:1: error: invalid UTF-8 [IT007]
                    2 | > caf\u{FFFD}
                      | ^

                """),
        Case(
            name: "no test at all", source: "# only a comment\n",
            expected: """
                x.test:1:1: warning: a test file without a test [IT008]
                    1 | # only a comment
                      | ^
                  hint: start a test with `test: NAME`

                """),
    ]

    @Test("each mistake: exactly its diagnostic, at its place", arguments: cases)
    func diagnostics(_ c: Case) {
        var bytes = Array(c.source.utf8)
        // Put a real invalid byte where the case shows U+FFFD.
        if let i = c.source.utf8.indices(of: "\u{FFFD}") {
            bytes = Array(c.source.utf8[..<i]) + [0xFF] + Array(c.source.utf8[c.source.utf8.index(i, offsetBy: 3)...])
        }
        let file = TestParser.parse(bytes, path: "x.test")
        #expect(rendered(file) == c.expected)
    }

    @Test("a file with several mistakes reports each once, and keeps its tests")
    func severalMistakes() {
        let file = TestParser.parse("test: a\nstate: nope\n> 1\nnode:\ntest: b\ncrisis: maybe\n", path: "x.test")
        #expect(file.diagnostics.map(\.code) == ["IT003", "IT002", "IT003"])
        #expect(file.diagnostics.map(\.range.start.line) == [2, 4, 6])
        #expect(file.tests.map(\.name) == ["a", "b"])
    }

    @Test("values written by the writer read back the same")
    func valuesRoundTrip() {
        for text in ["plain", "", " leading", "trailing ", "\"quoted\" start", "two\nlines", "tab\there", "back\\slash", "a | b"] {
            let file = TestParser.parse("test: t\nsay is: \(TestText.value(text))\n", path: "x.test")
            #expect(file.diagnostics.isEmpty, "\(text)")
            guard case .text(.say, .exactly(let items)) = file.tests.first?.section.steps.first?.expectations.first?.check else {
                Issue.record("no say is for \(text)")
                continue
            }
            #expect(items == (text.isEmpty ? [""] : [text]))
        }
    }
}

extension String.UTF8View {
    /// The index where a scalar's UTF-8 bytes start, if it occurs.
    func indices(of scalar: Unicode.Scalar) -> String.Index? {
        let needle = Array(String(scalar).utf8)
        var i = startIndex
        while i != endIndex {
            if self[i...].starts(with: needle) { return i }
            i = index(after: i)
        }
        return nil
    }
}
