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
    /// Whether each example is ranked against the others (IC033), for `intake check`.
    let comparesExamples: Bool
    private(set) var diagnostics: [BundleDiagnostic] = []
    /// The lints, given at the end when there is no error.
    private var lints: [BundleDiagnostic] = []
    /// Nodes that a dangling reference is probably meant for, with the reference and the
    /// path of its file.
    private var danglingMeant: [NodeID: (reference: NodeReference, path: String)] = [:]

    /// How the bundle came to be, beyond what it holds.
    struct Options {
        /// The `start:` setting as written, and the path of its file.
        var start: (reference: NodeReference, path: String)?
        /// Errors were found before validation (in decoding): hold back the lints.
        var quietLints = false
        /// Whether each example is ranked against the others (IC033), for `intake check`.
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

    private mutating func report(_ d: Diagnostic, in file: String) {
        diagnostics.append(BundleDiagnostic(path: paths[file] ?? file, diagnostic: d))
    }

    /// The nodes in file order, looked up once: every check walks them.
    private let nodesInOrder: [DialogNode]
    /// Every role some resource has (``DialogBundle/roles`` builds the set anew).
    private let roles: Set<String>

    // MARK: - References

    private mutating func checkReferences() {
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
    private mutating func remember(dangling reference: NodeReference, in path: String) {
        guard let written = suggestion(for: reference) else { return }
        let meant =
            written.contains(".")
            ? bundle.nodeOrder.first { $0.description == written }
            : bundle.nodeOrder.first { $0.file == reference.target.file && $0.name == written }
                ?? bundle.nodeOrder.first { $0.name == written }
        if let meant, danglingMeant[meant] == nil { danglingMeant[meant] = (reference, path) }
    }

    /// The closest node id to a dangling reference, written the way the author wrote it.
    private func suggestion(for reference: NodeReference) -> String? {
        let sameFile = bundle.nodeOrder.filter { $0.file == reference.target.file }.map(\.name)
        if !reference.written.contains("."), let bare = Suggestion.closest(to: reference.written, among: sameFile) {
            return bare
        }
        if !reference.written.contains("."), bundle.nodes.keys.contains(where: { $0.name == reference.written }) {
            return bundle.nodeOrder.first { $0.name == reference.written }?.description
        }
        return Suggestion.closest(to: reference.target.description, among: bundle.nodeOrder.map(\.description))
    }

    private mutating func checkSources() {
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

    // MARK: - Graph

    private mutating func checkGraph() {
        let ids = bundle.nodeOrder
        var index: [NodeID: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        let successors: [[Int]] = ids.map { id in
            (bundle.nodes[id]?.edges ?? []).compactMap { index[$0.target.target] }
        }
        // Reachable from the start, or from any intent: intents work from every node.
        var reachable = [Bool](repeating: false, count: ids.count)
        var stack = ([bundle.start] + bundle.intents.map(\.goto.target)).compactMap { index[$0] }
        while let i = stack.popLast() {
            if reachable[i] { continue }
            reachable[i] = true
            stack += successors[i].filter { !reachable[$0] }
        }
        // The nodes reached only through a node a dangling reference is meant for: they
        // are unreachable because of the typo, which is reported already.
        var throughTypo = [Bool](repeating: false, count: ids.count)
        stack = danglingMeant.keys.compactMap { index[$0] }.filter { !reachable[$0] }
        while let i = stack.popLast() {
            if throughTypo[i] { continue }
            throughTypo[i] = true
            stack += successors[i].filter { !reachable[$0] && !throughTypo[$0] }
        }
        // A dead end's way forward is not written yet: what it was meant to lead to may be
        // unreachable only for that, so those warnings wait, as with a node not read whole.
        let wayForwardUnknown =
            !damage.nodes.isEmpty || damage.hides(.routes)
            || nodesInOrder.contains { isDeadEnd($0) }
        for (i, id) in ids.enumerated() {
            guard let node = bundle.nodes[id] else { continue }
            if !reachable[i] {
                if let meant = danglingMeant[id] {
                    report(ModelMessage.unreachable(id, meantBy: meant.reference, inFile: meant.path, node.range), in: id.file)
                } else if throughTypo[i] {
                    // Said with the node the typo is meant for.
                } else if !wayForwardUnknown {
                    // Nothing unread could lead here: said alongside the errors of validation.
                    report(ModelMessage.unreachable(id, node.range), in: id.file)
                } else {
                    lint(ModelMessage.unreachable(id, node.range), in: id.file)
                }
            }
            // A node that could not be read whole may have had a way forward.
            if isDeadEnd(node) && !damage.nodes.contains(id) { report(ModelMessage.deadEnd(id, node.range), in: id.file) }
            // `branch` reads no input: when no condition holds and there is no `else`,
            // the session has nowhere to go (`next` is not taken after a `branch`).
            if !node.branch.isEmpty && !node.branch.contains(where: \.isElse) && !damage.nodes.contains(id) {
                report(ModelMessage.branchWithoutElse(id, node.range), in: id.file)
            }
        }
        checkLoopsWithoutInput(ids, index: index)
        // Nodes that can reach an end: the others that sit on a cycle are trapped in it.
        // A node that could not be read whole is taken to have a way out.
        var predecessors = [[Int]](repeating: [], count: ids.count)
        for (i, next) in successors.enumerated() { for j in next { predecessors[j].append(i) } }
        var canEnd = [Bool](repeating: false, count: ids.count)
        stack = ids.indices.filter { bundle.nodes[ids[$0]]?.end == true || damage.nodes.contains(ids[$0]) }
        while let i = stack.popLast() {
            if canEnd[i] { continue }
            canEnd[i] = true
            stack += predecessors[i].filter { !canEnd[$0] }
        }
        let components = StronglyConnected.components(successors)
        var componentOf = [Int](repeating: 0, count: ids.count)
        for (c, component) in components.enumerated() { for i in component { componentOf[i] = c } }
        for (c, component) in components.enumerated() {
            guard let first = component.first, !canEnd[first], reachable[first] else { continue }
            let isCycle = component.count > 1 || successors[first].contains(first)
            // Only a closed loop: one with an exit that leads to a dead end is reported there.
            let closed = component.allSatisfy { successors[$0].allSatisfy { componentOf[$0] == c } }
            // A loop of nodes that never wait for input is IC039's, which says so.
            guard isCycle, closed, component.contains(where: { bundle.nodes[ids[$0]]?.waitsForInput ?? true }) else { continue }
            // Reported at the loop's first node in file order, where its listing starts.
            let cycle = component.sorted().map { ids[$0] }
            guard let node = bundle.nodes[cycle[0]] else { continue }
            report(ModelMessage.loopWithoutExit(cycle + [cycle[0]], node.range), in: cycle[0].file)
        }
    }

    /// Loops the session would go round on one turn without asking anything (IC039): a
    /// cycle through `next` and `branch` of nodes none of which waits for input. Whatever
    /// their conditions, such a loop is a mistake: the engine stops it after
    /// `Session.maxHops` nodes.
    private mutating func checkLoopsWithoutInput(_ ids: [NodeID], index: [NodeID: Int]) {
        let successors: [[Int]] = ids.map { id in
            guard let node = bundle.nodes[id], !node.waitsForInput, !node.end, !damage.nodes.contains(id) else { return [] }
            let onward = node.branch.isEmpty ? (node.next.map { [$0] } ?? []) : node.branch.map(\.goto)
            return onward.compactMap { index[$0.target] }.filter { bundle.nodes[ids[$0]].map { !$0.waitsForInput } ?? false }
        }
        var inLoop = Set<Int>()
        for component in StronglyConnected.components(successors) {
            guard let first = component.first, component.count > 1 || successors[first].contains(first) else { continue }
            inLoop.formUnion(component)
            let cycle = component.sorted().map { ids[$0] }
            guard let node = bundle.nodes[cycle[0]] else { continue }
            report(ModelMessage.loopWithoutInput(cycle + [cycle[0]], node.range), in: cycle[0].file)
        }
        checkChainsWithoutInput(ids, successors: successors, skipping: inLoop)
    }

    /// Chains of nodes without a question longer than one turn can pass (IC040): the
    /// engine would stop them as it stops a loop. Nodes in a loop are IC039's already.
    private mutating func checkChainsWithoutInput(_ ids: [NodeID], successors: [[Int]], skipping inLoop: Set<Int>) {
        let limit = DialogLimits.turnHops - 1
        // The longest chain from each node, and the node after it on that chain: the
        // graph without its loops has no cycle, so a walk in reverse finishing order works.
        var longest = [Int](repeating: 0, count: ids.count), after = [Int?](repeating: nil, count: ids.count)
        var state = [UInt8](repeating: 0, count: ids.count)  // 0 new, 1 open, 2 done
        for root in ids.indices where state[root] == 0 && !inLoop.contains(root) {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = stack.last {
                let onward = successors[top.node].filter { !inLoop.contains($0) }
                if top.next < onward.count {
                    stack[stack.count - 1].next += 1
                    let child = onward[top.next]
                    if state[child] == 0 {
                        state[child] = 1
                        stack.append((child, 0))
                    }
                } else {
                    let best = onward.filter { state[$0] == 2 }.max { longest[$0] < longest[$1] }
                    longest[top.node] = bundle.nodes[ids[top.node]].map { $0.waitsForInput } == true ? 0 : 1 + (best.map { longest[$0] } ?? 0)
                    after[top.node] = best
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        // Reported once, from the start of the longest chain over the limit.
        guard let start = ids.indices.filter({ longest[$0] > limit }).max(by: { longest[$0] < longest[$1] }) else { return }
        var chain = [ids[start]]
        var at = start
        while let next = after[at] {
            chain.append(ids[next])
            at = next
        }
        guard let node = bundle.nodes[ids[start]] else { return }
        report(ModelMessage.chainTooLong(chain, node.range), in: ids[start].file)
    }

    private func isDeadEnd(_ node: DialogNode) -> Bool {
        if node.end || !node.choices.isEmpty || node.next != nil || !node.branch.isEmpty { return false }
        if node.expect != nil || node.scale != nil { return node.routes.isEmpty }
        return node.routes.isEmpty
    }

    // MARK: - Expressions and roles

    /// The variables a bundle's expressions may read, with their types.
    func environment() -> [String: ExprType] {
        var env: [String: ExprType] = [
            "answer": .string, "region": .string,
            "symptoms.reported": .list(.string), "symptoms.denied": .list(.string),
        ]
        for role in roles.union(damage.roles) { env[role] = .string }
        for item in bundle.rubric { env[item.variable] = .bool }
        for scale in bundle.scales.values {
            env["scores.\(scale.id)"] = .number
            for item in scale.items { if let id = item.id { env[id] = .number } }
        }
        for node in nodesInOrder {
            if let save = node.save { env[save.value] = node.expect?.valueType ?? .string }
        }
        // Names whose `set:`, `save:` or scale could not be read: set, type unknown.
        for name in damage.variables { env[name] = .unknown }
        // Assigned variables take the type of what is assigned; two passes let one
        // assignment use another.
        let assignments = nodesInOrder.flatMap { node in
            node.set + node.choices.flatMap(\.set) + (node.routes + node.branch).flatMap(\.set)
        }
        for _ in 0..<2 {
            for a in assignments {
                let type = TypeChecker.check(a.expression, in: env).type
                if env[a.name] == nil || env[a.name] == .unknown { env[a.name] = type }
            }
        }
        return env
    }

    private mutating func checkExpressionsAndRoles() {
        let env = environment()
        var rolesUsed: [(role: String, range: SourceRange, file: String)] = []
        // In a bundle, a name the expression does not know is a variable read but never
        // set (IC010), not the expression language's unknown name (IE015); it may be set
        // in a file that could not be read.
        func checked(_ results: [CheckedExpression]) -> [Diagnostic] {
            results.flatMap { result in
                result.diagnostics.filter { $0.code != ExpressionMessage.unknownVariableCode }
                    + (damage.hides(.variables) ? [] : result.unknownNames.map { ModelMessage.neverSet($0.name, hint: $0.hint, $0.range) })
            }.sortedByPosition()
        }
        for node in nodesInOrder {
            let file = node.id.file
            var texts: [DialogText] = node.say.flatMap(\.variants) + node.choices.map(\.label)
            if let ask = node.ask { texts.append(ask) }
            if let note = node.note { texts.append(note) }
            for text in texts {
                for d in checked(text.interpolation.checkedParts(in: env)) { report(d, in: file) }
                for part in text.interpolation.parts {
                    if case .expression(.name(let name, let r), _) = part, roles.contains(name) {
                        rolesUsed.append((name, r, file))
                    }
                }
            }
            let conditions =
                node.say.compactMap(\.condition) + node.choices.compactMap(\.condition)
                + (node.routes + node.branch).compactMap(\.condition)
            for c in conditions {
                for d in checked([TypeChecker.check(c.expression, in: env, expecting: .bool)]) { report(d, in: file) }
            }
            let sets = node.set + node.choices.flatMap(\.set) + (node.routes + node.branch).flatMap(\.set)
            for a in sets {
                for d in checked([TypeChecker.check(a.expression, in: env)]) { report(d, in: file) }
            }
            if let show = node.show {
                for role in show.roles where !roles.contains(role.value) && !damage.roles.contains(role.value) && !damage.hides(.roles) {
                    report(
                        ModelMessage.unknownRole(
                            role.value, suggestion: Suggestion.closest(to: role.value, among: roles),
                            known: roles.sorted(), role.range), in: file)
                }
            }
        }
        for scale in bundle.scales.values.sorted(by: { $0.id < $1.id }) {
            let file = scale.file
            for text in scale.items.map(\.text) + (scale.ask.map { [$0] } ?? []) {
                for d in checked(text.interpolation.checkedParts(in: env)) { report(d, in: file) }
            }
        }
        // Every region must define every role a text names: the text is shown in all.
        // A resource that was dropped, or is for an unknown region (already reported),
        // may be the one that seems to be missing.
        var reported = Set<String>()
        let unsure = damage.roles.union(
            bundle.resources.filter {
                bundle.region(named: $0.region.value)?.code != $0.region.value
            }.compactMap(\.role))
        for use in rolesUsed where !unsure.contains(use.role) && !damage.hides(.roles) {
            for region in bundle.regions where bundle.resource(role: use.role, region: region.code) == nil {
                guard reported.insert("\(use.role)|\(region.code)").inserted else { continue }
                report(ModelMessage.roleMissing(use.role, region: region.code, use.range), in: use.file)
            }
        }
        // Resources nobody can see.
        let shownRoles = Set(rolesUsed.map(\.role) + nodesInOrder.flatMap { $0.show?.roles.map(\.value) ?? [] })
        let shownTags = Set(nodesInOrder.flatMap { $0.show?.tags.map(\.value) ?? [] })
        for resource in bundle.resources {
            let seen = resource.role.map(shownRoles.contains) ?? false || resource.tags.contains(where: shownTags.contains)
            if !seen { lint(ModelMessage.unusedResource(resource.id, resource.range), in: resource.file) }
        }
    }

    // MARK: - Catalogues and choices

    private mutating func checkCatalogues() {
        if !nodesInOrder.contains(where: { $0.expect == .symptoms }) {
            for symptom in bundle.symptoms {
                lint(ModelMessage.unusedSymptom(symptom.id, symptom.range), in: symptom.file)
            }
        }
        for scale in bundle.scales.values.sorted(by: { $0.id < $1.id }) where !scale.bands.isEmpty && !damage.scales.contains(scale.id) {
            let file = scale.file
            let lowest = scale.range.lowerBound * scale.items.count
            let bands = scale.bands.sorted { $0.range.lowerBound < $1.range.lowerBound }
            var expected = lowest
            func totals(_ lo: Int, _ hi: Int) -> String { lo == hi ? "the total \(lo)" : "totals \(lo)...\(hi)" }
            for band in bands {
                if band.range.lowerBound > expected {
                    report(ModelMessage.bandProblem("no band covers \(totals(expected, band.range.lowerBound - 1))", band.position), in: file)
                } else if band.range.lowerBound < expected && expected == lowest {
                    report(ModelMessage.bandProblem("band `\(band.label)` starts below the lowest total, \(lowest)", band.position), in: file)
                } else if band.range.lowerBound < expected {
                    report(ModelMessage.bandProblem("band `\(band.label)` overlaps the band before it", band.position), in: file)
                }
                expected = max(expected, band.range.upperBound + 1)
            }
            if expected <= scale.maximum, let last = bands.last {
                report(ModelMessage.bandProblem("no band covers \(totals(expected, scale.maximum))", last.position), in: file)
            } else if let last = bands.last, last.range.upperBound > scale.maximum {
                report(ModelMessage.bandProblem("band `\(last.label)` goes past the highest total, \(scale.maximum)", last.position), in: file)
            }
        }
    }

    private mutating func checkChoices() {
        for node in nodesInOrder {
            // Programs and tests name a choice by its id: one id, one choice.
            var ids: [String: SourceRange] = [:]
            for choice in node.choices {
                let at = choice.writtenID?.range ?? choice.range
                if let first = ids[choice.id] {
                    report(ModelMessage.sharedChoiceID(choice.id, at, first: first), in: node.id.file)
                } else {
                    ids[choice.id] = at
                }
            }
            var seen: [String: SourceRange] = [:]
            for choice in node.choices {
                var mine = Set<String>()
                for phrase in choice.match {
                    let key = PhrasePattern.key(phrase.text)
                    guard mine.insert(key).inserted else { continue }
                    if let first = seen[key] {
                        report(ModelMessage.sharedPhrase(phrase.text, phrase.range, first: first), in: node.id.file)
                    } else {
                        seen[key] = phrase.range
                    }
                }
            }
        }
    }

    /// Each of an intent's `follow-ups:` is a choice of its node, by id (a choice's id is
    /// its `id:`, else the full id of the node it leads to; a bare name is read in the
    /// node's file).
    private mutating func checkFollowUps() {
        for intent in bundle.intents where !intent.followUps.isEmpty {
            guard let node = bundle.nodes[intent.goto.target] else { continue }
            let ids = node.choices.map(\.id)
            for written in intent.followUps where !ids.contains(written.value) && !ids.contains(NodeID(written.value, in: node.id.file).description) {
                // A bare name is compared with the bare names of choices in the node's file.
                let prefix = node.id.file + "."
                let names = written.value.contains(".") ? ids : ids.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
                let hint =
                    Suggestion.closest(to: written.value, among: names).map { "did you mean `\($0)`?" }
                    ?? (ids.isEmpty ? "node `\(node.id)` has no choices" : "one of " + ids.map { "`\($0)`" }.joined(separator: ", "))
                report(
                    ModelMessage.invalidValue("`follow-ups` names no choice of node `\(node.id)`: `\(written.value)`", written.range, hint: hint),
                    in: intent.file)
            }
        }
    }

    // MARK: - Concepts and patterns

    /// Every concept compiles, and so does every phrase that uses one (IC029–IC032).
    private mutating func checkConcepts() {
        let table = ConceptTable(bundle: bundle)
        let mine = Set(bundle.concepts.map(\.name))
        var reported = Set<String>()
        // A concept named but not defined may be in a file that could not be read.
        func unreadMayDefine(_ problem: ConceptTable.Problem) -> Bool {
            if case .unknownConcept = problem { damage.hides(.concepts) } else { false }
        }
        for (name, problem) in table.problems() where mine.contains(name) && !reported.contains(name) && !unreadMayDefine(problem) {
            guard let concept = bundle.concepts.first(where: { $0.name == name }) else { continue }
            reported.insert(name)
            // A cycle is reported once, at its first concept.
            if case .circular(let names) = problem { reported.formUnion(names) }
            report(ModelMessage.conceptProblem(problem, concept.range), in: concept.file)
        }
        func check(_ phrases: [Phrase], _ file: String) {
            for phrase in phrases where ConceptTable.isPattern(phrase.text) || phrase.text.contains("...") {
                do {
                    if !(try table.pattern(phrase.text)).canMatch {
                        report(ModelMessage.conceptProblem(.invalidPattern("the phrase can stand for no words at all"), phrase.range), in: file)
                    }
                } catch {
                    // A concept already reported is not reported again at each use.
                    if case .circular(let names) = error, names.contains(where: reported.contains) { continue }
                    if unreadMayDefine(error) { continue }
                    report(ModelMessage.conceptProblem(error, phrase.range), in: file)
                }
            }
        }
        for intent in bundle.intents { check(intent.match + intent.unless, intent.file) }
        for node in nodesInOrder {
            for choice in node.choices { check(choice.match, node.id.file) }
            for route in node.routes { check(route.match, node.id.file) }
        }
        for symptom in bundle.symptoms { check(symptom.synonyms + symptom.absent, symptom.file) }
        for item in bundle.rubric { check(item.match + item.unless + item.against + item.words, item.file) }
    }

    // MARK: - Rubric

    /// A rubric reads a trainee's lines: only training bundles have one. Within an item,
    /// a phrase both matched and cancelled by `unless` could never count.
    private mutating func checkRubric() {
        if bundle.kind == .intake, let first = bundle.rubric.first {
            report(ModelMessage.rubricOutsideTraining(first.range), in: first.file)
        }
        for item in bundle.rubric {
            let unless = item.unless.map { PhrasePattern.key($0.text) }
            for phrase in item.match where unless.contains(PhrasePattern.key(phrase.text)) {
                report(ModelMessage.rubricPhraseCancelled(phrase.text, item: item.id, phrase.range), in: item.file)
            }
        }
    }

    // MARK: - Safety

    private mutating func checkSafety() {
        let kinds = Set(bundle.intents.compactMap(\.crisis))
        let at = startReference?.range ?? SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1))
        // A crisis intent that could not be read is not reported missing as well.
        for kind in CrisisKind.required where !kinds.contains(kind) && !damage.crisisKinds.contains(kind) && !damage.anyCrisis {
            diagnostics.append(BundleDiagnostic(path: startPath ?? "", diagnostic: ModelMessage.noCrisisIntent(kind, at)))
        }
        // A phrase elsewhere that contains a crisis phrase can never be reached by it:
        // the crisis intent matches first, on every turn.
        let crisis = bundle.intents.filter { $0.crisis != nil }.flatMap { i in i.match.map { (i.id, PhrasePattern.stems($0.text)) } }
        // The crisis phrases by their first word, so a phrase is compared only with those
        // that can start at one of its words, not with every crisis phrase.
        var byFirstWord: [String: [Int]] = [:]
        for (k, c) in crisis.enumerated() {
            if let first = c.1.first { byFirstWord[first, default: []].append(k) }
        }
        func check(_ phrase: Phrase, _ file: String) {
            let words = PhrasePattern.stems(phrase.text)
            // The first crisis phrase, in the intents' order, that the phrase contains.
            var found: Int?
            for i in words.indices {
                for k in byFirstWord[words[i]] ?? [] where k < (found ?? .max) && words[i...].starts(with: crisis[k].1) {
                    found = k
                }
            }
            if let k = found {
                report(ModelMessage.shadowedByCrisis(phrase.text, intent: crisis[k].0, phrase.range), in: file)
            }
        }
        for node in nodesInOrder {
            for phrase in node.choices.flatMap(\.match) + node.routes.flatMap(\.match) { check(phrase, node.id.file) }
        }
        // Topic intents are left out on purpose: a question about a crisis ("what are
        // the signs of an overdose?") is answered by its topic, with the emergency numbers
        // shown, when the crisis detector reads the line as a question.
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
