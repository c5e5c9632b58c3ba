import Foundation
import Yams

/// The files a spec names (dataset, model, dense encoder), looked for where `raglab run` will look:
/// relative paths under `RAGLAB_HOME` (see `AssetPaths`).
public enum SpecFiles {
  /// The MiniLM folder the `dense` retriever loads, relative to `RAGLAB_HOME`.
  public static let denseModel = "models/all-MiniLM-L6-v2"

  /// Every file of `loaded` that is missing or unreadable, with its key path and line.
  public static func problems(in loaded: LoadedSpec) -> [SpecProblem] {
    let spec = loaded.spec
    let root = try? Yams.compose(yaml: loaded.yaml)
    func line(_ keys: [String]) -> Int? {
      keys.reduce(root) { node, key in node?.mapping?[key] }?.mark?.line
    }
    var problems: [SpecProblem] = []
    func need(
      _ path: String, _ kind: FileAccess.Kind, _ what: String, at keyPath: String, line: Int?
    ) {
      let resolved = AssetPaths.resolve(path)
      guard let problem = FileAccess.problem(resolved, kind: kind) else { return }
      let message =
        problem == .missing
        ? MissingAssetError(what: what, path: resolved).description
        : "cannot read \(what) at \(resolved): \(problem.reason)"
      problems.append(SpecProblem(keyPath: keyPath, line: line, message: message))
    }
    need(
      spec.dataset.path, spec.dataset.format == "beir" ? .folder : .file,
      "dataset '\(spec.dataset.name)'", at: "dataset.path", line: line(["dataset", "path"]))
    if spec.generator.backend == "inprocess" {
      need(
        spec.generator.model, .file, "model", at: "generator.model",
        line: line(["generator", "model"]) ?? line(["generator"]))
    }
    if let i = spec.retrievers.firstIndex(of: "dense") {
      let keyPath = "retrievers[\(i)]"
      let at = root?.mapping?["retrievers"]?.sequence?[i].mark?.line
      need(denseModel, .folder, "dense retriever model (all-MiniLM-L6-v2)", at: keyPath, line: at)
      need(
        denseModel + "/model.safetensors", .file, "dense retriever weights", at: keyPath, line: at)
    }
    return problems
  }

  /// Checks the files `loaded` names.
  /// - Throws: `SpecError` for `file` listing every missing or unreadable one.
  public static func check(_ loaded: LoadedSpec, file: String) throws {
    let problems = problems(in: loaded)
    if !problems.isEmpty { throw SpecError(file: file, problems: problems) }
  }
}
