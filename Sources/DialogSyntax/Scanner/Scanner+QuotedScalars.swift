// Single- and double-quoted scalars: escapes, line folding, and a quote never closed.

extension Scanner {
    /// Scans a single- or double-quoted scalar, with escapes and line folding.
    func scanFlowScalar(double: Bool) -> Token {
        let start = mark
        quoteStart = start.offset
        defer { quoteStart = nil }
        let quote: UInt8 = double ? .doubleQuote : .singleQuote
        forward()
        // The common case: the closing quote on the same line, with no escape or `''`
        // before it. The text is then the bytes between the quotes, blanks included, and
        // becomes a String without a byte array of its own.
        var close = pos
        while close < count {
            let c = buffer[close]
            if c == quote || c == .backslash || c == .lf || c == .cr { break }
            close += 1
        }
        if close < count && buffer[close] == quote && (double || close + 1 >= count || buffer[close + 1] != .singleQuote) {
            let value = text(pos, close)
            forward(close - pos + 1)
            return Token(kind: .scalar, start: start, end: mark, text: value, style: double ? .doubleQuoted : .singleQuoted)
        }
        var out: [UInt8] = []
        while true {
            // A run of ordinary characters.
            let runStart = pos
            while true {
                let c = byte()
                if c == quote || c == .backslash || isBlank(c) || c == .lf || c == .cr || atEnd { break }
                forward()
            }
            out.append(contentsOf: UnsafeBufferPointer(start: buffer + runStart, count: pos - runStart))
            if atEnd {
                report(SyntaxMessage.unterminatedQuote(double, SourceRange(at: start.position)))
                abort()
                return Token(kind: .scalar, start: start, end: mark, text: "", style: double ? .doubleQuoted : .singleQuoted)
            }
            let c = byte()
            if c == quote {
                if !double && byte(1) == .singleQuote {
                    out.append(.singleQuote)
                    forward(2)
                    continue
                }
                forward()
                break
            }
            if c == .backslash {
                if !double { out.append(c); forward(); continue }
                scanEscape(into: &out)
                if recovery.quoteCutShort { break }
                continue
            }
            // Whitespace: kept when the line goes on, folded when it breaks.
            let spacesStart = pos
            while byte() == .space || byte() == .tab { forward() }
            if byte() == .lf || byte() == .cr {
                let breaks = scanQuotedBreaks(double: double)
                if breaks < 0 {
                    return Token(kind: .scalar, start: start, end: mark, text: "", style: double ? .doubleQuoted : .singleQuoted)
                }
                if recovery.quoteCutShort { break }
                if breaks == 1 {
                    out.append(.space)
                } else {
                    out.append(contentsOf: repeatElement(UInt8.lf, count: breaks - 1))
                }
            } else {
                out.append(contentsOf: UnsafeBufferPointer(start: buffer + spacesStart, count: pos - spacesStart))
            }
        }
        if recovery.quoteCutShort {
            report(SyntaxMessage.unterminatedQuote(double, SourceRange(at: start.position)))
        }
        return Token(
            kind: .scalar, start: start, end: mark, text: String(decoding: out, as: UTF8.self),
            style: double ? .doubleQuoted : .singleQuoted)
    }

    /// Whether the rest of the line holds `: ` (or a `:` that ends it) before any comment.
    func lineHasMappingValue() -> Bool {
        var k = 0
        while pos + k < count {
            let c = byte(k)
            if c == .lf || c == .cr || (c == .hash && k > 0 && isBlank(byte(k - 1))) { return false }
            if c == .colon && isBlankOrEnd(byte(k + 1)) { return true }
            k += 1
        }
        return false
    }

    /// Whether the line from the reader on reads as a block entry, `- ` or `key:` before
    /// any quote: a sign that a quoted scalar that runs into it was never closed.
    func looksLikeBlockEntry() -> Bool {
        if byte() == .dash && isBlankOrEnd(byte(1)) { return true }
        var k = 0
        while pos + k < count {
            let c = byte(k)
            if c == .lf || c == .cr || c == .doubleQuote || c == .singleQuote || c == .hash { return false }
            if c == .colon && isBlankOrEnd(byte(k + 1)) { return true }
            k += 1
        }
        return false
    }

