import DialogSyntax

/// What one file of a bundle contributes: its settings and the entries of its sections.
struct FileSections {
    /// Each setting's value, where the value is, and where its key is.
    var settings: [String: (value: String, range: SourceRange, keyRange: SourceRange)] = [:]
    var nodes: [DialogNode] = []
    var intents: [Intent] = []
    var symptoms: [Symptom] = []
    var scales: [Scale] = []
    var regions: [Region] = []
    var resources: [Resource] = []
    var sources: [SourceEntry] = []
    var rubric: [RubricItem] = []
    var concepts: [Concept] = []
    /// `topic:`: what the file is about, as the summary names it.
    var topic: String?
    /// `flags:`: the words a person reads for each flag id.
    var flagLabels: [(id: String, label: String, range: SourceRange)] = []
    /// `readability:`: the limits of `intake check --readability`, and where the key is.
    var readability: (limits: ReadabilityLimits, keyRange: SourceRange)?
    /// What could not be read, so the checks across files stay quiet about it.
    var damage = Damage()
}

/// What decoding could not read, or read only in part. Each of these already has an
/// error; the validator leaves alone what depends on them, so that one mistake is one
/// diagnostic and not a cascade of knock-on ones (a dead end where `end: yes` was
/// written, "no scale" where the scale's range was mistyped).
struct Damage {
    /// Nodes with an error: their way forward is not known.
    var nodes: Set<NodeID> = []
    /// Variables whose `set:`, `save:` or scale item had an error: their type is unknown.
    var variables: Set<String> = []
    /// Ids of entries that were dropped: references to them are not dangling. A scale
    /// here may also be one read only in part, whose bands are not judged.
    var scales: Set<String> = []
    var sources: Set<String> = []
    var regions: Set<String> = []
    /// Roles of resources that were dropped or have an unknown region.
    var roles: Set<String> = []
    /// Crisis kinds of intents that were dropped; `anyCrisis` when a dropped intent's
    /// kind could not be read.
    var crisisKinds: Set<CrisisKind> = []
    var anyCrisis = false
    /// Files whose nodes are not all known: one that could not be read at all (too
    /// large), or one whose syntax errors spoil whole entries of its `nodes:`. A reference
    /// into them is not dangling.
    var nodesUnknownIn: Set<String> = []
    /// What the unreadable parts of files may define or hold: a name of such a kind that
    /// is not found is not reported missing.
    var hidden: Set<Hidden> = []

    /// A kind of thing an unreadable part of a file may define or hold.
    enum Hidden: CaseIterable {
        /// Settings such as `dialog:`, `title:` and `start:`.
        case settings
        /// Scale, source, region and concept ids, and the roles resources have.
        case scales, sources, regions, concepts, roles
        /// Variables: what `set:`, `save:`, scale items and rubric items define.
        case variables
        /// Crisis intents (of any kind).
        case crisisIntents
        /// A way from one node to another (a route, a choice, an intent): which nodes
        /// can be reached is not known.
        case routes
    }

    /// Whether an unreadable part may define or hold something of this kind.
    func hides(_ kind: Hidden) -> Bool { hidden.contains(kind) }

    /// What a file that could not be read at all may hold: anything.
    static func unread(_ fileName: String) -> Damage {
        var damage = Damage()
        damage.nodesUnknownIn = [fileName]
        damage.hidden = Set(Hidden.allCases)
        damage.anyCrisis = true
        return damage
    }

    mutating func formUnion(_ other: Damage) {
        nodes.formUnion(other.nodes)
        variables.formUnion(other.variables)
        scales.formUnion(other.scales)
        sources.formUnion(other.sources)
        regions.formUnion(other.regions)
        roles.formUnion(other.roles)
        crisisKinds.formUnion(other.crisisKinds)
        anyCrisis = anyCrisis || other.anyCrisis
        nodesUnknownIn.formUnion(other.nodesUnknownIn)
        hidden.formUnion(other.hidden)
    }
}

/// Reads the typed dialog language out of one file's node tree.
///
/// Values are read as the language expects them: a key that holds text takes the
/// scalar's text as written (`phone: 0300 123 6600` keeps its leading zero), and the core
/// schema applies only where a number or a boolean is expected. Every problem is
/// reported, and decoding goes on with the next key, so one run lists them all.
///
/// An unknown key with a close known one (`nxt`, "did you mean `next`?") is reported and
/// then read as that key, as a compiler recovers with its fix-it: the typo is one error,
/// not also "no `next`" and "dead end".
struct FileDecoder {
    /// The file's name without `.yaml`: the first part of its node ids.
    let fileName: String
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var sections = FileSections()

