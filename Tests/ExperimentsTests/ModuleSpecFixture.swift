@testable import Experiments

/// Module specs over the fake dataset, for module tests: only the module mapping varies.
enum ModuleSpecFixture {
  /// A spec named `name` with `module` as its module mapping (flow YAML).
  static func yaml(
    _ module: String, name: String, retrievers: String = "[bm25]", depth: Int = 10
  ) -> String {
    """
    name: \(name)
    dataset: {name: fake, path: none}
    retrievers: \(retrievers)
    retrieval_depth: \(depth)
    module: \(module)
    """
  }

  /// The module the spec of `yaml(module, name:, retrievers:)` builds.
  static func module(_ module: String, name: String, retrievers: String = "[bm25]") throws
    -> any ExperimentModule
  {
    try ModuleRegistry.module(
      for: try SpecLoader.parse(yaml: yaml(module, name: name, retrievers: retrievers)).spec)
  }
}
