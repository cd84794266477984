import DialogMatching
import DialogModel
import DialogSyntax

extension Turn {
    /// The turn as a protocol-2 JSON object (`--jsonl`, `--transcript`; DESIGN.md, "The
    /// turn, protocol 2"): keys in the schema's order; `input` absent on the opening and a
    /// resumed turn; `crisis` and `matched` null when there is none; `note` only when
    /// `staff` (it is the author's note for staff); `summary` on the last turn.
    public func jsonValue(staff: Bool = false) -> TypedValue {
        var entries: [(key: String, value: TypedValue)] = [("protocol", .int(Turn.protocolVersion)), ("turn", .int(number))]
        if let input { entries.append(("input", .string(input))) }
        entries += [
            ("node", .string(node.description)),
            ("state", .string(state.rawValue)),
            ("say", .sequence(say.map { .string($0) })),
            ("ask", ask.map { .string($0) } ?? .null),
            ("choices", .sequence(choices.map { .mapping([("id", .string($0.id)), ("label", .string($0.label))]) })),
            ("expects", expects.jsonValue),
            ("flags", .sequence(flags.map { .string($0.rawValue) })),
            (
                "crisis",
                crisis.map { c in
                    .mapping([
                        ("kind", .string(c.kind.rawValue)), ("also", .sequence(c.also.map { .string($0.rawValue) })),
                        ("level", .string(c.level.rawValue)),
                    ])
                } ?? .null
            ),
            (
                "matched",
                matched.map { m in
                    var fields: [(key: String, value: TypedValue)] = [
                        ("by", .string(m.by.rawValue)), ("id", .string(m.id)),
                        ("phrase", m.phrase.map { .string($0) } ?? .null),
                    ]
                    if let example = m.example {
                        // Three decimals: enough to compare with the thresholds, stable to read.
                        fields += [
                            ("example", .string(example.text)), ("words", .sequence(example.words.map { .string($0) })),
                            ("score", .double((example.score * 1000).rounded() / 1000)),
                        ]
                    }
                    return .mapping(fields)
                } ?? .null
            ),
            ("trace", .sequence(trace.map(\.jsonValue))),
            ("symptoms", symptoms.jsonValue),
            ("scores", Turn.jsonValue(scores)),
            ("resources", .sequence(resources.map(\.jsonValue))),
        ]
        if staff { entries.append(("note", note.map { .string($0) } ?? .null)) }
        if let summary { entries.append(("summary", summary.jsonValue)) }
        return .mapping(entries)
    }

    /// One line of JSON.
    public func jsonLine(staff: Bool = false) -> String { JSONWriter.string(jsonValue(staff: staff)) }

    /// Scores keyed by scale name, in turns and in the summary alike.
    static func jsonValue(_ scores: [Score]) -> TypedValue {
        .mapping(
            scores.map { s in
                (
                    s.scale,
                    .mapping([
                        ("title", .string(s.title)), ("total", .int(s.total)), ("maximum", .int(s.maximum)),
                        ("answered", .int(s.answered)), ("items", .int(s.items)),
                        ("band", s.band.map { .string($0) } ?? .null),
                    ])
                )
            })
    }
}

extension Turn.Expects {
    var jsonValue: TypedValue {
        if case .number(let min, let max) = self {
            return .mapping([("kind", .string(kind)), ("min", Turn.Expects.number(min)), ("max", Turn.Expects.number(max))])
        }
        return .mapping([("kind", .string(kind))])
    }

    /// A whole number as an integer, else as a float.
    private static func number(_ n: Double) -> TypedValue {
        n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .double(n)
    }
}

extension Turn.Labelled {
    var jsonValue: TypedValue { .mapping([("id", .string(id)), ("label", .string(label))]) }
}

extension Turn.Symptoms {
    var jsonValue: TypedValue {
        .mapping([("reported", .sequence(reported.map(\.jsonValue))), ("denied", .sequence(denied.map(\.jsonValue)))])
    }
}

extension Turn.Resource {
    var jsonValue: TypedValue {
        func optional(_ s: String?) -> TypedValue { s.map { .string($0) } ?? .null }
        return .mapping([
            ("id", .string(id)), ("role", optional(role)), ("name", .string(name)), ("phone", optional(phone)),
            ("text", optional(text)), ("url", optional(url)), ("hours", optional(hours)),
        ])
    }
}

extension Trace {
    var jsonValue: TypedValue {
        var entries: [(key: String, value: TypedValue)] = [("step", .string(name))]
        switch self {
        case .intent(let id): entries.append(("id", .string(id)))
        case .command(let command): entries.append(("id", .string(command.rawValue)))
        case .choice(let node, _, let id, _, let means):
            entries += [("node", .string(node.description)), ("id", .string(id)), ("means", means.map { .string($0.rawValue) } ?? .null)]
        case .route(let node, let index, let label, let target), .branch(let node, let index, let label, let target):
            entries += [
                ("node", .string(node.description)), ("index", .int(index)), ("label", .string(label)),
                ("to", .string(target.description)),
            ]
        case .scaleItem(let scale, let item, let score):
            entries += [("scale", .string(scale)), ("item", .int(item)), ("score", .int(score))]
        case .entered(let node): entries.append(("node", .string(node.description)))
        case .set(let name): entries.append(("name", .string(name)))
        case .request(let request): entries.append(("id", .string(request.rawValue)))
        case .resumed: break
        case .problem(let message): entries.append(("message", .string(message)))
        }
        return .mapping(entries)
    }
}

extension Summary {
    /// The summary as a JSON object: the same shapes as in turns, marked as not a
    /// diagnosis (`note`) for an intake session, with the `debrief` of a training one.
    public var jsonValue: TypedValue {
        var entries: [(key: String, value: TypedValue)] = [
            ("topics", .sequence(topics.map(\.jsonValue))),
            ("symptoms", symptoms.jsonValue),
            ("scores", Turn.jsonValue(scores)),
            ("red_flags", .sequence(redFlags.map(\.jsonValue))),
            ("crises", .sequence(crises.map { .string($0.rawValue) })),
            ("resources", .sequence(resources.map(\.jsonValue))),
            ("emergency", .sequence(emergency.map(\.jsonValue))),
            ("turns", .int(turns)),
        ]
        if let debrief {
            entries.append(("debrief", debrief.jsonValue))
        } else {
            entries.append(("note", .string(Summary.disclaimer)))
        }
        return .mapping(entries)
    }
}