    static let settingKeys = ["dialog", "title", "kind", "description", "start", "sources-from", "question-weak", "question-margin", "pass-mark"]
    static let sectionKeys = ["nodes", "intents", "symptoms", "scales", "regions", "resources", "sources", "rubric", "concepts",
                              "topic", "flags", "readability"]
    static let nodeKeys = ["say", "source", "note", "ask", "choices", "expect", "save", "routes", "branch",
                           "set", "next", "scale", "show", "flag", "end", "shuffle", "readability"]

    init(fileName: String) {
        self.fileName = fileName
    }

    mutating func decode(_ root: Node) {
        guard var top = mapping(root, "a dialog file") else {
            sections.damage.formUnion(Damage.unread(fileName))
            return
        }
        top = checkKeys(top, Self.settingKeys + Self.sectionKeys, "a dialog file")
        for entry in top.entries {
            let key = entry.key.text
            if Self.settingKeys.contains(key) {
                if let value = text(entry.value, "`\(key)`") {
                    sections.settings[key] = (value, entry.value.range, entry.key.range)
                } else {
                    // A setting that could not be read: what it says is not known.
                    sections.damage.hide(section: key, of: fileName, wholeEntries: true)
                }
                continue
            }
            // A section that is not a mapping of entries, or a key close to no known one
            // (reported above): what it holds is not known.
            if !Self.sectionKeys.contains(key) || (key != "topic" && entry.value.mapping == nil) {
                sections.damage.hide(section: key, of: fileName, wholeEntries: true)
            }
            switch key {
            case "nodes": for e in entries(entry.value, "`nodes`") { decodeNode(e) }
            case "intents": for e in entries(entry.value, "`intents`") { decodeIntent(e) }
            case "symptoms": for e in entries(entry.value, "`symptoms`") { decodeSymptom(e) }
            case "scales": for e in entries(entry.value, "`scales`") { decodeScale(e) }
            case "regions": for e in entries(entry.value, "`regions`") { decodeRegion(e) }
            case "resources": for e in entries(entry.value, "`resources`") { decodeResource(e) }
            case "sources": for e in entries(entry.value, "`sources`") { decodeSource(e) }
            case "rubric": for e in entries(entry.value, "`rubric`") { decodeRubricItem(e) }
            case "topic":
                sections.topic = text(entry.value, "`topic`")
            case "flags":
                for e in entries(entry.value, "`flags`") {
                    if let label = text(e.value, "the label of flag `\(e.key.text)`") {
                        sections.flagLabels.append((e.key.text, label, e.key.range))
                    }
                }
            case "readability":
                if let m = mapping(entry.value, "`readability`") {
                    sections.readability = (readabilityLimits(m), entry.key.range)
                }
            case "concepts":
                for e in entries(entry.value, "`concepts`") {
                    sections.concepts.append(Concept(file: fileName, name: e.key.text, phrases: textList(e.value, "concept `\(e.key.text)`"),
                                                     range: e.key.range))
                }
            default: break
            }
        }
    }

    // MARK: - Sections

