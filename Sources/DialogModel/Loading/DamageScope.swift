import DialogSyntax

/// What an unreadable part of a file may have held, from where it is: the section it is
/// in, whether it is a whole entry of that section or a part of one, and for a node, the
/// field it belongs to. A part that holds only a node's `say:` hides nothing the checks
/// across files need; a part at the depth of the node ids may hide whole nodes.
extension Damage {
    /// The node fields that lead nowhere and define nothing: losing one of them leaves the
    /// node's way forward and the variables known.
    /// (`ask` is not one: a node without it does not wait for an answer.)
    static let fieldsThatLeadNowhere: Set<String> = ["say", "source", "note", "show", "flag", "shuffle", "readability"]

    /// Notes what a section of `fileName` may hold that could not be read: `wholeEntries`
    /// when entries themselves (their ids) may be missing, otherwise only parts of them.
    mutating func hide(section key: String, of fileName: String, wholeEntries: Bool) {
        switch key {
        case "nodes":
            hidden.insert(.variables)
            if wholeEntries {
                nodesUnknownIn.insert(fileName)
                hidden.insert(.routes)
            }
        case "intents":
            hidden.formUnion([.crisisIntents, .routes])
            anyCrisis = true
        case "symptoms", "rubric":
            hidden.insert(.variables)
        case "scales":
            hidden.insert(.variables)
            if wholeEntries { hidden.insert(.scales) }
        case "regions":
            hidden.formUnion([.regions, .roles])
        case "resources":
            hidden.insert(.roles)
        case "sources":
            if wholeEntries { hidden.insert(.sources) }
        case "concepts":
            if wholeEntries { hidden.insert(.concepts) }
        case "topic", "description", "flags", "readability":
            // What the summary calls the file, the words read for flags and the limits
            // of plain language: nothing else refers to them by a name that could then
            // seem missing.
            break
        case "start":
            hidden.formUnion([.settings, .routes])
        case "sources-from":
            hidden.formUnion([.settings, .sources])
        case let other where FileDecoder.settingKeys.contains(other):
            hidden.insert(.settings)
        default:
            formUnion(.unread(fileName))
        }
    }

    /// What the lines that syntax errors left out of `fileName` may have held.
    static func hiddenBy(_ syntax: SyntaxDamage, in fileName: String) -> Damage {
        var damage = Damage()
        for line in syntax.linesLeftOut {
            guard let top = line.path.first, let section = top else {
                // Not under a key of the file's top level: anything.
                return Damage.unread(fileName)
            }
            switch line.path.count {
            case 1, 2:
                // The section's key itself, or one of its entries.
                damage.hide(section: section, of: fileName, wholeEntries: true)
            default:
                damage.hide(section: section, of: fileName, wholeEntries: false)
                if section == "nodes", let id = line.path[1],
                    line.path[2].map({ !fieldsThatLeadNowhere.contains($0) }) ?? true
                {
                    // A field that may hold the node's way forward.
                    damage.nodes.insert(NodeID(file: fileName, name: id))
                }
                if section == "scales", let id = line.path[1] {
                    // An item or a band may be missing: the bands are not judged.
                    damage.scales.insert(id)
                }
            }
        }
        return damage
    }
}
