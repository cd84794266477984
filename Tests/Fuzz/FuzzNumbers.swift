// libFuzzer target: bundles with extreme numbers. Built by Tests/Fuzz/fuzz.sh numbers;
// the base bundle is the minimal fixture ($INTAKE_FUZZ_MINIMAL, else
// Tests/DialogModelTests/Fixtures/valid/minimal).
//
// The input's bytes pick numbers from a table of extremes (Int.max, -0, 5e18, a huge
// exponent, numbers just past the bounds…) for an `expect: number` range, the scale's
// range and a band, a `set` expression's operands and operator, and the answers typed.
// A bundle that loads is then run: no bundle `intake check` accepts may trap, hang or
// grow without bound.
import DialogEngine
import DialogFiles
import DialogModel

#if canImport(Glibc)
    import Glibc
#endif

// The first entries make the minimal fixture's own values, so that a seed of small
// bytes loads and the fuzzer starts from a bundle that runs.
let numbers = [
    "0", "4", "8", "3", "100", "1", "-1", "101", "-0", "999999", "1000000", "1000001", "-1000001",
    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "5e18", "1e308",
    "1e-308", "2.5", "0.0001", "4294967296", "65536", "1e15", "1000000000000001", "18446744073709551615",
]
let operators = ["+", "-", "*", "/", "%"]

let base: [(path: String, bytes: [UInt8])] = {
    let folder = getenv("INTAKE_FUZZ_MINIMAL").map { String(cString: $0) } ?? "Tests/DialogModelTests/Fixtures/valid/minimal"
    do {
        return try FileReading.names(in: folder).filter { $0.hasSuffix(".yaml") && $0 != "intake.yaml" }.map {
            (FileReading.join(folder, $0), try FileReading.read(FileReading.join(folder, $0)))
        }
    } catch {
        fatalError("fuzz-numbers: \(error)")
    }
}()

/// The next byte as an index into `table`, or its first entry when the input has ended.
struct Picker {
    var bytes: [UInt8]
    var at = 0
    mutating func pick<T>(_ table: [T]) -> T {
        defer { at += 1 }
        return at < bytes.count ? table[Int(bytes[at]) % table.count] : table[0]
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var p = Picker(bytes: data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    let low = p.pick(numbers), high = p.pick(numbers)
    let a = p.pick(numbers), op = p.pick(operators), b = p.pick(numbers)
    let intake = """
        dialog: fuzz
        title: Fuzz
        start: welcome
        nodes:
          welcome:
            ask: How many?
            expect: number \(low)...\(high)
            save: n
            next: again
          again:
            set: {m: n \(op) \(b) \(op) \(a), t: t + t + "x"}
            say: "{m}"
            ask: Again?
            expect: number
            save: n
            next: score
          score:
            scale: sows
            next: menu
          menu:
            ask: Go on?
            choices:
              - {label: Again, goto: welcome}
              - {label: Stop, goto: goodbye}
          topic:
            say: Baclofen is a muscle relaxant.
            next: goodbye
          goodbye:
            say: Take care. For detox help, call {detox-helpline}. In an emergency, {emergency}.
            end: true
        """
    var files = base.map { file -> (path: String, bytes: [UInt8]) in
        guard file.path.hasSuffix("screening.yaml") else { return file }
        var text = String(decoding: file.bytes, as: UTF8.self)
        text = text.replacing("range: 0...4\n", with: "range: \(p.pick(numbers))...\(p.pick(numbers))\n", maxReplacements: 1)
        text = text.replacing(
            "{range: 4...8, label: higher}", with: "{range: \(p.pick(numbers))...\(p.pick(numbers)), label: higher}",
            maxReplacements: 1)
        return (file.path, Array(text.utf8))
    }
    files.append(("fuzz/intake.yaml", Array(intake.utf8)))
    guard let bundle = BundleLoader.load(files: files).bundle, var session = try? Session(bundle: bundle) else { return 0 }
    _ = session.open()
    for _ in 0..<24 where !session.isEnded {
        _ = session.respond(to: p.pick(numbers + ["back", "restart", "quit", "summary"]))
    }
    _ = session.end()
    _ = session.summary()
    return 0
}
