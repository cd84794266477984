// The token queue: which token comes next, skipping blanks and comments to it, and the
// flow collections' bookkeeping.

extension Scanner {
    func needMoreTokens() -> Bool {
        if done { return false }
        if head == tokens.count { return true }
        staleSimpleKeys()
        return nextPossibleSimpleKey() == tokensTaken
    }

    func nextPossibleSimpleKey() -> Int? {
        var least: Int?
        for case let key? in possibleSimpleKeys where least.map({ key.tokenNumber < $0 }) ?? true {
            least = key.tokenNumber
        }
        return least
    }

    func append(_ kind: Token.Kind, _ start: Mark, _ end: Mark) {
        tokens.append(Token(kind: kind, start: start, end: end))
    }

    /// Inserts a token the queue is waiting for (a key, or a block mapping's start).
    /// `Array.insert` goes through the generic `replaceSubrange`, whose unspecialized
    /// value witnesses cost a few hundred instructions per token, and swapping would copy
    /// (retain and release) each token it passes. Instead the token is appended and the
    /// tokens after `index` (those of the key's line, usually one) are moved up bitwise.
    func insertToken(_ kind: Token.Kind, _ mark: Mark, at index: Int) {
        tokens.append(Token(kind: kind, start: mark, end: mark))
        tokens.withUnsafeMutableBufferPointer { queue in
            let last = queue.count - 1
            guard let base = queue.baseAddress, index >= 0, index < last else { return }
            let inserted = (base + last).move()
            (base + index + 1).moveInitialize(from: base + index, count: last - index)
            (base + index).initialize(to: inserted)
        }
    }

    func fetchMoreTokens() {
        if !streamStarted {
            streamStarted = true
            let m = mark
            append(.streamStart, m, m)
            if byte() == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF {
                pos = 3  // The byte-order mark takes no column.
            }
            return
        }
        scanToNextToken()
        staleSimpleKeys()
        if flowLevel == 0 && line != recovery.joinedLine {
            if tokenIsFirstOnLine, let tab = leadingTab, lineIndent < indent {
                // A tab that stands in for the indentation of a line in a nested block:
                // reported, and the line is read as part of that block, so that the lines
                // after it keep their place.
                reportTab(tab)
                recovery.joinedLine = line
            } else {
                // In block context the indentation is the spaces before the first token of
                // a line; a tab after them separates but does not indent.
                let column = tokenIsFirstOnLine ? lineIndent : self.column
                // A document marker closes every block, whatever their indentation.
                let marker = isDocumentMarker(.dash) || isDocumentMarker(.dot)
                unwindIndent(column, checkConsistency: tokenIsFirstOnLine && !marker)
            }
        }
        let jsonLike = lastTokenWasJSONLike
        lastTokenWasJSONLike = false
        let c = byte()
        if atEnd { return fetchStreamEnd() }
        if column == 0 {
            if c == .percent { return skipDirective() }
            if c == .dash && isDocumentMarker(.dash) { return fetchDocumentIndicator(.documentStart) }
            if c == .dot && isDocumentMarker(.dot) { return fetchDocumentIndicator(.documentEnd) }
        }
        switch c {
        case .lbracket: return fetchFlowCollectionStart(.flowSequenceStart)
        case .lbrace: return fetchFlowCollectionStart(.flowMappingStart)
        case .rbracket: return fetchFlowCollectionEnd(.flowSequenceEnd)
        case .rbrace: return fetchFlowCollectionEnd(.flowMappingEnd)
        case .comma: return fetchFlowEntry()
        default: break
        }
        if c == .dash && isBlankOrEnd(byte(1)) { return fetchBlockEntry() }
        if c == .question && isBlankOrEnd(byte(1)) { return skipExplicitKey() }
        if c == .colon && (isBlankOrEnd(byte(1)) || (flowLevel > 0 && (isFlowIndicator(byte(1)) || jsonLike))) {
            return fetchValue()
        }
        switch c {
        case .star: return fetchAlias()
        case .ampersand: return skipProperty(anchor: true)
        case .exclamation: return skipProperty(anchor: false)
        case .pipe, .greater:
            if flowLevel == 0 { return fetchBlockScalar(folded: c == .greater) }
        case .singleQuote: return fetchFlowScalar(double: false)
        case .doubleQuote: return fetchFlowScalar(double: true)
        default: break
        }
        if canStartPlain() { return fetchPlain() }
        // Anything else cannot start a token: report it and skip the character.
        let start = mark
        let what: String =
            switch c {
            case .at: "`@` is reserved and"
            case .backtick: "a backtick is reserved and"
            case .pipe, .greater: "a block scalar indicator inside a flow collection"
            case .tab: "a tab"
            default: "`\(Character(Unicode.Scalar(c)))`"
            }
        forward()
        report(SyntaxMessage.cannotStartToken(what, range(from: start)))
        if c == .tab { return }
        abort()
    }

