// Literal (`|`) and folded (`>`) block scalars with their headers.

extension Scanner {
    /// Scans a literal (`|`) or folded (`>`) block scalar with its header.
    func scanBlockScalar(folded: Bool) -> Token {
        let start = mark
        forward()
        // Header: chomping and indentation indicators, in either order.
        var chomping = 0  // -1 strip, 0 clip, +1 keep
        var increment = 0
        for _ in 0..<2 {
            let c = byte()
            if (c == .plus || c == .dash) && chomping == 0 {
                chomping = c == .plus ? 1 : -1
                forward()
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") && increment == 0 {
                if c == UInt8(ascii: "0") {
                    let m = mark
                    forward()
                    report(SyntaxMessage.blockScalarHeader("the indentation indicator must be 1-9, not 0", range(from: m)))
                } else {
                    increment = Int(c - UInt8(ascii: "0"))
                    forward()
                }
            }
        }
        var sawSpace = false
        while byte() == .space || byte() == .tab { forward(); sawSpace = true }
        if byte() == .hash {
            if !sawSpace { report(SyntaxMessage.commentWithoutSpace(SourceRange(at: mark.position))) }
            while !atEnd && byte() != .lf && byte() != .cr { forward() }
        }
        if !atEnd && byte() != .lf && byte() != .cr {
            let m = mark
            report(SyntaxMessage.blockScalarHeader("unexpected text after a block scalar indicator", range(from: m)))
            while !atEnd && byte() != .lf && byte() != .cr { forward() }
        }
        var end = mark
        skipLineBreak()

        let parentIndent = indent
        let minIndent = parentIndent + 1
        var contentIndent: Int
        var breaks = 0
        if increment > 0 {
            contentIndent = max(parentIndent, 0) + increment
            if parentIndent < 0 { contentIndent = increment - 1 }
            contentIndent = max(contentIndent, minIndent)
        } else {
            // Detect the indentation from the first non-empty line.
            var maxBlankIndent = 0
            var blankIndentRange = SourceRange(at: mark.position)
            contentIndent = 0
            while true {
                let lineStart = mark
                while byte() == .space { forward() }
                if byte() == .lf || byte() == .cr {
                    if column > maxBlankIndent { maxBlankIndent = column; blankIndentRange = range(from: lineStart) }
                    skipLineBreak()
                    breaks += 1
                    end = mark
                    continue
                }
                if atEnd {
                    if column > maxBlankIndent { maxBlankIndent = column }
                } else if byte() == .tab && column < minIndent {
                    reportTab(mark)
                }
                break
            }
            contentIndent = max(minIndent, atEnd ? max(maxBlankIndent, column) : column, 0)
            if maxBlankIndent > contentIndent && !atEnd {
                report(SyntaxMessage.blockScalarIndentation(blankIndentRange))
            }
            // Put the reader back at the start of the current line's indentation: a line
            // after the header's, never the header's own (the file may end right after it).
            if line > start.line && (!atEnd || column > 0) { rewindToLineStart() }
        }

        var out: [UInt8] = []
        var trailingBreaks = 0
        var lastLineMoreIndented = false
        var first = true
        if increment > 0 { breaks = 0 }
        // Lines: `breaks` counts the line breaks not yet written since the last content.
        while true {
            while column < contentIndent && byte() == .space { forward() }
            var tabIndented = false
            if column < contentIndent && byte() == .tab && isTabIndentedText() {
                // A tab where the indentation should be: reported, and read as
                // indentation so that the line stays in the scalar.
                reportTab(mark)
                while isBlank(byte()) { forward() }
                tabIndented = true
            }
            if byte() == .lf || byte() == .cr {
                skipLineBreak()
                breaks += 1
                end = mark
                continue
            }
            if atEnd {
                // A last line of spaces with no line break still ends a line.
                if column > 0 && line > start.line { breaks += 1 }
                break
            }
            if column < contentIndent && !tabIndented { break }
            if column == 0 && (isDocumentMarker(.dash) || isDocumentMarker(.dot)) { break }
            // A content line.
            let moreIndented = byte() == .space || byte() == .tab
            if first {
                out.append(contentsOf: repeatElement(UInt8.lf, count: breaks))
            } else if folded && !moreIndented && !lastLineMoreIndented && breaks > 0 {
                if breaks == 1 { out.append(.space) } else { out.append(contentsOf: repeatElement(UInt8.lf, count: breaks - 1)) }
            } else {
                out.append(contentsOf: repeatElement(UInt8.lf, count: breaks))
            }
            first = false
            let lineStart = pos
            var onlySpaces = true
            while !atEnd && byte() != .lf && byte() != .cr {
                if !isBlank(byte()) { onlySpaces = false }
                forward()
            }
            out.append(contentsOf: UnsafeBufferPointer(start: buffer + lineStart, count: pos - lineStart))
            end = mark
            lastLineMoreIndented = moreIndented
            breaks = 0
            if skipLineBreak() {
                breaks = 1
                end = mark
            } else {
                // A last line of spaces with no line break still ends a line.
                if onlySpaces { breaks = 1 }
                break
            }
        }
        trailingBreaks = breaks
        if first {
            // No content: only trailing line breaks.
            if chomping == 1 { out.append(contentsOf: repeatElement(UInt8.lf, count: trailingBreaks)) }
        } else if chomping == 0 {
            if trailingBreaks > 0 { out.append(.lf) }
        } else if chomping == 1 {
            out.append(contentsOf: repeatElement(UInt8.lf, count: trailingBreaks))
        }
        // The reader now stands at the first character of the next line's content.
        tokenIsFirstOnLine = true
        lineIndent = column
        return Token(
            kind: .scalar, start: start, end: end, text: String(decoding: out, as: UTF8.self),
            style: folded ? .folded : .literal)
    }

    /// Whether a tab starts text on its line, not a blank line or a comment.
    func isTabIndentedText() -> Bool {
        var k = 0
        while isBlank(byte(k)) { k += 1 }
        let c = byte(k)
        return pos + k < count && c != .lf && c != .cr && c != .hash
    }

    func rewindToLineStart() {
        while column > 0 {
            pos -= 1
            if buffer[pos] & 0xC0 != 0x80 { column -= 1 }
        }
        while pos > 0 && buffer[pos - 1] & 0xC0 == 0x80 { pos -= 1 }
    }
}
