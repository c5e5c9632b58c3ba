import Testing

@testable import Experiments

let validSpec = """
  name: demo
  dataset:
    name: squad-dev
    format: squad
    path: data/squad/squaddev_v1.1.json
    limit: 40
    seed: 7
  retrievers: [bm25, dense]
  retrieval_depth: 12
  generator:
    max_tokens: 24
  prompt:
    template: question_last
    chat: true
  module:
    name: passage_count
    k: [1, 2, 4, 8, 12]
  metrics: [subem, em, f1]
  """

@Test func validSpecDecodesWithDefaultsFilledIn() throws {
  let loaded = try SpecLoader.parse(yaml: validSpec)
  #expect(loaded.spec.module.knobs(as: PassageCountKnobs.self)?.k.values == [1, 2, 4, 8, 12])
  #expect(loaded.spec.generator.model == GeneratorSpec.defaultModel)
  #expect(loaded.spec.generator.maxTokens == 24)
  #expect(loaded.spec.dataset.seed == 7)
  #expect(loaded.hash.count == 64)
}

@Test func everySpecProblemIsReportedAtOnceWithKeyPathAndLine() throws {
  let yaml = """
    name: broken
    dataset:
      name: squad-dev
      path: x.json
      limt: 40
    retrievers: [bm25, splade]
    retrieval_depth: 8
    generator:
      max_tokens: many
    prompt:
      template: question_middle
    module:
      name: passage_count
      k: [1, 4, 16]
    """
  let error = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: yaml, file: "broken.yaml")
  }
  let byPath = Dictionary(error.problems.map { ($0.keyPath, $0) }, uniquingKeysWith: { a, _ in a })
  #expect(error.problems.count == 5)
  #expect(byPath["dataset.limt"]?.line == 5)
  #expect(byPath["dataset.limt"]?.message.contains("did you mean 'limit'") == true)
  #expect(byPath["retrievers[1]"]?.line == 6)
  #expect(byPath["retrievers[1]"]?.message.contains("unknown retriever 'splade'") == true)
  #expect(byPath["generator.max_tokens"]?.line == 9)
  #expect(byPath["generator.max_tokens"]?.message.contains("expected an integer") == true)
  #expect(byPath["prompt.template"]?.line == 11)
  #expect(byPath["module.k[2]"]?.line == 14)
  #expect(byPath["module.k[2]"]?.message.contains("larger than the retrieval depth (8)") == true)
  #expect(error.description.contains("broken.yaml:line 5: dataset.limt"))
}

@Test func emptySweepsUnknownModulesAndMissingKeysAreProblems() throws {
  let yaml = """
    name: empty
    dataset: {name: d, path: p}
    retrievers: []
    module:
      name: passage_cnt
      k: []
    """
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  let paths = Set(error.problems.map(\.keyPath))
  #expect(paths == ["retrievers", "module.name", "module.k"])
  #expect(
    error.problems.first { $0.keyPath == "module.name" }?.message.contains(
      "did you mean 'passage_count'") == true)
  #expect(error.problems.allSatisfy { $0.line != nil })
}

@Test func reversedRangeIsAnEmptySweepAndUnknownTopLevelKeysGetSuggestions() throws {
  let yaml = """
    name: r
    dataset: {name: d, path: p}
    retriever: [bm25]
    module: {name: passage_count, k: {from: 9, to: 3}}
    """
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  #expect(
    error.problems.contains {
      $0.keyPath == "retriever" && $0.message.contains("did you mean 'retrievers'")
    })
  #expect(
    error.problems.contains { $0.keyPath == "retrievers" && $0.message == "missing required key" })
  #expect(
    error.problems.contains { $0.keyPath == "module.k" && $0.message.contains("empty sweep") })
}

@Test func wrongTypesForWholeSectionsAreReported() throws {
  let yaml = """
    name: [not, a, string]
    dataset: squad
    retrievers: bm25
    module: {name: passage_count, k: four}
    """
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  #expect(Set(error.problems.map(\.keyPath)) == ["name", "dataset", "retrievers", "module.k"])
  #expect(
    error.problems.first { $0.keyPath == "dataset" }?.message == "expected a mapping, got 'squad'")
}

@Test func kvCacheIsAnInProcessChoice() throws {
  let base = validSpec.replacingOccurrences(
    of: "  max_tokens: 24", with: "  max_tokens: 24\n  kv_cache: f16")
  #expect(try SpecLoader.parse(yaml: base).spec.generator.kvCache == "f16")
  #expect(try SpecLoader.parse(yaml: validSpec).spec.generator.kvCache == nil)
  let wrong = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: base.replacingOccurrences(of: "kv_cache: f16", with: "kv_cache: q8"))
  }
  #expect(wrong.problems.map(\.keyPath) == ["generator.kv_cache"])
  let http = base.replacingOccurrences(
    of: "  max_tokens: 24",
    with: "  backend: openai\n  url: http://127.0.0.1:8080/v1\n  max_tokens: 24")
  let misplaced = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: http) }
  #expect(
    misplaced.problems.map(\.message) == ["only applies to backend: inprocess (backend is openai)"])
}