    /// Consumes the line breaks and indentation inside a quoted scalar; returns how many
    /// breaks there were, or -1 after an error that ended the stream.
    func scanQuotedBreaks(double: Bool) -> Int {
        var breaks = 0
        while skipLineBreak() {
            breaks += 1
            if isDocumentMarker(.dash) || isDocumentMarker(.dot) {
                report(SyntaxMessage.documentMarkerInScalar(SourceRange(at: mark.position)))
                abort()
                return -1
            }
            let lineStart = mark
            while byte() == .space { forward() }
            let spaces = column
            while byte() == .space || byte() == .tab { forward() }
            if byte() != .lf && byte() != .cr && !atEnd && spaces <= indent {
                if looksLikeBlockEntry() {
                    // A line that reads as the next entry of the block: the quote was
                    // most likely never closed. The scalar ends before this line, which
                    // is scanned again as what it looks like.
                    pos = lineStart.offset
                    line = lineStart.line
                    column = lineStart.column
                    recovery.quoteCutShort = true
                    if flowLevel > 0 {
                        // The collection's problems after this are the quote's.
                        recovery.quoteCutShortInFlow = true
                        recovery.underIndentReportedFor = flowStack.first?.mark.offset ?? -1
                    }
                    return breaks
                }
                reportUnderIndented("a \(double ? "double" : "single")-quoted scalar", from: lineStart)
            }
        }
        return breaks
    }

    func scanEscape(into out: inout [UInt8]) {
        let start = mark
        forward()
        let c = byte()
        func put(_ scalar: UInt32) {
            guard let s = Unicode.Scalar(scalar) else { return }
            out.append(contentsOf: String(Character(s)).utf8)
        }
        switch c {
        case UInt8(ascii: "0"): out.append(0)
        case UInt8(ascii: "a"): out.append(0x07)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"), .tab: out.append(.tab)
        case UInt8(ascii: "n"): out.append(.lf)
        case UInt8(ascii: "v"): out.append(0x0B)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(.cr)
        case UInt8(ascii: "e"): out.append(0x1B)
        case .space, .doubleQuote, .slash, .backslash: out.append(c)
        case UInt8(ascii: "N"): put(0x85)
        case UInt8(ascii: "_"): put(0xA0)
        case UInt8(ascii: "L"): put(0x2028)
        case UInt8(ascii: "P"): put(0x2029)
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = c == UInt8(ascii: "x") ? 2 : c == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for k in 1...digits {
                guard let d = hexValue(byte(k)) else {
                    forward(k)  // the letter and the digits before the bad one
                    report(SyntaxMessage.invalidEscape(text(start.offset + 1, pos), range(from: start)))
                    return
                }
                value = value << 4 | UInt32(d)
            }
            forward(digits + 1)
            if c == UInt8(ascii: "u"), (0xD800...0xDBFF).contains(value), byte() == .backslash,
                byte(1) == UInt8(ascii: "u"), let low = hex4(at: 2), (0xDC00...0xDFFF).contains(low)
            {
                // A surrogate pair, as JSON writes characters beyond U+FFFF.
                forward(6)
                put(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))
            } else if (0xD800...0xDFFF).contains(value) {
                report(SyntaxMessage.surrogateEscape(text(start.offset + 1, pos), range(from: start)))
            } else if Unicode.Scalar(value) == nil {
                report(SyntaxMessage.invalidEscape(text(start.offset + 1, pos), range(from: start)))
            } else {
                put(value)
            }
            return
        case .lf, .cr:
            // An escaped line break: the text goes on without a space.
            let breaks = scanQuotedBreaks(double: true)
            if breaks > 1 { out.append(contentsOf: repeatElement(UInt8.lf, count: breaks - 1)) }
            while byte() == .space || byte() == .tab { forward() }
            return
        default:
            if atEnd { return }
            let escapeStart = pos
            forward()
            // The whole character, when it is not ASCII.
            while !atEnd && byte() & 0xC0 == 0x80 { forward() }
            report(SyntaxMessage.invalidEscape(text(escapeStart, pos), range(from: start)))
            return
        }
        forward()
    }

    /// The value of four hex digits at `byte(k)...`, if they are hex digits.
    func hex4(at k: Int) -> UInt32? {
        var value: UInt32 = 0
        for i in k..<(k + 4) {
            guard let d = hexValue(byte(i)) else { return nil }
            value = value << 4 | UInt32(d)
        }
        return value
    }
}
