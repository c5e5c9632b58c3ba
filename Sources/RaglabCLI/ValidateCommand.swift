import ArgumentParser
import Experiments

/// `raglab validate SPEC…`: checks specs without running anything.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check experiment specs and report every problem with its key path and line.")

  @Argument(help: "Spec files (YAML).")
  var specs: [String]

  func run() throws {
    var failed = false
    for path in specs {
      do {
        let loaded = try SpecLoader.load(path: path)
        let spec = loaded.spec
        let conditions =
          ModuleRegistry.module(named: spec.module.name)?.conditions(for: spec).count ?? 0
        print(
          "\(path): ok — \(spec.name), module \(spec.module.name), retrievers \(spec.retrievers.joined(separator: ", ")), "
            + "k \(spec.module.k.values.map(String.init).joined(separator: ",")), \(conditions) conditions, "
            + "spec hash \(loaded.hash.prefix(12))")
      } catch let error as SpecError {
        print(error.description)
        failed = true
      }
    }
    if failed { throw ExitCode.failure }
  }
}
