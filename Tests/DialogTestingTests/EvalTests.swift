import DialogSyntax
@testable import DialogTesting
import Foundation
import Testing

/// `*.eval` files and `intake eval` in-process: the format, the measures, known
/// failures, the copy check, and the shipped labelled lines.
@Suite("Labelled lines")
struct EvalTests {
    static let dialogs: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Dialogs"
    }()

    @Test func theFormatReadsGroupsThresholdsAndSplitLines() {
        let file = EvalParser.parse(
            """
            # a comment
            group: crisis
            at: every
            min crisis-numbers: 99%
            max lookalike-script: 2.5%

            > my brother used
            > and now hes not waking up
              crisis: overdose-other | overdose-self takeover

            > I'm dead tired
              crisis: none
            group: answers
            at: screening.sows_offer, screening.red_emergency
            > yep
              answer: yes
            > nah
              answer: no

            > cramps but no vomiting
              reported: stomach_cramps
              denied: vomiting
            > is baclofen approved
              matched: intent ask_offlabel | ask_baclofen
            """, path: "x.eval")
        #expect(file.diagnostics.isEmpty)
        #expect(file.groups.map(\.name) == ["crisis", "answers"])
        #expect(file.groups[0].thresholds.map(\.percent) == [99, 2.5])
        #expect(file.groups[0].records.map(\.lines) == [["my brother used", "and now hes not waking up"], ["I'm dead tired"]])
        #expect(file.groups[0].records[0].crisis == .crisis(kinds: ["overdose-other", "overdose-self"], level: "takeover"))
        #expect(file.groups[1].places == .nodes(["screening.sows_offer", "screening.red_emergency"]))
        #expect(file.groups[1].records.map(\.answer) == [.yes, .no, nil, nil])
        #expect(file.groups[1].records[2].denied == ["vomiting"])
        #expect(file.groups[1].records[3].intents == ["ask_offlabel", "ask_baclofen"])
    }

    @Test func mistakesAreLocatedWithTheirCodes() {
        let file = EvalParser.parse(
            """
            > before any group
            group: g
            min wonder: 5%
            max answers: 120%
            > a line with nothing expected

            > x
              crisis: suicide
            > y
              answer: maybe
            what is this
            """, path: "bad.eval")
        #expect(file.diagnostics.map(\.code) == ["IU004", "IU002", "IU002", "IU003", "IU002", "IU002", "IU001"])
        #expect(file.diagnostics.map(\.range.start.line) == [1, 3, 4, 5, 8, 10, 11])
    }

    /// Runs one eval text against the shipped bundle, from a temporary folder.
    func run(_ text: String, folder: String = "understanding", known: [EvalKnownFailure] = []) throws -> EvalResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("intake-eval-\(UUID().uuidString)/\(folder)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let path = dir.appendingPathComponent("lines.eval").path
        try ("bundle: \(Self.dialogs)\n" + text).write(toFile: path, atomically: true, encoding: .utf8)
        return EvalRunner(knownFailures: known).run([EvalParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path)])
    }

    @Test func measuresCountEachLineAtEachPlace() throws {
        let result = try run(
            """
            group: crisis
            min crisis-script: 95%
            > I want to die
              crisis: suicide takeover
            > I'm dead tired
              crisis: none
            group: offer
            at: screening.sows_offer
            min answers: 97%
            max ordinary-numbers: 2%
            > yep
              answer: yes
            > nah not now
              answer: no
            """)
        #expect(!result.hasErrors)
        let crisis = try #require(result.groups.first)
        #expect(crisis.places > 30)
        #expect(crisis.measures[.crisisScript] == EvalTally(hits: crisis.places, total: crisis.places))
        #expect(crisis.measures[.lookalikeScript]?.hits == 0)
        #expect(crisis.verdicts.allSatisfy { $0.holds })
        let offer = try #require(result.groups.last)
        #expect(offer.measures[.answers] == EvalTally(hits: 2, total: 2))
        #expect(offer.measures[.ordinaryNumbers] == EvalTally(hits: 0, total: 2))
        #expect(result.unmet.isEmpty && result.failed == 0 && result.passed == 4)
    }

    /// A crisis line read as another kind is counted as a confusion, like a question
    /// answered by the wrong intent, so a group's report says which kinds are mixed up
    /// without printing the lines.
    @Test func aCrisisReadAsAnotherKindIsAConfusion() throws {
        let result = try run(
            """
            group: kinds
            at: intake.welcome
            > I want to die
              crisis: seizure takeover
            > purple monkey dishwasher
              crisis: overdose-other takeover
            > I want to die
              crisis: suicide takeover
            """)
        let group = try #require(result.groups.first)
        #expect(
            group.confusions == [
                EvalGroupResult.Confusion(expected: "crisis seizure", got: "suicide takeover"): 1,
                EvalGroupResult.Confusion(expected: "crisis overdose-other", got: "no crisis"): 1,
            ])
        let report = EvalReport.render(result)
        #expect(report.contains("  confused crisis seizure → suicide takeover ×1\n"))
        #expect(report.contains("  confused crisis overdose-other → no crisis ×1\n"))
    }

    @Test func aMeasureOutsideItsThresholdFailsUnlessItIsAKnownFailure() throws {
        let text = """
            group: hard
            at: intake.welcome
            min answers: 97%
            > purple monkey dishwasher
              answer: yes
            """
        let failing = try run(text)
        #expect(failing.unmet.count == 1)
        #expect(EvalReport.render(failing).contains("NOT MET"))
        let known = try run(text, known: [EvalKnownFailure(path: "lines.eval", group: "hard", measure: "answers", reason: "no menu here")])
        #expect(known.unmet.isEmpty && known.staleKnownFailures.isEmpty)
        #expect(EvalReport.render(known).contains("known failure: no menu here"))
        // A known failure that holds now must leave the list.
        let stale = try run(
            "group: easy\nat: screening.sows_offer\nmin answers: 97%\n> yes\n  answer: yes\n",
            known: [EvalKnownFailure(path: "lines.eval", group: "easy", measure: "answers", reason: "old")])
        #expect(stale.staleKnownFailures.count == 1)
    }

    @Test func aHeldApartLineThatCopiesAPhraseIsRefused() throws {
        let copied = try run("group: g\n> want to die!\n  crisis: suicide takeover\n", folder: "held-apart")
        #expect(copied.diagnostics.map { $0.diagnostic.code } == ["IU005"])
        let fresh = try run("group: g\n> I want to kill myself\n  crisis: suicide takeover\n", folder: "dev")
        #expect(!fresh.hasErrors)
    }

    @Test func unknownNamesAreErrors() throws {
        let result = try run("group: g\nat: nowhere.node\n> x\n  crisis: panic takeover\n  reported: hiccups\n")
        #expect(result.diagnostics.map { $0.diagnostic.code } == ["IU006", "IU006", "IU006"])
    }

    /// The shipped labelled lines declare at least the project's targets, and have the
    /// lines the targets are measured on.
    @Test func theShippedFilesDeclareTheTargets() throws {
        var crisisLines: [String: Int] = [:]
        var total = (crisis: 0, lookalike: 0, answers: 0, symptoms: 0, spanish: 0, split: 0)
        for half in ["dev", "held-apart"] {
            let folder = "\(Self.dialogs)/tests/understanding/\(half)"
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".eval") {
                let file = EvalParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))), path: name)
                #expect(file.diagnostics.isEmpty, "\(half)/\(name)")
                for group in file.groups {
                    func bound(_ m: String) -> Double? { group.thresholds.first { $0.measure.rawValue == m }?.percent }
                    let records = group.records
                    if records.contains(where: { if case .crisis(_, "takeover")? = $0.crisis { true } else { false } }) {
                        #expect((bound("crisis-numbers") ?? 0) >= 99, "\(name) \(group.name)")
                        #expect((bound("crisis-script") ?? 0) >= 95, "\(name) \(group.name)")
                    }
                    if records.contains(where: { $0.crisis == CrisisExpectation.none }) {
                        #expect((bound("lookalike-script") ?? 100) <= 2, "\(name) \(group.name)")
                        #expect((bound("lookalike-numbers") ?? 100) <= 25, "\(name) \(group.name)")
                    }
                    if records.contains(where: { $0.answer != nil }) { #expect((bound("answers") ?? 0) >= 97, "\(name) \(group.name)") }
                    if records.contains(where: { $0.reported != nil || $0.denied != nil }) {
                        #expect((bound("symptoms") ?? 0) >= 97, "\(name) \(group.name)")
                    }
                    if records.contains(where: { $0.crisis == nil }) { #expect((bound("ordinary-numbers") ?? 100) <= 2, "\(name) \(group.name)") }
                    if records.contains(where: { $0.intents?.isEmpty == false }) {
                        #expect((bound("intents") ?? 0) >= 90, "\(name) \(group.name)")
                        #expect((bound("clarify-rate") ?? 100) <= 10, "\(name) \(group.name)")
                    }
                    for r in records {
                        switch r.crisis {
                        case .crisis(let kinds, let level)? where level == "takeover" || kinds == ["distress"]:
                            total.crisis += 1
                            crisisLines[kinds[0], default: 0] += 1
                            if group.name.contains("spanish") { total.spanish += 1 }
                            if r.lines.count > 1 { total.split += 1 }
                        case .some: total.lookalike += 1
                        case nil: break
                        }
                        if r.answer != nil { total.answers += 1 }
                        if r.reported != nil || r.denied != nil { total.symptoms += 1 }
                    }
                }
            }
        }
        #expect(total.crisis >= 400 && total.lookalike >= 150 && total.answers >= 150 && total.symptoms >= 80)
        #expect(total.spanish >= 40 && total.split >= 15)
        #expect(crisisLines.values.allSatisfy { $0 >= 30 }, "\(crisisLines)")
    }
}
