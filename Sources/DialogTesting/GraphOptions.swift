import DialogModel

/// What part of a bundle's graph to draw, so that a large bundle gives a picture a
/// person can read: one file, the nodes a few steps from one node, without intents; and
/// the edges that go back up the dialog ("Back to the menu" from everywhere) drawn as a
/// short stub at their source instead of a long arrow across the picture.
package struct GraphOptions: Sendable {
    /// Only the nodes of this file (by name, without `.yaml`).
    package var file: String?
    /// Only the nodes at most `depth` steps from this node.
    package var from: NodeID?
    package var depth: Int
    /// Whether intents (and their edges) are drawn.
    package var intents: Bool
    /// Whether an edge back to a node the dialog came through is drawn as a stub.
    package var collapseBackEdges: Bool

    package init(file: String? = nil, from: NodeID? = nil, depth: Int = 2, intents: Bool = true, collapseBackEdges: Bool = false) {
        self.file = file
        self.from = from
        self.depth = depth
        self.intents = intents
        self.collapseBackEdges = collapseBackEdges
    }

    /// Everything: every node, intent and edge in full.
    package static let everything = GraphOptions()
}

extension GraphWriter {
    /// `g` cut down as `options` say. Edges that leave the nodes kept end at a stub
    /// naming where they go.
    static func applying(_ options: GraphOptions, to g: Graph, bundle: DialogBundle) -> Graph {
        var out = g
        if !options.intents {
            out.intents = []
            out.edges.removeAll { $0.from.hasPrefix("intent:") }
        }
        var kept = Set(g.files.flatMap { $0.nodes.map(\.id.description) })
        if let file = options.file {
            kept = kept.filter { $0.hasPrefix(file + ".") }
        }
        if let from = options.from {
            kept.formIntersection(reachable(from: from.description, within: options.depth, edges: g.edges))
        }
        if options.file != nil || options.from != nil {
            out.files = g.files.compactMap { file in
                let nodes = file.nodes.filter { kept.contains($0.id.description) }
                return nodes.isEmpty ? nil : (file.name, nodes)
            }
            out.edges = out.edges.compactMap { edge in
                let fromKept =
                    kept.contains(edge.from) || edge.from.hasPrefix("intent:")
                    || (edge.from == "start" && options.from == nil)
                guard fromKept, edge.to != edge.from || kept.contains(edge.to) else { return nil }
                if edge.from.hasPrefix("intent:") && !kept.contains(edge.to) { return nil }
                if kept.contains(edge.to) { return edge }
                var stub = edge
                stub.to = "elsewhere:" + edge.to
                return stub
            }
            let targets = Set(out.edges.map(\.from))
            out.intents = out.intents.filter { targets.contains("intent:" + $0.id) }
        }
        if options.collapseBackEdges {
            let back = backEdges(from: options.from?.description ?? bundle.start.description, edges: out.edges)
            for i in out.edges.indices where back.contains(i) {
                out.edges[i].to = "back:" + out.edges[i].from + "->" + out.edges[i].to
            }
        }
        return out
    }

    /// The node ids at most `depth` edges from `start` (itself included).
    static func reachable(from start: String, within depth: Int, edges: [Edge]) -> Set<String> {
        var next: [String: [String]] = [:]
        for e in edges where !e.from.hasPrefix("intent:") && e.from != "start" { next[e.from, default: []].append(e.to) }
        var seen: Set<String> = [start]
        var frontier = [start]
        for _ in 0..<max(0, depth) {
            frontier = frontier.flatMap { next[$0] ?? [] }.filter { seen.insert($0).inserted }
        }
        return seen
    }

    /// The indexes of the edges that go back to a node on the way from `root` to their
    /// source, found by a depth-first walk (iterative: a bundle may be deep).
    static func backEdges(from root: String, edges: [Edge]) -> Set<Int> {
        var out: [String: [(index: Int, to: String)]] = [:]
        for (i, e) in edges.enumerated() where !e.from.hasPrefix("intent:") && e.from != "start" {
            out[e.from, default: []].append((i, e.to))
        }
        var back: Set<Int> = []
        var onPath: Set<String> = [root]
        var done: Set<String> = []
        var stack: [(node: String, next: Int)] = [(root, 0)]
        while let top = stack.last {
            let children = out[top.node] ?? []
            if top.next < children.count {
                stack[stack.count - 1].next += 1
                let child = children[top.next]
                if onPath.contains(child.to) {
                    back.insert(child.index)
                } else if !done.contains(child.to) {
                    onPath.insert(child.to)
                    stack.append((child.to, 0))
                }
            } else {
                onPath.remove(top.node)
                done.insert(top.node)
                stack.removeLast()
            }
        }
        return back
    }
}