    /// Skips spaces, tabs, comments and line breaks up to the next token, and records the
    /// indentation of the line it lands on.
    func scanToNextToken() {
        tabBeforeToken = nil
        while true {
            let skipStart = pos
            var tab: Mark?
            while byte() == .space || byte() == .tab {
                if byte() == .tab {
                    // In block context a tab at the start of a line is only separation
                    // if the line turns out to be blank or a comment, or if it follows
                    // the indentation; which of these, the token decides.
                    if tab == nil {
                        tab = mark
                        if tokenIsFirstOnLine { lineIndent = column }
                    }
                    if tabBeforeToken == nil { tabBeforeToken = mark }
                }
                // A space or tab is one byte and one column: no need for `forward`'s
                // test for UTF-8 continuation bytes.
                pos += 1
                column += 1
            }
            // A plain scalar that ends at a line break has already read the next line's
            // indentation; with nothing skipped here, what it recorded stands.
            if tokenIsFirstOnLine && pos != skipStart {
                if tab == nil { lineIndent = column }
                leadingTab = tab
            }
            if byte() == .hash {
                if pos > 0 && !isBlank(buffer[pos - 1]) && buffer[pos - 1] != .lf && buffer[pos - 1] != .cr {
                    let start = mark
                    report(SyntaxMessage.commentWithoutSpace(SourceRange(at: start.position)))
                }
                // The comment's columns are counted over the run of its bytes at once,
                // without `byte`'s bounds check for each.
                var end = pos
                while end < count && buffer[end] != .lf && buffer[end] != .cr { end += 1 }
                forwardRun(to: end)
            }
            if skipLineBreak() {
                if flowLevel == 0 { allowSimpleKey = true }
                tabBeforeToken = nil
                tokenIsFirstOnLine = true
                lineIndent = 0
                leadingTab = nil
            } else {
                break
            }
        }
        checkFlowContinuation()
    }

    /// In block context, the lines of a flow collection must be indented more than the
    /// block that holds it.
    func checkFlowContinuation() {
        guard flowLevel > 0, tokenIsFirstOnLine, indent >= 0, !atEnd, lineIndent <= indent else { return }
        if flowClosesLater() {
            reportUnderIndented("a flow collection")
        } else {
            closeOpenFlows()
        }
    }

    /// Reports a continuation line that is not indented enough, once per flow collection
    /// (or quoted scalar) in block context: its other lines have the same problem.
    func reportUnderIndented(_ what: String, from start: Mark? = nil) {
        let owner = quoteStart ?? flowStack.first?.mark.offset ?? -1
        guard owner != recovery.underIndentReportedFor else { return }
        recovery.underIndentReportedFor = owner
        report(SyntaxMessage.underIndentedContinuation(what, range(from: start ?? mark)))
    }

    /// Whether the open flow collections close further on. A line at the indentation of
    /// the block around them either continues them, under-indented, or shows that they
    /// were never closed; this look-ahead over brackets, quotes and comments tells which.
    /// It works within a budget proportional to the input, so that many unclosed
    /// collections cannot make scanning quadratic; past it, collections count as unclosed.
    func flowClosesLater() -> Bool {
        if pos < flowClosesAt { return true }
        var depth = flowLevel
        var i = pos
        var previous = UInt8.lf
        func quoteEnd(_ quote: UInt8, from start: Int) -> Int? {
            var j = start + 1
            while j < count {
                if buffer[j] == quote {
                    if quote == .singleQuote && j + 1 < count && buffer[j + 1] == .singleQuote { j += 2; continue }
                    return j
                }
                j += buffer[j] == .backslash && quote == .doubleQuote ? 2 : 1
            }
            return nil
        }
        defer { lookAheadBudget -= i - pos }
        while i < count && i - pos < lookAheadBudget {
            let c = buffer[i]
            let afterBlank = isBlank(previous) || previous == .lf || previous == .cr
            switch c {
            case .lbracket, .lbrace:
                depth += 1
            case .rbracket, .rbrace:
                depth -= 1
                if depth == 0 { flowClosesAt = i; return true }
            case .doubleQuote:
                // Taken as the start of a quoted scalar wherever it stands: a plain
                // scalar with a `"` inside is rare enough in flow collections.
                guard let end = quoteEnd(c, from: i) else { return false }
                i = end
            case .singleQuote where afterBlank || isFlowIndicator(previous) || previous == .colon:
                // An apostrophe inside a word (`it's`) does not open a quote.
                guard let end = quoteEnd(c, from: i) else { return false }
                i = end
            case .hash where afterBlank:
                while i + 1 < count && buffer[i + 1] != .lf && buffer[i + 1] != .cr { i += 1 }
            case .lf, .cr:
                let next = i + 1
                if next + 2 < count, buffer[next] == .dash || buffer[next] == .dot,
                    buffer[next + 1] == buffer[next], buffer[next + 2] == buffer[next],
                    next + 3 >= count || isBlankOrEnd(buffer[next + 3])
                {
                    return false  // a document marker ends them
                }
            default:
                break
            }
            previous = buffer[i]
            i += 1
        }
        return false
    }

    /// Closes the flow collections left open before a line at the block's indentation:
    /// reports the innermost, and hands the parser a closer for each, so that the lines
    /// after it read as the block content they are.
    func closeOpenFlows() {
        guard let innermost = flowStack.last else { return }
        let open = innermost.mark
        if !recovery.quoteCutShortInFlow {
            report(
                SyntaxMessage.unterminatedFlow(
                    innermost.closer == .flowSequenceEnd,
                    range(open, Mark(offset: open.offset + 1, line: open.line, column: open.column + 1))))
        }
        recovery.quoteCutShortInFlow = false
        let m = mark
        for flow in flowStack.reversed() { append(flow.closer, m, m) }
        flowStack.removeAll()
        flowLevel = 0
        possibleSimpleKeys = [nil]
        allowSimpleKey = true
    }
}
