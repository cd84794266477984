// Nodes and their parts: say items, choices, routes, what an answer expects, and the
// resources a node shows.
import DialogSyntax

extension FileDecoder {
    mutating func decodeNode(_ entry: MappingEntry) {
        let id = NodeID(file: fileName, name: entry.key.text)
        let what = "node `\(entry.key.text)`"
        var node = DialogNode(id: id, range: entry.key.range)
        // Whether an error may have cost the node its way forward: its fields could not be
        // read, one of them is unknown, or one that leads somewhere has an error.
        var wayForwardUnsure = false
        defer {
            // A node that could not be read whole is kept, so references to it are not
            // reported as dangling, and marked, so its way forward is not judged.
            if wayForwardUnsure { sections.damage.nodes.insert(id) }
            sections.nodes.append(node)
        }
        if entry.key.text.contains(".") {
            report(
                ModelMessage.invalidValue(
                    "a node name cannot contain `.`", entry.key.range,
                    hint: "`.` separates the file from the node in `file.node`"))
        }
        guard var m = mapping(entry.value, what) else {
            wayForwardUnsure = true
            return
        }
        m = checkKeys(m, Self.nodeKeys, what)
        // A key read as the known one it is closest to (`chioces`) is read; one that is
        // close to none may have been meant for anything.
        if m.entries.contains(where: { !Self.nodeKeys.contains($0.key.text) }) { wayForwardUnsure = true }
        for field in m.entries {
            let v = field.value
            let mark = diagnostics.count
            defer {
                if diagnostics[mark...].contains(where: \.isError) && !Damage.fieldsThatLeadNowhere.contains(field.key.text) {
                    wayForwardUnsure = true
                }
            }
            switch field.key.text {
            case "say": node.say = sayItems(v)
            case "source": node.sources = sourceRefs(v)
            case "note": node.note = dialogText(v, "`note`")
            case "ask": node.ask = dialogText(v, "`ask`")
            case "choices": node.choices = list(v, "`choices`").compactMap { choice($0) }
            case "expect": node.expect = expectation(v)
            case "save": node.save = name(v, "`save`")
            case "routes": node.routes = routes(v, "`routes`", allowMatch: true)
            case "branch": node.branch = routes(v, "`branch`", allowMatch: false)
            case "set": node.set = assignments(v)
            case "next": node.next = reference(v, "`next`")
            case "scale": node.scale = name(v, "`scale`")
            case "show": node.show = selection(v)
            case "flag": node.flags = textList(v, "`flag`").map { Located($0.text, at: $0.range) }
            case "end": node.end = bool(v, "`end`") ?? false
            case "shuffle": node.shuffle = bool(v, "`shuffle`") ?? false
            case "readability": node.readabilityExemption = readabilityExemption(v)
            default: break
            }
        }
        // The answer of an unreadable `expect` has an unknown type.
        if m["expect"] != nil, node.expect == nil, let save = node.save { sections.damage.variables.insert(save.value) }
    }

    mutating func sayItems(_ node: Node) -> [SayItem] {
        let items: [Node] = node.sequence?.items ?? [node]
        return items.compactMap { item -> SayItem? in
            if var m = item.mapping {
                m = checkKeys(m, ["text", "if", "source", "one-of"], "a `say` item")
                var variants: [DialogText] = []
                if let t = m["text"], let d = dialogText(t, "`text`") { variants = [d] }
                if let o = m["one-of"] {
                    if m["text"] != nil {
                        report(ModelMessage.invalidValue("a `say` item has both `text` and `one-of`", o.range, hint: "keep one"))
                    }
                    let written = list(o, "`one-of`")
                    variants = written.compactMap { dialogText($0, "a variant") }
                    if written.isEmpty && o.sequence != nil {
                        report(
                            ModelMessage.invalidValue(
                                "`one-of` has no variants", o.range,
                                hint: "list the texts to pick from, such as `one-of: [Hello., Hi.]`"))
                    }
                }
                if variants.isEmpty && m["one-of"] == nil {
                    report(ModelMessage.missingKey("text", in: "a `say` item", item.range))
                    return nil
                }
                return SayItem(
                    variants: variants, condition: m["if"].flatMap { condition($0) },
                    sources: m["source"].map { sourceRefs($0) } ?? [], range: item.range)
            }
            guard let t = dialogText(item, "`say`") else { return nil }
            return SayItem(variants: [t], condition: nil, sources: [], range: item.range)
        }
    }

