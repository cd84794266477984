/// Builds node trees from the scanner's tokens: one recursive-descent function per
/// construct, with a nesting limit.
///
/// Structural errors are reported and the parser resynchronises at the end of the
/// enclosing block, so that independent problems further down the file are reported
/// too. With an error the documents it rebuilt are still returned (`SyntaxDamage` reads
/// them again without the damaged lines).
struct Parser {
    private let scanner: Scanner
    /// The parser's own problems (the scanner keeps its own).
    private var problems = DiagnosticSink()
    /// The line of the last structural error: further ones on that line are knock-on
    /// effects and are not reported.
    private var lastErrorLine = -1
    /// The closers that the open flow collections expect, innermost last.
    private var openFlows: [Token.Kind] = []
    /// Where the last unterminated flow collection stopped.
    private var unterminatedAt = -1
    /// The items and entries of the open collections, innermost last.
    private let items = CollectionStack<Node>()
    private let entries = CollectionStack<MappingEntry>()
    /// For each entry on `entries`, its key's length if the key is ASCII, or -1 (see
    /// `KeySet`), or `KeySet.notAKey` for a merge key, which no other key duplicates.
    private let keyLengths = CollectionStack<Int>()

    init(scanner: Scanner) {
        self.scanner = scanner
    }

    /// Parses the whole stream: the documents, and every problem found.
    mutating func parseStream() -> (documents: [Node], diagnostics: [Diagnostic]) {
        var documents: [Node] = []
        scanner.skip()  // stream start
        var needsMarker = false
        while true {
            var token = scanner.peek()
            while token.kind == .documentEnd {
                let marker = scanner.next()
                needsMarker = false
                token = scanner.peek()
                if token.start.line == marker.start.line && token.kind != .streamEnd {
                    // Only a comment may follow `...` on its line.
                    error(SyntaxMessage.unexpected(token.displayName, expected: "the end of the line after `...`", token.range), token)
                    skipToDocumentBoundary()
                    token = scanner.peek()
                }
            }
            if token.kind == .streamEnd { break }
            var explicit = false
            if token.kind == .documentStart {
                scanner.skip()
                explicit = true
                token = scanner.peek()
            } else if needsMarker {
                error(SyntaxMessage.contentAfterDocumentEnd(token.range), token)
                skipToDocumentBoundary()
                continue
            }
            if explicit && [.documentStart, .documentEnd, .streamEnd].contains(token.kind) {
                documents.append(.scalar(ScalarNode(text: "", style: .plain, range: SourceRange(at: token.start.position))))
            } else {
                documents.append(parseNode(block: true, indentlessSequence: false, depth: 0))
            }
            token = scanner.peek()
            switch token.kind {
            case .documentEnd:
                needsMarker = false
            case .documentStart, .streamEnd:
                needsMarker = true
            default:
                error(SyntaxMessage.unexpected(token.displayName, expected: "the end of the document", token.range), token)
                skipToDocumentBoundary()
                needsMarker = true
            }
        }
        return (documents, DiagnosticSink.merged(scanner.problems, problems))
    }

    // MARK: - Errors and recovery

    private mutating func error(_ diagnostic: Diagnostic, _ token: Token) {
        if scanner.recovery.aborted && token.kind == .streamEnd { return }
        if token.start.line == lastErrorLine || scanner.hasError(onLine: token.start.line + 1) { return }
        lastErrorLine = token.start.line
        problems.keep(diagnostic)
    }

    private func skipToDocumentBoundary() {
        while true {
            let kind = scanner.peekKind()
            if kind == .documentStart || kind == .documentEnd || kind == .streamEnd { return }
            scanner.skip()
        }
    }

    /// Reports the next token, which cannot stand where it is in a block collection (where
    /// `expected` belongs), and steps over it, or over the whole node it starts, so that
    /// the collection goes on and the problems further down are still found. Always
    /// consumes at least one token.
    private mutating func skipUnexpected(expected: String, depth: Int) {
        let token = scanner.peek()
        error(unexpectedInBlock(token, expected: expected), token)
        switch token.kind {
        case .blockEntry:
            // A run of `- ` entries where mapping keys belong.
            _ = parseIndentlessSequence(depth: depth + 1)
        case .key:
            // A run of `key: value` entries where sequence entries belong.
            _ = parseBlockMappingEntries(start: token.start, depth: depth + 1, inSequence: true)
        case .scalar:
            // A key without its `:` (reported): a block indented under it is its value.
            scanner.skip()
            let next = scanner.peekKind()
            if next == .blockMappingStart || next == .blockSequenceStart {
                _ = parseNode(block: true, indentlessSequence: false, depth: depth)
            }
        case .blockMappingStart, .blockSequenceStart, .flowSequenceStart, .flowMappingStart:
            _ = parseNode(block: true, indentlessSequence: false, depth: depth)
        default:
            scanner.skip()
        }
    }

