// libFuzzer target: load and validate a one-file bundle from arbitrary bytes. Built by
// Tests/Fuzz/fuzz.sh loader.
//
// A bundle never half-loads: there is a bundle exactly when there is no error. Every
// diagnostic is rendered as `intake check` would.
import DialogModel
import DialogSyntax

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = BundleLoader.load(files: [(path: "fuzz/intake.yaml", bytes: bytes)])
    if (result.bundle == nil) != (result.errorCount > 0) {
        fatalError("fuzz-loader: bundle \(result.bundle == nil ? "missing" : "present") with \(result.errorCount) errors")
    }
    for d in result.diagnostics where d.diagnostic.range.end.offset > size || d.diagnostic.range.start.offset < 0 {
        fatalError("fuzz-loader: diagnostic \(d.diagnostic.code) at \(d.diagnostic.range) outside 0..<\(size)")
    }
    _ = result.renderedDiagnostics()
    return 0
}
