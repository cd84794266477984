import DialogSyntax

/// One line of a line-based file (scripted tests, labelled lines), without its line
/// break.
struct FileLine {
    var number: Int
    /// The byte offset of its first byte in the file.
    var offset: Int
    var text: String

    /// The lines of a file, split at `\n` (a `\r` before it is dropped). A line that is
    /// not UTF-8 is left out, and the diagnostic `invalid` makes for where it starts is
    /// added to `diagnostics`.
    static func split(_ bytes: [UInt8], into diagnostics: inout [Diagnostic], invalid: (SourceRange) -> Diagnostic) -> [FileLine] {
        var lines: [FileLine] = []
        var start = 0, number = 1
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var stop = end
            if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
            if let text = String(validating: bytes[start..<stop], as: UTF8.self) {
                lines.append(FileLine(number: number, offset: start, text: text))
            } else {
                diagnostics.append(invalid(SourceRange(at: SourcePosition(offset: start, line: number, column: 1))))
            }
            if end == bytes.count { break }
            start = end + 1
            number += 1
        }
        return lines
    }
}

/// A line-based format of the tools (`*.test`, `*.eval`): a file of it is read from its
/// bytes, or, in tests and generated files, from a text.
package protocol LineFileFormat {
    associatedtype File
    /// The extension of its files, without the dot.
    static var fileExtension: String { get }
    /// The file the bytes hold, with a located diagnostic for every problem.
    static func parse(_ bytes: [UInt8], path: String) -> File
}

extension LineFileFormat {
    /// The file a text holds, as if read from its UTF-8 bytes.
    package static func parse(_ text: String, path: String) -> File {
        parse(Array(text.utf8), path: path)
    }
}
