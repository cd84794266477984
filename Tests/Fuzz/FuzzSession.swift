// libFuzzer target: a session of the shipped bundle answering arbitrary lines. Built by
// Tests/Fuzz/fuzz.sh session; the bundle's folder is $INTAKE_FUZZ_DIALOGS (else ./Dialogs).
//
// The input is split into lines, at most `maxLines`, each given to `respond(to:)` as the
// chat gives what a person types. An input whose first byte is 0 picks the start node and
// the region and the seed from its next three bytes, so that every node is reachable.
import DialogMatching
import DialogEngine
import DialogModel

#if canImport(Glibc)
    import Glibc
#endif

let maxLines = 64

let bundle: DialogBundle = {
    let folder = getenv("INTAKE_FUZZ_DIALOGS").map { String(cString: $0) } ?? "Dialogs"
    do {
        let result = try BundleLoader.load(folder: folder)
        guard let bundle = result.bundle else {
            fatalError("fuzz-session: the bundle in \(folder) does not load:\n\(result.renderedDiagnostics())")
        }
        return bundle
    } catch {
        fatalError("fuzz-session: \(error)")
    }
}()

/// Compiled once: every input's session shares the bundle's phrases.
let compiled = CompiledBundle(bundle)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var start: NodeID? = nil
    var region = "US"
    var seed: UInt64 = 0
    if bytes.count >= 4 && bytes[0] == 0 {
        start = bundle.nodeOrder[Int(bytes[1]) % bundle.nodeOrder.count]
        if !bundle.regions.isEmpty { region = bundle.regions[Int(bytes[2]) % bundle.regions.count].code }
        seed = UInt64(bytes[3])
        bytes.removeFirst(4)
    }
    var session: Session
    do {
        session = try Session(compiled, region: region, start: start, seed: seed)
    } catch {
        fatalError("fuzz-session: \(error)")
    }
    var turn = session.open()
    var number = turn.number
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(maxLines) {
        turn = session.respond(to: String(decoding: line, as: UTF8.self))
        if turn.number <= number { fatalError("fuzz-session: turn \(turn.number) after \(number)") }
        if bundle.nodes[turn.node] == nil { fatalError("fuzz-session: at unknown node \(turn.node)") }
        number = turn.number
        if session.isEnded { break }
    }
    _ = session.end()
    _ = session.summary()
    return 0
}
