// The catalogues beside the nodes: symptoms, scales, rubric items, regions, resources
// and sources.
import DialogSyntax

extension FileDecoder {
    mutating func decodeSymptom(_ entry: MappingEntry) {
        let what = "symptom `\(entry.key.text)`"
        guard var m = mapping(entry.value, what) else { return }
        m = checkKeys(m, ["label", "stage", "synonyms", "absent"], what)
        guard let label = required(m, "label", what, entry.key.range).flatMap({ text($0, "`label`") }),
            let stageNode = required(m, "stage", what, entry.key.range),
            let stageText = text(stageNode, "`stage`")
        else { return }
        guard let stage = Symptom.Stage(rawValue: stageText) else {
            report(ModelMessage.invalidValue("unknown stage `\(stageText)`", stageNode.range, hint: "`early` or `later`"))
            return
        }
        sections.symptoms.append(
            Symptom(
                file: fileName, id: entry.key.text, label: label, stage: stage,
                synonyms: m["synonyms"].map { textList($0, "`synonyms`") } ?? [],
                absent: m["absent"].map { textList($0, "`absent`") } ?? [], range: entry.key.range))
    }

    mutating func decodeScale(_ entry: MappingEntry) {
        let what = "scale `\(entry.key.text)`"
        let mark = diagnostics.count
        var itemIDs: [String] = []
        defer {
            // A scale that was dropped, or lost an item, leaves names whose reads are
            // not the problem: `scale: NAME`, `scores.NAME` and its items' ids.
            if diagnostics[mark...].contains(where: \.isError) {
                if !sections.scales.contains(where: { $0.id == entry.key.text && $0.file == fileName }) {
                    sections.damage.scales.insert(entry.key.text)
                    sections.damage.variables.insert("scores.\(entry.key.text)")
                }
                sections.damage.variables.formUnion(itemIDs)
            }
        }
        guard var m = mapping(entry.value, what) else { return }
        m = checkKeys(m, ["title", "source", "ask", "range", "labels", "items", "bands"], what)
        for item in m["items"]?.sequence?.items ?? [] {
            if let id = item.mapping?["id"]?.scalar?.text { itemIDs.append(id) }
        }
        guard let title = required(m, "title", what, entry.key.range).flatMap({ text($0, "`title`") }),
            let rangeNode = required(m, "range", what, entry.key.range),
            let range = intRange(rangeNode, "`range`"),
            let itemsNode = required(m, "items", what, entry.key.range)
        else { return }
        var labels: [Int: String] = [:]
        if let l = m["labels"], let lm = mapping(l, "`labels`") {
            for e in lm.entries {
                guard let n = Int(e.key.text) else {
                    report(ModelMessage.wrongType("a label's key", expected: "a number of the range", found: "`\(e.key.text)`", e.key.range))
                    continue
                }
                if let t = text(e.value, "a label") { labels[n] = t }
            }
        }
        var items: [Scale.Item] = []
        for item in list(itemsNode, "`items`") {
            if var im = item.mapping {
                im = checkKeys(im, ["id", "text"], "a scale item")
                guard let t = required(im, "text", "a scale item", item.range).flatMap({ dialogText($0, "`text`") }) else { continue }
                items.append(Scale.Item(id: im["id"].flatMap { name($0, "`id`") }?.value, text: t))
            } else if let t = dialogText(item, "a scale item") {
                items.append(Scale.Item(id: nil, text: t))
            }
        }
        // Within bounds, or the scale is not kept: a session would list every point as a
        // choice and add up totals that overflow.
        let points = range.upperBound - range.lowerBound + 1
        if range.lowerBound < 0 {
            report(
                ModelMessage.outOfBounds(
                    "\(what) has negative points, from \(range.lowerBound)", rangeNode.range,
                    hint: "a scale's points start at 0 or above, such as `0...4`; its total adds them up"))
        }
        if points > DialogLimits.scalePoints {
            report(
                ModelMessage.outOfBounds(
                    "\(what) has \(ModelMessage.grouped(points)) points; a scale has at most \(DialogLimits.scalePoints)", rangeNode.range,
                    hint: "a scale's `range` is the answers to each item, such as `0...4` or `0...10`"))
        }
        if items.count > DialogLimits.scaleItems {
            report(
                ModelMessage.outOfBounds(
                    "\(what) has \(ModelMessage.grouped(items.count)) items; a scale has at most \(DialogLimits.scaleItems)", itemsNode.range,
                    hint: "split it into several scales"))
        } else if let beyond = [range.lowerBound * items.count, range.upperBound * items.count].first(where: { !DialogLimits.fits($0) }) {
            report(
                ModelMessage.outOfBounds(
                    "the totals of \(what) reach \(ModelMessage.grouped(beyond)), beyond ±\(ModelMessage.grouped(DialogLimits.rangeMagnitude))",
                    rangeNode.range, hint: "use a smaller range or fewer items"))
        }
        if range.lowerBound < 0 || points > DialogLimits.scalePoints || items.count > DialogLimits.scaleItems { return }
        var bands: [Scale.Band] = []
        for band in m["bands"].map({ list($0, "`bands`") }) ?? [] {
            guard var bm = mapping(band, "a band") else { continue }
            bm = checkKeys(bm, ["range", "label"], "a band")
            guard let r = required(bm, "range", "a band", band.range).flatMap({ intRange($0, "`range`") }),
                let label = required(bm, "label", "a band", band.range).flatMap({ text($0, "`label`") })
            else { continue }
            bands.append(Scale.Band(range: r, label: label, position: band.range))
        }
        sections.scales.append(
            Scale(
                file: fileName, id: entry.key.text, title: title, sources: m["source"].map { sourceRefs($0) } ?? [],
                ask: m["ask"].flatMap { dialogText($0, "`ask`") }, range: range, labels: labels, items: items,
                bands: bands, position: entry.key.range))
    }

