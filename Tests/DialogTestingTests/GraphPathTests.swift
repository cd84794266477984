import DialogMatching
import DialogEngine
import DialogModel
import DialogSyntax
import DialogTesting
import Testing

@Suite("The dialog graph")
struct GraphTests {
    @Test("Graphviz DOT: a cluster per file, labelled edges, intents styled apart")
    func dot() throws {
        try Fixtures.expectMatches(GraphWriter.dot(try Fixtures.loaded("clinic").bundle), "clinic.dot")
    }

    @Test("Mermaid: the same graph")
    func mermaid() throws {
        try Fixtures.expectMatches(GraphWriter.mermaid(try Fixtures.loaded("clinic").bundle), "clinic.mmd")
    }

    @Test("--from NODE --depth N: the nodes within N steps, edges beyond them ending at a stub")
    func fromAndDepth() throws {
        let bundle = try Fixtures.loaded("clinic").bundle
        let one = GraphWriter.dot(bundle, options: GraphOptions(from: NodeID("intake.feeling", in: "intake"), depth: 1, intents: false))
        #expect(one.contains("\"intake.feeling\" [label="))
        #expect(one.contains("\"intake.early\" [label="))
        #expect(!one.contains("\"intake.pregnancy\" [label="))
        #expect(!one.contains("\"intake.welcome\" [label="))
        #expect(!one.contains("intent:"))
        let two = GraphWriter.dot(bundle, options: GraphOptions(from: NodeID("intake.feeling", in: "intake"), depth: 2, intents: false))
        #expect(two.contains("\"intake.pregnancy\" [label="))
        #expect(two.contains("\"intake.early\" -> \"intake.pregnancy\""))
        #expect(two.contains("label=\"→ intake.facts\""))
    }

    @Test("--file: one file's nodes; --no-intents: no intents")
    func fileAndIntents() throws {
        let bundle = try Fixtures.loaded("clinic").bundle
        let crisis = GraphWriter.mermaid(bundle, options: GraphOptions(file: "crisis"))
        #expect(crisis.contains("crisis.yaml"))
        #expect(!crisis.contains("intake.yaml"))
        #expect(crisis.contains("overdose_other"))
        let noIntents = GraphWriter.dot(bundle, options: GraphOptions(intents: false))
        #expect(!noIntents.contains("intent:"))
        #expect(noIntents.contains("\"intake.welcome\" [label="))
    }

    @Test("--collapse-back-edges: an edge back to a node on the way ends at a stub at its source")
    func backEdges() throws {
        let bundle = try Fixtures.loaded("clinic").bundle
        let full = GraphWriter.dot(bundle)
        #expect(full.contains("\"intake.facts\" -> \"intake.welcome\""))
        let collapsed = GraphWriter.dot(bundle, options: GraphOptions(collapseBackEdges: true))
        #expect(!collapsed.contains("\"intake.facts\" -> \"intake.welcome\""))
        #expect(collapsed.contains("\"intake.facts\" -> \"back:intake.facts->intake.welcome\""))
        #expect(collapsed.contains("label=\"↩ intake.welcome\""))
        // Forward edges stay as they are.
        #expect(collapsed.contains("\"intake.welcome\" -> \"intake.facts\""))
    }
}

@Suite("Walking the paths")
struct PathTests {
    @Test("the clinic: no problem; one golden test per path, which replays and passes")
    func clinic() throws {
        let loaded = try Fixtures.loaded("clinic")
        let report = try PathExplorer.explore(loaded)
        #expect(report.findings.isEmpty, "\(report.renderedFindings())")
        #expect(!report.truncated)
        #expect(report.paths.contains { $0.ending == .ended })
        let golden = TestParser.parse(report.goldenTests(bundle: nil), path: "clinic/tests/paths.test")
        #expect(golden.diagnostics.isEmpty)
        #expect(golden.tests.count == report.paths.count)
        let replay = Fixtures.run([golden], coverage: true)
        #expect(replay.failed == 0)
        #expect(replay.passed == report.paths.count)
        // The golden tests reach every node and every choice, crisis scripts included.
        let coverage = try #require(replay.coverage.first)
        #expect(coverage.count(.node).reached == coverage.count(.node).total)
        #expect(coverage.count(.choice).reached == coverage.count(.choice).total)
    }

    @Test("a bundle that passes intake check: its dead end, loop with no way out and unreachable crisis intent")
    func trapped() throws {
        let report = try PathExplorer.explore(try Fixtures.loaded("trapped"))
        #expect(report.findings.map(\.diagnostic.code) == ["IP003", "IP002", "IP001"])
        try Fixtures.expectMatches(report.renderedFindings(), "trapped.out")
    }

    @Test("a start that ends before any line is read")
    func endsAtOnce() throws {
        var files = try Fixtures.bundleFiles("clinic")
        let i = try #require(files.firstIndex { $0.path == "clinic/intake.yaml" })
        files[i].bytes = Array(String(decoding: files[i].bytes, as: UTF8.self).replacing("start: welcome", with: "start: done").utf8)
        let loaded = try #require(LoadedBundle(BundleLoader.load(files: files)))
        let report = try PathExplorer.explore(loaded)
        #expect(report.findings.map(\.diagnostic.code) == ["IP004"])
        #expect(report.findings.first?.diagnostic.message == "the session ends before any line is read, so no crisis phrase can be heard")
    }

    @Test("the bounds stop the walk and say so")
    func bounds() throws {
        let report = try PathExplorer.explore(try Fixtures.loaded("clinic"), options: PathOptions(maxDepth: 1))
        #expect(report.truncated)
        #expect(report.paths.contains { $0.ending == .bound })
        #expect(report.paths.allSatisfy { $0.inputs.count <= 1 })
    }
}
