import DialogEngine
import DialogMatching
import DialogModel
import DialogSyntax

/// What the assistant made of one record at one place.
package struct EvalOutcome: Sendable, Equatable {
    /// The crisis the last line raised: its kind, the other kinds, its level.
    package var crisis: Turn.Crisis?
    /// The answer read: yes, no, none or a number; nil when the line was not read as one.
    package var answer: AnswerExpectation?
    package var reported: [String]
    package var denied: [String]
    /// The intent the line reached, if it reached one.
    package var intent: String?
    /// The topic intents whose answer the line reached: the intent, or those that lead
    /// where the choice it picked leads ("does baclofen help" picking the menu's
    /// "Baclofen" answers the question as `ask_baclofen` would).
    package var answered: Set<String> = []
    package var clarified: Bool

    /// Whether the emergency numbers were shown: a takeover or a safety note.
    package var showedNumbers: Bool { crisis != nil }
    package var tookOver: Bool { crisis?.level == .takeover }

    /// Whether it took over with one of `kinds`, as its kind or among its `also`.
    func tookOver(asOneOf kinds: [String]) -> Bool {
        guard let crisis, tookOver else { return false }
        let raised = [crisis.kind.rawValue] + crisis.also.map(\.rawValue)
        return kinds.contains(where: raised.contains)
    }

    /// Whether the line reached the answer of one of `intents`, with no clarifying turn.
    func reaches(_ intents: [String]) -> Bool { !clarified && !answered.isDisjoint(with: intents) }

    package var description: String {
        var parts: [String] = []
        if let crisis {
            parts.append("crisis \(([crisis.kind] + crisis.also).map(\.rawValue).joined(separator: "+")) \(crisis.level.rawValue)")
        } else {
            parts.append("no crisis")
        }
        if let answer { parts.append("answer \(answer)") }
        if !reported.isEmpty { parts.append("reported \(reported.joined(separator: ", "))") }
        if !denied.isEmpty { parts.append("denied \(denied.joined(separator: ", "))") }
        if let intent { parts.append("intent \(intent)") }
        return parts.joined(separator: "; ")
    }
}

/// A record that did not give what it expects at some of its places.
package struct EvalMiss: Sendable {
    package var record: EvalRecord
    package var expected: String
    /// Each place it missed at, with what it got there.
    package var places: [(node: String, got: String)]
    /// How many places it was tried at.
    package var tried: Int
}

/// A measure of a group: how many checks counted towards it, and how many of them hit.
package struct EvalTally: Sendable, Equatable {
    package var hits = 0
    package var total = 0

    package init(hits: Int = 0, total: Int = 0) {
        self.hits = hits
        self.total = total
    }

    package var percent: Double { total == 0 ? 0 : Double(hits) * 100 / Double(total) }
}

/// A threshold of a group against what was measured.
package struct EvalVerdict: Sendable {
    package var threshold: EvalThreshold
    package var measured: EvalTally
    /// Why the measure is known not to hold yet, when `known-failures.tsv` lists it.
    package var knownFailure: String?
    package var holds: Bool { measured.total == 0 || threshold.holds(measured.percent) }
}

package struct EvalGroupResult: Sendable {
    package var path: String
    package var group: EvalGroup
    package var places: Int
    package var passed: Int
    package var failed: Int
    package var misses: [EvalMiss]
    package var measures: [EvalMeasure: EvalTally]
    package var verdicts: [EvalVerdict]
    /// Every outcome, record by record and place by place, when
    /// ``EvalRunner/keepsOutcomes`` (mutation testing compares them).
    package var outcomes: [EvalOutcome] = []
    /// Questions by the intent expected (the first listed): how many reached it.
    package var recall: [String: EvalTally] = [:]
    /// Missed questions by what was expected and what came instead (an intent,
    /// `clarify`, or `none`), and crisis lines that did not get their script
    /// (`crisis KIND` → the kind and level raised, or `no crisis`).
    package var confusions: [Confusion: Int] = [:]

    package struct Confusion: Sendable, Hashable {
        package var expected: String
        package var got: String
    }
}

