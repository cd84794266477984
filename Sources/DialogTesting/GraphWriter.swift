import DialogModel
import DialogSyntax

/// The dialog graph of a bundle, as Graphviz DOT or Mermaid: one cluster per file; an
/// edge per choice (numbered, with its label), route and `branch` condition (its
/// phrases or condition), and `next`; intents in a cluster of their own, crisis intents
/// drawn in bold red and topic intents dashed blue.
package enum GraphWriter {
    /// An edge of the graph.
    struct Edge {
        enum Style { case choice, route, next, crisis, topic, start }
        var from: String
        var to: String
        var label: String?
        var style: Style
    }

    /// The graph's parts, shared by both notations.
    struct Graph {
        var files: [(name: String, nodes: [DialogNode])] = []
        var intents: [Intent] = []
        var edges: [Edge] = []
    }

    static func graph(_ bundle: DialogBundle) -> Graph {
        var g = Graph()
        var index: [String: Int] = [:]
        for id in bundle.nodeOrder {
            guard let node = bundle.nodes[id] else { continue }
            if let i = index[id.file] {
                g.files[i].nodes.append(node)
            } else {
                index[id.file] = g.files.count
                g.files.append((id.file, [node]))
            }
        }
        g.edges.append(Edge(from: "start", to: bundle.start.description, label: nil, style: .start))
        for (_, nodes) in g.files {
            for node in nodes {
                for (i, choice) in node.choices.enumerated() {
                    g.edges.append(
                        Edge(
                            from: node.id.description, to: choice.goto.target.description,
                            label: "\(i + 1). \(choice.label.raw)", style: .choice))
                }
                for route in node.routes + node.branch {
                    g.edges.append(Edge(from: node.id.description, to: route.goto.target.description, label: route.label, style: .route))
                }
                if let next = node.next {
                    g.edges.append(Edge(from: node.id.description, to: next.target.description, label: "next", style: .next))
                }
            }
        }
        g.intents = bundle.intents
        for intent in bundle.intents {
            g.edges.append(
                Edge(
                    from: "intent:" + intent.id, to: intent.goto.target.description,
                    label: intent.crisis == nil && intent.returns ? "return" : nil,
                    style: intent.crisis == nil ? .topic : .crisis))
        }
        return g
    }

    /// The label of a stub target (`back:` or `elsewhere:`), or nil for a node.
    static func stubLabel(_ target: String) -> String? {
        if target.hasPrefix("back:"), let arrow = target.firstRange(of: "->") { return "↩ " + target[arrow.upperBound...] }
        if target.hasPrefix("elsewhere:") { return "→ " + target.dropFirst("elsewhere:".count) }
        return nil
    }

    static func nodeLabel(_ node: DialogNode) -> String {
        var label = node.id.name
        if let scale = node.scale { label += "\n(scale \(scale.value))" }
        if node.expect != nil, let save = node.save { label += "\n(\(save.value))" }
        return label
    }

    static func intentLabel(_ intent: Intent) -> String {
        intent.id + (intent.crisis.map { "\n(\($0.rawValue))" } ?? "")
    }

    // MARK: - DOT

    package static func dot(_ bundle: DialogBundle, options: GraphOptions = .everything) -> String {
        let g = applying(options, to: graph(bundle), bundle: bundle)
        var out = "digraph \(dotQuote(bundle.id)) {\n"
        out += "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", label=\(dotQuote(bundle.title)), labelloc=t];\n"
        out += "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        out += "  \"start\" [shape=point, width=0.15, label=\"\"];\n"
        for (file, nodes) in g.files {
            out += "  subgraph \(dotQuote("cluster_" + file)) {\n"
            out += "    label=\(dotQuote(file + ".yaml"));\n"
            for node in nodes {
                var attributes = ["label=\(dotQuote(nodeLabel(node)))"]
                if node.end { attributes.append("peripheries=2") }
                out += "    \(dotQuote(node.id.description)) [\(attributes.joined(separator: ", "))];\n"
            }
            out += "  }\n"
        }
        if !g.intents.isEmpty {
            out += "  subgraph \"cluster_intents\" {\n"
            out += "    label=\"intents\";\n"
            out += "    style=dashed;\n"
            for intent in g.intents {
                let look = intent.crisis == nil ? "shape=ellipse, color=blue, fontcolor=blue" : "shape=octagon, color=red, fontcolor=red"
                out += "    \(dotQuote("intent:" + intent.id)) [label=\(dotQuote(intentLabel(intent))), \(look)];\n"
            }
            out += "  }\n"
        }
        // Stubs: an edge back up the dialog, or out of the part drawn, ends at a short
        // note naming its target.
        for target in Set(g.edges.map(\.to)).sorted() {
            guard let stub = stubLabel(target) else { continue }
            out += "  \(dotQuote(target)) [shape=plaintext, fontcolor=gray40, label=\(dotQuote(stub))];\n"
        }
        for edge in g.edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\(dotQuote(label))") }
            if stubLabel(edge.to) != nil { attributes += ["color=gray60", "fontcolor=gray40"] }
            switch edge.style {
            case .choice, .route, .start: break
            case .next: attributes.append("style=dotted")
            case .crisis: attributes += ["color=red", "fontcolor=red", "penwidth=2"]
            case .topic: attributes += ["color=blue", "fontcolor=blue", "style=dashed"]
            }
            let tail = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            out += "  \(dotQuote(edge.from)) -> \(dotQuote(edge.to))\(tail);\n"
        }
        out += "}\n"
        return out
    }

    /// A DOT string: control characters stripped, quotes and backslashes escaped, line
    /// breaks as `\n`.
    static func dotQuote(_ s: String) -> String {
        quoted(s, escaping: ["\"": "\\\"", "\\": "\\\\", "\n": "\\n"])
    }

    /// `s` in double quotes, without control characters (``VisibleText``; a line break
    /// is kept for `escapes` to write) and with each character of `escapes` written as
    /// its entry.
    private static func quoted(_ s: String, escaping escapes: [Character: String]) -> String {
        var out = "\""
        for c in VisibleText.stripping(s) {
            if let escaped = escapes[c] { out += escaped } else { out.append(c) }
        }
        return out + "\""
    }

    // MARK: - Mermaid

    package static func mermaid(_ bundle: DialogBundle, options: GraphOptions = .everything) -> String {
        let g = applying(options, to: graph(bundle), bundle: bundle)
        var ids: [String: String] = ["start": "start"]
        var n = 0
        for (_, nodes) in g.files {
            for node in nodes {
                ids[node.id.description] = "n\(n)"
                n += 1
            }
        }
        for (i, intent) in g.intents.enumerated() { ids["intent:" + intent.id] = "i\(i)" }
        var out = "flowchart LR\n"
        out += "  start((start))\n"
        for (i, (file, nodes)) in g.files.enumerated() {
            out += "  subgraph f\(i)[\(mermaidQuote(file + ".yaml"))]\n"
            for node in nodes {
                let id = ids[node.id.description] ?? "?"
                let label = mermaidQuote(nodeLabel(node))
                out += node.end ? "    \(id)([\(label)])\n" : "    \(id)[\(label)]\n"
            }
            out += "  end\n"
        }
        if !g.intents.isEmpty {
            out += "  subgraph intents[\"intents\"]\n"
            for intent in g.intents {
                let id = ids["intent:" + intent.id] ?? "?"
                let label = mermaidQuote(intentLabel(intent))
                out += intent.crisis == nil ? "    \(id)([\(label)])\n" : "    \(id){{\(label)}}\n"
            }
            out += "  end\n"
        }
        for (i, target) in Set(g.edges.map(\.to)).sorted().enumerated() {
            guard let stub = stubLabel(target) else { continue }
            ids[target] = "s\(i)"
            out += "  s\(i)>\(mermaidQuote(stub))]\n"
        }
        var crisisLinks: [Int] = [], topicLinks: [Int] = []
        for (i, edge) in g.edges.enumerated() {
            let from = ids[edge.from] ?? mermaidQuote(edge.from), to = ids[edge.to] ?? mermaidQuote(edge.to)
            let arrow: String
            switch edge.style {
            case .choice, .route, .start: arrow = "-->"
            case .next: arrow = "-.->"
            case .crisis: arrow = "==>"; crisisLinks.append(i)
            case .topic: arrow = "-.->"; topicLinks.append(i)
            }
            let label = edge.label.map { "|\(mermaidQuote($0))|" } ?? ""
            out += "  \(from) \(arrow)\(label) \(to)\n"
        }
        let crisisNodes = g.intents.filter { $0.crisis != nil }.compactMap { ids["intent:" + $0.id] }
        let topicNodes = g.intents.filter { $0.crisis == nil }.compactMap { ids["intent:" + $0.id] }
        out += "  classDef crisis stroke:#c00,color:#c00,stroke-width:2px\n"
        out += "  classDef topic stroke:#06c,color:#06c\n"
        if !crisisNodes.isEmpty { out += "  class \(crisisNodes.joined(separator: ",")) crisis\n" }
        if !topicNodes.isEmpty { out += "  class \(topicNodes.joined(separator: ",")) topic\n" }
        if !crisisLinks.isEmpty { out += "  linkStyle \(crisisLinks.map(String.init).joined(separator: ",")) stroke:#c00,stroke-width:2px\n" }
        if !topicLinks.isEmpty { out += "  linkStyle \(topicLinks.map(String.init).joined(separator: ",")) stroke:#06c\n" }
        return out
    }

    /// A Mermaid label in quotes: control characters stripped, quotes, bars and angle
    /// brackets as entity codes, line breaks as `<br/>`.
    static func mermaidQuote(_ s: String) -> String {
        quoted(s, escaping: ["\"": "#quot;", "|": "#124;", "<": "#lt;", ">": "#gt;", "#": "#35;", "\n": "<br/>"])
    }
}
