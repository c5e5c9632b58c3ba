import Experiments
import Foundation
import Testing

@testable import Inference

// Checks the default model against llama.cpp's own answers (Fixtures/llamacpp, written by
// scripts/make-fixtures.py; see docs/llamacpp-reference.md). scripts/compare-with-llamacpp.py
// measures the full acceptance figures through the CLI; these tests guard them in `make test`.

/// The fixture directory next to this file.
private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("Fixtures/llamacpp")

/// The default model, loaded once.
private let referenceModel = Result {
  try LanguageModel.load(
    path: AssetPaths.require(GeneratorSpec.defaultModel, what: "default model (SmolLM2-135M)"))
}

/// The same model with the F32 SGEMM prefill (`--numerics f32`).
private let referenceModelF32 = Result {
  try LanguageModel.load(
    path: AssetPaths.require(GeneratorSpec.defaultModel, what: "default model (SmolLM2-135M)"),
    numerics: .f32)
}

/// The JSON objects of a JSON-lines fixture (`.gz` files are read through `gzip -dc`).
private func fixtureRows(_ name: String) throws -> [[String: Any]] {
  let url = fixtures.appendingPathComponent(name)
  var data = try Data(contentsOf: url)
  if name.hasSuffix(".gz") {
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    gzip.arguments = ["gzip", "-dc", url.path]
    let pipe = Pipe()
    gzip.standardOutput = pipe
    try gzip.run()
    data = pipe.fileHandleForReading.readDataToEndOfFile()
    gzip.waitUntilExit()
  }
  return try data.split(separator: UInt8(ascii: "\n")).map {
    try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any]
  }
}

private func ints(_ value: Any?) -> [Int32] { (value as! [NSNumber]).map { $0.int32Value } }

/// The token-ids fixtures tokenized with raglab: (text, llama.cpp's ids, raglab's ids).
private func tokenizerMismatches(_ file: String) throws -> [(String, [Int32], [Int32])] {
  let tokenizer = try referenceModel.get().tokenizer
  return try fixtureRows(file).compactMap { row in
    let text = row["text"] as! String
    let expected = ints(row["tokens"])
    let got = tokenizer.encode(text, parseSpecial: true)
    return got == expected ? nil : (text, expected, got)
  }
}

@Test func tokenizerMatchesLlamaCppOnHardStrings() throws {
  let mismatches = try tokenizerMismatches("tokenizer-hard.jsonl")
  #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
}

@Test func tokenizerMatchesLlamaCppOnSQuADQuestionsAndParagraphs() throws {
  let mismatches = try tokenizerMismatches("tokenizer-squad.jsonl.gz")
  #expect(mismatches.isEmpty, "\(mismatches.count) differ, e.g. \(mismatches.prefix(3))")
}

/// Cosine similarity of two vectors.
private func cosine(_ a: [Float], _ b: [Float]) -> Float {
  var ab: Float = 0
  var aa: Float = 0
  var bb: Float = 0
  for i in a.indices {
    ab += a[i] * b[i]
    aa += a[i] * a[i]
    bb += b[i] * b[i]
  }
  return ab / (aa.squareRoot() * bb.squareRoot())
}

@Test(arguments: [Numerics.fast, .f32])
func nextTokenAndFinalHiddenStateMatchLlamaCppOnRAGPrompts(numerics: Numerics) throws {
  let model = try numerics == .fast ? referenceModel.get() : referenceModelF32.get()
  // Prompts with a hidden state, plus the short ones (the full set runs in the compare script).
  let rows = try fixtureRows("next-token.jsonl").filter {
    $0["hidden"] != nil || ($0["n_tokens"] as! Int) <= 400
  }
  #expect(rows.count >= 10)
  let finalNorm = model.config.layerCount + 1
  var overlaps: [Double] = []
  for row in rows {
    let id = row["id"] as! String
    let top = (row["top"] as! [[NSNumber]]).map { (Int($0[0].intValue), $0[1].floatValue) }
    let tokens = model.tokenizer.encode(row["prompt"] as! String, parseSpecial: true)
    #expect(tokens.count == row["n_tokens"] as! Int, "\(id): token count")
    let session = model.makeSession(contextLength: tokens.count + 1)
    if row["hidden"] != nil { session.captureHiddenLayers = [finalNorm] }
    try session.append(tokens)
    let logits = session.lastLogits()
    let ours = Set(logits.indices.sorted { logits[$0] > logits[$1] }.prefix(20))
    overlaps.append(Double(ours.intersection(top.map(\.0)).count) / 20)
    // A near tie in llama.cpp's own logits may flip under 8-bit activation rounding.
    if top[0].1 - top[1].1 > 0.5 {
      #expect(Sampler.argmax(logits) == top[0].0, "\(id): argmax")
    }
    for (token, logit) in top.prefix(5) {
      #expect(abs(logits[token] - logit) < 1.0, "\(id): logit of \(token)")
    }
    if let expected = row["hidden"] as? [NSNumber] {
      let hidden = session.hiddenState(layer: finalNorm, position: tokens.count - 1)
      let c = cosine(hidden, expected.map(\.floatValue))
      #expect(c > 0.995, "\(id): cosine of the final-norm hidden state is \(c)")
    }
  }
  let mean = overlaps.reduce(0, +) / Double(overlaps.count)
  #expect(mean >= 0.9, "mean top-20 overlap \(mean)")
}