    private mutating func decodeNode(_ entry: MappingEntry) {
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
            report(ModelMessage.invalidValue("a node name cannot contain `.`", entry.key.range,
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

    private mutating func decodeIntent(_ entry: MappingEntry) {
        let what = "intent `\(entry.key.text)`"
        guard var m = mapping(entry.value, what) else {
            sections.damage.anyCrisis = true
            sections.damage.hidden.insert(.routes)
            return
        }
        let mark = diagnostics.count
        // An intent with an error may have lost its way to a node.
        defer { if diagnostics[mark...].contains(where: \.isError) { sections.damage.hidden.insert(.routes) } }
        m = checkKeys(m, ["crisis", "match", "unless", "priority", "goto", "return", "symptoms", "refines", "examples", "label", "about", "tells", "detect", "follow-ups"], what)
        var crisis: CrisisKind?
        if let v = m["crisis"] {
            if let raw = text(v, "`crisis`") {
                crisis = CrisisKind(rawValue: raw)
                if crisis == nil {
                    let kinds = CrisisKind.allCases.map(\.rawValue)
                    report(ModelMessage.invalidValue(
                        "unknown crisis kind `\(raw)`", v.range,
                        hint: Suggestion.closest(to: raw, among: kinds).map { "did you mean `\($0)`?" }
                            ?? "one of " + kinds.map { "`\($0)`" }.joined(separator: ", ")))
                }
            }
            // The intent is meant for a crisis, but which one is not known.
            if crisis == nil { sections.damage.anyCrisis = true }
        }
        let match = m["match"].map { textList($0, "`match`") } ?? []
        let examples = m["examples"].map { textList($0, "`examples`") } ?? []
        let readsSymptoms = m["symptoms"].flatMap { bool($0, "`symptoms`") } ?? false
        let detect = m["detect"].map { detectors($0, of: crisis) } ?? []
        if match.isEmpty && examples.isEmpty && !readsSymptoms && detect.isEmpty { report(ModelMessage.missingKey("match", in: what, entry.key.range)) }
        guard let goto = required(m, "goto", what, entry.key.range).flatMap({ reference($0, "`goto`") }) else {
            if let crisis { sections.damage.crisisKinds.insert(crisis) }
            return
        }
        var intent = Intent(
            file: fileName, id: entry.key.text, crisis: crisis, match: match,
            unless: m["unless"].map { textList($0, "`unless`") } ?? [],
            priority: m["priority"].flatMap { int($0, "`priority`") } ?? 0,
            goto: goto, returns: m["return"].flatMap { bool($0, "`return`") } ?? false,
            range: entry.key.range)
        intent.readsSymptoms = readsSymptoms
        intent.examples = examples
        intent.detect = detect
        if let written = m["follow-ups"] {
            intent.followUps = textList(written, "`follow-ups`").map { Located($0.text, at: $0.range) }
            if crisis != nil || !intent.returns {
                report(ModelMessage.invalidValue("`follow-ups` is for topic intents with `return: true`", written.range,
                                                 hint: "they are offered after the answer, with the way back to where the person was"))
            }
        }
        intent.label = m["label"].flatMap { text($0, "`label`") }
        if let written = m["refines"] { intent.refines = refinement(written, of: crisis) }
        if let written = m["about"] { intent.about = about(written, of: crisis) }
        if let written = m["tells"], let tells = bool(written, "`tells`") {
            if crisis != nil {
                report(ModelMessage.invalidValue("`tells` is for topic intents", written.range,
                                                 hint: "a crisis phrase counts in questions too; remove `tells`"))
            } else {
                intent.tells = tells
            }
        }
        sections.intents.append(intent)
    }

    /// `detect: [READER…]` of a topic intent: the built-in readers that pick it.
    private mutating func detectors(_ node: Node, of crisis: CrisisKind?) -> [RubricItem.Detector] {
        guard crisis == nil else {
            report(ModelMessage.invalidValue("`detect` is for topic intents", node.range,
                                             hint: "a crisis intent is read by its phrases; remove `detect`"))
            return []
        }
        return readers(node)
    }

    /// The built-in readers a `detect:` list names; each unknown one is reported.
    private mutating func readers(_ node: Node) -> [RubricItem.Detector] {
        textList(node, "`detect`").compactMap { written in
            guard let detector = RubricItem.Detector(rawValue: written.text) else {
                report(ModelMessage.invalidValue("unknown reader `\(written.text)` in `detect`", written.range,
                                                 hint: "one of: " + RubricItem.Detector.allCases.map(\.rawValue).joined(separator: ", ")))
                return nil
            }
            return detector
        }
    }

    /// `about: [KIND…]` of a topic intent: the crisis kinds whose questions it answers.
    private mutating func about(_ node: Node, of crisis: CrisisKind?) -> [CrisisKind] {
        guard crisis == nil else {
            report(ModelMessage.invalidValue("`about` is for topic intents", node.range,
                                             hint: "a crisis intent's own kind is what it is about; remove `about`"))
            return []
        }
        return crisisKinds(textList(node, "`about`"))
    }

    /// The crisis kinds of a list, each unknown one reported.
    private mutating func crisisKinds(_ written: [Phrase]) -> [CrisisKind] {
        var kinds: [CrisisKind] = []
        for k in written {
            guard let kind = CrisisKind(rawValue: k.text) else {
                report(ModelMessage.invalidValue("unknown crisis kind `\(k.text)`", k.range,
                                                 hint: "one of " + CrisisKind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")))
                continue
            }
            kinds.append(kind)
        }
        return kinds
    }

    /// `refines: {kinds: [KIND…], when: [phrases]}` of a crisis intent.
    private mutating func refinement(_ node: Node, of crisis: CrisisKind?) -> Intent.Refinement? {
        guard var m = mapping(node, "`refines`") else { return nil }
        m = checkKeys(m, ["kinds", "when"], "`refines`")
        guard crisis != nil else {
            report(ModelMessage.invalidValue("`refines` is for crisis intents", node.range,
                                             hint: "give the intent a `crisis:` kind, or remove `refines`"))
            return nil
        }
        let written = m["kinds"].map { textList($0, "`kinds`") } ?? []
        let kinds = crisisKinds(written)
        let when = m["when"].map { textList($0, "`when`") } ?? []
        // A kind already reported as unknown is no second error.
        if written.isEmpty || when.isEmpty {
            report(ModelMessage.invalidValue("`refines` needs `kinds` and `when`", node.range,
                                             hint: "e.g. `refines: {kinds: [overdose-self], when: [baclofen]}`"))
            return nil
        }
        guard !kinds.isEmpty else { return nil }
        return Intent.Refinement(kinds: kinds, when: when)
    }

    private mutating func decodeSymptom(_ entry: MappingEntry) {
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
        sections.symptoms.append(Symptom(
            file: fileName, id: entry.key.text, label: label, stage: stage,
            synonyms: m["synonyms"].map { textList($0, "`synonyms`") } ?? [],
            absent: m["absent"].map { textList($0, "`absent`") } ?? [], range: entry.key.range))
    }

    private mutating func decodeScale(_ entry: MappingEntry) {
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
            report(ModelMessage.outOfBounds("\(what) has negative points, from \(range.lowerBound)", rangeNode.range,
                                            hint: "a scale's points start at 0 or above, such as `0...4`; its total adds them up"))
        }
        if points > DialogLimits.scalePoints {
            report(ModelMessage.outOfBounds(
                "\(what) has \(ModelMessage.grouped(points)) points; a scale has at most \(DialogLimits.scalePoints)", rangeNode.range,
                hint: "a scale's `range` is the answers to each item, such as `0...4` or `0...10`"))
        }
        if items.count > DialogLimits.scaleItems {
            report(ModelMessage.outOfBounds(
                "\(what) has \(ModelMessage.grouped(items.count)) items; a scale has at most \(DialogLimits.scaleItems)", itemsNode.range,
                hint: "split it into several scales"))
        } else if let beyond = [range.lowerBound * items.count, range.upperBound * items.count].first(where: { !DialogLimits.fits($0) }) {
            report(ModelMessage.outOfBounds(
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
        sections.scales.append(Scale(
            file: fileName, id: entry.key.text, title: title, sources: m["source"].map { sourceRefs($0) } ?? [],
            ask: m["ask"].flatMap { dialogText($0, "`ask`") }, range: range, labels: labels, items: items,
            bands: bands, position: entry.key.range))
    }

    private mutating func decodeRubricItem(_ entry: MappingEntry) {
        let what = "rubric item `\(entry.key.text)`"
        let id = entry.key.text
        let mark = diagnostics.count
        defer {
            // An item that could not be read still names a variable: reads of it are not the problem.
            if diagnostics[mark...].contains(where: \.isError) { sections.damage.variables.insert("rubric.\(id)") }
        }
        guard ExpressionParser.isName(id), !id.contains(".") else {
            report(ModelMessage.invalidValue("`\(id)` is not a rubric id", entry.key.range,
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
            report(ModelMessage.missingKey("match", in: what, m["match"]?.range ?? entry.key.range,
                                           hint: "list the phrases that show the move, such as `match: [\"911\"]`"))
            return
        }
        var points = 1
        if let p = m["points"], let n = int(p, "`points`") {
            if n < 0 {
                report(ModelMessage.invalidValue("`points` cannot be negative", p.range,
                                                 hint: "a must-not is `avoid: true` with the points it is worth when kept"))
            } else {
                points = n
            }
        }
        sections.rubric.append(RubricItem(
            file: fileName, id: id, label: label, points: points, match: match,
            unless: m["unless"].map { textList($0, "`unless`") } ?? [], against: against, detect: detect, words: words,
            avoid: m["avoid"].flatMap { bool($0, "`avoid`") } ?? false,
            critical: m["critical"].flatMap { bool($0, "`critical`") } ?? false,
            practise: m["practise"].flatMap { text($0, "`practise`") },
            sources: m["source"].map { sourceRefs($0) } ?? [], range: entry.key.range))
    }

    private mutating func decodeRegion(_ entry: MappingEntry) {
        let what = "region `\(entry.key.text)`"
        guard var m = mapping(entry.value, what) else {
            sections.damage.regions.insert(entry.key.text)
            return
        }
        m = checkKeys(m, ["name", "aliases"], what)
        guard let name = required(m, "name", what, entry.key.range).flatMap({ text($0, "`name`") }) else {
            sections.damage.regions.insert(entry.key.text)
            return
        }
        sections.regions.append(Region(
            file: fileName, code: entry.key.text, name: name,
            aliases: m["aliases"].map { textList($0, "`aliases`").map(\.text) } ?? [], range: entry.key.range))
    }

    private mutating func decodeResource(_ entry: MappingEntry) {
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
        sections.resources.append(Resource(
            file: fileName, id: entry.key.text, name: name, region: Located(region, at: regionNode.range), role: optional("role"),
            phone: optional("phone"), text: optional("text"), url: optional("url"), hours: optional("hours"),
            tags: m["tags"].map { textList($0, "`tags`").map(\.text) } ?? [], note: optional("note"),
            range: entry.key.range))
    }

    private mutating func decodeSource(_ entry: MappingEntry) {
        let what = "source `\(entry.key.text)`"
        guard var m = mapping(entry.value, what) else {
            sections.damage.sources.insert(entry.key.text)
            return
        }
        m = checkKeys(m, ["citation", "url"], what)
        guard let citation = required(m, "citation", what, entry.key.range).flatMap({ text($0, "`citation`") }) else {
            sections.damage.sources.insert(entry.key.text)
            return
        }
        sections.sources.append(SourceEntry(
            file: fileName, id: entry.key.text, citation: citation, url: m["url"].flatMap { text($0, "`url`") }, range: entry.key.range))
    }

    // MARK: - Node parts

    private mutating func sayItems(_ node: Node) -> [SayItem] {
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
                        report(ModelMessage.invalidValue("`one-of` has no variants", o.range,
                                                         hint: "list the texts to pick from, such as `one-of: [Hello., Hi.]`"))
                    }
                }
                if variants.isEmpty && m["one-of"] == nil {
                    report(ModelMessage.missingKey("text", in: "a `say` item", item.range))
                    return nil
                }
                return SayItem(variants: variants, condition: m["if"].flatMap { condition($0) },
                               sources: m["source"].map { sourceRefs($0) } ?? [], range: item.range)
            }
            guard let t = dialogText(item, "`say`") else { return nil }
            return SayItem(variants: [t], condition: nil, sources: [], range: item.range)
        }
    }

    private mutating func choice(_ node: Node) -> Choice? {
        guard var m = mapping(node, "a choice") else { return nil }
        m = checkKeys(m, ["id", "label", "match", "means", "goto", "set", "if", "right"], "a choice")
        guard let label = required(m, "label", "a choice", node.range).flatMap({ dialogText($0, "`label`") }),
              let goto = required(m, "goto", "a choice", node.range).flatMap({ reference($0, "`goto`") })
        else { return nil }
        var means: ChoiceMeaning?
        if let written = m["means"], let t = text(written, "`means`") {
            means = ChoiceMeaning(rawValue: t)
            if means == nil { report(ModelMessage.invalidValue("`means` is yes, no or none, not `\(t)`", written.range, hint: "a choice that answers a yes-or-no question means yes or no; \"none of these\" means none")) }
        }
        var id = m["id"].flatMap { written in text(written, "`id`").map { Located($0, at: written.range) } }
        if let written = id, written.value.isEmpty || !written.value.utf8.allSatisfy(Choice.isIDByte) {
            report(ModelMessage.invalidValue("a choice's `id` is made of a-z, 0-9, `_`, `.` and `-`, not `\(written.value)`", written.range,
                                             hint: "programs and tests name the choice by it, e.g. `id: find_help`"))
            id = nil
        }
        var choice = Choice(writtenID: id, label: label, match: m["match"].map { textList($0, "`match`") } ?? [], means: means,
                            goto: goto, set: m["set"].map { assignments($0) } ?? [], condition: m["if"].flatMap { condition($0) },
                            range: node.range)
        choice.right = m["right"].flatMap { bool($0, "`right`") } ?? false
        return choice
    }

    private mutating func routes(_ node: Node, _ what: String, allowMatch: Bool) -> [Route] {
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
                out.append(Route(match: [], condition: nil, goto: goto, set: m["set"].map { assignments($0) } ?? [],
                                 isElse: true, range: item.range))
                continue
            }
            if sawElse { report(ModelMessage.elseNotLast(item.range)) }
            m = checkKeys(m, allowMatch ? ["match", "if", "goto", "set", "right", "answer"] : ["if", "goto", "set"], "a route")
            let match = allowMatch ? (m["match"].map { textList($0, "`match`") } ?? []) : []
            let cond = m["if"].flatMap { condition($0) }
            if match.isEmpty && cond == nil && m["if"] == nil {
                report(ModelMessage.missingKey(allowMatch ? "match` or `if" : "if", in: "a route", item.range,
                                               hint: "a route without a condition is `- else: NODE`"))
            }
            guard let goto = required(m, "goto", "a route", item.range).flatMap({ reference($0, "`goto`") }) else { continue }
            var route = Route(match: match, condition: cond, goto: goto, set: m["set"].map { assignments($0) } ?? [],
                              isElse: false, range: item.range)
            route.right = m["right"].flatMap { bool($0, "`right`") } ?? false
            route.answer = m["answer"].flatMap { text($0, "`answer`") }
            out.append(route)
        }
        return out
    }

    private mutating func expectation(_ node: Node) -> Expectation? {
        guard let t = text(node, "`expect`") else { return nil }
        switch t {
        case "text": return .text
        case "yes-no": return .yesNo
        case "symptoms": return .symptoms
        default: break
        }
        if t.hasPrefix("number") {
            let rest = t.dropFirst("number".count).trimmingCharacters(in: " ")
            // Any number a range may hold.
            let widest = Double(-DialogLimits.rangeMagnitude)...Double(DialogLimits.rangeMagnitude)
            if rest.isEmpty { return .number(widest) }
            switch Self.readRange(rest) {
            case .range(let r): return .number(Double(r.lowerBound)...Double(r.upperBound))
            case .reversed(let r):
                report(ModelMessage.invalidValue("`number \(rest)` must go up, not down", node.range,
                                                 hint: "write the smaller number first: `number \(r.lowerBound)...\(r.upperBound)`"))
                return nil
            case .outOfBounds:
                report(ModelMessage.rangeOutOfBounds("the answer's range", written: rest, node.range))
                return nil
            case .invalid: break
            }
        }
        report(ModelMessage.invalidValue("unknown answer kind `\(t)`", node.range,
                                         hint: "`text`, `yes-no`, `symptoms`, or `number MIN...MAX` such as `number 0...4`"))
        return nil
    }

    private mutating func selection(_ node: Node) -> ResourceSelection? {
        guard var m = mapping(node, "`show`") else { return nil }
        m = checkKeys(m, ["roles", "tags"], "`show`")
        let roles = m["roles"].map { textList($0, "`roles`").map { Located($0.text, at: $0.range) } } ?? []
        let tags = m["tags"].map { textList($0, "`tags`").map { Located($0.text, at: $0.range) } } ?? []
        if roles.isEmpty && tags.isEmpty { report(ModelMessage.missingKey("roles` or `tags", in: "`show`", node.range)) }
        return ResourceSelection(roles: roles, tags: tags)
    }

    // MARK: - Readability

    private mutating func readabilityLimits(_ written: MappingNode) -> ReadabilityLimits {
        var limits = ReadabilityLimits()
        let m = checkKeys(written, ["grade", "words-per-screen", "terms"], "`readability`")
        if let v = m["grade"] {
            if let grade = Self.number(v), (1...20).contains(grade) {
                limits.grade = grade
            } else {
                report(ModelMessage.invalidValue("`grade` of `readability` must be a reading grade from 1 to 20", v.range,
                                                 hint: "such as `grade: 8`, about the reading of a 13-year-old"))
            }
        }
        if let v = m["words-per-screen"], let n = int(v, "`words-per-screen`") {
            if n >= 10 {
                limits.wordsPerScreen = n
            } else {
                report(ModelMessage.invalidValue("`words-per-screen` must be at least 10", v.range, hint: "such as `words-per-screen: 120`"))
            }
        }
        if let v = m["terms"] { limits.terms = textList(v, "`terms`").map(\.text) }
        return limits
    }

    /// A plain scalar's number, whole or not.
    private static func number(_ node: Node) -> Double? {
        guard let s = node.scalar, s.style == .plain else { return nil }
        switch s.typedValue {
        case .int(let i): return Double(i)
        case .double(let d) where d.isFinite: return d
        default: return nil
        }
    }

    /// `readability: {exempt: REASON}` on a node.
    private mutating func readabilityExemption(_ v: Node) -> ReadabilityExemption? {
        guard let written = mapping(v, "`readability` of a node") else { return nil }
        let m = checkKeys(written, ["exempt"], "`readability` of a node")
        guard let reason = required(m, "exempt", "`readability` of a node", v.range) else { return nil }
        guard let text = text(reason, "the reason of `exempt`") else { return nil }
        return ReadabilityExemption(reason: text, range: reason.range)
    }

    // MARK: - Values

    private mutating func report(_ d: Diagnostic) { diagnostics.append(d) }

    private mutating func entries(_ node: Node, _ what: String) -> [MappingEntry] {
        mapping(node, what)?.entries ?? []
    }

    private mutating func mapping(_ node: Node, _ what: String) -> MappingNode? {
        if let m = node.mapping { return m }
        if let s = node.scalar, s.isEmptyValue {
            report(ModelMessage.wrongType(what, expected: "a mapping", found: "empty", node.range))
        } else {
            report(ModelMessage.wrongType(what, expected: "a mapping", found: "a \(node.kindName)", node.range,
                                          hint: "write its `key: value` lines below it, indented"))
        }
        return nil
    }

    private mutating func list(_ node: Node, _ what: String) -> [Node] {
        if let s = node.sequence { return s.items }
        report(ModelMessage.wrongType(what, expected: "a list", found: "a \(node.kindName)", node.range,
                                      hint: "start each entry on its own line with `- `"))
        return []
    }

    /// Reports unknown keys, and returns the mapping with each one that has a close known
    /// key, not written too, read as that key.
    private mutating func checkKeys(_ m: MappingNode, _ allowed: [String], _ what: String) -> MappingNode {
        var recovered = m
        for (i, entry) in m.entries.enumerated() where !allowed.contains(entry.key.text) {
            let suggestion = Suggestion.closest(to: entry.key.text, among: allowed)
            report(ModelMessage.unknownKey(entry.key.text, in: what, suggestion: suggestion, known: allowed, entry.key.range))
            if let suggestion, !m.entries.contains(where: { $0.key.text == suggestion }),
               !recovered.entries.contains(where: { $0.key.text == suggestion }) {
                recovered.entries[i].key.text = suggestion
            }
        }
        return recovered
    }

    private mutating func required(_ m: MappingNode, _ key: String, _ what: String, _ at: SourceRange) -> Node? {
        if let v = m[key] { return v }
        report(ModelMessage.missingKey(key, in: what, at))
        return nil
    }

    /// Text as written; a collection or an empty value is an error.
    private mutating func text(_ node: Node, _ what: String) -> String? {
        guard let s = node.scalar else {
            report(ModelMessage.wrongType(what, expected: "text", found: "a \(node.kindName)", node.range))
            return nil
        }
        if s.isEmptyValue {
            report(ModelMessage.wrongType(what, expected: "text", found: "empty", node.range))
            return nil
        }
        return s.text
    }

    /// A scalar or a list of scalars.
    private mutating func textList(_ node: Node, _ what: String) -> [Phrase] {
        if let s = node.scalar {
            return s.isEmptyValue ? [] : [Phrase(text: s.text, range: s.range)]
        }
        return list(node, what).compactMap { item in text(item, "an entry of \(what)").map { Phrase(text: $0, range: item.range) } }
    }

    private mutating func name(_ node: Node, _ what: String) -> Located<String>? {
        guard let t = text(node, what) else { return nil }
        guard ExpressionParser.isName(t) else {
            report(ModelMessage.invalidValue("`\(t)` is not a name", node.range,
                                             hint: "names are letters, digits and `_`, joined by `.`"))
            return nil
        }
        return Located(t, at: node.range)
    }

    private mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if let s = node.scalar, s.style == .plain, case .bool(let b) = s.typedValue { return b }
        var hint: String?
        if let s = node.scalar, ["yes", "no", "on", "off", "y", "n", "true", "false"].contains(s.text.lowercased()) {
            hint = s.style == .plain ? "`\(s.text)` is text in dialog files; write `true` or `false`"
                : "write `true` or `false` without quotes"
        }
        report(ModelMessage.wrongType(what, expected: "`true` or `false`", found: describe(node), node.range, hint: hint))
        return nil
    }

    private mutating func int(_ node: Node, _ what: String) -> Int? {
        if let s = node.scalar, s.style == .plain, case .int(let i) = s.typedValue { return i }
        report(ModelMessage.wrongType(what, expected: "a whole number", found: describe(node), node.range,
                                      hint: "write a number without quotes, such as `1`"))
        return nil
    }

    private mutating func intRange(_ node: Node, _ what: String) -> ClosedRange<Int>? {
        guard let t = text(node, what) else { return nil }
        switch Self.readRange(t) {
        case .range(let r): return r
        case .reversed(let r):
            report(ModelMessage.invalidValue("\(what) must go up, not down", node.range,
                                             hint: "write the smaller number first: `\(r.lowerBound)...\(r.upperBound)`"))
        case .outOfBounds:
            report(ModelMessage.rangeOutOfBounds(what, written: t, node.range))
        case .invalid:
            report(ModelMessage.invalidValue("\(what) must be a range such as `0...4`", node.range, hint: "write `MIN...MAX`"))
        }
        return nil
    }

    /// What `MIN...MAX` reads as.
    enum RangeReading: Equatable {
        /// Whole numbers within ``DialogLimits/rangeMagnitude``, MIN ≤ MAX.
        case range(ClosedRange<Int>)
        /// Written from the larger number down: the range it should have been.
        case reversed(ClosedRange<Int>)
        /// A whole number beyond ``DialogLimits/rangeMagnitude``, however written
        /// (`9223372036854775807`, `99999999999999999999`, `5e18`).
        case outOfBounds
        case invalid
    }

    /// Reads `MIN...MAX` with whole numbers; never traps, whatever the numbers.
    static func readRange(_ text: some StringProtocol) -> RangeReading {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[1].isEmpty, parts[2].isEmpty else { return .invalid }
        var numbers: [Int] = []
        for part in [parts[0], parts[3]] {
            let side = part.trimmingCharacters(in: " ")
            if let n = Int(side) {
                numbers.append(n)
            } else if let d = Double(side), d.isFinite, d == d.rounded(), abs(d) > Double(DialogLimits.rangeMagnitude),
                      side.allSatisfy({ $0.isNumber || "+-eE".contains($0) }) {
                return .outOfBounds
            } else {
                return .invalid
            }
        }
        if !numbers.allSatisfy(DialogLimits.fits) { return .outOfBounds }
        return numbers[0] <= numbers[1] ? .range(numbers[0]...numbers[1]) : .reversed(numbers[1]...numbers[0])
    }

    private func describe(_ node: Node) -> String {
        if let s = node.scalar { return s.isEmptyValue ? "empty" : "`\(s.text)`" }
        return "a \(node.kindName)"
    }

    /// Where the text of a scalar starts: after the quote of a quoted one.
    private func textStart(_ s: ScalarNode) -> SourcePosition {
        var p = s.range.start
        if s.style == .singleQuoted || s.style == .doubleQuoted {
            p.offset += 1
            p.column += 1
        }
        return p
    }

    private mutating func dialogText(_ node: Node, _ what: String) -> DialogText? {
        guard let raw = text(node, what), let s = node.scalar else { return nil }
        let parsed = Interpolation.parse(raw, at: textStart(s))
        diagnostics += parsed.diagnostics
        guard let interpolation = parsed.interpolation else { return nil }
        return DialogText(raw: raw, interpolation: interpolation, range: node.range)
    }

    private mutating func condition(_ node: Node) -> Condition? {
        guard let s = node.scalar else {
            report(ModelMessage.wrongType("`if`", expected: "a condition", found: "a \(node.kindName)", node.range))
            return nil
        }
        // A plain `if: true` is read by the core schema; the expression reads it the same.
        let parsed = ExpressionParser.parse(s.text, at: textStart(s))
        diagnostics += parsed.diagnostics
        return parsed.expression.map { Condition(text: s.text, expression: $0, range: node.range) }
    }

    /// `set:` — names and expressions. A quoted value is a string, not an expression:
    /// `topic: "billing"` sets the text `billing`.
    private mutating func assignments(_ node: Node) -> [Assignment] {
        guard let m = mapping(node, "`set`") else { return [] }
        var out: [Assignment] = []
        for e in m.entries {
            guard ExpressionParser.isName(e.key.text) else {
                report(ModelMessage.invalidValue("`\(e.key.text)` is not a name", e.key.range,
                                                 hint: "names are letters, digits and `_`, joined by `.`"))
                continue
            }
            guard let s = e.value.scalar, !s.isEmptyValue else {
                report(ModelMessage.wrongType("the value of `\(e.key.text)`", expected: "an expression", found: describe(e.value), e.value.range))
                sections.damage.variables.insert(e.key.text)
                continue
            }
            if s.style != .plain {
                out.append(Assignment(name: e.key.text, expression: .string(s.text, s.range), range: e.key.range))
                continue
            }
            let parsed = ExpressionParser.parse(s.text, at: textStart(s))
            diagnostics += parsed.diagnostics
            if let expr = parsed.expression {
                out.append(Assignment(name: e.key.text, expression: expr, range: e.key.range))
            } else {
                sections.damage.variables.insert(e.key.text)
            }
        }
        return out
    }

    private mutating func reference(_ node: Node, _ what: String) -> NodeReference? {
        guard let t = text(node, what) else { return nil }
        return NodeReference(written: t, target: NodeID(t, in: fileName), range: node.range)
    }

    private mutating func sourceRefs(_ node: Node) -> [SourceReference] {
        textList(node, "`source`").map { SourceReference(id: $0.text, range: $0.range) }
    }
}

extension StringProtocol {
    /// The text without leading and trailing occurrences of one character.
    func trimmingCharacters(in character: Character) -> String {
        var s = Substring(self)
        while s.first == character { s.removeFirst() }
        while s.last == character { s.removeLast() }
        return String(s)
    }
}
