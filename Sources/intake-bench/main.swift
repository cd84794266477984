// intake-bench: parse throughput against Yams, load and validate, respond latency,
// scripted test steps, peak memory and cold start. `swift run -c release intake-bench`.
// Build the release `intake` first (swift build -c release --product intake) to
// measure its cold start and `intake parse` as a whole process; the bench looks for it
// beside its own executable. `--parse-only` measures parsing alone (sections 1, 5, 6).

import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax
import DialogTesting
import Yams

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Timing

@inline(__always) func nowNS() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : (s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2)
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : s[min(s.count - 1, Int((Double(s.count) * p).rounded(.up)) - 1)]
}

/// Seconds per run: one warm-up, then the median of `runs`.
func timed(runs: Int, warmUp: Bool = true, _ body: () -> Void) -> Double {
    if warmUp { body() }
    var xs: [Double] = []
    for _ in 0..<runs {
        let t = nowNS()
        body()
        xs.append(Double(nowNS() - t) / 1e9)
    }
    return median(xs)
}

func fmt(_ x: Double, _ digits: Int = 2) -> String {
    if x.isNaN { return "n/a" }
    var s = String(Int((x * pow(10, Double(digits))).rounded()))
    if digits > 0 {
        let neg = s.hasPrefix("-")
        if neg { s.removeFirst() }
        while s.count <= digits { s = "0" + s }
        s.insert(".", at: s.index(s.endIndex, offsetBy: -digits))
        if neg { s = "-" + s }
    }
    return s
}

func sizeName(_ bytes: Int) -> String {
    bytes >= 1_000_000 ? "\(fmt(Double(bytes) / 1e6, 1)) MB" : "\(bytes / 1000) KB"
}