    /// After an unexpected token in a flow collection: skips to the token that closes the
    /// collection, stepping over nested ones, and consumes it. Nil when the collection
    /// does not close.
    private func skipToFlowEnd(closer: Token.Kind) -> Token? {
        var depth = 0
        while true {
            let token = scanner.peek()
            switch token.kind {
            case .flowSequenceStart, .flowMappingStart:
                depth += 1
            case .flowSequenceEnd, .flowMappingEnd:
                if depth == 0 { return token.kind == closer ? scanner.next() : nil }
                depth -= 1
            case .streamEnd, .documentStart, .documentEnd, .blockEnd:
                return nil
            default:
                break
            }
            scanner.skip()
        }
    }

    private func emptyScalar(at mark: Mark) -> Node {
        .scalar(ScalarNode(text: "", style: .plain, range: SourceRange(at: mark.position)))
    }

    // MARK: - Nodes

    private mutating func parseNode(block: Bool, indentlessSequence: Bool, depth: Int) -> Node {
        if depth > scanner.maxDepth * 2 {
            let token = scanner.peek()
            error(SyntaxMessage.tooDeep(scanner.maxDepth, token.range), token)
            scanner.abort()
            return emptyScalar(at: token.start)
        }
        if scanner.peekKind() == .scalar {
            return .scalar(scanner.nextScalar())
        }
        let token = scanner.peek()
        switch token.kind {
        case .flowSequenceStart:
            return parseFlowSequence(depth: depth + 1)
        case .flowMappingStart:
            return parseFlowMapping(depth: depth + 1)
        case .blockSequenceStart where block:
            return parseBlockSequence(depth: depth + 1)
        case .blockMappingStart where block:
            return parseBlockMapping(depth: depth + 1)
        case .blockEntry where indentlessSequence:
            return parseIndentlessSequence(depth: depth + 1)
        case .blockEntry where !block:
            error(
                SyntaxMessage.unexpected(
                    "`-`", expected: "a value (quote `\"-\"` if it is text; `- ` entries cannot appear inside `[...]` or `{...}`)",
                    token.range), token)
            scanner.skip()
            return emptyScalar(at: token.start)
        default:
            error(SyntaxMessage.unexpected(token.displayName, expected: "a value", token.range), token)
            if block && [.flowSequenceEnd, .flowMappingEnd, .flowEntry].contains(token.kind) {
                // Stray punctuation where a block value starts: step over it, and read the
                // value after it, if there is one, so that it brings no second error.
                scanner.skip()
                switch scanner.peekKind() {
                case .scalar, .flowSequenceStart, .flowMappingStart, .blockMappingStart, .blockSequenceStart:
                    return parseNode(block: true, indentlessSequence: indentlessSequence, depth: depth)
                default:
                    break
                }
            }
            return emptyScalar(at: token.start)
        }
    }

    private mutating func parseBlockSequence(depth: Int) -> Node {
        let start = scanner.nextStart()
        let base = items.count
        var end = start
        while true {
            let kind = scanner.peekKind()
            if kind == .blockEntry {
                let entryEnd = scanner.nextEnd()
                let next = scanner.peekKind()
                let item =
                    next == .blockEntry || next == .blockEnd || next == .streamEnd
                    ? emptyScalar(at: entryEnd)
                    : parseNode(block: true, indentlessSequence: false, depth: depth)
                end = mark(of: item.range.end)
                items.append(item)
            } else if kind == .blockEnd {
                scanner.skip()
                break
            } else if kind == .streamEnd || kind == .documentStart || kind == .documentEnd {
                break
            } else {
                skipUnexpected(expected: "a sequence entry (`- `)", depth: depth)
            }
        }
        return .sequence(
            SequenceNode(
                items: items.popArray(from: base), style: .block, range: SourceRange(start: start.position, end: end.position)))
    }

