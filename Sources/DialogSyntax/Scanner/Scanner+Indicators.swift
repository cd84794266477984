// The tokens of indicators: the stream's end, document markers, flow brackets and
// entries, block entries and values.

extension Scanner {
    func fetchStreamEnd() {
        unwindIndent(-1)
        removePossibleSimpleKey()
        if flowLevel > 0 {
            // The parser reports the unterminated collection; keys inside it are moot.
            for i in possibleSimpleKeys.indices { possibleSimpleKeys[i] = nil }
        }
        allowSimpleKey = false
        let m = mark
        append(.streamEnd, m, m)
        done = true
    }

    func isDocumentMarker(_ c: UInt8) -> Bool {
        column == 0 && byte() == c && byte(1) == c && byte(2) == c && isBlankOrEnd(byte(3))
    }

    func fetchDocumentIndicator(_ kind: Token.Kind) {
        unwindIndent(-1)
        removePossibleSimpleKey()
        if flowLevel > 0 {
            // A document marker ends any flow collection left open; the parser reports it.
            flowLevel = 0
            flowStack.removeAll()
            recovery.quoteCutShortInFlow = false
            possibleSimpleKeys = [nil]
        }
        allowSimpleKey = false
        let start = mark
        forward(3)
        append(kind, start, mark)
        tokenIsFirstOnLine = false
    }

    func fetchFlowCollectionStart(_ kind: Token.Kind) {
        if tooDeep() { return }
        savePossibleSimpleKey()
        flowLevel += 1
        possibleSimpleKeys.append(nil)
        allowSimpleKey = true
        let start = mark
        flowStack.append((kind == .flowSequenceStart ? .flowSequenceEnd : .flowMappingEnd, start))
        forward()
        append(kind, start, mark)
        tokenIsFirstOnLine = false
    }

    func fetchFlowCollectionEnd(_ kind: Token.Kind) {
        if flowLevel > 0 {
            removePossibleSimpleKey()
            flowLevel -= 1
            possibleSimpleKeys.removeLast()
            flowStack.removeLast()
            if flowLevel == 0 { recovery.quoteCutShortInFlow = false }
        }
        allowSimpleKey = false
        let start = mark
        forward()
        append(kind, start, mark)
        lastTokenWasJSONLike = true
        tokenIsFirstOnLine = false
    }

    func fetchFlowEntry() {
        allowSimpleKey = true
        removePossibleSimpleKey()
        let start = mark
        forward()
        append(.flowEntry, start, mark)
        tokenIsFirstOnLine = false
    }

    func fetchBlockEntry() {
        let start = mark
        if flowLevel == 0 {
            if let tab = tokenIsFirstOnLine ? leadingTab : tabBeforeToken {
                // Whether at the start of a line or after another `-`, a tab before `-`
                // would take part in the indentation of the sequence.
                reportTab(tab)
            }
            if !allowSimpleKey {
                report(SyntaxMessage.sequenceEntryNotAllowed(SourceRange(at: start.position)))
            }
            if tooDeep() { return }
            // After a tab reported above, the line's spaces alone give the indentation,
            // as they do for a key.
            if addIndent(tokenIsFirstOnLine ? lineIndent : column) { append(.blockSequenceStart, start, start) }
        }
        // In flow context `- ` is an error; the parser reports it where it stands.
        allowSimpleKey = true
        removePossibleSimpleKey()
        forward()
        append(.blockEntry, start, mark)
        tokenIsFirstOnLine = false
    }

    func fetchValue() {
        let start = mark
        if let key = possibleSimpleKeys[flowLevel] {
            possibleSimpleKeys[flowLevel] = nil
            if start.column - key.mark.column > 1024 {  // characters, on the key's line
                report(SyntaxMessage.implicitKeyTooLong(SourceRange(at: key.mark.position)))
            }
            let index = head + key.tokenNumber - tokensTaken
            insertToken(.key, key.mark, at: index)
            if flowLevel == 0 {
                if let tab = key.tabBefore { reportTab(tab) }
                // As deep as `tooDeep` allows sequences and flow collections to go.
                if indents.count >= maxDepth, indent < key.mark.column {
                    report(SyntaxMessage.tooDeep(maxDepth, SourceRange(at: key.mark.position)))
                    return abort()
                }
                if addIndent(key.mark.column) {
                    insertToken(.blockMappingStart, key.mark, at: index)
                }
            }
            allowSimpleKey = false
        } else {
            if flowLevel == 0 {
                if explicitKeyColumn == column && tokenIsFirstOnLine {
                    // The value of an explicit key reported above.
                    explicitKeyColumn = nil
                } else if !allowSimpleKey {
                    // A `:` inside a value: reported, and left for the parser to step over.
                    // A block opened at its column would make every later line that is
                    // less indented than the colon look under-indented.
                    report(SyntaxMessage.mappingValueNotAllowed(SourceRange(at: start.position)))
                    allowSimpleKey = true
                    forward()
                    append(.value, start, mark)
                    tokenIsFirstOnLine = false
                    return
                } else {
                    report(
                        SyntaxMessage.unsupported(
                            "empty mapping keys", SourceRange(at: start.position),
                            hint: "write a key before `:`"))
                }
                if tooDeep() { return }
                if addIndent(column) { append(.blockMappingStart, start, start) }
            }
            allowSimpleKey = flowLevel == 0
            removePossibleSimpleKey()
        }
        forward()
        append(.value, start, mark)
        tokenIsFirstOnLine = false
    }
}