func log(_ s: String) {
    var e = s + "\n"
    e.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

// MARK: - Child processes

func selfPath() -> String {
    var buf = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    return n > 0 ? String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
}

/// Runs `argv` with `stdinText` piped in and output discarded; its wall time in
/// seconds, its exit status and its peak RSS in bytes (wait4's rusage of that child).
func spawn(_ argv: [String], stdinText: String? = nil) -> (seconds: Double, status: Int32, maxRSS: Int) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var fds: [Int32] = [0, 0]
    if let text = stdinText {
        // Written before the child starts (it fits the pipe's buffer), so a child that
        // never reads, like /bin/true, cannot leave the write to raise SIGPIPE.
        _ = pipe(&fds)
        var s = text
        s.withUTF8 { _ = write(fds[1], $0.baseAddress, $0.count) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
    } else {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let cargs = argv.map { strdup($0) } + [nil]
    defer { cargs.forEach { free($0) } }
    var pid: pid_t = 0
    let t = nowNS()
    let rc = posix_spawn(&pid, argv[0], &actions, nil, cargs, environ)
    if rc != 0 { return (.nan, -1, 0) }
    if stdinText != nil {
        close(fds[0])
        close(fds[1])
    }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = Double(nowNS() - t) / 1e9
    #if os(Linux)
        let rss = usage.ru_maxrss * 1024
    #else
        let rss = usage.ru_maxrss
    #endif
    return (seconds, (status >> 8) & 0xff, Int(rss))
}

func readAll(_ path: String) -> [UInt8] {
    guard let f = fopen(path, "rb") else { return [] }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    return out
}

func writeAll(_ path: String, _ bytes: [UInt8]) {
    guard let f = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
}

/// The hidden subcommand: `intake-bench --child MODE FILE`, for peak memory.
func child(_ mode: String, _ path: String, _ out: String) -> Int32 {
    let status = childWork(mode, path)
    // VmHWM belongs to this address space: unlike ru_maxrss, which on Linux keeps the
    // parent's size from before exec, it counts only this process.
    let proc = String(decoding: readAll("/proc/self/status"), as: UTF8.self)
    var hwm = 0
    for line in proc.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        hwm = (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }
    writeAll(out, Array(String(hwm).utf8))
    return status
}

/// A scripted walk: mostly a choice's match phrase, sometimes its number; from the end
/// node, a new session of the bundle compiled once, as a server would keep it. The
/// latency of each turn after 500 warm-up turns, and how many turns moved to another node.
func walk(_ bundle: DialogBundle, _ phrases: [[[String]]], turns: Int, seed: UInt64) -> ([Double], Int) {
    var rng = SplitMix64(seed: seed)
    var latencies: [Double] = []
    latencies.reserveCapacity(turns)
    let compiled = CompiledBundle(bundle)
    var session = try! Session(compiled, region: "US", seed: 1)
    var turn = session.open()
    var moved = 0
    for k in 0..<(turns + 500) {
        if turn.state == .ended {
            session = try! Session(compiled, region: "US", seed: UInt64(k))
            turn = session.open()
        }
        let index = Int(turn.node.name.dropFirst()) ?? 0
        let choices = phrases[min(index, phrases.count - 1)]
        let c = rng.chance(0.5) ? 0 : rng.int(in: 0...choices.count - 1)
        let input = rng.chance(0.7) ? rng.pick(choices[c]) : String(c + 1)
        let before = turn.node
        let t = nowNS()
        turn = session.respond(to: input)
        let dt = Double(nowNS() - t) / 1e9
        if k >= 500 { latencies.append(dt); if turn.node != before { moved += 1 } }
    }
    return (latencies, moved)
}

func childWork(_ mode: String, _ path: String) -> Int32 {
    let bytes = mode == "walk" ? [] : readAll(path)
    switch mode {
    case "read": return bytes.isEmpty ? 1 : 0
    case "parse": return YAMLParser.parse(bytes).hasErrors ? 1 : 0
    case "yams":
        let text = String(decoding: bytes, as: UTF8.self)
        return ((try? Yams.compose(yaml: text)) ?? nil) == nil ? 1 : 0
    case "load": return BundleLoader.load(files: [("bench.yaml", bytes)]).bundle == nil ? 1 : 0
    case "walk":  // for profiling: FILE is a node count
        let gen = Generator.bundle(nodes: Int(path) ?? 1_000)
        guard let bundle = BundleLoader.load(files: [("bench.yaml", gen.bytes)]).bundle else { return 1 }
        let (latencies, _) = walk(bundle, gen.phrases, turns: 20_000, seed: 1)
        return latencies.isEmpty ? 1 : 0
    default: return 2
    }
}

signal(SIGPIPE, SIG_IGN)
let args = CommandLine.arguments
if args.count == 5 && args[1] == "--child" { exit(child(args[2], args[3], args[4])) }
let quick = args.contains("--quick")
let parseOnly = args.contains("--parse-only")

// MARK: - The table

struct Row { var measure: String; var input: String; var result: String; var target: String; var met: String }
var rows: [Row] = []
@MainActor func row(_ m: String, _ i: String, _ r: String, _ t: String = "", _ ok: Bool? = nil) {
    rows.append(Row(measure: m, input: i, result: r, target: t, met: ok.map { $0 ? "yes" : "NO" } ?? ""))
}
var notes: [String] = []

// MARK: 1. Parse throughput, ours against Yams' compose

let parseSizes = quick ? [100_000, 1_000_000] : [100_000, 1_000_000, 10_000_000]
var corpusFiles: [(Int, String)] = []
var perMB: [Double] = []
for size in parseSizes {
    let bytes = Generator.corpus(bytes: size)
    let path = "/tmp/intake-bench-corpus-\(size).yaml"
    writeAll(path, bytes)
    corpusFiles.append((bytes.count, path))
    precondition(!YAMLParser.parse(bytes).hasErrors, "the corpus does not parse")
    let text = String(decoding: bytes, as: UTF8.self)
    let runs = size >= 10_000_000 ? 5 : size >= 1_000_000 ? 9 : 25
    let ours = timed(runs: runs) { _ = YAMLParser.parse(bytes) }
    let yams = timed(runs: max(3, runs / 3)) { _ = try? Yams.compose(yaml: text) }
    let mb = Double(bytes.count) / 1e6
    perMB.append(ours / mb)
    let ratio = yams / ours
    row("parse: ours", sizeName(bytes.count), "\(fmt(mb / ours, 1)) MB/s", "", nil)
    row("parse: Yams compose", sizeName(bytes.count), "\(fmt(mb / yams, 1)) MB/s", "", nil)
    row("parse: ours / Yams", sizeName(bytes.count), "\(fmt(ratio, 1))x", ">= 10x", ratio >= 10)
    log("parse \(sizeName(bytes.count)): ours \(fmt(mb / ours, 1)) MB/s, Yams \(fmt(mb / yams, 1)) MB/s")
}
let parseScale = perMB.last! / perMB.first!
row("parse: time/MB, largest / smallest", "", "\(fmt(parseScale))x", "<= 1.5x", parseScale <= 1.5)

// MARK: 2-4. Load and validate, respond, scripted tests

let nodeCounts = parseOnly ? [] : quick ? [100, 1_000, 10_000] : [100, 1_000, 10_000, 100_000]
var perNode: [Double] = []
var bundleFiles: [(Int, Int, String)] = []
var loadedForTests: LoadedBundle?
for n in nodeCounts {
    let gen = Generator.bundle(nodes: n)
    let path = "/tmp/intake-bench-bundle-\(n).yaml"
    writeAll(path, gen.bytes)
    bundleFiles.append((n, gen.bytes.count, path))
    let first = BundleLoader.load(files: [("bench.yaml", gen.bytes)])
    guard let bundle = first.bundle else {
        log(first.renderedDiagnostics().split(separator: "\n").prefix(20).joined(separator: "\n"))
        fatalError("the synthetic bundle of \(n) nodes does not load")
    }
    if n == 1_000 { loadedForTests = LoadedBundle(first) }
    let runs = n >= 100_000 ? 1 : n >= 10_000 ? 3 : 9
    let load = timed(runs: runs, warmUp: false) { _ = BundleLoader.load(files: [("bench.yaml", gen.bytes)]) }
    perNode.append(load / Double(n))
    row(
        "load+validate", "\(n) nodes (\(sizeName(gen.bytes.count)))", "\(fmt(load * 1000, 1)) ms, \(fmt(load / Double(n) * 1e6)) us/node",
        n >= 100_000 ? "< 1 s" : "", n >= 100_000 ? load < 1 : nil)
    log("load \(n) nodes: \(fmt(load * 1000, 1)) ms")

    let (latencies, moved) = walk(bundle, gen.phrases, turns: quick ? 2_000 : 5_000, seed: UInt64(n))
    let turns = latencies.count
    let med = median(latencies), p99 = percentile(latencies, 0.99)
    row("respond median", "\(n) nodes", "\(fmt(med * 1e6, 1)) us", "", nil)
    row("respond p99", "\(n) nodes", "\(fmt(p99 * 1e6, 1)) us", n == 10_000 ? "< 50 us" : "", n == 10_000 ? p99 < 50e-6 : nil)
    log("respond \(n) nodes: median \(fmt(med * 1e6, 1)) us, p99 \(fmt(p99 * 1e6, 1)) us, \(moved) of \(turns) turns moved on")
}
// The same at 10,000 nodes with 40 topic intents of 20 example questions each: every
// line is also ranked against the 800 examples.
if nodeCounts.contains(10_000) {
    let n = 10_000
    let gen = Generator.bundle(nodes: n, intents: 40, examples: 20)
    let first = BundleLoader.load(files: [("bench.yaml", gen.bytes)])
    guard let bundle = first.bundle else {
        log(first.renderedDiagnostics().split(separator: "\n").prefix(20).joined(separator: "\n"))
        fatalError("the synthetic bundle with examples does not load")
    }
    let load = timed(runs: 3, warmUp: false) { _ = BundleLoader.load(files: [("bench.yaml", gen.bytes)]) }
    let plain = perNode.count >= 3 ? perNode[2] : .nan
    let ratio = load / Double(n) / plain
    row(
        "load+validate, 800 examples", "\(n) nodes", "\(fmt(load * 1000, 1)) ms, \(fmt(load / Double(n) * 1e6)) us/node",
        "<= 1.2x without", ratio <= 1.2)
    let (latencies, moved) = walk(bundle, gen.phrases, turns: quick ? 2_000 : 5_000, seed: UInt64(n))
    let med = median(latencies), p99 = percentile(latencies, 0.99)
    row("respond median, 800 examples", "\(n) nodes", "\(fmt(med * 1e6, 1)) us", "", nil)
    row("respond p99, 800 examples", "\(n) nodes", "\(fmt(p99 * 1e6, 1)) us", "< 50 us", p99 < 50e-6)
    log("respond \(n) nodes with examples: median \(fmt(med * 1e6, 1)) us, p99 \(fmt(p99 * 1e6, 1)) us, \(moved) of \(latencies.count) turns moved on; load x\(fmt(ratio))")
}

let loadScale = perNode.isEmpty ? .nan : perNode[perNode.count - 1] / perNode[0]
if !parseOnly { row("load: time/node, largest / smallest", "", "\(fmt(loadScale))x", "<= 1.5x", loadScale <= 1.5) }

if let loaded = loadedForTests {
    let file = TestParser.parse(Generator.testFile(tests: 50, steps: 40, nodes: 1_001), path: "bench/tests/walk.test")
    let runner = TestRunner(options: RunOptions(measure: false), loadBundle: { _ in .loaded(loaded) })
    var steps = 0, failed = 0
    let t = timed(runs: 7) {
        let r = runner.run([file])
        steps = r.steps
        failed = r.failed + (r.hasErrors ? 1 : 0)
    }
    if failed > 0 { notes.append("scripted tests: \(failed) failed (the synthetic tests are wrong)") }
    row("scripted test steps", "1000 nodes, \(steps) steps", "\(fmt(Double(steps) / t / 1000, 1))k steps/s", "", nil)
    log("test steps: \(fmt(Double(steps) / t, 0)) steps/s")
}

// MARK: 5. Peak memory, in a child process

let me = selfPath()
@MainActor func peak(_ mode: String, _ path: String) -> Int {
    let out = "/tmp/intake-bench-rss"
    let r = spawn([me, "--child", mode, path, out])
    let rss = Int(String(decoding: readAll(out), as: UTF8.self)) ?? r.maxRSS
    if r.status != 0 { notes.append("the \(mode) child failed on \(path)") }
    return rss
}
for (bytes, path) in corpusFiles {
    let base = peak("read", path), ours = peak("parse", path), yams = peak("yams", path)
    let limit = 4 * bytes + 20_000_000
    row(
        "peak RSS: parse", "\(sizeName(bytes)) (reading it: \(base / 1_000_000) MB)",
        "\(ours / 1_000_000) MB, +\(fmt(Double(ours - base) / Double(bytes), 1))x input over reading it; Yams \(yams / 1_000_000) MB",
        "<= \(limit / 1_000_000) MB", ours <= limit)
}
for (n, bytes, path) in bundleFiles {
    let rss = peak("load", path)
    row("peak RSS: load+validate", "\(n) nodes (\(sizeName(bytes)))", "\(rss / 1_000_000) MB (\(fmt(Double(rss) / Double(bytes), 1))x input)", "", nil)
}

// MARK: 6. Whole processes: `intake parse FILE > /dev/null` against a program that only
// composes the same file with Yams (the bench's own `--child yams`)

let dir = me.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
let intake = dir + "/intake"
if access(intake, X_OK) == 0, let (bytes, path) = corpusFiles.last {
    @MainActor func wall(_ argv: [String], runs: Int) -> Double {
        var xs: [Double] = []
        for _ in 0..<runs {
            let r = spawn(argv)
            if r.status != 0 { notes.append("\(argv.joined(separator: " ")) exited with status \(r.status)") }
            xs.append(r.seconds)
        }
        return median(xs)
    }
    let runs = bytes >= 10_000_000 ? 5 : 9
    let ours = wall([intake, "parse", path], runs: runs)
    let yams = wall([me, "--child", "yams", path, "/tmp/intake-bench-rss"], runs: max(3, runs / 3))
    let ratio = yams / ours
    row("process: intake parse > /dev/null", sizeName(bytes), "\(fmt(ours * 1000, 1)) ms", "", nil)
    row("process: Yams compose only", sizeName(bytes), "\(fmt(yams * 1000, 1)) ms", "", nil)
    row("process: Yams / intake parse", sizeName(bytes), "\(fmt(ratio, 1))x", ">= 5x", ratio >= 5)
    log("process \(sizeName(bytes)): intake parse \(fmt(ours * 1000, 1)) ms, Yams compose \(fmt(yams * 1000, 1)) ms")
} else {
    notes.append("whole-process parse not measured: build the release intake first (swift build -c release --product intake)")
}

// MARK: 7. Cold start of the release intake binary

if parseOnly {
    notes.append("load, respond, scripted tests and cold start not measured (--parse-only)")
} else if access(intake, X_OK) == 0 && access("Dialogs", R_OK) == 0 {
    func start(_ argv: [String]) -> (Double, Int32) {
        _ = spawn(argv, stdinText: "quit\n")
        var xs: [Double] = []
        var status: Int32 = 0
        for _ in 0..<21 {
            let r = spawn(argv, stdinText: "quit\n")
            xs.append(r.seconds)
            status = max(status, r.status)
        }
        return (median(xs), status)
    }
    let (floor, _) = start(["/bin/true"])
    let (cold, status) = start([intake, "--dialogs", "Dialogs"])
    if status != 0 { notes.append("intake exited with status \(status)") }
    row("cold start: /bin/true", "", "\(fmt(floor * 1000)) ms", "", nil)
    row("cold start: intake, piped `quit`", "Dialogs/", "\(fmt(cold * 1000)) ms (\(fmt(cold / floor, 1))x /bin/true)", "< 10 ms", cold < 0.010)
} else {
    notes.append("cold start not measured: build the release intake first (swift build -c release --product intake) and run from the package folder")
}

// MARK: - Print

let headers = Row(measure: "measure", input: "input", result: "result", target: "target", met: "met")
let all = [headers] + rows
func width(_ k: KeyPath<Row, String>) -> Int { all.map { $0[keyPath: k].count }.max()! }
let ws = [width(\.measure), width(\.input), width(\.result), width(\.target), width(\.met)]
func line(_ r: Row) -> String {
    let cells = [r.measure, r.input, r.result, r.target, r.met]
    return "| " + zip(cells, ws).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: " | ") + " |"
}
print(line(headers))
print("|" + ws.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
rows.forEach { print(line($0)) }
print("")
let parseScaling = "parse time per MB \(parseScale <= 1.5 ? "stays" : "does not stay") within 1.5x from \(sizeName(corpusFiles.first!.0)) to \(sizeName(corpusFiles.last!.0)) (\(fmt(parseScale))x)"
if parseOnly {
    print("Linear scaling: \(parseScaling).")
} else {
    print(
        "Linear scaling: \(parseScaling); "
            + "load time per node \(loadScale <= 1.5 ? "stays" : "does not stay") within 1.5x from \(nodeCounts.first!) to \(nodeCounts.last!) nodes (\(fmt(loadScale))x).")
}
notes.forEach { print("Note: \($0)") }

// The generated inputs are a few hundred MB of /tmp at full size.
for (_, path) in corpusFiles { unlink(path) }
for (_, _, path) in bundleFiles { unlink(path) }
unlink("/tmp/intake-bench-rss")
