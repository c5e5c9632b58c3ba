import Inference
import Testing

@testable import Experiments

@Test func specHashIgnoresFormattingCommentsKeyOrderAndSweepForm() throws {
  let a = try SpecLoader.parse(yaml: validSpec)
  let reformatted = """
    # same experiment, written differently
    metrics: [subem, em, f1]
    module: {k: {from: 1, to: 12, step: 1}, name: passage_count}
    name: demo
    retrievers:
      - bm25
      - dense
    dataset: {seed: 7, limit: 40, path: data/squad/squaddev_v1.1.json, format: squad, name: squad-dev}
    retrieval_depth: 12
    prompt: {chat: true, template: question_last}
    generator: {max_tokens: 24, backend: inprocess, temperature: 0}
    """
  let b = try SpecLoader.parse(yaml: reformatted)
  #expect(a.spec.module.knobs(as: PassageCountKnobs.self)?.k.values == [1, 2, 4, 8, 12])
  #expect(b.spec.module.knobs(as: PassageCountKnobs.self)?.k.values == Array(1...12))
  // Different sweeps: different hash. Same sweep written as a list: same hash.
  #expect(a.hash != b.hash)
  let listForm = reformatted.replacingOccurrences(
    of: "{from: 1, to: 12, step: 1}", with: "[1, 2, 4, 8, 12]")
  #expect(try SpecLoader.parse(yaml: listForm).hash == a.hash)
}

@Test func specHashChangesWhenAnyDecodedValueChanges() throws {
  let base = try SpecLoader.parse(yaml: validSpec).hash
  let changed = try SpecLoader.parse(
    yaml: validSpec.replacingOccurrences(of: "max_tokens: 24", with: "max_tokens: 25"))
  #expect(changed.hash != base)
  #expect(try SpecLoader.parse(yaml: validSpec).hash == base)
}

@Test func sha256MatchesTheStandardTestVectors() {
  #expect(
    SHA256.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  #expect(SHA256.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  let long = String(repeating: "a", count: 1000)
  #expect(
    SHA256.hex(of: long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
}

@Test func limitOverrideIsANewSpecWithTheLimitApplied() throws {
  let base = try SpecLoader.parse(yaml: validSpec)
  let limited = try SpecLoader.overriding(base, limit: 3)
  #expect(limited.spec.dataset.limit == 3)
  #expect(limited.hash != base.hash)
  #expect(limited.yaml.contains("--limit 3"))
}