    mutating func choice(_ node: Node) -> Choice? {
        guard var m = mapping(node, "a choice") else { return nil }
        m = checkKeys(m, ["id", "label", "match", "means", "goto", "set", "if", "right"], "a choice")
        guard let label = required(m, "label", "a choice", node.range).flatMap({ dialogText($0, "`label`") }),
            let goto = required(m, "goto", "a choice", node.range).flatMap({ reference($0, "`goto`") })
        else { return nil }
        var means: ChoiceMeaning?
        if let written = m["means"], let t = text(written, "`means`") {
            means = ChoiceMeaning(rawValue: t)
            if means == nil {
                report(
                    ModelMessage.invalidValue("`means` is yes, no or none, not `\(t)`", written.range, hint: "a choice that answers a yes-or-no question means yes or no; \"none of these\" means none")
                )
            }
        }
        var id = m["id"].flatMap { written in text(written, "`id`").map { Located($0, at: written.range) } }
        if let written = id, written.value.isEmpty || !written.value.utf8.allSatisfy(Choice.isIDByte) {
            report(
                ModelMessage.invalidValue(
                    "a choice's `id` is made of a-z, 0-9, `_`, `.` and `-`, not `\(written.value)`", written.range,
                    hint: "programs and tests name the choice by it, e.g. `id: find_help`"))
            id = nil
        }
        var choice = Choice(
            writtenID: id, label: label, match: m["match"].map { textList($0, "`match`") } ?? [], means: means,
            goto: goto, set: m["set"].map { assignments($0) } ?? [], condition: m["if"].flatMap { condition($0) },
            range: node.range)
        choice.right = m["right"].flatMap { bool($0, "`right`") } ?? false
        return choice
    }

    mutating func routes(_ node: Node, _ what: String, allowMatch: Bool) -> [Route] {
        var out: [Route] = []
        var sawElse = false
        for item in list(node, what) {
            guard var m = mapping(item, "a route") else { continue }
            if let e = m["else"] {
                m = checkKeys(m, ["else", "set"], "an `else` route")
                if sawElse || !out.isEmpty && out.last?.isElse == true {
                    report(ModelMessage.elseNotLast(item.range))
                }
                sawElse = true
                guard let goto = reference(e, "`else`") else { continue }
                out.append(
                    Route(
                        match: [], condition: nil, goto: goto, set: m["set"].map { assignments($0) } ?? [],
                        isElse: true, range: item.range))
                continue
            }
            if sawElse { report(ModelMessage.elseNotLast(item.range)) }
            m = checkKeys(m, allowMatch ? ["match", "if", "goto", "set", "right", "answer"] : ["if", "goto", "set"], "a route")
            let match = allowMatch ? (m["match"].map { textList($0, "`match`") } ?? []) : []
            let cond = m["if"].flatMap { condition($0) }
            if match.isEmpty && cond == nil && m["if"] == nil {
                report(
                    ModelMessage.missingKey(
                        allowMatch ? "match` or `if" : "if", in: "a route", item.range,
                        hint: "a route without a condition is `- else: NODE`"))
            }
            guard let goto = required(m, "goto", "a route", item.range).flatMap({ reference($0, "`goto`") }) else { continue }
            var route = Route(
                match: match, condition: cond, goto: goto, set: m["set"].map { assignments($0) } ?? [],
                isElse: false, range: item.range)
            route.right = m["right"].flatMap { bool($0, "`right`") } ?? false
            route.answer = m["answer"].flatMap { text($0, "`answer`") }
            out.append(route)
        }
        return out
    }

    mutating func expectation(_ node: Node) -> Expectation? {
        guard let t = text(node, "`expect`") else { return nil }
        switch t {
        case "text": return .text
        case "yes-no": return .yesNo
        case "symptoms": return .symptoms
        default: break
        }
        if t.hasPrefix("number") {
            let rest = String(t.dropFirst("number".count).trimming(" "))
            // Any number a range may hold.
            let widest = Double(-DialogLimits.rangeMagnitude)...Double(DialogLimits.rangeMagnitude)
            if rest.isEmpty { return .number(widest) }
            switch Self.readRange(rest) {
            case .range(let r): return .number(Double(r.lowerBound)...Double(r.upperBound))
            case .reversed(let r):
                report(
                    ModelMessage.invalidValue(
                        "`number \(rest)` must go up, not down", node.range,
                        hint: "write the smaller number first: `number \(r.lowerBound)...\(r.upperBound)`"))
                return nil
            case .outOfBounds:
                report(ModelMessage.rangeOutOfBounds("the answer's range", written: rest, node.range))
                return nil
            case .invalid: break
            }
        }
        report(
            ModelMessage.invalidValue(
                "unknown answer kind `\(t)`", node.range,
                hint: "`text`, `yes-no`, `symptoms`, or `number MIN...MAX` such as `number 0...4`"))
        return nil
    }

    mutating func selection(_ node: Node) -> ResourceSelection? {
        guard var m = mapping(node, "`show`") else { return nil }
        m = checkKeys(m, ["roles", "tags"], "`show`")
        let roles = m["roles"].map { textList($0, "`roles`").map { Located($0.text, at: $0.range) } } ?? []
        let tags = m["tags"].map { textList($0, "`tags`").map { Located($0.text, at: $0.range) } } ?? []
        if roles.isEmpty && tags.isEmpty { report(ModelMessage.missingKey("roles` or `tags", in: "`show`", node.range)) }
        return ResourceSelection(roles: roles, tags: tags)
    }
}
