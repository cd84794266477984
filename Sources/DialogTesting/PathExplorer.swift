import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax

/// How far to walk a bundle's paths.
package struct PathOptions: Sendable {
    /// The most answers on one path (a scale answered in one go counts once).
    package var maxDepth = 40
    /// The most distinct session states to visit.
    package var maxStates = 5000
    /// How many times to walk on from one question (a node as the person sees it) with
    /// different variables, symptoms or scores: totals and answers make the states of a
    /// session endless, so a question is walked from this many times, then joined.
    package var visitsPerQuestion = 2
    package var region = "US"
    package var seed: UInt64 = 0

    package init(maxDepth: Int = 40, maxStates: Int = 5000, visitsPerQuestion: Int = 2, region: String = "US", seed: UInt64 = 0) {
        self.maxDepth = maxDepth
        self.maxStates = maxStates
        self.visitsPerQuestion = visitsPerQuestion
        self.region = region
        self.seed = seed
    }
}

/// One path from the start: the turns of a session driven along it, and how it stops.
package struct ExploredPath: Sendable {
    package enum Ending: Sendable, Equatable {
        /// It reached a new state, which later paths walk on from.
        case walkedOn
        /// The session ended (an `end` node).
        case ended
        /// It came back to a state already on the path.
        case loop
        /// It reached a state another path walks on from.
        case joins
        /// The bound was reached.
        case bound
        /// No answer leads on (a dead end).
        case stuck
    }

    package var turns: [Turn]
    package var ending: Ending

    /// What was typed, in order.
    package var inputs: [String] { turns.compactMap(\.input) }

    /// `intake.welcome → baclofen.overview → intake.end`.
    package var route: String {
        var nodes: [String] = []
        for t in turns where nodes.last != t.node.description { nodes.append(t.node.description) }
        return nodes.joined(separator: " → ")
    }
}

/// A problem found by walking the paths, at a place in the bundle.
package struct PathFinding: Sendable {
    /// The file of the bundle it is in.
    package var path: String
    package var diagnostic: Diagnostic
    /// The files of the notes that are in another file, by the note's index.
    package var notePaths: [Int: String] = [:]
}

