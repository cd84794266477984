import DialogEngine
import DialogModel
import Testing

/// A small intake bundle for tests of topic intents: the crisis intents every intake
/// bundle needs (their nodes are the session tests' crisis scripts, `crisis.yaml` of
/// `sessionFixture`), the US numbers, a `welcome` menu that offers the given choices and
/// then Finish (to `done`, which ends the session), and the given settings, topic intents
/// and nodes. `intents` and `nodes` are the entries under those keys, indented by two
/// spaces; `menu` the choices, indented by six.
func topicTestBundle(settings: String = "", intents: String, menu: String = "", nodes: String) -> [(path: String, bytes: [UInt8])] {
    let file = """
        dialog: test
        title: Test bundle
        start: welcome

        """ + settings + """
            intents:
              overdose_other: {crisis: overdose-other, match: ["took too many", "won't wake up"], goto: crisis.other}
              overdose_self: {crisis: overdose-self, match: ["i overdosed"], goto: crisis.self}
              suicide: {crisis: suicide, match: ["want to die"], goto: crisis.suicide}
              seizure: {crisis: seizure, match: [seizure], goto: crisis.seizure}
              medical: {crisis: medical-emergency, match: ["chest pain"], goto: crisis.medical}
              pump: {crisis: pump-alarm, match: ["pump alarm"], goto: crisis.pump}

            """ + intents + """
            nodes:
              welcome:
                say: Hello. In an emergency call {emergency}.
                ask: What would you like?
                choices:

            """ + menu + """
                  - label: Finish
                    goto: done

            """ + nodes + """
              done:
                end: true
            regions:
              US: {name: United States}
            resources:
              us-911: {name: Emergency, region: US, role: emergency, phone: "911"}
              us-988: {name: 988 Lifeline, region: US, role: crisis-line, phone: "988"}

            """
    return [("intake.yaml", Array(file.utf8))] + sessionFixture.filter { $0.path == "crisis.yaml" }
}

/// `files` loaded and compiled, for several sessions of one bundle (a session and the one
/// that resumes it); a bundle with errors fails the test.
func compiledBundle(
    _ files: [(path: String, bytes: [UInt8])] = sessionFixture, sourceLocation: SourceLocation = #_sourceLocation
) throws -> CompiledBundle {
    let result = BundleLoader.load(files: files)
    #expect(result.errorCount == 0, "\(result.renderedDiagnostics())", sourceLocation: sourceLocation)
    return CompiledBundle(try #require(result.bundle, sourceLocation: sourceLocation))
}

/// A session of `files` past its opening turn; a bundle with errors fails the test.
func openedSession(_ files: [(path: String, bytes: [UInt8])], sourceLocation: SourceLocation = #_sourceLocation) throws -> Session {
    var session = try Session(compiledBundle(files, sourceLocation: sourceLocation))
    _ = session.open()
    return session
}
