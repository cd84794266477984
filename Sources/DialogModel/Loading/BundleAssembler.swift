import DialogSyntax

/// Merges the sections of a bundle's files into one bundle, reporting ids defined twice,
/// then runs the ``Validator``.
struct BundleAssembler {
    let files: [DecodedFile]
    private(set) var diagnostics: [BundleDiagnostic] = []
    /// What the files could not read, merged.
    private(set) var damage = Damage()

    /// `damage`: what the files' syntax errors, or files that could not be read at all,
    /// may hide.
    init(files: [DecodedFile], damage: Damage = Damage()) {
        self.files = files
        self.damage = damage
        // A crisis intent may be in what could not be read.
        if damage.hides(.crisisIntents) { self.damage.anyCrisis = true }
    }

    /// Merges and validates. `borrowed` are the sources of the bundle `sources-from`
    /// names: the bundle's own come first. `quietLints` (there are errors already, such
    /// as in decoding) holds back the warnings about what nothing uses, which such errors
    /// would set off; without `comparingExamples` the examples are not checked
    /// (IC033, IC034).
    mutating func assemble(
        folderName: String, borrowed: [SourceEntry] = [], quietLints: Bool = false,
        comparingExamples: Bool = true
    ) -> DialogBundle? {
        let paths = Dictionary(files.map { ($0.fileName, $0.path) }, uniquingKeysWith: { a, _ in a })
        var settings: [String: (value: String, range: SourceRange, path: String)] = [:]
        var nodes: [NodeID: DialogNode] = [:]
        var order: [NodeID] = []
        var intents: [Intent] = []
        var symptoms: [Symptom] = []
        var scales: [String: Scale] = [:]
        var regions: [Region] = []
        var resources: [Resource] = []
        var sources: [String: SourceEntry] = [:]
        var rubric: [RubricItem] = []
        var concepts: [Concept] = []
        var topics: [String: String] = [:]
        var flagLabels: [String: String] = [:]
        var readability = ReadabilityLimits()
        var seen: [String: [String: (path: String, range: SourceRange)]] = [:]

        func unique(_ kind: String, _ id: String, _ range: SourceRange, _ path: String) -> Bool {
            if let first = seen[kind]?[id] {
                let d = ModelMessage.duplicateID(kind, id, range, first: first.range)
                diagnostics.append(BundleDiagnostic(path: path, diagnostic: d, notePaths: first.path == path ? [:] : [0: first.path]))
                return false
            }
            seen[kind, default: [:]][id] = (path, range)
            return true
        }

        for file in files {
            let (path, fileName, s) = (file.path, file.fileName, file.sections)
            damage.formUnion(s.damage)
            if let topic = s.topic { topics[fileName] = topic }
            for f in s.flagLabels where unique("flag label", f.id, f.range, path) { flagLabels[f.id] = f.label }
            if let r = s.readability, unique("setting", "readability", r.keyRange, path) { readability = r.limits }
            for (key, value) in s.settings.sorted(by: { $0.key < $1.key }) {
                if unique("setting", key, value.keyRange, path) { settings[key] = (value.value, value.range, path) }
            }
            for node in s.nodes where unique("node", node.id.description, node.range, path) {
                nodes[node.id] = node
                order.append(node.id)
            }
            for i in s.intents {
                if unique("intent", i.id, i.range, path) {
                    intents.append(i)
                } else if let kind = i.crisis {
                    damage.crisisKinds.insert(kind)
                }
            }
            for x in s.symptoms where unique("symptom", x.id, x.range, path) { symptoms.append(x) }
            for x in s.scales where unique("scale", x.id, x.position, path) { scales[x.id] = x }
            for x in s.regions where unique("region", x.code, x.range, path) { regions.append(x) }
            for x in s.resources {
                if unique("resource", x.id, x.range, path) {
                    resources.append(x)
                } else if let role = x.role {
                    damage.roles.insert(role)
                }
            }
            for x in s.sources where unique("source", x.id, x.range, path) { sources[x.id] = x }
            for x in s.rubric where unique("rubric item", x.id, x.range, path) { rubric.append(x) }
            for x in s.concepts where unique("concept", x.name, x.range, path) { concepts.append(x) }
        }

        // A missing setting is reported at the top of the file that has the others.
        let firstPath = settings.values.map(\.path).min() ?? files.first?.path ?? folderName
        let top = SourceRange(at: SourcePosition(offset: 0, line: 1, column: 1))
        var kind = DialogBundle.Kind.intake
        if let k = settings["kind"] {
            if let parsed = DialogBundle.Kind(rawValue: k.value) {
                kind = parsed
            } else {
                diagnostics.append(
                    BundleDiagnostic(
                        path: k.path,
                        diagnostic: ModelMessage.invalidValue(
                            "unknown bundle kind `\(k.value)`", k.range, hint: "`intake` or `training`")))
            }
        }
        // The settings may be in a file that could not be read.
        for key in ["dialog", "title", "start"] where settings[key] == nil && !damage.hides(.settings) {
            diagnostics.append(BundleDiagnostic(path: firstPath, diagnostic: ModelMessage.missingSetting(key, top)))
        }
        guard let startSetting = settings["start"] ?? (damage.hides(.settings) ? ("", top, "") : nil) else { return nil }
        let startFile = files.first { $0.path == startSetting.path }?.fileName ?? ""
        // A node that leads into a file that could not be read: its way forward is unknown.
        if !damage.nodesUnknownIn.isEmpty {
            for node in nodes.values where node.edges.contains(where: { damage.nodesUnknownIn.contains($0.target.target.file) }) {
                damage.nodes.insert(node.id)
            }
        }

        // Crisis intents first, most urgent first; then topic intents by priority. The
        // sort is stable, so equal ones keep their file order.
        intents = intents.enumerated().sorted { a, b in
            let ka = (a.element.crisis == nil ? 1 : 0, a.element.crisis?.urgency ?? 0, -a.element.priority, a.offset)
            let kb = (b.element.crisis == nil ? 1 : 0, b.element.crisis?.urgency ?? 0, -b.element.priority, b.offset)
            return ka < kb
        }.map(\.element)

        var bundle = DialogBundle(
            id: settings["dialog"]?.value ?? "", title: settings["title"]?.value ?? "", kind: kind,
            description: settings["description"]?.value, start: NodeID(startSetting.value, in: startFile),
            nodes: nodes, nodeOrder: order, intents: intents, symptoms: symptoms, scales: scales,
            regions: regions, resources: resources, sources: sources.merging(borrowed.map { ($0.id, $0) }) { own, _ in own })
        bundle.rubric = rubric
        bundle.concepts = concepts
        bundle.topicLabels = topics
        bundle.flagLabels = flagLabels
        bundle.readability = readability
        for (key, path) in [("question-weak", \DialogBundle.QuestionThresholds.weak), ("question-margin", \.margin)] {
            guard let setting = settings[key] else { continue }
            if let value = Double(setting.value), (0...1).contains(value) {
                bundle.questionThresholds[keyPath: path] = value
            } else {
                diagnostics.append(BundleDiagnostic(path: setting.path, diagnostic: ModelMessage.invalidThreshold(key, setting.value, setting.range)))
            }
        }
        if let setting = settings["pass-mark"] {
            let written = setting.value.hasSuffix("%") ? String(setting.value.dropLast()) : setting.value
            if let value = Int(written.trimming(" ")), (0...100).contains(value), kind == .training {
                bundle.passMark = value
            } else {
                diagnostics.append(BundleDiagnostic(path: setting.path, diagnostic: ModelMessage.invalidPassMark(setting.value, training: kind == .training, setting.range)))
            }
        }
        var options = Validator.Options(quietLints: quietLints, comparesExamples: comparingExamples)
        if !startSetting.value.isEmpty {
            options.start = (NodeReference(written: startSetting.value, target: bundle.start, range: startSetting.range), startSetting.path)
        }
        var validator = Validator(bundle: bundle, paths: paths, damage: damage, options: options)
        validator.validate()
        diagnostics += validator.diagnostics
        return bundle
    }
}
