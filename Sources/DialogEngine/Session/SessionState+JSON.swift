import DialogMatching
import DialogModel
import DialogSyntax

extension SessionState {
    /// The state as one JSON object: the keys of DESIGN.md ("Session state") first, then
    /// what an exact resume also needs. The generator state is a decimal string, since
    /// JSON readers in browsers lose digits of numbers above 2⁵³.
    public var jsonValue: TypedValue {
        func strings(_ items: [String]) -> TypedValue { .sequence(items.map { .string($0) }) }
        return .mapping([
            ("format", .int(SessionState.format)),
            ("bundle", .mapping([("id", .string(bundleID)), ("hash", .string(bundleHash))])),
            ("node", .string(node.description)),
            ("back", strings(back.map(\.description))),
            ("variables", .mapping(variables.keys.sorted().compactMap { name in variables[name].map { (name, $0.jsonValue) } })),
            ("symptoms", .mapping([("reported", strings(reported)), ("denied", strings(denied))])),
            (
                "scales",
                .mapping(
                    scales.keys.sorted().compactMap { name in
                        scales[name].map { p in
                            (
                                name,
                                .mapping(
                                    [
                                        ("position", p.position.map { .int($0) } ?? .null), ("total", .int(p.total)),
                                        ("answered", .int(p.answered)), ("items", .int(p.items)),
                                        ("min", .int(p.range.lowerBound)), ("max", .int(p.range.upperBound)),
                                    ]
                                        + (p.points.map { [("points", .sequence($0.map { .int($0) }))] } ?? []))
                            )
                        }
                    })
            ),
            ("turn", .int(turn)),
            ("region", .string(region)),
            ("seed", .string(String(seed))),
            ("ended", .bool(ended)),
            ("start", .string(start.description)),
            ("waiting", .string(waiting.rawValue)),
            ("expects", .string(expects)),
            ("ambiguous", ambiguous.map { .sequence($0.map { .int($0) }) } ?? .null),
            ("clarifying", clarifying.map(strings) ?? .null),
            ("leaving", .bool(leaving)),
            ("following", following.map { .mapping([("node", .string($0.node.description)), ("choices", strings($0.choices))]) } ?? .null),
            ("topic", topic.map { .string($0) } ?? .null),
            ("misunderstood", .int(misunderstood)),
            (
                "summary",
                .mapping([
                    ("topics", strings(topics)), ("red_flags", strings(redFlags)),
                    ("crises", strings(crises.map(\.rawValue))), ("resources", strings(resources)),
                ])
            ),
            ("rubric", Self.object(rubric) { .string($0) }),
            ("rubric_broken", Self.object(rubricBroken) { .string($0) }),
            ("answers", Self.object(answers) { .bool($0) }),
            ("choice_orders", Self.object(choiceOrders) { .sequence($0.map { .int($0) }) }),
        ])
    }

    /// A dictionary as a JSON object, its keys sorted so that a state reads the same each time.
    private static func object<T>(_ values: [String: T], _ json: (T) -> TypedValue) -> TypedValue {
        .mapping(values.keys.sorted().compactMap { id in values[id].map { (id, json($0)) } })
    }

    /// One line of JSON.
    public var jsonLine: String { JSONWriter.string(jsonValue) }

    /// Reads a saved state; throws what is wrong with it.
    public init(json bytes: [UInt8]) throws(ResumeError) {
        let parsed = YAMLParser.parse(bytes)
        guard !parsed.hasErrors, parsed.documents.count == 1, let document = parsed.documents.first else {
            throw ResumeError("not a saved session: not one JSON object")
        }
        try self.init(json: document.typedValue)
    }

