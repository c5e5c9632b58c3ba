import Foundation
import Inference
import Store
import Testing

@testable import Experiments

@Test func aRunRecordsItsNumericsAndPrefillPathInProvenance() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let generator = FakeGenerator()
  generator.identity.numerics = "fast"
  generator.prefillPath = "int8 AVX2 (Q4_1); f32 SGEMM (none)"
  let summary = try ExperimentRunner(
    loaded: try SpecLoader.parse(yaml: runnerSpecYAML), inputs: FakeData.inputs(questions: 1),
    generator: generator, store: store
  ).run()
  let experiment = try #require(try store.experiments().first { $0.id == summary.experimentId })
  let json = try #require(experiment.provenanceJSON)
  #expect(json.contains(#""numerics":"fast""#))
  #expect(json.contains(#""prefillPath":"int8 AVX2 (Q4_1); f32 SGEMM (none)""#))
  let provenance = try JSONText.decode(RunProvenance.self, from: json)
  #expect(provenance.generator.numerics == "fast")
  #expect(provenance.prefillPath == "int8 AVX2 (Q4_1); f32 SGEMM (none)")
}

@Test func provenanceStoredBeforeThePrefillPathExistedStillDecodes() throws {
  let old = #"""
    {"dependencies":{},"engineVersion":"2026.12-1","generator":{"backend":"inprocess",\#
    "engineVersion":"2026.12-1","kvCache":"f32","modelSHA256":"abc"},"gitCommit":"c",\#
    "machine":"m","raglabVersion":"r","threads":2}
    """#
  let provenance = try JSONText.decode(RunProvenance.self, from: old)
  #expect(provenance.prefillPath == nil && provenance.generator.numerics == nil)
}

@Test func theInProcessGeneratorNamesFastNumericsAndItsPrefillPath() throws {
  let path = try defaultModelPath()
  let fastModel = try LanguageModel.load(path: path, numerics: .fast)
  let fast = try InProcessGenerator(model: fastModel)
  let f32 = try InProcessGenerator(model: LanguageModel.load(path: path, numerics: .f32))
  #expect(fast.identity.numerics == "fast")
  #expect(f32.identity.numerics == nil)
  #expect(fast.identity.key != f32.identity.key)
  #expect(fast.prefillPath == fastModel.prefillPath)
  #expect(f32.prefillPath?.isEmpty == false)
}
