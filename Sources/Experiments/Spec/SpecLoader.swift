import Foundation
import Inference
import Yams

/// A validated spec together with its source text and identity hash.
public struct LoadedSpec: Sendable {
  /// The decoded spec (defaults filled in).
  public let spec: ExperimentSpec
  /// The YAML text it came from, stored with the experiment.
  public let yaml: String
  /// sha256 of the canonical JSON encoding (sorted keys) of `spec`.
  public let hash: String
}

/// Reads, validates and decodes experiment specs.
public enum SpecLoader {
  /// Loads the spec file at `path`.
  /// - Throws: `SpecError` listing every problem with key path and line.
  public static func load(path: String) throws -> LoadedSpec {
    func unreadable(_ reason: String) -> SpecError {
      SpecError(
        file: path,
        problems: [SpecProblem(keyPath: "", line: nil, message: "cannot read the file: \(reason)")])
    }
    if let problem = FileAccess.problem(path, kind: .file) { throw unreadable(problem.reason) }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw unreadable(error.localizedDescription)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw unreadable("it is not UTF-8 text")
    }
    return try parse(yaml: text, file: path)
  }

  /// Validates and decodes YAML text; `file` names it in messages.
  /// - Throws: `SpecError` listing every problem found, not just the first.
  public static func parse(yaml: String, file: String = "<string>") throws -> LoadedSpec {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw SpecError(
          file: file, problems: [SpecProblem(keyPath: "", line: 1, message: "the file is empty")])
      }
      root = node
    } catch let error as SpecError {
      throw error
    } catch {
      throw SpecError(
        file: file,
        problems: [SpecProblem(keyPath: "", line: nil, message: "not valid YAML: \(error)")])
    }
    var checker = SpecChecker()
    checker.check(root, SpecVocabulary.schema, path: "")
    checkModuleKnobs(root, &checker)
    checkBackendKeys(root, &checker)
    DiagnosticsCheck.check(root, &checker)
    ConcurrencyCheck.check(root, &checker)
    ConnectionCheck.check(root, &checker)
    guard checker.problems.isEmpty else { throw SpecError(file: file, problems: checker.problems) }
    do {
      let spec = try YAMLDecoder().decode(ExperimentSpec.self, from: root)
      return LoadedSpec(spec: spec, yaml: yaml, hash: try SpecHash.of(spec))
    } catch {
      throw SpecError(
        file: file,
        problems: [SpecProblem(keyPath: "", line: nil, message: "cannot decode: \(error)")])
    }
  }

  /// `loaded` with `dataset.limit` set to `limit`: a different spec (new hash, so a separate
  /// experiment); the stored YAML gets a trailing comment recording the override.
  public static func overriding(_ loaded: LoadedSpec, limit: Int) throws -> LoadedSpec {
    var spec = loaded.spec
    spec.dataset.limit = limit
    let yaml =
      loaded.yaml + "\n# overridden by `raglab run --limit \(limit)`: dataset.limit = \(limit)\n"
    return LoadedSpec(spec: spec, yaml: yaml, hash: try SpecHash.of(spec))
  }

  /// Reports a missing `generator.url` for `backend: openai`, and keys of one backend used with
  /// the other.
  private static func checkBackendKeys(_ root: Node, _ checker: inout SpecChecker) {
    guard let generator = root.mapping?["generator"], let keys = generator.mapping else { return }
    let backend = keys["backend"]?.string ?? GeneratorSpec().backend
    if backend == "openai" && keys["url"] == nil {
      checker.report(
        "generator.url", generator.mark?.line,
        "missing required key for backend: openai (the API root, e.g. http://127.0.0.1:8080/v1)")
    }
    if backend == "openai", let node = keys["url"], let url = node.string, !isHTTPURL(url) {
      checker.report(
        "generator.url", node.mark?.line,
        "expected an http:// or https:// URL with a host, e.g. http://127.0.0.1:8080/v1; got '\(url)'"
      )
    }
    let owners = [
      "url": "openai", "model_sha256": "openai", "kv_cache": "inprocess", "endpoint": "openai",
      "retries": "openai", "api_key_env": "openai", "numerics": "inprocess",
      "block_count": "openai",
    ]
    for (key, owner) in owners.sorted(by: { $0.key < $1.key }) where owner != backend {
      if let node = keys[key] {
        checker.report(
          "generator.\(key)", node.mark?.line,
          "only applies to backend: \(owner) (backend is \(backend))")
      }
    }
  }

  /// Whether `text` is an absolute http(s) URL naming a host.
  private static func isHTTPURL(_ text: String) -> Bool {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
      let host = url.host, !host.isEmpty
    else { return false }
    return scheme == "http" || scheme == "https"
  }

  /// The module's own checks of its knobs against each other and the rest of the spec (they read
  /// the nodes defensively: wrong shapes are already reported).
  private static func checkModuleKnobs(_ root: Node, _ checker: inout SpecChecker) {
    guard let module = root.mapping?["module"],
      let name = module.mapping?["name"]?.string, let entry = ModuleRegistry.entry(named: name)
    else { return }
    entry.check(module, root, &checker)
  }
}

/// The identity of a spec: same decoded content, same hash, whatever the YAML formatting.
public enum SpecHash {
  /// Canonical JSON (sorted keys, defaults filled in) of `spec`.
  public static func canonicalJSON(_ spec: ExperimentSpec) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(spec)
  }

  /// sha256 (hex) of `canonicalJSON(spec)`.
  public static func of(_ spec: ExperimentSpec) throws -> String {
    SHA256.hex(of: Array(try canonicalJSON(spec)))
  }
}
