/// A position while scanning: 0-based line and column, byte offset. Stored in 32 bits
/// each, like ``SourcePosition``, to keep tokens small.
struct Mark: Equatable {
    private var storedOffset: UInt32
    private var storedLine: UInt32
    private var storedColumn: UInt32

    @inline(__always) init(offset: Int, line: Int, column: Int) {
        storedOffset = UInt32(clamping: offset)
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    var offset: Int { Int(storedOffset) }
    var line: Int { Int(storedLine) }
    var column: Int { Int(storedColumn) }

    var position: SourcePosition { SourcePosition(offset: offset, line: line + 1, column: column + 1) }
}

/// One token of the YAML-like subset, as the scanner hands them to the parser.
struct Token {
    enum Kind: Equatable {
        case streamStart, streamEnd
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        case blockEntry, flowEntry
        case key, value
        case scalar
    }

    var kind: Kind
    var start: Mark
    var end: Mark
    var text: String = ""
    var style: ScalarStyle = .plain

    var range: SourceRange { SourceRange(start: start.position, end: end.position) }

    /// How the token is named in messages.
    var displayName: String {
        switch kind {
        case .streamStart: "the start of the file"
        case .streamEnd: "the end of the file"
        case .documentStart: "a document start (`---`)"
        case .documentEnd: "a document end (`...`)"
        case .blockSequenceStart, .blockEntry: "a sequence entry (`- `)"
        case .blockMappingStart, .key: "a mapping key"
        case .blockEnd: "the end of a block"
        case .flowSequenceStart: "`[`"
        case .flowSequenceEnd: "`]`"
        case .flowMappingStart: "`{`"
        case .flowMappingEnd: "`}`"
        case .flowEntry: "`,`"
        case .value: "`:`"
        case .scalar: "a scalar"
        }
    }
}
