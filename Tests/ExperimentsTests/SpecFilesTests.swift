import Foundation
import Testing

@testable import Experiments

/// A spec whose dataset and model are the given paths.
private func specNaming(dataset: String, model: String) -> String {
  """
  name: files
  dataset:
    name: tiny
    path: \(dataset)
  retrievers: [bm25]
  generator:
    model: \(model)
  module: {name: passage_count, k: [1]}
  """
}

/// A fresh empty folder under the temporary directory.
private func scratchFolder() throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "raglab-specfiles-\(UUID().uuidString)"
  ).path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

@Test func missingDatasetAndModelFilesAreProblemsNamingThePathAndTheSetupCommand() throws {
  let loaded = try SpecLoader.parse(
    yaml: specNaming(dataset: "/nonexistent/squad.json", model: "/nonexistent/m.gguf"))
  let problems = SpecFiles.problems(in: loaded)
  #expect(problems.map(\.keyPath) == ["dataset.path", "generator.model"])
  #expect(problems.map(\.line) == [4, 7])
  #expect(problems[0].message.contains("/nonexistent/squad.json"))
  #expect(problems[0].message.contains("make quickstart"))
  #expect(problems[1].message.contains("/nonexistent/m.gguf"))
  #expect(throws: SpecError.self) { try SpecFiles.check(loaded, file: "files.yaml") }
}

@Test func existingFilesPassAndAFolderWhereAFileBelongsSaysSo() throws {
  let folder = try scratchFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let data = folder + "/data.json"
  let model = folder + "/model.gguf"
  try "{}".write(toFile: data, atomically: true, encoding: .utf8)
  try "x".write(toFile: model, atomically: true, encoding: .utf8)
  #expect(
    SpecFiles.problems(in: try SpecLoader.parse(yaml: specNaming(dataset: data, model: model)))
      .isEmpty)
  let wrong = SpecFiles.problems(
    in: try SpecLoader.parse(yaml: specNaming(dataset: folder, model: model)))
  #expect(wrong.map(\.keyPath) == ["dataset.path"])
  #expect(wrong.first?.message.contains("is a directory") == true)
}

@Test func openAIBackendNeedsNoModelFile() throws {
  let yaml = specNaming(dataset: "/nonexistent/squad.json", model: "served-name")
    .replacingOccurrences(
      of: "generator:\n", with: "generator:\n  backend: openai\n  url: http://127.0.0.1:8080/v1\n")
  let problems = SpecFiles.problems(in: try SpecLoader.parse(yaml: yaml))
  #expect(problems.map(\.keyPath) == ["dataset.path"])
}

@Test func unreadableSpecFileSaysWhy() throws {
  let folder = try scratchFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let missing = try #require(throws: SpecError.self) {
    try SpecLoader.load(path: folder + "/absent.yaml")
  }
  #expect(missing.description.contains("cannot read the file: no such file or directory"))
  let directory = try #require(throws: SpecError.self) { try SpecLoader.load(path: folder) }
  #expect(directory.description.contains("cannot read the file: is a directory"))
}

@Test(.enabled(if: getuid() != 0, "root reads any file"))
func specFileWithoutReadPermissionSaysPermissionDenied() throws {
  let folder = try scratchFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let path = folder + "/locked.yaml"
  try "name: x".write(toFile: path, atomically: true, encoding: .utf8)
  try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
  let error = try #require(throws: SpecError.self) { try SpecLoader.load(path: path) }
  #expect(error.description.contains("permission denied"))
}
