// Where a scalar starts, and plain (unquoted) scalars with their line folding.

extension Scanner {
    func fetchBlockScalar(folded: Bool) {
        allowSimpleKey = true
        removePossibleSimpleKey()
        tokens.append(scanBlockScalar(folded: folded))
        tokenIsFirstOnLine = true
        leadingTab = nil
    }

    func fetchFlowScalar(double: Bool) {
        savePossibleSimpleKey()
        allowSimpleKey = false
        tokens.append(scanFlowScalar(double: double))
        lastTokenWasJSONLike = true
        tokenIsFirstOnLine = false
        if recovery.quoteCutShort {
            // Reported as unterminated; the reader is back at the start of a line, whose
            // content is scanned afresh. The scalar is no key candidate any more.
            recovery.quoteCutShort = false
            possibleSimpleKeys[flowLevel] = nil
            tokenIsFirstOnLine = true
            lineIndent = 0
            leadingTab = nil
            allowSimpleKey = true
        }
    }

    func fetchPlain() {
        savePossibleSimpleKey()
        allowSimpleKey = false
        tokens.append(scanPlain())
    }

    func canStartPlain() -> Bool {
        let c = byte()
        if isBlankOrEnd(c) { return false }
        if c == .dash || c == .question || c == .colon {
            let n = byte(1)
            return !isBlankOrEnd(n) && !(flowLevel > 0 && isFlowIndicator(n))
        }
        return !isIndicator(c)
    }

    /// Scans a plain scalar, folding its lines, and leaves the reader at the next token.
    func scanPlain() -> Token {
        let start = mark
        var end = mark
        let minIndent = indent + 1
        var out: [UInt8] = []
        var single: (Int, Int)?  // The common case: one run of bytes, no copy needed.
        var pendingSpaces: (Int, Int)?  // Spaces between two runs on one line.
        var pendingBreaks = 0  // Line breaks between two runs.
        tokenIsFirstOnLine = false
        while true {
            if byte() == .hash { break }
            let runStart = pos
            while true {
                let c = byte()
                if isBlankOrEnd(c) { break }
                if c == .colon {
                    let n = byte(1)
                    if isBlankOrEnd(n) || (flowLevel > 0 && isFlowIndicator(n)) { break }
                }
                if flowLevel > 0 && isFlowIndicator(c) { break }
                pos += 1
            }
            // The run's columns are counted once it ends, not byte by byte.
            let runEnd = pos
            pos = runStart
            forwardRun(to: runEnd)
            if pos == runStart { break }
            allowSimpleKey = false
            if single == nil && out.isEmpty && pendingBreaks == 0 && pendingSpaces == nil {
                single = (runStart, pos)
            } else {
                if let (a, b) = single { out.append(contentsOf: UnsafeBufferPointer(start: buffer + a, count: b - a)); single = nil }
                if pendingBreaks == 1 {
                    out.append(.space)
                } else if pendingBreaks > 1 {
                    out.append(contentsOf: repeatElement(UInt8.lf, count: pendingBreaks - 1))
                } else if let (a, b) = pendingSpaces {
                    out.append(contentsOf: UnsafeBufferPointer(start: buffer + a, count: b - a))
                }
                out.append(contentsOf: UnsafeBufferPointer(start: buffer + runStart, count: pos - runStart))
            }
            end = mark
            pendingSpaces = nil
            pendingBreaks = 0
            // Whitespace after the run: spaces on this line, or line breaks.
            let spacesStart = pos
            while byte() == .space || byte() == .tab { forward() }
            if byte() == .lf || byte() == .cr {
                var breaks = 0
                var stop = false
                while true {
                    if skipLineBreak() {
                        breaks += 1
                        tokenIsFirstOnLine = true
                        if flowLevel == 0 { allowSimpleKey = true }
                        lineIndent = 0
                        leadingTab = nil
                        if isDocumentMarker(.dash) || isDocumentMarker(.dot) { stop = true; break }
                        var tab: Mark?
                        while byte() == .space || byte() == .tab {
                            if byte() == .tab && tab == nil { tab = mark; lineIndent = column }
                            forward()
                        }
                        if tab == nil { lineIndent = column }
                        leadingTab = tab
                        continue
                    }
                    break
                }
                if stop || atEnd || byte() == .hash { break }
                if flowLevel == 0 && lineIndent < minIndent { break }
                // A line with `key: ` cannot continue a plain scalar (an implicit key spans
                // one line): it is left to be read as the mapping entry it looks like.
                if flowLevel == 0 && lineHasMappingValue() { break }
                if flowLevel > 0 && indent >= 0 && lineIndent <= indent {
                    // Unless the collection never closes: then the line is not part of it.
                    if !flowClosesLater() { break }
                    reportUnderIndented("a plain scalar")
                }
                tokenIsFirstOnLine = false
                pendingBreaks = breaks
            } else {
                if pos == spacesStart || byte() == .hash || atEnd { break }
                pendingSpaces = (spacesStart, pos)
            }
        }
        let value: String
        if let (a, b) = single {
            value = text(a, b)
        } else {
            value = String(decoding: out, as: UTF8.self)
        }
        if flowLevel == 0 && !tokenIsFirstOnLine { leadingTab = nil }
        return Token(kind: .scalar, start: start, end: end, text: value, style: .plain)
    }
}
