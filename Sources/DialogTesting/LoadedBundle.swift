import DialogModel
import DialogSyntax

/// A loaded bundle with the files it was read from, so that what the tools report
/// (coverage, paths) can name a file and show its lines.
package struct LoadedBundle: Sendable {
    package var bundle: DialogBundle
    package var files: [SourceFile]

    /// From a load result: nil when the bundle did not load.
    package init?(_ result: LoadResult) {
        guard let bundle = result.bundle else { return nil }
        self.bundle = bundle
        files = result.files.keys.sorted().compactMap { result.files[$0] }
    }

    /// The path of a bundle file by its name without `.yaml` (`intake`).
    package func path(ofFile name: String) -> String {
        files.first { f in (f.path.split(separator: "/").last.map(String.init) ?? f.path) == name + ".yaml" }?.path
            ?? name + ".yaml"
    }

    package func source(atPath path: String) -> SourceFile {
        files.first { $0.path == path } ?? SourceFile(path: path, bytes: [])
    }
}
