import DialogMatching
import DialogSyntax

/// Checks a merged bundle as a whole: references, reachability, dead ends and loops,
/// types of expressions, catalogues, and the safety rules of intake bundles.
///
/// Every problem is reported; the order does not matter, as the loader sorts them.
///
/// What the files could not read (``Damage``) is left alone, so a mistake already
/// reported does not come back as a knock-on error. The warnings about what nothing
/// uses (unreachable nodes, unused resources and symptoms) are given only when there is
/// no error, as compilers leave lints until the code compiles: a dangling `goto` would
/// otherwise also make its intended target "unreachable".
struct Validator {
    let bundle: DialogBundle
    /// File name (the first part of node ids) → path, to say where a problem is.
    let paths: [String: String]
    let damage: Damage
    let startReference: NodeReference?
    let startPath: String?
    /// Errors were found before validation (in decoding): hold back the lints.
    let quietLints: Bool
    /// Whether the examples are checked (IC033, IC034), for `intake check`.
    let comparesExamples: Bool
    var diagnostics: [BundleDiagnostic] = []
    /// The lints, given at the end when there is no error.
    var lints: [BundleDiagnostic] = []
    /// Nodes that a dangling reference is probably meant for, with the reference and the
    /// path of its file.
    var danglingMeant: [NodeID: (reference: NodeReference, path: String)] = [:]

    /// How the bundle came to be, beyond what it holds.
    struct Options {
        /// The `start:` setting as written, and the path of its file.
        var start: (reference: NodeReference, path: String)?
        /// Errors were found before validation (in decoding): hold back the lints.
        var quietLints = false
        /// Whether the examples are checked (IC033, IC034), for `intake check`.
        var comparesExamples = true
    }

    init(bundle: DialogBundle, paths: [String: String], damage: Damage = Damage(), options: Options = Options()) {
        self.bundle = bundle
        self.paths = paths
        self.damage = damage
        startReference = options.start?.reference
        startPath = options.start?.path
        quietLints = options.quietLints
        comparesExamples = options.comparesExamples
        nodesInOrder = bundle.nodeOrder.compactMap { bundle.nodes[$0] }
        roles = bundle.roles
    }

    mutating func validate() {
        checkReferences()
        checkSources()
        checkGraph()
        checkExpressionsAndRoles()
        checkCatalogues()
        checkChoices()
        checkFollowUps()
        if bundle.kind == .intake { checkSafety() }
        checkRubric()
        checkConcepts()
        checkExamples()
        if !quietLints && !diagnostics.contains(where: { $0.diagnostic.isError }) { diagnostics += lints }
    }

    mutating func lint(_ d: Diagnostic, in file: String) {
        lints.append(BundleDiagnostic(path: paths[file] ?? file, diagnostic: d))
    }

    mutating func report(_ d: Diagnostic, in file: String) {
        diagnostics.append(BundleDiagnostic(path: paths[file] ?? file, diagnostic: d))
    }

    /// The nodes in file order, looked up once: every check walks them.
    let nodesInOrder: [DialogNode]
    /// Every role some resource has (``DialogBundle/roles`` builds the set anew).
    let roles: Set<String>

    // MARK: - References