    mutating func decodeRubricItem(_ entry: MappingEntry) {
        let what = "rubric item `\(entry.key.text)`"
        let id = entry.key.text
        let mark = diagnostics.count
        defer {
            // An item that could not be read still names a variable: reads of it are not the problem.
            if diagnostics[mark...].contains(where: \.isError) { sections.damage.variables.insert("rubric.\(id)") }
        }
        guard ExpressionParser.isName(id), !id.contains(".") else {
            report(
                ModelMessage.invalidValue(
                    "`\(id)` is not a rubric id", entry.key.range,
                    hint: "a rubric id is letters, digits and `_`, read as `rubric.\(id.filter { $0.isLetter || $0.isNumber || $0 == "_" })`"))
            return
        }
        guard var m = mapping(entry.value, what) else { return }
        m = checkKeys(m, ["label", "points", "match", "unless", "against", "detect", "words", "avoid", "critical", "practise", "source"], what)
        guard let label = required(m, "label", what, entry.key.range).flatMap({ text($0, "`label`") }) else { return }
        let match = m["match"].map { textList($0, "`match`") } ?? []
        let detect = m["detect"].map { readers($0) } ?? []
        let against = m["against"].map { textList($0, "`against`") } ?? []
        let words = m["words"].map { textList($0, "`words`") } ?? []
        if match.isEmpty && detect.isEmpty && against.isEmpty && words.isEmpty {
            report(
                ModelMessage.missingKey(
                    "match", in: what, m["match"]?.range ?? entry.key.range,
                    hint: "list the phrases that show the move, such as `match: [\"911\"]`"))
            return
        }
        var points = 1
        if let p = m["points"], let n = int(p, "`points`") {
            if n < 0 {
                report(
                    ModelMessage.invalidValue(
                        "`points` cannot be negative", p.range,
                        hint: "a must-not is `avoid: true` with the points it is worth when kept"))
            } else {
                points = n
            }
        }
        sections.rubric.append(
            RubricItem(
                file: fileName, id: id, label: label, points: points, match: match,
                unless: m["unless"].map { textList($0, "`unless`") } ?? [], against: against, detect: detect, words: words,
                avoid: m["avoid"].flatMap { bool($0, "`avoid`") } ?? false,
                critical: m["critical"].flatMap { bool($0, "`critical`") } ?? false,
                practise: m["practise"].flatMap { text($0, "`practise`") },
                sources: m["source"].map { sourceRefs($0) } ?? [], range: entry.key.range))
    }

    mutating func decodeRegion(_ entry: MappingEntry) {
        let what = "region `\(entry.key.text)`"
        guard let read = mappingWithText(entry, what, keys: ["name", "aliases"], required: "name", dropped: \.regions) else { return }
        sections.regions.append(
            Region(
                file: fileName, code: entry.key.text, name: read.text,
                aliases: read.mapping["aliases"].map { textList($0, "`aliases`").map(\.text) } ?? [], range: entry.key.range))
    }

    mutating func decodeResource(_ entry: MappingEntry) {
        let what = "resource `\(entry.key.text)`"
        guard var m = mapping(entry.value, what) else { return }
        m = checkKeys(m, ["name", "region", "role", "phone", "text", "url", "hours", "tags", "note"], what)
        guard let name = required(m, "name", what, entry.key.range).flatMap({ text($0, "`name`") }),
            let regionNode = required(m, "region", what, entry.key.range),
            let region = text(regionNode, "`region`")
        else {
            // Its role may be the one a region seems to lack.
            if let role = m["role"]?.scalar?.text { sections.damage.roles.insert(role) }
            return
        }
        func optional(_ key: String) -> String? { m[key].flatMap { text($0, "`\(key)`") } }
        sections.resources.append(
            Resource(
                file: fileName, id: entry.key.text, name: name, region: Located(region, at: regionNode.range), role: optional("role"),
                phone: optional("phone"), text: optional("text"), url: optional("url"), hours: optional("hours"),
                tags: m["tags"].map { textList($0, "`tags`").map(\.text) } ?? [], note: optional("note"),
                range: entry.key.range))
    }

    mutating func decodeSource(_ entry: MappingEntry) {
        let what = "source `\(entry.key.text)`"
        guard let read = mappingWithText(entry, what, keys: ["citation", "url"], required: "citation", dropped: \.sources) else { return }
        sections.sources.append(
            SourceEntry(
                file: fileName, id: entry.key.text, citation: read.text, url: read.mapping["url"].flatMap { text($0, "`url`") },
                range: entry.key.range))
    }

    /// The mapping of a region or a source, and the text of its one required key; nil
    /// when either is missing, and then its id goes into the `dropped` ids, so that what
    /// names it is not reported as well.
    private mutating func mappingWithText(
        _ entry: MappingEntry, _ what: String, keys: [String], required key: String, dropped: WritableKeyPath<Damage, Set<String>>
    ) -> (mapping: MappingNode, text: String)? {
        guard var m = mapping(entry.value, what) else {
            sections.damage[keyPath: dropped].insert(entry.key.text)
            return nil
        }
        m = checkKeys(m, keys, what)
        guard let value = required(m, key, what, entry.key.range).flatMap({ text($0, "`\(key)`") }) else {
            sections.damage[keyPath: dropped].insert(entry.key.text)
            return nil
        }
        return (m, value)
    }
}
