import DialogEngine

// Random sessions for the property tests of resuming: a seeded walk over the lines a
// person might type, and the fields in which two turns differ.

/// Lines a person might type at any point: answers of every kind, commands, questions,
/// a crisis and nonsense. The property test picks among them and the turn's own choices.
let anyLines = [
    "yes", "no", "nope", "yep", "1", "2", "3", "0", "4", "12", "back", "restart", "summary", "repeat", "help",
    "what is baclofen", "am I an addict", "my legs ache and I'm sweating", "none of those", "I want to die",
    "purple", "", "find detox", "how much baclofen should I take", "not sure",
]

/// A small seeded generator, so that a failure names the seed that finds it again.
public struct Walk {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(max(n, 1)))
    }
}

/// The next line of a random session: often one of the turn's choices, else any line.
public func line(after turn: Turn, _ walk: inout Walk) -> String {
    if !turn.choices.isEmpty, walk.next(3) > 0 {
        let i = walk.next(turn.choices.count)
        return walk.next(2) == 0 ? String(i + 1) : turn.choices[i].label
    }
    return anyLines[walk.next(anyLines.count)]
}

/// The fields in which two turns differ, for a readable failure.
public func differences(_ a: Turn, _ b: Turn) -> [String] {
    var out: [String] = []
    if a.node != b.node { out.append("node \(a.node) / \(b.node)") }
    if a.say != b.say { out.append("say \(a.say) / \(b.say)") }
    if a.ask != b.ask || a.choices != b.choices { out.append("question") }
    if a.flags != b.flags { out.append("flags \(a.flags) / \(b.flags)") }
    if a.matched != b.matched { out.append("matched \(String(describing: a.matched)) / \(String(describing: b.matched))") }
    if a.trace != b.trace { out.append("trace \(a.trace) / \(b.trace)") }
    if a.symptoms != b.symptoms || a.scores != b.scores { out.append("symptoms or scores \(a.scores) / \(b.scores)") }
    if a.summary != b.summary { out.append("summary") }
    if a.crisis != b.crisis || a.resources != b.resources || a.number != b.number { out.append("crisis, resources or number") }
    return out
}