    /// Reads a saved state from its JSON value.
    public init(json: TypedValue) throws(ResumeError) {
        let o = try Fields(json, "the state")
        guard try o.int("format") == SessionState.format else {
            throw ResumeError("a saved session of another format (this intake reads format \(SessionState.format))")
        }
        let bundle = try Fields(o.value("bundle"), "`bundle`")
        bundleID = try bundle.string("id")
        bundleHash = try bundle.string("hash")
        node = try Fields.node(o.string("node"))
        back = try o.strings("back").map { s throws(ResumeError) in try Fields.node(s) }
        var variables: [String: Value] = [:]
        for (name, value) in try Fields.entries(o.value("variables"), "`variables`") {
            variables[name] = try Fields.variable(value, name)
        }
        self.variables = variables
        let symptoms = try Fields(o.value("symptoms"), "`symptoms`")
        reported = try symptoms.strings("reported")
        denied = try symptoms.strings("denied")
        var scales: [String: ScaleProgress] = [:]
        for (name, value) in try Fields.entries(o.value("scales"), "`scales`") {
            let s = try Fields(value, "the scale `\(name)`")
            let low = try s.int("min"), high = try s.int("max")
            guard low <= high else { throw ResumeError("the scale `\(name)` has a range from \(low) to \(high)") }
            // `points` is absent in states saved before `back` stepped through a scale.
            let points = s.entries.contains { $0.key == "points" } ? try s.ints("points") : nil
            scales[name] = ScaleProgress(
                position: try s.optionalInt("position"), total: try s.int("total"),
                answered: try s.int("answered"), items: try s.int("items"), range: low...high,
                points: points)
        }
        self.scales = scales
        turn = try o.int("turn")
        region = try o.string("region")
        guard let seed = UInt64(try o.string("seed")) else { throw ResumeError("`seed` is not a whole number") }
        self.seed = seed
        ended = try o.bool("ended")
        start = try Fields.node(o.string("start"))
        guard let waiting = Waiting(rawValue: try o.string("waiting")) else {
            throw ResumeError("`waiting` is one of " + Waiting.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.waiting = waiting
        expects = try o.string("expects")
        if case .null = try o.value("ambiguous") {
            ambiguous = nil
        } else {
            ambiguous = try o.ints("ambiguous")
        }
        // Absent in states saved before clarifying questions existed.
        if case .sequence? = o.entries.first(where: { $0.key == "clarifying" })?.value {
            clarifying = try o.strings("clarifying")
        } else {
            clarifying = nil
        }
        // Absent in states saved before the question whether to leave existed.
        if case .bool(let open)? = o.entries.first(where: { $0.key == "leaving" })?.value { leaving = open } else { leaving = false }
        // Absent in states saved before follow-ups were offered.
        if let value = o.entries.first(where: { $0.key == "following" })?.value, case .mapping = value {
            let offer = try Fields(value, "`following`")
            following = FollowUps(node: NodeID(try offer.string("node"), in: ""), choices: try offer.strings("choices"))
        } else {
            following = nil
        }
        // Absent in states saved before a line could lean on the topic before it.
        if case .string(let id)? = o.entries.first(where: { $0.key == "topic" })?.value { topic = id } else { topic = nil }
        misunderstood = try o.int("misunderstood")
        let summary = try Fields(o.value("summary"), "`summary`")
        topics = try summary.strings("topics")
        redFlags = try summary.strings("red_flags")
        crises = try summary.strings("crises").map { s throws(ResumeError) in
            guard let kind = CrisisKind(rawValue: s) else { throw ResumeError("no crisis kind `\(s)`") }
            return kind
        }
        resources = try summary.strings("resources")
        rubric = try o.object("rubric") { id, value throws(ResumeError) in
            guard case .string(let phrase) = value else { throw ResumeError("rubric item `\(id)` is not a string") }
            return phrase
        }
        // The keys below are absent in states saved before training kept them: empty.
        rubricBroken = try o.object("rubric_broken", optional: true) { id, value throws(ResumeError) in
            guard case .string(let phrase) = value else { throw ResumeError("rubric item `\(id)` is not a string") }
            return phrase
        }
        answers = try o.object("answers", optional: true) { id, value throws(ResumeError) in
            guard case .bool(let right) = value else { throw ResumeError("answer `\(id)` is not true or false") }
            return right
        }
        choiceOrders = try o.object("choice_orders", optional: true) { id, value throws(ResumeError) in
            guard case .sequence(let items) = value else { throw ResumeError("choice order `\(id)` is not a list") }
            return try items.map { item throws(ResumeError) in
                guard case .int(let n) = item else { throw ResumeError("choice order `\(id)` is not a list of numbers") }
                return n
            }
        }
    }
}

extension Value {
    /// The value as JSON: whole numbers as integers.
    var jsonValue: TypedValue {
        switch self {
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .double(n)
        case .string(let s): .string(s)
        case .bool(let b): .bool(b)
        case .list(let items): .sequence(items.map(\.jsonValue))
        case .null: .null
        }
    }
}

/// The fields of a JSON object of a saved state, each read with a clear error.
private struct Fields {
    let entries: [(key: String, value: TypedValue)]
    let what: String

    init(_ value: TypedValue, _ what: String) throws(ResumeError) {
        guard case .mapping(let entries) = value else { throw ResumeError("\(what) is not a JSON object") }
        self.entries = entries
        self.what = what
    }

    static func entries(_ value: TypedValue, _ what: String) throws(ResumeError) -> [(key: String, value: TypedValue)] {
        try Fields(value, what).entries
    }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The JSON object under `key` as a dictionary, each value read by `read`; with
    /// `optional`, an absent key is an empty one.
    func object<T>(
        _ key: String, optional: Bool = false,
        _ read: (String, TypedValue) throws(ResumeError) -> T
    ) throws(ResumeError) -> [String: T] {
        if optional && !has(key) { return [:] }
        var out: [String: T] = [:]
        for (id, value) in try Fields.entries(value(key), "`\(key)`") { out[id] = try read(id, value) }
        return out
    }

    func value(_ key: String) throws(ResumeError) -> TypedValue {
        guard let v = entries.first(where: { $0.key == key })?.value else { throw ResumeError("\(what) has no `\(key)`") }
        return v
    }

    func string(_ key: String) throws(ResumeError) -> String {
        guard case .string(let s) = try value(key) else { throw ResumeError("`\(key)` is not a string") }
        return s
    }

    func int(_ key: String) throws(ResumeError) -> Int {
        guard case .int(let n) = try value(key) else { throw ResumeError("`\(key)` is not a whole number") }
        return n
    }

    func optionalInt(_ key: String) throws(ResumeError) -> Int? {
        if case .null = try value(key) { return nil }
        return try int(key)
    }

    func bool(_ key: String) throws(ResumeError) -> Bool {
        guard case .bool(let b) = try value(key) else { throw ResumeError("`\(key)` is not true or false") }
        return b
    }

    func strings(_ key: String) throws(ResumeError) -> [String] {
        guard case .sequence(let items) = try value(key) else { throw ResumeError("`\(key)` is not a list") }
        return try items.map { item throws(ResumeError) in
            guard case .string(let s) = item else { throw ResumeError("`\(key)` holds something other than strings") }
            return s
        }
    }

    func ints(_ key: String) throws(ResumeError) -> [Int] {
        guard case .sequence(let items) = try value(key) else { throw ResumeError("`\(key)` is not a list") }
        return try items.map { item throws(ResumeError) in
            guard case .int(let n) = item else { throw ResumeError("`\(key)` holds something other than whole numbers") }
            return n
        }
    }

    static func node(_ text: String) throws(ResumeError) -> NodeID {
        let parts = text.split(separator: ".", maxSplits: 1)
        guard parts.count == 2 else { throw ResumeError("`\(text)` is not a node id (file.node)") }
        return NodeID(text, in: String(parts[0]))
    }

    static func variable(_ value: TypedValue, _ name: String) throws(ResumeError) -> Value {
        switch value {
        case .int(let n): return .number(Double(n))
        case .double(let d): return .number(d)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .sequence(let items): return .list(try items.map { item throws(ResumeError) in try variable(item, name) })
        case .mapping: throw ResumeError("the variable `\(name)` holds an object")
        }
    }
}
