/// Text from a dialog file made safe to show on a terminal, in a graph or in a list:
/// control characters, escape sequences (the whole sequence, not only its ESC) and
/// bidirectional overrides are removed, so that no text can move the cursor, change the
/// terminal, or hide or reorder what is around it — the emergency numbers included.
public enum VisibleText {
    /// `text` without control characters; line breaks kept when `keepingLineBreaks`,
    /// else made spaces; a tab is a space.
    public static func stripping(_ text: String, keepingLineBreaks: Bool = true) -> String {
        // Most texts have nothing to strip: return them as they are.
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let s = scalars.next() {
            switch s.value {
            case 0x0A where keepingLineBreaks: out.append(s)
            case 0x09, 0x0A: out.append(" ")
            case 0x1B: skipEscape(&scalars)
            case 0x9B: skipParameters(&scalars)  // CSI as one C1 character
            case 0x9D: skipString(&scalars)  // OSC as one C1 character
            default: if !isUnsafe(s) { out.append(s) }
            }
        }
        return String(out)
    }

    /// Control characters (C0 but the line break, DEL, C1) and the bidirectional
    /// embeddings, overrides and isolates.
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A: false
        case 0..<0x20, 0x7F..<0xA0: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// After ESC: a CSI (`[`) sequence, an OSC (`]`) or other string, or one character.
    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let next = scalars.next() else { return }
        switch next {
        case "[": skipParameters(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        default: break
        }
    }

    /// A CSI sequence's parameters and its final character (`@`…`~`).
    private static func skipParameters(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let s = scalars.next() {
            if (0x40...0x7E).contains(s.value) { return }
        }
    }

    /// A string ended by BEL or ESC `\` (the string terminator).
    private static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let s = scalars.next() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B {
                _ = scalars.next()
                return
            }
        }
    }
}
