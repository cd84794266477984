import DialogSyntax

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
