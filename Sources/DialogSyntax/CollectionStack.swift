/// The items of the collections being read, innermost collection's last.
///
/// A collection pushes its items here as it reads them and, once it ends, moves them out
/// into an array of exactly their number. Growing an array per collection by doubling
/// costs an allocation and a copy per doubling and leaves up to half its capacity unused
/// in the tree (a 5-entry mapping held 8); one stack reused by every collection grows
/// only to the deepest nesting's width. Its fields, like the scanner's, skip run-time
/// exclusivity checks (`@exclusivity(unchecked)`): one parse owns it.
final class CollectionStack<Element> {
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private var capacity: Int
    /// How many items the open collections hold together.
    @exclusivity(unchecked) private(set) var count = 0

    init() {
        capacity = 64
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func append(_ element: consuming Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    subscript(index: Int) -> Element {
        storage[index]
    }

    /// Moves the items from `base` on out of the stack, into an array of their number.
    func popArray(from base: Int) -> [Element] {
        let n = count - base
        guard n > 0 else { return [] }
        let source = storage + base
        count = base
        return Array(unsafeUninitializedCapacity: n) { buffer, initialized in
            if let target = buffer.baseAddress {
                target.moveInitialize(from: source, count: n)
                initialized = n
            } else {
                source.deinitialize(count: n)
            }
        }
    }

    /// Drops the items from `base` on: what is read of a collection that is thrown away.
    func removeAll(from base: Int) {
        guard count > base else { return }
        (storage + base).deinitialize(count: count - base)
        count = base
    }
}
