import DialogMatching
import DialogSyntax

// The graph: what the start and the intents reach, dead ends, and loops with no way out.
extension Validator {
    mutating func checkGraph() {
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
    mutating func checkLoopsWithoutInput(_ ids: [NodeID], index: [NodeID: Int]) {
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
    mutating func checkChainsWithoutInput(_ ids: [NodeID], successors: [[Int]], skipping inLoop: Set<Int>) {
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

    func isDeadEnd(_ node: DialogNode) -> Bool {
        if node.end || !node.choices.isEmpty || node.next != nil || !node.branch.isEmpty { return false }
        if node.expect != nil || node.scale != nil { return node.routes.isEmpty }
        return node.routes.isEmpty
    }
}