/// What walking a bundle found.
package struct ExplorationReport: Sendable {
    package var paths: [ExploredPath]
    package var findings: [PathFinding]
    /// Distinct session states visited.
    package var states: Int
    /// Whether a bound stopped the walk somewhere.
    package var truncated: Bool
    package var options: PathOptions
    package var files: [SourceFile]

    /// The findings as `file:line:col: error: …` with excerpts.
    package func renderedFindings() -> String {
        func file(_ path: String) -> SourceFile { files.first { $0.path == path } ?? SourceFile(path: path, bytes: []) }
        return findings.map { f in
            DiagnosticRenderer.render(f.diagnostic, in: file(f.path), noteFiles: f.notePaths.mapValues(file))
        }.joined()
    }

    /// One golden test per path, replaying it: a test file, with `bundle:` when given.
    package func goldenTests(bundle header: String?) -> String {
        var lines = [
            "# Golden tests written by intake check --paths: one test per route walked from the",
            "# start, each the shortest way there; each distinct turn is pinned in full once. They pin",
            "# what the dialogs say today: review them, and after a deliberate change rewrite",
            "# their texts with intake test --update.",
        ]
        if let header { lines.append("bundle: \(header)") }
        if options.region != "US" { lines.append("region: \(options.region)") }
        if options.seed != 0 { lines.append("seed: \(options.seed)") }
        var pins = GoldenPins()
        for (i, path) in paths.enumerated() {
            lines.append("")
            lines += TestText.test(named: "path \(i + 1): \(path.route)", turns: path.turns) { pins.isNew($0) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Walks every route of a bundle from its start node by running sessions: at each
/// state it tries every choice, both answers to a yes-no question, the bounds of a
/// number (and the numbers its routes compare with), each route's first phrase, and a
/// scale answered all-lowest, all-middle and all-highest; from the opening it also tries
/// each intent's first phrase. Distinct states are visited once.
///
/// It reports dead ends (a state no tried answer leads on from, or a node the session
/// stops at that neither waits nor ends), loops with no way out (states that cannot
/// reach an end, only each other), crisis intents whose phrases do not bring up their
/// script at a node where the session waits, and a start that ends before any line.
package struct PathExplorer {
    let loaded: LoadedBundle
    var bundle: DialogBundle { loaded.bundle }
    let options: PathOptions
    var paths: [ExploredPath] = []
    var findings: [PathFinding] = []
    var keys: [String: Int] = [:]
    var successors: [[Int]] = []
    var ended: [Bool] = []
    var open: [Bool] = []
    var firstTurns: [[Turn]] = []
    var truncated = false
    var checkedNodes: Set<String> = []
    var crisisMisses: [String: [(node: NodeID, inputs: [String])]] = [:]
    var deadEnds: Set<String> = []
    var walkedFrom: [String: Int] = [:]
    /// The path that first reached a state, by the state's index.
    var pathOf: [Int: Int] = [:]

    package static func explore(_ loaded: LoadedBundle, options: PathOptions = PathOptions()) throws(SessionError) -> ExplorationReport {
        let bundle = loaded.bundle
        var explorer = PathExplorer(loaded: loaded, options: options)
        var session = try Session(bundle: bundle, region: options.region, seed: options.seed)
        let first = session.open()
        explorer.walk(session: session, turns: [first])
        explorer.finish()
        return ExplorationReport(
            paths: explorer.paths, findings: explorer.findings, states: explorer.keys.count,
            truncated: explorer.truncated, options: options, files: loaded.files)
    }

    init(loaded: LoadedBundle, options: PathOptions) {
        self.loaded = loaded
        self.options = options
    }

    // MARK: - Walking

    /// The question as the person sees it: the node, what it waits for, the question and
    /// the choices.
    static func question(_ turn: Turn) -> String {
        ["\(turn.node)", turn.state.rawValue, turn.ask ?? "", turn.choiceLabels.joined(separator: "\u{1}")].joined(separator: "\u{2}")
    }

    /// The state: the question, and what the session holds that conditions can read.
    static func key(_ session: Session, _ turn: Turn) -> String {
        var parts = [question(turn)]
        parts.append(
            session.variables.filter { $0.key != "answer" }.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: ","))
        parts.append(session.reported.joined(separator: ","))
        parts.append(session.denied.joined(separator: ","))
        parts.append(session.scores.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
        return parts.joined(separator: "\u{2}")
    }

    mutating func register(_ key: String, turns: [Turn]) -> Int {
        let i = successors.count
        keys[key] = i
        successors.append([])
        ended.append(false)
        open.append(false)
        firstTurns.append(turns)
        return i
    }

    /// A state waiting to be walked on from.
    struct Pending {
        var index: Int
        var session: Session
        var turns: [Turn]
        var onPath: Set<String>
        var depth: Int
    }

    /// Walks breadth first, so each path is the shortest way to what it reaches.
    mutating func walk(session: Session, turns: [Turn]) {
        if turns.count == 1 && turns[0].state == .ended {
            report(
                at: bundle.start, code: .IP004, "the session ends before any line is read, so no crisis phrase can be heard",
                inputs: [])
        }
        var queue: [Pending] = []
        _ = discover(session: session, turns: turns, from: nil, onPath: [], depth: 0, queue: &queue)
        var head = 0
        while head < queue.count {
            let p = queue[head]
            head += 1
            expand(p, queue: &queue)
        }
    }

    /// Notes where a path arrives: a new state (walked on from later, unless a bound
    /// stops it), a state already known, an end or a dead end.
    mutating func discover(
        session: Session, turns: [Turn], from: Int?, onPath: Set<String>, depth: Int,
        queue: inout [Pending]
    ) -> Int {
        guard let last = turns.last else { return -1 }
        let k = PathExplorer.key(session, last)
        func arrive(_ ending: ExploredPath.Ending) { paths.append(ExploredPath(turns: turns, ending: ending)) }
        if let j = keys[k] {
            if let from { successors[from].append(j) }
            arrive(onPath.contains(k) ? .loop : .joins)
            return j
        }
        let j = register(k, turns: turns)
        if let from { successors[from].append(j) }
        if last.state == .ended {
            ended[j] = true
            arrive(.ended)
            return j
        }
        guard let node = bundle.nodes[last.node], node.asksForInput else {
            if deadEnds.insert(last.node.description).inserted {
                report(
                    at: last.node, code: .IP001,
                    "a dead end: the session stops at `\(last.node)`, which neither waits for an answer nor ends"
                        + (bundle.nodes[last.node]?.branch.isEmpty == false ? " (no `branch` condition holds)" : ""),
                    inputs: turns.compactMap(\.input))
            }
            arrive(.stuck)
            return j
        }
        let question = PathExplorer.question(last)
        if walkedFrom[question, default: 0] >= options.visitsPerQuestion {
            // Walked on from often enough with other variables: this path joins those.
            open[j] = true
            arrive(.joins)
            return j
        }
        if depth >= options.maxDepth || keys.count > options.maxStates {
            truncated = true
            open[j] = true
            arrive(.bound)
            return j
        }
        walkedFrom[question, default: 0] += 1
        pathOf[j] = paths.count
        arrive(.walkedOn)
        queue.append(Pending(index: j, session: session, turns: turns, onPath: onPath.union([k]), depth: depth))
        return j
    }

    mutating func expand(_ p: Pending, queue: inout [Pending]) {
        guard let turn = p.turns.last, let node = bundle.nodes[turn.node] else { return }
        checkCrisis(session: p.session, turn: turn, inputs: p.turns.compactMap(\.input))
        var moved = false
        for candidate in candidates(session: p.session, turn: turn, node: node, opening: p.turns.count == 1) {
            var s = p.session
            var more = p.turns
            var reasked = false
            for line in candidate {
                let t = s.respond(to: line)
                more.append(t)
                if t.has(.reask) || t.has(.ambiguous) { reasked = true; break }
                if t.state == .ended { break }
            }
            guard !reasked else { continue }
            moved = true
            _ = discover(session: s, turns: more, from: p.index, onPath: p.onPath, depth: p.depth + 1, queue: &queue)
        }
        if !moved {
            if deadEnds.insert(turn.node.description).inserted {
                let tried = candidates(session: p.session, turn: turn, node: node, opening: false).map { $0[0] }
                let why =
                    tried.isEmpty && turn.state == .awaitingChoice
                    ? "`\(turn.node)` offers no choice: the `if:` of each is false"
                    : "no answer tried at `\(turn.node)` leads on (" + tried.map { "“\($0)”" }.joined(separator: ", ") + ")"
                report(at: turn.node, code: .IP001, "a dead end: " + why, inputs: p.turns.compactMap(\.input))
            }
            if let i = pathOf[p.index] { paths[i].ending = .stuck }
        }
    }

    /// The answers to try at a state; each is one line, or the lines that answer a whole
    /// scale.
    func candidates(session: Session, turn: Turn, node: DialogNode, opening: Bool) -> [[String]] {
        var out: [[String]] = []
        switch turn.expects {
        case .yesNo:
            out = [["yes"], ["no"]]
        case .choice:
            out = turn.choices.indices.map { [String($0 + 1)] }
        case .number:
            if let name = node.scale?.value, let scale = bundle.scales[name] {
                // Answer the items left at once.
                let left = max(1, scale.items.count - (session.scaleItem ?? 0))
                let values = [scale.range.lowerBound, (scale.range.lowerBound + scale.range.upperBound) / 2, scale.range.upperBound]
                var seen: Set<Int> = []
                for v in values where seen.insert(v).inserted { out.append(Array(repeating: String(v), count: left)) }
            } else if case .number(let range) = node.expect {
                var numbers = [range.lowerBound, ((range.lowerBound + range.upperBound) / 2).rounded(.down), range.upperBound]
                for route in node.routes {
                    for n in route.condition.map({ PathExplorer.numbers(in: $0.expression) }) ?? [] {
                        numbers += [n - 1, n, n + 1]
                    }
                }
                var seen: Set<Double> = []
                for n in numbers where range.contains(n) && seen.insert(n).inserted {
                    out.append([n == n.rounded() ? String(Int(n)) : String(n)])
                }
            }
        case .text, .symptoms:
            for route in node.routes { if let phrase = route.match.first { out.append([phrase.text]) } }
            if node.expect == .symptoms {
                for stage in [Symptom.Stage.early, .later] {
                    let labels = bundle.symptoms.filter { $0.stage == stage }.map(\.label)
                    if !labels.isEmpty { out.append([labels.joined(separator: ", ")]) }
                }
                out.append(["none of those"])
            } else {
                out.append(["something else"])
            }
        case .none:
            break
        }
        if opening {
            for intent in bundle.intents { if let phrase = intent.match.first { out.append([phrase.text]) } }
        }
        return out
    }

    static func numbers(in e: Expr) -> [Double] {
        switch e {
        case .number(let n, _): [n]
        case .list(let items, _): items.flatMap(numbers)
        case .unary(_, let x, _): numbers(in: x)
        case .binary(_, let a, let b, _): numbers(in: a) + numbers(in: b)
        case .call(_, let args, _): args.flatMap(numbers)
        default: []
        }
    }

    /// At each node where the session waits, every crisis intent must bring up its
    /// script from at least one of its phrases.
    mutating func checkCrisis(session: Session, turn: Turn, inputs: [String]) {
        guard bundle.kind == .intake, checkedNodes.insert("\(turn.node)\u{1}\(turn.state)").inserted else { return }
        for intent in bundle.intents {
            guard let kind = intent.crisis else { continue }
            let heard = intent.match.contains { phrase in
                var s = session
                let t = s.respond(to: phrase.text)
                // `distress` never takes over: it is heard when it shows the numbers.
                guard let c = t.crisis, c.level == .takeover || kind == .distress else { return false }
                return c.kind == kind || c.also.contains(kind)
            }
            if !heard { crisisMisses[intent.id, default: []].append((turn.node, inputs)) }
        }
    }

    // MARK: - Findings

    /// The codes of what the path walk finds.
    enum Code: String, DiagnosticCode {
        /// A dead end: the session stops at a node that neither waits nor ends.
        case IP001
        /// A loop with no way out.
        case IP002
        /// A crisis phrase not heard at some node where the session waits.
        case IP003
        /// The session ends before any line is read.
        case IP004
    }

    mutating func report(
        at node: NodeID, code: Code, _ message: String, inputs: [String],
        notes: [Diagnostic.Note] = []
    ) {
        let range = bundle.nodes[node]?.range ?? SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1))
        findings.append(
            PathFinding(
                path: path(ofFile: node.file),
                diagnostic: code.error(
                    message, at: range, notes: notes,
                    hint: PathExplorer.hint(inputs))))
    }

    static func hint(_ inputs: [String]) -> String {
        inputs.isEmpty ? "reached at the opening" : "reached by typing " + inputs.map { "“\($0)”" }.joined(separator: ", ")
    }

    func path(ofFile file: String) -> String { loaded.path(ofFile: file) }

    mutating func finish() {
        // Loops with no way out: states that cannot reach an end (or a state the bound
        // left unexplored), caught in a cycle among themselves.
        let n = successors.count
        var predecessors = [[Int]](repeating: [], count: n)
        for (i, next) in successors.enumerated() { for j in next { predecessors[j].append(i) } }
        var canEnd = [Bool](repeating: false, count: n)
        var stack = (0..<n).filter { ended[$0] || open[$0] }
        while let i = stack.popLast() {
            if canEnd[i] { continue }
            canEnd[i] = true
            stack += predecessors[i].filter { !canEnd[$0] }
        }
        var reported: Set<String> = []
        for component in PathExplorer.components(successors) {
            guard let first = component.first, !canEnd[first] else { continue }
            let isCycle = component.count > 1 || successors[first].contains(first)
            guard isCycle else { continue }
            let turns = firstTurns[component.min() ?? first]
            var nodes: [NodeID] = []
            for s in component.sorted() { if let t = firstTurns[s].last, !nodes.contains(t.node) { nodes.append(t.node) } }
            let names = nodes.map(\.description)
            guard reported.insert(names.sorted().joined(separator: ",")).inserted, let at = turns.last?.node else { continue }
            let message =
                names.count == 1
                ? "a loop with no way out at `\(names[0])`: every answer comes back to it"
                : "a loop with no way out: " + (names + [names[0]]).joined(separator: " → ")
            report(at: at, code: .IP002, message, inputs: turns.compactMap(\.input))
        }
        for intent in bundle.intents {
            guard let misses = crisisMisses[intent.id], let first = misses.first else { continue }
            var notes: [Diagnostic.Note] = []
            var notePaths: [Int: String] = [:]
            for miss in misses.prefix(5) {
                guard let node = bundle.nodes[miss.node] else { continue }
                if miss.node.file != intent.file { notePaths[notes.count] = path(ofFile: miss.node.file) }
                notes.append(Diagnostic.Note(message: "not heard at `\(miss.node)`", range: node.range))
            }
            let phrases = intent.match.prefix(3).map { "“\($0.text)”" }.joined(separator: ", ") + (intent.match.count > 3 ? "…" : "")
            let where_ =
                misses.count == checkedNodes.count
                ? "at any node where the session waits"
                : "at \(misses.count) of the \(checkedNodes.count) nodes where the session waits"
            findings.append(
                PathFinding(
                    path: path(ofFile: intent.file),
                    diagnostic: Code.IP003.error(
                        "crisis intent `\(intent.id)` cannot be reached: none of its phrases (\(phrases)) brings up its script \(where_)",
                        at: intent.range, notes: notes,
                        hint: "first at `\(first.node)`, " + PathExplorer.hint(first.inputs)), notePaths: notePaths))
        }
        findings.sort { ($0.path, $0.diagnostic.range.start.offset, $0.diagnostic.code) < ($1.path, $1.diagnostic.range.start.offset, $1.diagnostic.code) }
    }

    /// Strongly connected components (Kosaraju, without recursion).
    static func components(_ successors: [[Int]]) -> [[Int]] {
        let n = successors.count
        var order: [Int] = []
        var seen = [Bool](repeating: false, count: n)
        for root in 0..<n where !seen[root] {
            var stack: [(Int, Int)] = [(root, 0)]
            seen[root] = true
            while let (v, i) = stack.last {
                if i < successors[v].count {
                    stack[stack.count - 1].1 += 1
                    let w = successors[v][i]
                    if !seen[w] { seen[w] = true; stack.append((w, 0)) }
                } else {
                    order.append(v)
                    stack.removeLast()
                }
            }
        }
        var predecessors = [[Int]](repeating: [], count: n)
        for (v, next) in successors.enumerated() { for w in next { predecessors[w].append(v) } }
        var component = [Int](repeating: -1, count: n)
        var out: [[Int]] = []
        for root in order.reversed() where component[root] < 0 {
            var members: [Int] = []
            var stack = [root]
            component[root] = out.count
            while let v = stack.popLast() {
                members.append(v)
                for w in predecessors[v] where component[w] < 0 {
                    component[w] = out.count
                    stack.append(w)
                }
            }
            out.append(members)
        }
        return out
    }
}
