/// One node of a parsed document: a scalar, a sequence or a mapping.
///
/// Every node keeps the source range it was read from. Equality compares content and
/// scalar styles and ignores ranges, so tests can compare trees without writing
/// positions down.
public enum Node: Sendable, Equatable {
    case scalar(ScalarNode)
    case sequence(SequenceNode)
    case mapping(MappingNode)

    /// Where the node was read from.
    public var range: SourceRange {
        switch self {
        case .scalar(let s): s.range
        case .sequence(let s): s.range
        case .mapping(let m): m.range
        }
    }

    /// The scalar, when this node is one.
    public var scalar: ScalarNode? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    /// The sequence, when this node is one.
    public var sequence: SequenceNode? {
        if case .sequence(let s) = self { return s }
        return nil
    }

    /// The mapping, when this node is one.
    public var mapping: MappingNode? {
        if case .mapping(let m) = self { return m }
        return nil
    }

    /// A word for the kind of node, for messages: "scalar", "sequence" or "mapping".
    public var kindName: String {
        switch self {
        case .scalar: "scalar"
        case .sequence: "sequence"
        case .mapping: "mapping"
        }
    }
}

/// How a scalar was written. Only plain scalars are typed by the core schema.
public enum ScalarStyle: String, Sendable, Equatable {
    case plain
    case singleQuoted = "single"
    case doubleQuoted = "double"
    case literal
    case folded
}

/// How a collection was written: indented lines, or brackets and braces.
public enum CollectionStyle: String, Sendable, Equatable {
    case block
    case flow
}

/// A scalar: its text after unquoting, folding and chomping, and its style.
///
/// An empty value (`key:` with nothing after it) is an empty plain scalar, which the
/// core schema reads as null.
public struct ScalarNode: Sendable, Equatable {
    public var text: String
    public var style: ScalarStyle
    public var range: SourceRange

    public init(text: String, style: ScalarStyle, range: SourceRange) {
        self.text = text
        self.style = style
        self.range = range
    }

    /// True for an empty value, which the core schema reads as null.
    public var isEmptyValue: Bool { style == .plain && text.isEmpty }

    public static func == (a: ScalarNode, b: ScalarNode) -> Bool {
        a.text == b.text && a.style == b.style
    }
}

/// A sequence of nodes.
public struct SequenceNode: Sendable, Equatable {
    public var items: [Node]
    public var style: CollectionStyle
    public var range: SourceRange

    public init(items: [Node], style: CollectionStyle, range: SourceRange) {
        self.items = items
        self.style = style
        self.range = range
    }

    public static func == (a: SequenceNode, b: SequenceNode) -> Bool { a.items == b.items }
}

/// A mapping, its entries in source order. Keys are scalars: the language has no
/// complex keys, and the parser rejects duplicates.
public struct MappingNode: Sendable, Equatable {
    public var entries: [MappingEntry]
    public var style: CollectionStyle
    public var range: SourceRange

    public init(entries: [MappingEntry], style: CollectionStyle, range: SourceRange) {
        self.entries = entries
        self.style = style
        self.range = range
    }

    /// The value for a key, compared by the key's text.
    public subscript(key: String) -> Node? {
        entries.first { $0.key.text == key }?.value
    }

    /// The entry for a key, compared by the key's text.
    public func entry(_ key: String) -> MappingEntry? {
        entries.first { $0.key.text == key }
    }

    public static func == (a: MappingNode, b: MappingNode) -> Bool { a.entries == b.entries }
}

/// One `key: value` pair of a mapping.
public struct MappingEntry: Sendable, Equatable {
    public var key: ScalarNode
    public var value: Node

    public init(key: ScalarNode, value: Node) {
        self.key = key
        self.value = value
    }
}
