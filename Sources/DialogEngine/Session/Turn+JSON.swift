import DialogMatching
import DialogModel
import DialogSyntax

extension Turn {
    /// The turn as the JSON object of the README's turn schema (`--jsonl`,
    /// `--transcript`): keys in schema order; `input` absent on the opening turn;
    /// `crisis` and `matched` null when there is none; `summary` on the last turn.
    public var jsonValue: TypedValue {
        var entries: [(key: String, value: TypedValue)] = [("turn", .int(number))]
        if let input { entries.append(("input", .string(input))) }
        entries += [
            ("node", .string(node.description)),
            ("state", .string(state.rawValue)),
            ("say", .sequence(say.map { .string($0) })),
            ("ask", ask.map { .string($0) } ?? .null),
            ("choices", .sequence(choices.map { .string($0) })),
            ("flags", .sequence(flags.map { .string($0) })),
            ("crisis", crisis.map { c in
                .mapping([("kind", .string(c.kind.rawValue)), ("also", .sequence(c.also.map { .string($0.rawValue) })),
                          ("level", .string(c.level.rawValue))])
            } ?? .null),
            ("matched", matched.map { m in
                .mapping([("by", .string(m.by)), ("id", .string(m.id)), ("phrase", m.phrase.map { .string($0) } ?? .null)])
            } ?? .null),
            ("symptoms", .mapping([("reported", .sequence(reported.map { .string($0) })),
                                   ("denied", .sequence(denied.map { .string($0) }))])),
            ("scores", .mapping(scores.map { ($0.name, .int($0.total)) })),
        ]
        if !notes.isEmpty { entries.append(("notes", .sequence(notes.map { .string($0) }))) }
        if let summary { entries.append(("summary", summary.jsonValue)) }
        return .mapping(entries)
    }

    /// One line of JSON.
    public var jsonLine: String { JSONWriter.string(jsonValue) }
}

extension Summary {
    /// The summary as a JSON object, marked as not a diagnosis.
    public var jsonValue: TypedValue {
        .mapping([
            ("topics", .sequence(topics.map { .string($0) })),
            ("symptoms", .mapping([("reported", .sequence(reported.map { .string($0) })),
                                   ("denied", .sequence(denied.map { .string($0) }))])),
            ("scores", .sequence(scores.map { s in
                .mapping([("scale", .string(s.name)), ("title", .string(s.title)), ("total", .int(s.total)),
                          ("maximum", .int(s.maximum)), ("band", s.band.map { .string($0) } ?? .null)])
            })),
            ("red_flags", .sequence(redFlags.map { .string($0) })),
            ("crises", .sequence(crises.map { .string($0) })),
            ("resources", .sequence(resources.map { .string($0) })),
            ("turns", .int(turns)),
            ("emergency", .sequence(emergency.map { .string($0) })),
        ] + (debrief.map { [("debrief", $0.jsonValue)] } ?? []) + [
            ("note", .string(Summary.disclaimer)),
        ])
    }
}
