// Intents: their phrases, what a crisis intent is about, detectors and refinements.
import DialogSyntax

extension FileDecoder {
    mutating func decodeIntent(_ entry: MappingEntry) {
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
                    report(
                        ModelMessage.invalidValue(
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
                report(
                    ModelMessage.invalidValue(
                        "`follow-ups` is for topic intents with `return: true`", written.range,
                        hint: "they are offered after the answer, with the way back to where the person was"))
            }
        }
        intent.label = m["label"].flatMap { text($0, "`label`") }
        if let written = m["refines"] { intent.refines = refinement(written, of: crisis) }
        if let written = m["about"] { intent.about = about(written, of: crisis) }
        if let written = m["tells"], let tells = bool(written, "`tells`") {
            if crisis != nil {
                report(
                    ModelMessage.invalidValue(
                        "`tells` is for topic intents", written.range,
                        hint: "a crisis phrase counts in questions too; remove `tells`"))
            } else {
                intent.tells = tells
            }
        }
        sections.intents.append(intent)
    }

    /// `detect: [READER…]` of a topic intent: the built-in readers that pick it.
    mutating func detectors(_ node: Node, of crisis: CrisisKind?) -> [RubricItem.Detector] {
        guard crisis == nil else {
            report(
                ModelMessage.invalidValue(
                    "`detect` is for topic intents", node.range,
                    hint: "a crisis intent is read by its phrases; remove `detect`"))
            return []
        }
        return readers(node)
    }

    /// The built-in readers a `detect:` list names; each unknown one is reported.
    mutating func readers(_ node: Node) -> [RubricItem.Detector] {
        textList(node, "`detect`").compactMap { written in
            guard let detector = RubricItem.Detector(rawValue: written.text) else {
                report(
                    ModelMessage.invalidValue(
                        "unknown reader `\(written.text)` in `detect`", written.range,
                        hint: "one of: " + RubricItem.Detector.allCases.map(\.rawValue).joined(separator: ", ")))
                return nil
            }
            return detector
        }
    }

    /// `about: [KIND…]` of a topic intent: the crisis kinds whose questions it answers.
    mutating func about(_ node: Node, of crisis: CrisisKind?) -> [CrisisKind] {
        guard crisis == nil else {
            report(
                ModelMessage.invalidValue(
                    "`about` is for topic intents", node.range,
                    hint: "a crisis intent's own kind is what it is about; remove `about`"))
            return []
        }
        return crisisKinds(textList(node, "`about`"))
    }

    /// The crisis kinds of a list, each unknown one reported.
    mutating func crisisKinds(_ written: [Phrase]) -> [CrisisKind] {
        var kinds: [CrisisKind] = []
        for k in written {
            guard let kind = CrisisKind(rawValue: k.text) else {
                report(
                    ModelMessage.invalidValue(
                        "unknown crisis kind `\(k.text)`", k.range,
                        hint: "one of " + CrisisKind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")))
                continue
            }
            kinds.append(kind)
        }
        return kinds
    }

    /// `refines: {kinds: [KIND…], when: [phrases]}` of a crisis intent.
    mutating func refinement(_ node: Node, of crisis: CrisisKind?) -> Intent.Refinement? {
        guard var m = mapping(node, "`refines`") else { return nil }
        m = checkKeys(m, ["kinds", "when"], "`refines`")
        guard crisis != nil else {
            report(
                ModelMessage.invalidValue(
                    "`refines` is for crisis intents", node.range,
                    hint: "give the intent a `crisis:` kind, or remove `refines`"))
            return nil
        }
        let written = m["kinds"].map { textList($0, "`kinds`") } ?? []
        let kinds = crisisKinds(written)
        let when = m["when"].map { textList($0, "`when`") } ?? []
        // A kind already reported as unknown is no second error.
        if written.isEmpty || when.isEmpty {
            report(
                ModelMessage.invalidValue(
                    "`refines` needs `kinds` and `when`", node.range,
                    hint: "e.g. `refines: {kinds: [overdose-self], when: [baclofen]}`"))
            return nil
        }
        guard !kinds.isEmpty else { return nil }
        return Intent.Refinement(kinds: kinds, when: when)
    }
}