    mutating func checkReferences() {
        if let start = startReference, bundle.nodes[start.target] == nil, !damage.nodesUnknownIn.contains(start.target.file) {
            diagnostics.append(
                BundleDiagnostic(
                    path: startPath ?? "",
                    diagnostic: ModelMessage.danglingNode(
                        start.written, suggestion: suggestion(for: start), start.range)))
            remember(dangling: start, in: startPath ?? "")
        }
        for node in nodesInOrder {
            for (_, target) in node.edges where bundle.nodes[target.target] == nil && !damage.nodesUnknownIn.contains(target.target.file) {
                report(ModelMessage.danglingNode(target.written, suggestion: suggestion(for: target), target.range), in: node.id.file)
                remember(dangling: target, in: paths[node.id.file] ?? node.id.file)
            }
            if let scale = node.scale, bundle.scales[scale.value] == nil, !damage.scales.contains(scale.value), !damage.hides(.scales) {
                report(
                    ModelMessage.unknownScale(
                        scale.value, suggestion: Suggestion.closest(to: scale.value, among: bundle.scales.keys),
                        scale.range), in: node.id.file)
            }
        }
        for intent in bundle.intents where bundle.nodes[intent.goto.target] == nil && !damage.nodesUnknownIn.contains(intent.goto.target.file) {
            report(
                ModelMessage.danglingNode(intent.goto.written, suggestion: suggestion(for: intent.goto), intent.goto.range),
                in: intent.file)
            remember(dangling: intent.goto, in: paths[intent.file] ?? intent.file)
        }
        let codes = bundle.regions.map(\.code)
        for resource in bundle.resources
        where bundle.region(named: resource.region.value)?.code != resource.region.value
            && !damage.regions.contains(resource.region.value) && !damage.hides(.regions)
        {
            report(
                ModelMessage.unknownRegion(
                    resource.region.value, suggestion: Suggestion.closest(to: resource.region.value, among: codes),
                    resource.region.range), in: resource.file)
        }
    }

    /// Notes the node a dangling reference is probably meant for (its suggestion): that
    /// node is unreachable because of the typo, and the reachability check says so.
    mutating func remember(dangling reference: NodeReference, in path: String) {
        guard let written = suggestion(for: reference) else { return }
        let meant =
            written.contains(".")
            ? bundle.nodeOrder.first { $0.description == written }
            : bundle.nodeOrder.first { $0.file == reference.target.file && $0.name == written }
                ?? bundle.nodeOrder.first { $0.name == written }
        if let meant, danglingMeant[meant] == nil { danglingMeant[meant] = (reference, path) }
    }

    /// The closest node id to a dangling reference, written the way the author wrote it.
    func suggestion(for reference: NodeReference) -> String? {
        let sameFile = bundle.nodeOrder.filter { $0.file == reference.target.file }.map(\.name)
        if !reference.written.contains("."), let bare = Suggestion.closest(to: reference.written, among: sameFile) {
            return bare
        }
        if !reference.written.contains("."), bundle.nodes.keys.contains(where: { $0.name == reference.written }) {
            return bundle.nodeOrder.first { $0.name == reference.written }?.description
        }
        return Suggestion.closest(to: reference.target.description, among: bundle.nodeOrder.map(\.description))
    }

    mutating func checkSources() {
        let ids = Array(bundle.sources.keys)
        func check(_ refs: [SourceReference], _ file: String) {
            for ref in refs where bundle.sources[ref.id] == nil && !damage.sources.contains(ref.id) && !damage.hides(.sources) {
                report(ModelMessage.danglingSource(ref.id, suggestion: Suggestion.closest(to: ref.id, among: ids), ref.range), in: file)
            }
        }
        for node in nodesInOrder {
            check(node.sources, node.id.file)
            for item in node.say { check(item.sources, node.id.file) }
        }
        for scale in bundle.scales.values.sorted(by: { $0.id < $1.id }) {
            check(scale.sources, scale.file)
        }
        for item in bundle.rubric { check(item.sources, item.file) }
    }
}

/// Tarjan's algorithm, iterative, so a long chain of nodes cannot overflow the stack.
enum StronglyConnected {
    static func components(_ successors: [[Int]]) -> [[Int]] {
        let n = successors.count
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var result: [[Int]] = []
        var counter = 0
        for root in 0..<n where index[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while var frame = work.popLast() {
                let v = frame.node
                if frame.next < successors[v].count {
                    let w = successors[v][frame.next]
                    frame.next += 1
                    work.append(frame)
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                    continue
                }
                if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
                if low[v] == index[v] {
                    var component: [Int] = []
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component.append(w)
                        if w == v { break }
                    }
                    result.append(component)
                }
            }
        }
        return result
    }
}

extension DialogBundle {
    /// Every variable the bundle sets or reads, with its type: what a saved session's
    /// variables are checked against when the dialogs changed since it was saved.
    public var variableTypes: [String: ExprType] {
        Validator(bundle: self, paths: [:]).environment()
    }
}