package struct EvalResult: Sendable {
    package var groups: [EvalGroupResult] = []
    /// Problems of the files and of their bundles (IU…): the run is invalid (65).
    package var diagnostics: [(path: String, source: SourceFile, diagnostic: Diagnostic)] = []
    /// Known failures listed that hold now: the list must shrink.
    package var staleKnownFailures: [String] = []

    package var hasErrors: Bool { diagnostics.contains { $0.diagnostic.severity == .error } }
    package var passed: Int { groups.reduce(0) { $0 + $1.passed } }
    package var failed: Int { groups.reduce(0) { $0 + $1.failed } }
    /// Thresholds that do not hold and are not listed as known failures.
    package var unmet: [(EvalGroupResult, EvalVerdict)] {
        groups.flatMap { g in g.verdicts.filter { !$0.holds && $0.knownFailure == nil }.map { (g, $0) } }
    }
}

/// A measure known not to hold yet: `PATH<TAB>GROUP<TAB>MEASURE<TAB>REASON` in
/// `known-failures.tsv` beside the eval files. PATH is the eval file's path from that
/// folder.
package struct EvalKnownFailure: Sendable, Hashable {
    package var path: String
    package var group: String
    package var measure: String
    package var reason: String

    package static func parse(_ text: String) -> [EvalKnownFailure] {
        text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 4 else { return nil }
            return EvalKnownFailure(path: f[0], group: f[1], measure: f[2], reason: f[3...].joined(separator: " "))
        }
    }
}

