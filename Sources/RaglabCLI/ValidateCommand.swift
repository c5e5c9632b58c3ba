import ArgumentParser
import Experiments

/// `raglab validate SPEC…`: checks specs without running anything.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check experiment specs and report every problem with its key path and line.",
    discussion: """
      Besides the spec itself, checks what `raglab run` needs: the dataset, model and (for dense)
      encoder files exist and can be read, relative paths resolved under RAGLAB_HOME.
      """)

  @Argument(help: "Spec files (YAML).")
  var specs: [String]

  @Flag(
    help: "Check only the spec itself, not the files it names (e.g. on a machine without assets).")
  var structureOnly = false

  func run() throws {
    var failed = false
    for path in specs {
      do {
        let loaded = try SpecLoader.load(path: path)
        if !structureOnly { try SpecFiles.check(loaded, file: path) }
        let spec = loaded.spec
        let conditions = try ModuleRegistry.module(for: spec).conditions().count
        print(
          "\(path): ok — \(spec.name), module \(spec.module.name) \(spec.module.knobs.canonicalJSON), "
            + "retrievers \(spec.retrievers.joined(separator: ", ")), \(conditions) conditions, "
            + "spec hash \(loaded.hash.prefix(12))")
      } catch let error as SpecError {
        print(error.description)
        failed = true
      } catch {
        print("\(path): \(error)")
        failed = true
      }
    }
    if failed { throw ExitCode.failure }
  }
}