    private mutating func parseIndentlessSequence(depth: Int) -> Node {
        let start = scanner.peekStart()
        let base = items.count
        var end = start
        while scanner.peekKind() == .blockEntry {
            let entryEnd = scanner.nextEnd()
            let next = scanner.peekKind()
            let item =
                next == .blockEntry || next == .key || next == .value || next == .blockEnd || next == .streamEnd
                ? emptyScalar(at: entryEnd)
                : parseNode(block: true, indentlessSequence: false, depth: depth)
            end = mark(of: item.range.end)
            items.append(item)
        }
        return .sequence(
            SequenceNode(
                items: items.popArray(from: base), style: .block, range: SourceRange(start: start.position, end: end.position)))
    }

    private mutating func parseBlockMapping(depth: Int) -> Node {
        let start = scanner.nextStart()
        return parseBlockMappingEntries(start: start, depth: depth, inSequence: false)
    }

    /// The entries of a block mapping, up to and including the block end that closes it.
    /// With `inSequence`, entries that strayed into a block sequence: they end before the
    /// sequence's next entry or its block end.
    private mutating func parseBlockMappingEntries(start: Mark, depth: Int, inSequence: Bool) -> Node {
        var keys = KeySet(base: entries.count)
        var end = start
        while true {
            let kind = scanner.peekKind()
            if kind == .key {
                scanner.skip()
                let key: ScalarNode
                if scanner.peekKind() == .scalar {
                    key = scanner.nextScalar()
                } else {
                    key = complexKey(scanner.peek(), block: true, depth: depth)
                }
                let value: Node
                if scanner.peekKind() == .value {
                    let colonEnd = scanner.nextEnd()
                    let next = scanner.peekKind()
                    if next == .key || next == .value || next == .blockEnd || next == .streamEnd {
                        value = emptyScalar(at: colonEnd)
                    } else {
                        value = parseNode(block: true, indentlessSequence: true, depth: depth)
                    }
                } else {
                    value = emptyScalar(at: mark(of: key.range.end))
                }
                end = mark(of: value.range.end)
                add(MappingEntry(key: key, value: value), keys: &keys)
            } else if kind == .value {
                // `: value` with no key: the scanner has reported it.
                scanner.skip()
                let next = scanner.peekKind()
                if next != .key && next != .value && next != .blockEnd && next != .streamEnd {
                    _ = parseNode(block: true, indentlessSequence: true, depth: depth)
                }
            } else if kind == .blockEnd {
                if !inSequence { scanner.skip() }
                break
            } else if kind == .streamEnd || kind == .documentStart || kind == .documentEnd
                || (inSequence && kind == .blockEntry)
            {
                break
            } else {
                skipUnexpected(expected: "a mapping key", depth: depth)
            }
        }
        return .mapping(
            MappingNode(
                entries: popEntries(keys), style: .block, range: SourceRange(start: start.position, end: end.position)))
    }

    private mutating func parseFlowSequence(depth: Int) -> Node {
        let open = scanner.next()
        openFlows.append(.flowSequenceEnd)
        defer { openFlows.removeLast() }
        let base = items.count
        var needsSeparator = false
        while true {
            // The common cases first, without copying the token.
            switch (scanner.peekKind(), needsSeparator) {
            case (.scalar, false):
                items.append(parseNode(block: false, indentlessSequence: false, depth: depth))
                needsSeparator = true
                continue
            case (.flowEntry, true):
                scanner.skip()
                needsSeparator = false
                continue
            default:
                break
            }
            let token = scanner.peek()
            if token.kind == .flowSequenceEnd { break }
            if isFlowTerminator(token) { return unterminatedFlow(open, items: items.popArray(from: base), sequence: true) }
            if needsSeparator {
                if token.kind == .flowEntry {
                    scanner.skip()
                    needsSeparator = false
                    continue
                }
                error(SyntaxMessage.unexpected(token.displayName, expected: "`,` or `]`", token.range), token)
                let read = items.popArray(from: base)
                guard let close = skipToFlowEnd(closer: .flowSequenceEnd) else {
                    return unterminatedFlow(open, items: read, sequence: true)
                }
                return .sequence(SequenceNode(items: read, style: .flow, range: SourceRange(start: open.start.position, end: close.end.position)))
            }
            if token.kind == .flowEntry {
                error(SyntaxMessage.unexpected("`,`", expected: "an entry before `,`", token.range), token)
                scanner.skip()
                continue
            }
            if token.kind == .key {
                // A single `key: value` pair inside `[...]` is a one-entry mapping.
                scanner.skip()
                let pair = parseFlowPair(depth: depth, closer: .flowSequenceEnd)
                let range = SourceRange(start: pair.key.range.start, end: pair.value.range.end)
                items.append(.mapping(MappingNode(entries: [pair], style: .flow, range: range)))
            } else {
                items.append(parseNode(block: false, indentlessSequence: false, depth: depth))
            }
            needsSeparator = true
        }
        let close = scanner.next()
        return .sequence(
            SequenceNode(
                items: items.popArray(from: base), style: .flow, range: SourceRange(start: open.start.position, end: close.end.position)))
    }

