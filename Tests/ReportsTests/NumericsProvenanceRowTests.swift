import Experiments
import Testing

@testable import Reports

/// The notebook's `generator` provenance row for `identity` and `prefillPath`.
private func generatorRow(_ identity: GeneratorIdentity, prefillPath: String? = nil) -> String {
  let run = RunProvenance(gitCommit: "c", threads: 1, generator: identity, prefillPath: prefillPath)
  return Notebook.runRows(run).first { $0.first == "generator" }?.last ?? ""
}

@Test func theProvenanceRowNamesTheNumericsAndThePrefillPath() {
  var identity = GeneratorIdentity(
    backend: "inprocess", modelSHA256: "m", engineVersion: "7", kvCache: "f32", numerics: "fast")
  #expect(
    generatorRow(identity, prefillPath: "int8 AVX2 (Q4_1); f32 SGEMM (none)")
      == "inprocess, KV cache f32, numerics fast (prefill: int8 AVX2 (Q4_1); f32 SGEMM (none))")
  // An identity without numerics is an f32 run (the only path before the key existed).
  identity.numerics = nil
  #expect(generatorRow(identity) == "inprocess, KV cache f32, numerics f32")
  let server = GeneratorIdentity(backend: "openai", modelSHA256: "m", url: "http://h/v1")
  #expect(!generatorRow(server).contains("numerics"))
}
