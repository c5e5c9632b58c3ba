import Testing

@testable import Experiments

/// The problem at `keyPath` in `error`, if any.
private func problem(_ error: SpecError, _ keyPath: String) -> SpecProblem? {
  error.problems.first { $0.keyPath == keyPath }
}

@Test func controlCharactersInNamesAreSpecErrorsWithKeyPathAndLine() throws {
  let yaml = """
    name: "demo\\nset output 'x'"
    dataset: {name: "squad\\tdev", path: "data/x.json"}
    retrievers: [bm25]
    generator: {model: "model\\u0007.gguf"}
    module: {name: passage_count, k: [1]}
    """
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  #expect(Set(error.problems.map(\.keyPath)) == ["name", "dataset.name", "generator.model"])
  #expect(problem(error, "name")?.line == 1)
  #expect(problem(error, "name")?.message.contains("U+000A") == true)
  #expect(problem(error, "dataset.name")?.line == 2)
  #expect(problem(error, "dataset.name")?.message.contains("U+0009") == true)
  #expect(problem(error, "generator.model")?.line == 4)
  #expect(problem(error, "generator.model")?.message.contains("U+0007") == true)
}

@Test func emptyNamesAndBlockScalarNamesAreRefused() throws {
  let yaml = """
    name: |
      two
      lines
    dataset: {name: "  ", path: ""}
    retrievers: [bm25]
    module: {name: passage_count, k: [1]}
    """
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  #expect(Set(error.problems.map(\.keyPath)) == ["name", "dataset.name", "dataset.path"])
  #expect(problem(error, "dataset.name")?.message == "must not be empty")
  #expect(problem(error, "dataset.path")?.message == "must not be empty")
  #expect(problem(error, "dataset.path")?.line == 4)
}

@Test func textThatMayHoldNewlinesStaysAccepted() throws {
  let yaml = """
    name: ok
    dataset: {name: d, path: p.json}
    retrievers: [bm25]
    generator: {stop: ["\\n", "Question:"]}
    prompt: {instruction: "Line one.\\nLine two."}
    module: {name: passage_count, k: [1]}
    """
  let spec = try SpecLoader.parse(yaml: yaml).spec
  #expect(spec.generator.stop == ["\n", "Question:"])
  #expect(spec.prompt.instruction == "Line one.\nLine two.")
}

@Test func repeatedListValuesAreSpecErrorsNamingTheValueAndTheFirstPlace() throws {
  let yaml = """
    name: dup
    dataset: {name: d, path: p.json}
    retrievers: [bm25, dense, bm25]
    generator: {stop: ["\\n", "\\n"]}
    module: {name: passage_count, k: [1, 2, 02]}
    metrics: [em, f1, em]
    """
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  #expect(
    Set(error.problems.map(\.keyPath)) == [
      "retrievers[2]", "generator.stop[1]", "module.k[2]", "metrics[2]",
    ])
  let retrievers = try #require(problem(error, "retrievers[2]"))
  #expect(retrievers.line == 3)
  #expect(retrievers.message.contains("duplicate value 'bm25'"))
  #expect(retrievers.message.contains("retrievers[0]"))
  #expect(problem(error, "generator.stop[1]")?.message.contains("duplicate value '\\n'") == true)
  #expect(problem(error, "module.k[2]")?.line == 5)
  #expect(problem(error, "module.k[2]")?.message.contains("module.k[1]") == true)
  #expect(problem(error, "metrics[2]")?.line == 6)
}

@Test func nonFiniteSamplingNumbersAreSpecErrorsWithTheirLine() throws {
  for (value, key) in [
    (".nan", "temperature"), (".NaN", "top_p"), (".inf", "temperature"), ("-.inf", "top_p"),
  ] {
    let yaml = """
      name: nan
      dataset: {name: d, path: p.json}
      retrievers: [bm25]
      generator:
        max_tokens: 8
        \(key): \(value)
      module: {name: passage_count, k: [1]}
      """
    let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
    #expect(error.problems.count == 1)
    #expect(error.problems.first?.keyPath == "generator.\(key)")
    #expect(error.problems.first?.line == 6)
    #expect(error.problems.first?.message == "must be a finite number, got \(value)")
  }
}

@Test func openAIURLMustBeHTTPWithAHost() throws {
  for url in ["ftp://example.org/v1", "localhost:8080/v1", "http:///v1", "127.0.0.1:8080"] {
    let yaml = """
      name: remote
      dataset: {name: d, path: p.json}
      retrievers: [bm25]
      generator:
        backend: openai
        url: "\(url)"
      module: {name: passage_count, k: [1]}
      """
    let error = try #require(throws: SpecError.self, "\(url)") {
      try SpecLoader.parse(yaml: yaml)
    }
    #expect(error.problems.map(\.keyPath) == ["generator.url"], "\(url)")
    #expect(error.problems.first?.line == 6)
    #expect(error.problems.first?.message.contains("http://") == true)
  }
  let good = """
    name: remote
    dataset: {name: d, path: p.json}
    retrievers: [bm25]
    generator: {backend: openai, url: "https://api.example.org:8443/v1"}
    module: {name: passage_count, k: [1]}
    """
  #expect(try SpecLoader.parse(yaml: good).spec.generator.url == "https://api.example.org:8443/v1")
}