    private mutating func parseFlowPair(depth: Int, closer: Token.Kind) -> MappingEntry {
        let keyToken = scanner.peekKind() == .scalar ? scanner.next() : scanner.peek()
        let key: ScalarNode
        if keyToken.kind == .scalar {
            key = ScalarNode(text: keyToken.text, style: keyToken.style, range: keyToken.range)
        } else if keyToken.kind == .value {
            key = ScalarNode(text: "", style: .plain, range: SourceRange(at: keyToken.start.position))
            error(SyntaxMessage.unsupported("empty mapping keys", keyToken.range, hint: "write a key before `:`"), keyToken)
        } else {
            key = complexKey(keyToken, block: false, depth: depth)
        }
        return parseFlowPairValue(key: key, depth: depth, closer: closer)
    }

    private mutating func parseFlowPairValue(key: ScalarNode, depth: Int, closer: Token.Kind) -> MappingEntry {
        var value = emptyScalar(at: mark(of: key.range.end))
        if scanner.peekKind() == .value {
            let colonEnd = scanner.nextEnd()
            let next = scanner.peek()
            if next.kind == .flowEntry || next.kind == closer {
                value = emptyScalar(at: colonEnd)
            } else if !isFlowTerminator(next) {
                value = parseNode(block: false, indentlessSequence: false, depth: depth)
            }
        }
        return MappingEntry(key: key, value: value)
    }

    private mutating func parseFlowMapping(depth: Int) -> Node {
        let open = scanner.next()
        openFlows.append(.flowMappingEnd)
        defer { openFlows.removeLast() }
        var keys = KeySet(base: entries.count)
        var needsSeparator = false
        while true {
            let token = scanner.peek()
            if token.kind == .flowMappingEnd { break }
            if isFlowTerminator(token) {
                dropEntries(keys)
                return unterminatedFlow(open, items: [], sequence: false)
            }
            if needsSeparator {
                if token.kind == .flowEntry {
                    scanner.skip()
                    needsSeparator = false
                    continue
                }
                error(SyntaxMessage.unexpected(token.displayName, expected: "`,` or `}`", token.range), token)
                guard let close = skipToFlowEnd(closer: .flowMappingEnd) else {
                    dropEntries(keys)
                    return unterminatedFlow(open, items: [], sequence: false)
                }
                return .mapping(
                    MappingNode(
                        entries: popEntries(keys), style: .flow, range: SourceRange(start: open.start.position, end: close.end.position)))
            }
            if token.kind == .flowEntry {
                error(SyntaxMessage.unexpected("`,`", expected: "an entry before `,`", token.range), token)
                scanner.skip()
                continue
            }
            let pair: MappingEntry
            if token.kind == .key {
                scanner.skip()
                pair = parseFlowPair(depth: depth, closer: .flowMappingEnd)
            } else if token.kind == .scalar {
                // `{a, b: c}`: a key with no `:` has an empty value.
                scanner.skip()
                let key = ScalarNode(text: token.text, style: token.style, range: token.range)
                pair = parseFlowPairValue(key: key, depth: depth, closer: .flowMappingEnd)
            } else if token.kind == .value {
                pair = parseFlowPair(depth: depth, closer: .flowMappingEnd)
            } else {
                let key = complexKey(token, block: false, depth: depth)
                pair = parseFlowPairValue(key: key, depth: depth, closer: .flowMappingEnd)
            }
            add(pair, keys: &keys)
            needsSeparator = true
        }
        let close = scanner.next()
        return .mapping(
            MappingNode(
                entries: popEntries(keys), style: .flow, range: SourceRange(start: open.start.position, end: close.end.position)))
    }

