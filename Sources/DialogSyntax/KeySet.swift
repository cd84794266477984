/// The keys of one mapping, for finding duplicates: a linear scan of its entries on the
/// stack while the mapping is small, a hash table once it grows.
///
/// Keys compare as `String`s do, canonically. Two ASCII keys are equal only if their
/// bytes are, so keys of different lengths need no comparison; most keys are ASCII.
struct KeySet {
    /// Where the mapping's entries start on the parser's stack.
    let base: Int
    private var large: [String: SourceRange]?

    init(base: Int) {
        self.base = base
    }

    /// Checks a key against the mapping's entries so far, `entries[base...]`, before it is
    /// added to them; returns the range of an earlier occurrence if there is one.
    mutating func insert(
        _ key: ScalarNode, asciiLength: Int, entries: CollectionStack<MappingEntry>, keyLengths: CollectionStack<Int>
    ) -> SourceRange? {
        if large == nil {
            for i in base..<entries.count {
                let length = keyLengths[i]
                if length == KeySet.notAKey { continue }
                if (length < 0 || asciiLength < 0 || length == asciiLength) && entries[i].key.text == key.text {
                    return entries[i].key.range
                }
            }
            if entries.count - base < 12 { return nil }
            var table: [String: SourceRange] = [:]
            for i in base..<entries.count where keyLengths[i] != KeySet.notAKey {
                let earlier = entries[i].key
                if table[earlier.text] == nil { table[earlier.text] = earlier.range }
            }
            large = table
        }
        if let first = large?[key.text] { return first }
        large?[key.text] = key.range
        return nil
    }

    /// Marks the entry of a merge key, which is reported on its own and takes no part in
    /// finding duplicates.
    static let notAKey = Int.min

    /// The length in bytes of an ASCII key, or -1 for any other.
    static func asciiLength(_ key: String) -> Int {
        // Over contiguous bytes when the string has them (native strings do), not through
        // the generic view.
        let contiguous = key.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            for b in bytes where b >= 0x80 { return -1 }
            return bytes.count
        }
        if let contiguous { return contiguous }
        var n = 0
        for b in key.utf8 {
            if b >= 0x80 { return -1 }
            n += 1
        }
        return n
    }
}
