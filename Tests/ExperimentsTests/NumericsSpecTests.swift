import Testing

@testable import Experiments

/// `validSpec` with `generator.numerics: value` on line 12, after `max_tokens` (line 11).
private func specWithNumerics(_ value: String, backend: String = "") -> String {
  validSpec.replacingOccurrences(
    of: "  max_tokens: 24", with: "  max_tokens: 24\n  numerics: \(value)\(backend)")
}

@Test func numericsDefaultsToFastAndAcceptsF32() throws {
  #expect(try SpecLoader.parse(yaml: validSpec).spec.generator.engineNumerics == .fast)
  #expect(
    try SpecLoader.parse(yaml: specWithNumerics("fast")).spec.generator.engineNumerics == .fast)
  #expect(try SpecLoader.parse(yaml: specWithNumerics("f32")).spec.generator.engineNumerics == .f32)
}

@Test func anUnknownNumericsValueIsAnErrorNamingTheKeyLineAndChoices() throws {
  let wrong = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: specWithNumerics("bf16"))
  }
  #expect(wrong.problems.map(\.keyPath) == ["generator.numerics"])
  #expect(wrong.problems.map(\.line) == [12])
  #expect(wrong.problems.map(\.message) == ["unknown prefill numerics 'bf16'; known: fast, f32"])
}

@Test func numericsWithAnOpenAIBackendIsAnErrorNamingTheKey() throws {
  let yaml = specWithNumerics(
    "f32", backend: "\n  backend: openai\n  url: http://127.0.0.1:8080/v1")
  let misplaced = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  #expect(misplaced.problems.map(\.keyPath) == ["generator.numerics"])
  #expect(
    misplaced.problems.map(\.message) == ["only applies to backend: inprocess (backend is openai)"])
}

@Test func writingTheDefaultNumericsKeepsTheSpecHashWhileF32ChangesIt() throws {
  let absent = try SpecLoader.parse(yaml: validSpec).hash
  #expect(try SpecLoader.parse(yaml: specWithNumerics("fast")).hash == absent)
  #expect(try SpecLoader.parse(yaml: specWithNumerics("f32")).hash != absent)
}
