import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax

/// What the tests of one bundle reached: its nodes, choices, routes (and `branch`
/// conditions) and intents.
package struct CoverageReport: Sendable {
    package enum Kind: String, Sendable, CaseIterable {
        case node, choice, route, intent

        var plural: String { rawValue + "s" }
    }

    /// One thing a test can reach, and where it is written.
    package struct Item: Sendable {
        package var kind: Kind
        /// `baclofen.overview`, `choice 2 "Check my symptoms" of intake.welcome`…
        package var name: String
        package var path: String
        package var range: SourceRange
        package var reached: Bool
    }

    package var folder: String
    package var bundleID: String
    package var items: [Item]

    package func count(_ kind: Kind?) -> (reached: Int, total: Int) {
        let chosen = items.filter { kind == nil || $0.kind == kind }
        return (chosen.filter(\.reached).count, chosen.count)
    }

    /// The share reached, 0…100 (100 for nothing to reach).
    package func percent(_ kind: Kind? = nil) -> Double {
        let c = count(kind)
        return c.total == 0 ? 100 : Double(c.reached) * 100 / Double(c.total)
    }

    /// The report as text: a line per kind, then what was not reached, each with its
    /// `file:line:col`.
    package func rendered() -> String {
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
    package static func format(_ percent: Double) -> String { percent.oneDecimal + "%" }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(to width: Int, with pad: Character = " ") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

/// Follows the turns of test sessions and notes what of the bundle they reached, from
/// each turn's trace: the nodes it entered, the choices, routes and `branch` routes it
/// took, the intents that matched.
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

    /// A turn of a session: what its trace says it reached, and the node it is at.
    mutating func took(_ turn: Turn) {
        nodes.insert(turn.node)
        for step in turn.trace {
            switch step {
            case .entered(let id):
                nodes.insert(id)
            case .choice(let node, let index, _, _, _):
                choices.insert(ChoiceKey(node: node, index: index))
            case .route(let node, let index, _, _):
                routes.insert(RouteKey(node: node, branch: false, index: index))
            case .branch(let node, let index, _, _):
                routes.insert(RouteKey(node: node, branch: true, index: index))
            case .intent(let id):
                intents.insert(id)
                // A topic that answers and returns shows its node without entering it.
                if let intent = bundle.intents.first(where: { $0.id == id }), intent.crisis == nil, intent.returns {
                    nodes.insert(intent.goto.target)
                }
            case .command, .scaleItem, .set, .request, .resumed, .problem:
                break
            }
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
                items.append(
                    .init(
                        kind: .choice, name: "\(i + 1) \"\(choice.label.raw)\" of \(id)", path: file, range: choice.range,
                        reached: choices.contains(ChoiceKey(node: id, index: i))))
            }
            for (branch, list) in [(false, node.routes), (true, node.branch)] {
                for (i, route) in list.enumerated() {
                    items.append(
                        .init(
                            kind: .route, name: "\"\(route.label)\" of \(id)", path: file, range: route.range,
                            reached: routes.contains(RouteKey(node: id, branch: branch, index: i))))
                }
            }
        }
        for intent in bundle.intents.sorted(by: { ($0.file, $0.range.start.offset) < ($1.file, $1.range.start.offset) }) {
            items.append(
                .init(
                    kind: .intent, name: intent.id, path: path(intent.file), range: intent.range,
                    reached: intents.contains(intent.id)))
        }
        // Nodes in file order first, then intents: sort all by file and place for the list.
        items.sort { ($0.path, $0.range.start.offset) < ($1.path, $1.range.start.offset) }
        return CoverageReport(folder: folder, bundleID: bundle.id, items: items)
    }
}