    private func isFlowTerminator(_ token: Token) -> Bool {
        switch token.kind {
        case .streamEnd, .documentStart, .documentEnd, .blockEnd, .flowSequenceEnd, .flowMappingEnd:
            true
        default:
            false
        }
    }

    /// Reports a flow collection that ran into the end of the file, a document marker, or
    /// the wrong closing bracket, and returns what was read of it.
    private mutating func unterminatedFlow(_ open: Token, items: [Node], sequence: Bool) -> Node {
        let token = scanner.peek()
        let wrongCloser = token.kind == (sequence ? .flowMappingEnd : .flowSequenceEnd)
        // Collections left open at one place are one problem: the innermost is reported.
        if !(scanner.recovery.aborted && token.kind == .streamEnd) && (wrongCloser || token.start.offset != unterminatedAt) {
            problems.keep(SyntaxMessage.unterminatedFlow(sequence, open.range))
        }
        unterminatedAt = token.start.offset
        // A closer that belongs to an enclosing collection is left for it.
        if wrongCloser && !openFlows.dropLast().contains(token.kind) { scanner.skip() }
        let range = SourceRange(start: open.start.position, end: token.start.position)
        return sequence
            ? .sequence(SequenceNode(items: items, style: .flow, range: range))
            : .mapping(MappingNode(entries: [], style: .flow, range: range))
    }

    /// A key that is not a scalar: reported, parsed past, and replaced by an empty key.
    private mutating func complexKey(_ token: Token, block: Bool, depth: Int) -> ScalarNode {
        if token.kind == .flowSequenceStart || token.kind == .flowMappingStart || token.kind == .blockMappingStart
            || token.kind == .blockSequenceStart
        {
            let node = parseNode(block: block, indentlessSequence: false, depth: depth)
            error(
                SyntaxMessage.unsupported(
                    "complex keys (a \(node.kindName) used as a key)", node.range,
                    hint: "keys must be plain or quoted text"), token)
            return ScalarNode(text: "", style: .plain, range: node.range)
        }
        return ScalarNode(text: "", style: .plain, range: SourceRange(at: token.start.position))
    }

    /// `entry` is consumed: it moves onto the stack instead of being copied there, which
    /// would retain (and later release) its key's text and its value.
    private mutating func add(_ entry: consuming MappingEntry, keys: inout KeySet) {
        let key = entry.key
        // Whatever is canonically equal to `<<` starts with its byte: a cheap test first.
        if key.style == .plain && key.text.utf8.first == UInt8(ascii: "<") && key.text == "<<" {
            error(
                SyntaxMessage.unsupported(
                    "merge keys (`<<`)", key.range, hint: "write the entries out in full"),
                Token(kind: .scalar, start: mark(of: key.range.start), end: mark(of: key.range.end)))
            keyLengths.append(KeySet.notAKey)
        } else {
            let length = KeySet.asciiLength(key.text)
            if let first = keys.insert(key, asciiLength: length, entries: entries, keyLengths: keyLengths) {
                problems.keep(SyntaxMessage.duplicateKey(key.text, key.range, first: first))
            }
            keyLengths.append(length)
        }
        entries.append(entry)
    }

    /// The entries of the mapping that `keys` belongs to, off the stack.
    private func popEntries(_ keys: KeySet) -> [MappingEntry] {
        keyLengths.removeAll(from: keys.base)
        return entries.popArray(from: keys.base)
    }

    /// Drops the entries of a mapping that is not kept.
    private func dropEntries(_ keys: KeySet) {
        keyLengths.removeAll(from: keys.base)
        entries.removeAll(from: keys.base)
    }

    private func unexpectedInBlock(_ token: Token, expected: String) -> Diagnostic {
        // A block that starts inside another block collection, where an entry belongs,
        // starts on a line indented more than the entries before it.
        let deeper = " indented more than the entries before it"
        let hint = "line it up with the entries above it, or put it under a key of its own"
        switch token.kind {
        case .blockMappingStart:
            return SyntaxMessage.unexpected("a mapping key" + deeper, expected: expected, token.range, hint: hint)
        case .blockSequenceStart:
            return SyntaxMessage.unexpected("a sequence entry (`- `)" + deeper, expected: expected, token.range, hint: hint)
        default:
            return SyntaxMessage.unexpected(token.displayName, expected: expected, token.range)
        }
    }

    private func mark(of position: SourcePosition) -> Mark {
        Mark(offset: position.offset, line: position.line - 1, column: position.column - 1)
    }
}
