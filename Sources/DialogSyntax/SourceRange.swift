/// A place in a source file.
///
/// `offset` counts UTF-8 bytes from the start of the file; `line` and `column` are
/// 1-based, and `column` counts characters (Unicode scalars), so a caret printed under
/// it lines up in a terminal.
///
/// Every node of a tree carries two positions, so they are stored in 32 bits each:
/// values beyond `UInt32.max` (a file over 4 GiB) are clamped to it, never trapped on.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    private var storedOffset: UInt32
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = UInt32(clamping: newValue) }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(offset: Int, line: Int, column: Int) {
        storedOffset = UInt32(clamping: offset)
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { a.storedOffset < b.storedOffset }

    public var description: String { "\(line):\(column)" }
}

/// The span of a node or a problem: from `start` up to, not including, `end`.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// An empty range at one position.
    public init(at position: SourcePosition) {
        self.init(start: position, end: position)
    }

    public var description: String { "\(start)-\(end)" }
}
