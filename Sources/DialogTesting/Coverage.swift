import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax

/// What the tests of one bundle reached: its nodes, choices, routes (and `branch`
/// conditions) and intents.
public struct CoverageReport: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case node, choice, route, intent

        var plural: String { rawValue + "s" }
    }

    /// One thing a test can reach, and where it is written.
    public struct Item: Sendable {
        public var kind: Kind
        /// `baclofen.overview`, `choice 2 "Check my symptoms" of intake.welcome`…
        public var name: String
        public var path: String
        public var range: SourceRange
        public var reached: Bool
    }

    public var folder: String
    public var bundleID: String
    public var items: [Item]

    public func count(_ kind: Kind?) -> (reached: Int, total: Int) {
        let chosen = items.filter { kind == nil || $0.kind == kind }
        return (chosen.filter(\.reached).count, chosen.count)
    }

    /// The share reached, 0…100 (100 for nothing to reach).
    public func percent(_ kind: Kind? = nil) -> Double {
        let c = count(kind)
        return c.total == 0 ? 100 : Double(c.reached) * 100 / Double(c.total)
    }

    /// The report as text: a line per kind, then what was not reached, each with its
    /// `file:line:col`.
    public func rendered() -> String {
        let all = count(nil)
        var out = "coverage of \(folder) (\(bundleID)): \(CoverageReport.format(percent())) of \(all.total) items\n"
        for kind in Kind.allCases {
            let c = count(kind)
            let label = kind.plural.padding(to: 8)
            out += "  \(label) \(String(c.reached).leftPadded(to: 4)) of \(String(c.total).leftPadded(to: 4))  \(CoverageReport.format(percent(kind)).leftPadded(to: 6))\n"
        }
        let missing = items.filter { !$0.reached }
        if !missing.isEmpty {
            out += "not reached:\n"
            for item in missing {
                out += "  \(item.path):\(item.range.start.line):\(item.range.start.column): \(item.kind.rawValue) \(item.name)\n"
            }
        }
        return out
    }

    /// `65.1%`.
    public static func format(_ percent: Double) -> String {
        let tenths = Int((percent * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

/// Follows the turns of test sessions and notes what of the bundle they reached.
///
/// A turn names the node it ends at; the nodes passed on the way (`next`, `branch`) are
/// found again from the bundle and from the turn's notes, where the session writes each
/// `branch` and route it takes (`branch: LABEL → file.node`).
struct CoverageTracker {
    let loaded: LoadedBundle
    var bundle: DialogBundle { loaded.bundle }
    let folder: String
    private(set) var nodes: Set<NodeID> = []
    private(set) var choices: Set<ChoiceKey> = []
    private(set) var routes: Set<RouteKey> = []
    private(set) var intents: Set<String> = []

    struct ChoiceKey: Hashable { var node: NodeID; var index: Int }
    struct RouteKey: Hashable { var node: NodeID; var branch: Bool; var index: Int }

    init(bundle: LoadedBundle, folder: String) {
        self.loaded = bundle
        self.folder = folder
    }

    /// The opening turn of a session that started at `start`.
    mutating func opened(_ turn: Turn, start: NodeID) {
        var notes = branchNotes(turn)
        walk(from: start, notes: &notes)
        nodes.insert(turn.node)
    }

    /// A turn, after the turn before it.
    mutating func took(_ turn: Turn, after previous: Turn, start: NodeID) {
        defer { nodes.insert(turn.node) }
        if let crisis = turn.crisis {
            for intent in bundle.intents where intent.crisis == crisis.kind || crisis.also.contains(where: { $0 == intent.crisis }) {
                intents.insert(intent.id)
            }
        }
        guard let matched = turn.matched else { return }
        var notes = branchNotes(turn)
        let node = bundle.nodes[previous.node]
        switch matched.by {
        case "choice":
            guard let node, let index = choiceIndex(matched.id, of: node, offered: previous.choices) else { return }
            choices.insert(ChoiceKey(node: node.id, index: index))
            walk(from: node.choices[index].goto.target, notes: &notes)
        case "answer":
            guard let node else { return }
            if let (label, target) = turn.notes.lazy.compactMap({ CoverageTracker.split($0, "route: ") }).first,
               let index = node.routes.firstIndex(where: { $0.label == label && $0.goto.target.description == target }) {
                routes.insert(RouteKey(node: node.id, branch: false, index: index))
                walk(from: node.routes[index].goto.target, notes: &notes)
            } else if let next = node.next, turn.node != node.id {
                walk(from: next.target, notes: &notes)
            }
        case "scale":
            if let node, let next = node.next, turn.node != node.id { walk(from: next.target, notes: &notes) }
        case "intent":
            guard let intent = bundle.intents.first(where: { $0.id == matched.id }) else { return }
            intents.insert(intent.id)
            if intent.crisis == nil && intent.returns {
                nodes.insert(intent.goto.target)
            } else {
                walk(from: intent.goto.target, notes: &notes)
            }
        case "command" where matched.id == "restart":
            walk(from: start, notes: &notes)
        default:
            break
        }
    }

    /// The choice a label names: by its label as written, else by its place among those
    /// offered (labels with `{…}` read differently once rendered).
    private func choiceIndex(_ label: String, of node: DialogNode, offered: [String]) -> Int? {
        if let i = node.choices.firstIndex(where: { $0.label.raw == label }) { return i }
        if offered.count == node.choices.count, let i = offered.firstIndex(of: label) { return i }
        return nil
    }

    private func branchNotes(_ turn: Turn) -> [(label: String, target: String)] {
        turn.notes.compactMap { CoverageTracker.split($0, "branch: ") }
    }

    /// `PREFIX LABEL → TARGET` as its label and target.
    static func split(_ note: String, _ prefix: String) -> (label: String, target: String)? {
        guard note.hasPrefix(prefix), let arrow = note.ranges(of: " → ").last else { return nil }
        return (String(note[note.index(note.startIndex, offsetBy: prefix.count)..<arrow.lowerBound]),
                String(note[arrow.upperBound...]))
    }

    /// Enters a node as the session does: through `branch` (as the notes say) and `next`,
    /// up to a node that waits for input or ends.
    private mutating func walk(from id: NodeID, notes: inout [(label: String, target: String)]) {
        var target = id
        for _ in 0..<64 {
            nodes.insert(target)
            guard let node = bundle.nodes[target], !node.end else { return }
            if !node.branch.isEmpty {
                guard !notes.isEmpty else { return }
                let (label, to) = notes.removeFirst()
                guard let index = node.branch.firstIndex(where: { $0.label == label && $0.goto.target.description == to }) else { return }
                routes.insert(RouteKey(node: node.id, branch: true, index: index))
                target = node.branch[index].goto.target
                continue
            }
            if node.asksForInput { return }
            guard let next = node.next else { return }
            target = next.target
        }
    }

    /// What was reached and what was not, in file order.
    func report() -> CoverageReport {
        var items: [CoverageReport.Item] = []
        func path(_ file: String) -> String { loaded.path(ofFile: file) }
        for id in bundle.nodeOrder {
            guard let node = bundle.nodes[id] else { continue }
            let file = path(id.file)
            items.append(.init(kind: .node, name: id.description, path: file, range: node.range, reached: nodes.contains(id)))
            for (i, choice) in node.choices.enumerated() {
                items.append(.init(kind: .choice, name: "\(i + 1) \"\(choice.label.raw)\" of \(id)", path: file, range: choice.range,
                                   reached: choices.contains(ChoiceKey(node: id, index: i))))
            }
            for (branch, list) in [(false, node.routes), (true, node.branch)] {
                for (i, route) in list.enumerated() {
                    items.append(.init(kind: .route, name: "\"\(route.label)\" of \(id)", path: file, range: route.range,
                                       reached: routes.contains(RouteKey(node: id, branch: branch, index: i))))
                }
            }
        }
        for intent in bundle.intents.sorted(by: { ($0.file, $0.range.start.offset) < ($1.file, $1.range.start.offset) }) {
            items.append(.init(kind: .intent, name: intent.id, path: path(intent.file), range: intent.range,
                               reached: intents.contains(intent.id)))
        }
        // Nodes in file order first, then intents: sort all by file and place for the list.
        items.sort { ($0.path, $0.range.start.offset) < ($1.path, $1.range.start.offset) }
        return CoverageReport(folder: folder, bundleID: bundle.id, items: items)
    }
}
