import DialogEngine
import DialogModel

/// The repository's folder: the tests read the shipped dialogs and the fixtures from it.
package let repositoryFolder = "/" + #filePath.split(separator: "/").dropLast(3).joined(separator: "/")

/// The shipped bundle (`Dialogs/`), loaded once per test process; nil when it does not
/// load, so that a test that needs it fails at its `#require`.
package let shippedBundle: DialogBundle? = (try? BundleLoader.load(folder: repositoryFolder + "/Dialogs", comparingExamples: false))?.bundle

/// The shipped bundle compiled once: every session of the tests shares its compiled
/// crisis intents, concepts and phrase sets.
package let shippedCompiled: CompiledBundle? = shippedBundle.map { CompiledBundle($0) }
