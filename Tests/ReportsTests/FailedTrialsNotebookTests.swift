import Experiments
import Foundation
import Testing

@testable import Reports

@Test func failedTrialsAreCountedInTheDesignSection() {
  var summary = Fixtures.sweep()
  summary.failures = [
    SkipCount(
      reason: "the generator server at http://h/v1/completions answered HTTP 503", count: 2),
    SkipCount(reason: "cannot reach the generator server at http://h/v1/completions", count: 1),
  ]
  let markdown = Notebook(summary: summary, path: "n/a.md", images: [], database: "db").markdown()
  #expect(markdown.contains("## Design"))
  #expect(
    markdown.contains("Failed trials: 3, whose server request still failed after its retries"))
  #expect(
    markdown.contains("- 2 × the generator server at http://h/v1/completions answered HTTP 503"))
  let clean = Notebook(summary: Fixtures.sweep(), path: "n/a.md", images: [], database: "db")
  #expect(!clean.markdown().contains("Failed trials"))
}

@Test func theChatEndpointIsNamedInProvenanceWithTheServersPromptTokens() {
  let identity = GeneratorIdentity(
    backend: "openai", modelSHA256: "m", url: "http://h/v1", servedModel: "x", endpoint: "chat")
  let rows = Notebook.runRows(RunProvenance(gitCommit: "c", threads: 1, generator: identity))
  let generator = rows.first { $0.first == "generator" }?.last ?? ""
  #expect(generator.contains("chat endpoint"))
  #expect(generator.contains("prompt tokens and their counts are the server's"))
  var plain = identity
  plain.endpoint = nil
  let plainRows = Notebook.runRows(RunProvenance(gitCommit: "c", threads: 1, generator: plain))
  let plainGenerator = plainRows.first { $0.first == "generator" }?.last ?? ""
  #expect(plainGenerator.hasPrefix("openai") && !plainGenerator.contains("chat"))
}