/// Runs labelled lines against their bundle, in-process: each record on a fresh session
/// waiting at each of its places.
package struct EvalRunner {
    package var knownFailures: [EvalKnownFailure]
    /// Loads a bundle folder; called once per folder.
    package var loadBundle: (String) -> BundleOutcome = TestRunner.loadFolder
    /// Types each record at the first of its group's places only: a quick reading for
    /// mutation testing, where a full run per mutant would take minutes.
    package var firstPlaceOnly = false
    /// Keeps every outcome (``EvalGroupResult/outcomes``).
    package var keepsOutcomes = false
    /// Checks that no held-apart line is a copy of a phrase or an example of the bundle
    /// (most of a run's time): mutation testing, which only removes phrases, skips it.
    package var checksCopies = true
    /// How many threads type lines and look for copies at once (mutation testing, which
    /// runs mutants on every core, uses one).
    package var workers = Concurrent.cores

    package init(knownFailures: [EvalKnownFailure] = []) {
        self.knownFailures = knownFailures
    }

    /// A prepared bundle: compiled once, with a session waiting at each node that waits
    /// for input.
    struct Prepared: Sendable {
        var loaded: LoadedBundle
        var compiled: CompiledBundle
        var waiting: [NodeID: (session: Session, opening: Turn)] = [:]
        var everyPlace: [NodeID] = []

        init(_ loaded: LoadedBundle) {
            self.loaded = loaded
            // Each line is typed at every place: its readings are worked out once.
            compiled = CompiledBundle(loaded.bundle, keepingReadings: true)
            for id in loaded.bundle.nodeOrder {
                guard let node = loaded.bundle.nodes[id], node.asksForInput,
                    var session = try? Session(compiled, start: id)
                else { continue }
                let opening = session.open()
                guard opening.node == id, opening.state != .ended else { continue }
                waiting[id] = (session, opening)
                everyPlace.append(id)
            }
        }
    }

    package func run(_ files: [EvalFile]) -> EvalResult {
        var result = EvalResult()
        var bundles: [String: Prepared?] = [:]
        var copyChecks: [String: CopyCheck] = [:]
        for file in files {
            for d in file.diagnostics { result.diagnostics.append((file.path, file.source, d)) }
            guard !file.hasErrors else { continue }
            let first = file.groups.first?.range ?? SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1))
            guard let folder = TestFiles.bundleFolder(for: file.path, header: file.bundle) else {
                result.diagnostics.append(
                    (
                        file.path, file.source,
                        EvalMessage.noBundle(
                            "", "the file is not in a bundle's tests/ folder; name one with `bundle:`", first)
                    ))
                continue
            }
            if bundles[folder] == nil {
                if case .loaded(let loaded) = loadBundle(folder) {
                    bundles[folder] = Prepared(loaded)
                } else {
                    bundles[folder] = .some(nil)
                }
            }
            guard let prepared = bundles[folder] ?? nil else {
                result.diagnostics.append((file.path, file.source, EvalMessage.noBundle(folder, "it does not load; run intake check \(folder)", first)))
                continue
            }
            var problems = check(file, against: prepared.loaded.bundle)
            if checksCopies, file.path.contains("/held-apart/") || file.path.hasPrefix("held-apart/") {
                if copyChecks[folder] == nil { copyChecks[folder] = CopyCheck(bundle: prepared.loaded.bundle) }
                problems += copyChecks[folder]?.copies(in: file, workers: workers) ?? []
            }
            for d in problems { result.diagnostics.append((file.path, file.source, d)) }
            guard problems.isEmpty else { continue }
            for group in file.groups {
                result.groups.append(run(group, path: file.path, prepared))
            }
        }
        // Known failures that hold now, or that name nothing.
        for known in knownFailures {
            let match = result.groups.first { $0.path.hasSuffix(known.path) && $0.group.name == known.group }
            let verdict = match?.verdicts.first { $0.threshold.measure.rawValue == known.measure }
            if let verdict, verdict.holds {
                result.staleKnownFailures.append("\(known.path) \(known.group) \(known.measure) holds now: remove it from known-failures.tsv")
            } else if verdict == nil {
                result.staleKnownFailures.append("\(known.path) \(known.group) \(known.measure) names no threshold of a group that ran")
            }
        }
        return result
    }

    /// Node ids, crisis kinds and symptom ids a file names must exist in its bundle.
    private func check(_ file: EvalFile, against bundle: DialogBundle) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let kinds = Set(CrisisKind.allCases.map(\.rawValue) + ["distress"])
        let symptoms = Set(bundle.symptoms.map(\.id))
        let intents = Set(bundle.intents.map(\.id))
        for group in file.groups {
            if case .nodes(let names) = group.places {
                for name in names where bundle.nodes[NodeID(name, in: "")] == nil || !name.contains(".") {
                    out.append(EvalMessage.unknownName("node", name, group.range))
                }
            }
            for record in group.records {
                if case .crisis(let ks, _) = record.crisis {
                    for k in ks where !kinds.contains(k) { out.append(EvalMessage.unknownName("crisis kind", k, record.range)) }
                }
                for id in (record.reported ?? []) + (record.denied ?? []) where !symptoms.contains(id) {
                    out.append(EvalMessage.unknownName("symptom", id, record.range))
                }
                for id in (record.intents ?? []) + (record.notIntents ?? []) where !intents.contains(id) {
                    out.append(EvalMessage.unknownName("intent", id, record.range))
                }
            }
        }
        return out
    }

    private func places(of group: EvalGroup, _ prepared: Prepared) -> [NodeID] {
        let all =
            switch group.places {
            case .every: prepared.everyPlace
            case .nodes(let names): names.map { NodeID($0, in: "") }
            }
        return firstPlaceOnly ? Array(all.prefix(1)) : all
    }

    private func run(_ group: EvalGroup, path: String, _ prepared: Prepared) -> EvalGroupResult {
        let places = places(of: group, prepared)
        var tallies: [EvalMeasure: EvalTally] = [:]
        var recall: [String: EvalTally] = [:]
        var confusions: [EvalGroupResult.Confusion: Int] = [:]
        var misses: [EvalMiss] = []
        var passed = 0, failed = 0
        // Every record at every place on a fresh session: independent, so typed on every
        // core, then judged in file order.
        let records = group.records
        let all = Concurrent.map(records.count * places.count, workers: workers) { i in
            Self.outcome(of: records[i / places.count], at: places[i % places.count], prepared)
        }
        for (r, record) in records.enumerated() {
            var missed: [(node: String, got: String)] = []
            for (p, place) in places.enumerated() {
                let outcome = all[r * places.count + p]
                let ok = Self.judge(record, outcome, into: &tallies)
                if !ok { missed.append((place.description, outcome.description)) }
                if let intents = record.intents, let expected = intents.first {
                    recall[expected, default: EvalTally()].total += 1
                    if outcome.reaches(intents) {
                        recall[expected, default: EvalTally()].hits += 1
                    } else {
                        let got = outcome.clarified ? "clarify" : outcome.intent ?? outcome.answered.sorted().first ?? "none"
                        confusions[EvalGroupResult.Confusion(expected: expected, got: got), default: 0] += 1
                    }
                }
                if let unwanted = record.notIntents, let got = outcome.answered.sorted().first(where: unwanted.contains) {
                    confusions[EvalGroupResult.Confusion(expected: "not " + unwanted.joined(separator: " | "), got: got), default: 0] += 1
                }
                if let confusion = Self.crisisConfusion(record, outcome) {
                    confusions[confusion, default: 0] += 1
                }
            }
            if missed.isEmpty {
                passed += 1
            } else {
                failed += 1
                misses.append(EvalMiss(record: record, expected: Self.expected(record), places: missed, tried: places.count))
            }
        }
        let verdicts = group.thresholds.map { t in
            let known = knownFailures.first { path.hasSuffix($0.path) && $0.group == group.name && $0.measure == t.measure.rawValue }
            return EvalVerdict(threshold: t, measured: tallies[t.measure] ?? EvalTally(), knownFailure: known?.reason)
        }
        return EvalGroupResult(
            path: path, group: group, places: places.count, passed: passed, failed: failed,
            misses: misses, measures: tallies, verdicts: verdicts, outcomes: keepsOutcomes ? all : [],
            recall: recall, confusions: confusions)
    }

    /// Types the record's lines at `place` and reads the last turn.
    private static func outcome(of record: EvalRecord, at place: NodeID, _ prepared: Prepared) -> EvalOutcome {
        guard let (prototype, opening) = prepared.waiting[place] ?? openAt(place, prepared) else {
            return EvalOutcome(crisis: nil, answer: nil, reported: [], denied: [], intent: nil, answered: [], clarified: false)
        }
        var session = prototype
        var turn = opening
        var before = opening
        for line in record.lines {
            before = turn
            turn = session.respond(to: line)
        }
        var answer: AnswerExpectation?
        if turn.crisis?.level != .takeover, let matched = turn.matched {
            switch matched.by {
            case .scale:
                let was = Dictionary(before.scores.map { ($0.scale, $0.total) }, uniquingKeysWith: +)
                let delta = turn.scores.reduce(0) { $0 + $1.total - (was[$1.scale] ?? 0) }
                answer = .number(delta)
            case .answer:
                switch session.variables["answer"] {
                case .bool(let b)?: answer = b ? .yes : .no
                case .number(let n)?: answer = Int(exactly: n).map { .number($0) }
                default: answer = nil
                }
            case .choice:
                let node = prepared.loaded.bundle.nodes[before.node]
                let choice = node?.choices.first { $0.id == matched.id }
                switch choice?.meaning {
                case .yes?: answer = .yes
                case .no?: answer = .no
                case .none?: answer = AnswerExpectation.none
                case nil: answer = nil
                }
            case .intent, .command:
                answer = nil
            }
        }
        let intent = turn.matched?.by == .intent && turn.crisis?.level != .takeover ? turn.matched?.id : nil
        var answered = Set(intent.map { [$0] } ?? [])
        if turn.matched?.by == .choice, turn.crisis?.level != .takeover, let id = turn.matched?.id,
            let choice = prepared.loaded.bundle.nodes[before.node]?.choices.first(where: { $0.id == id })
        {
            answered = Set(prepared.loaded.bundle.intents.filter { $0.crisis == nil && $0.goto.target == choice.goto.target }.map(\.id))
        }
        return EvalOutcome(
            crisis: turn.crisis, answer: answer, reported: turn.reported, denied: turn.denied,
            intent: intent, answered: answered, clarified: turn.has(.clarify) || turn.has(.ambiguous))
    }

    private static func openAt(_ place: NodeID, _ prepared: Prepared) -> (Session, Turn)? {
        guard var session = try? Session(prepared.compiled, start: place) else { return nil }
        let opening = session.open()
        return (session, opening)
    }

    /// Whether the outcome meets the record's expectations; adds to the measures.
    static func judge(_ record: EvalRecord, _ o: EvalOutcome, into tallies: inout [EvalMeasure: EvalTally]) -> Bool {
        func count(_ m: EvalMeasure, _ hit: Bool) {
            tallies[m, default: EvalTally()].total += 1
            if hit { tallies[m, default: EvalTally()].hits += 1 }
        }
        var ok = true
        var ordinary = false
        switch record.crisis {
        case .crisis(let kinds, let level)? where level == "takeover" || kinds.contains("distress"):
            // A crisis line: the numbers, and the right script.
            let script = kinds.contains("distress") ? o.showedNumbers : o.tookOver(asOneOf: kinds)
            count(.crisisNumbers, o.showedNumbers)
            count(.crisisScript, script)
            ok = ok && script
        case .crisis?:
            // A negated or past crisis: the numbers, and no script.
            count(.lookalikeScript, o.tookOver)
            ok = ok && o.showedNumbers && !o.tookOver
        case CrisisExpectation.none?:
            count(.lookalikeScript, o.tookOver)
            count(.lookalikeNumbers, o.showedNumbers)
            ok = ok && !o.tookOver
        case nil:
            ordinary = true
        }
        if let answer = record.answer {
            let hit = o.answer == answer
            count(.answers, hit)
            ok = ok && hit
        }
        if record.reported != nil || record.denied != nil {
            let reported = Set(record.reported ?? []), denied = Set(record.denied ?? [])
            let hit = reported.isSubset(of: o.reported) && denied.isSubset(of: o.denied)
            count(.symptoms, hit)
            ok = ok && hit
        }
        if let intents = record.intents {
            let hit = intents.isEmpty ? o.intent == nil : o.reaches(intents)
            count(.intents, hit)
            count(.clarifyRate, o.clarified)
            ok = ok && hit
        }
        if let unwanted = record.notIntents {
            let hit = o.answered.isDisjoint(with: unwanted)
            count(.intents, hit)
            ok = ok && hit
        }
        if ordinary {
            count(.ordinaryNumbers, o.showedNumbers)
            ok = ok && !o.showedNumbers
        }
        return ok
    }

    /// A crisis line that should take over with a script but did not get one of its
    /// kinds: what it expected and what it got (the kind and level, or no crisis).
    /// Lines expecting `distress` are left out: any numbers satisfy them.
    static func crisisConfusion(_ record: EvalRecord, _ o: EvalOutcome) -> EvalGroupResult.Confusion? {
        guard case .crisis(let kinds, let level)? = record.crisis, level == "takeover", !kinds.contains("distress") else { return nil }
        guard let crisis = o.crisis else {
            return EvalGroupResult.Confusion(expected: "crisis " + kinds.joined(separator: " | "), got: "no crisis")
        }
        if o.tookOver(asOneOf: kinds) { return nil }
        return EvalGroupResult.Confusion(
            expected: "crisis " + kinds.joined(separator: " | "),
            got: "\(crisis.kind.rawValue) \(crisis.level.rawValue)")
    }

    static func expected(_ record: EvalRecord) -> String {
        var parts: [String] = []
        switch record.crisis {
        case .crisis(let kinds, let level)?: parts.append("crisis \(kinds.joined(separator: " | ")) \(level)")
        case CrisisExpectation.none?: parts.append("no crisis script")
        case nil: parts.append("no emergency numbers")
        }
        if let a = record.answer { parts.append("answer \(a)") }
        if let r = record.reported { parts.append("reported \(r.joined(separator: ", "))") }
        if let d = record.denied { parts.append("denied \(d.joined(separator: ", "))") }
        if let i = record.intents { parts.append(i.isEmpty ? "no intent" : "intent \(i.joined(separator: " | "))") }
        if let i = record.notIntents { parts.append("intent not \(i.joined(separator: " | "))") }
        return parts.joined(separator: "; ")
    }
}
