import DialogSyntax

/// A node's bundle-wide id: the file it is in (without `.yaml`) and its name there,
/// written `file.name`.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var name: String

    public init(file: String, name: String) {
        self.file = file
        self.name = name
    }

    /// Reads `file.name`, or a bare `name` inside `file`.
    public init(_ reference: String, in file: String) {
        if let dot = reference.firstIndex(of: ".") {
            self.init(file: String(reference[..<dot]), name: String(reference[reference.index(after: dot)...]))
        } else {
            self.init(file: file, name: reference)
        }
    }

    public var description: String { "\(file).\(name)" }

    public static func < (a: NodeID, b: NodeID) -> Bool { (a.file, a.name) < (b.file, b.name) }
}

/// A reference to a node as written (`goto: offlabel`), with where it was written and
/// the id it names.
public struct NodeReference: Sendable, Hashable {
    public var written: String
    public var target: NodeID
    public var range: SourceRange
}
