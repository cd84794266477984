import DialogSyntax

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
    var diagnostics: [Diagnostic] = []
    var sections = FileSections()

    static let settingKeys = ["dialog", "title", "kind", "description", "start", "sources-from", "question-weak", "question-margin", "pass-mark"]
    /// The sections a file may have. `decode(_:)` switches over every case with no
    /// default, so a section added here without a decoder does not compile.
    enum Section: String, CaseIterable {
        case nodes, intents, symptoms, scales, regions, resources, sources, rubric, concepts, topic, flags, readability
    }
    static let sectionKeys = Section.allCases.map(\.rawValue)
    static let nodeKeys = [
        "say", "source", "note", "ask", "choices", "expect", "save", "routes", "branch",
        "set", "next", "scale", "show", "flag", "end", "shuffle", "readability",
    ]

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
            guard let section = Section(rawValue: key) else {
                sections.damage.hide(section: key, of: fileName, wholeEntries: true)
                continue
            }
            if section != .topic && entry.value.mapping == nil {
                sections.damage.hide(section: key, of: fileName, wholeEntries: true)
            }
            switch section {
            case .nodes: for e in entries(entry.value, "`nodes`") { decodeNode(e) }
            case .intents: for e in entries(entry.value, "`intents`") { decodeIntent(e) }
            case .symptoms: for e in entries(entry.value, "`symptoms`") { decodeSymptom(e) }
            case .scales: for e in entries(entry.value, "`scales`") { decodeScale(e) }
            case .regions: for e in entries(entry.value, "`regions`") { decodeRegion(e) }
            case .resources: for e in entries(entry.value, "`resources`") { decodeResource(e) }
            case .sources: for e in entries(entry.value, "`sources`") { decodeSource(e) }
            case .rubric: for e in entries(entry.value, "`rubric`") { decodeRubricItem(e) }
            case .topic:
                sections.topic = text(entry.value, "`topic`")
            case .flags:
                for e in entries(entry.value, "`flags`") {
                    if let label = text(e.value, "the label of flag `\(e.key.text)`") {
                        sections.flagLabels.append((e.key.text, label, e.key.range))
                    }
                }
            case .readability:
                if let m = mapping(entry.value, "`readability`") {
                    sections.readability = (readabilityLimits(m), entry.key.range)
                }
            case .concepts:
                for e in entries(entry.value, "`concepts`") {
                    sections.concepts.append(
                        Concept(
                            file: fileName, name: e.key.text, phrases: textList(e.value, "concept `\(e.key.text)`"),
                            range: e.key.range))
                }
            }
        }
    }
}
