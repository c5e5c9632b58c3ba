// swift-format-ignore-file: AlwaysUseLowerCamelCase
// (names mirror external formats: ggml type names, Hugging Face JSON keys)
import Experiments
import Foundation
import Testing

@testable import Inference

/// The installed all-MiniLM-L6-v2 directory (`$RAGLAB_HOME/models/…`, set up by `make quickstart`).
func miniLMDirectory() throws -> String {
  try AssetPaths.require("models/all-MiniLM-L6-v2", what: "dense retriever model (MiniLM)")
}

/// One sentence of the reference fixture written by scripts/make-minilm-fixture.py.
struct ReferenceCase: Decodable {
  let text: String
  let token_ids: [Int32]
  let embedding: [Float]
}

struct ReferenceFixture: Decodable {
  let max_seq_length: Int
  let cases: [ReferenceCase]

  static func load() throws -> ReferenceFixture {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .appendingPathComponent("Fixtures/minilm-reference.json")
    return try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
  }
}

/// The real model, loaded once for every test in this file.
let sharedMiniLM: Result<SentenceEncoder, any Error> = Result {
  try SentenceEncoder.load(directory: miniLMDirectory())
}

@Test func miniLMTokenIdsEqualHuggingFaceTokenizer() throws {
  let encoder = try sharedMiniLM.get()
  let fixture = try ReferenceFixture.load()
  #expect(encoder.maxSequenceLength == fixture.max_seq_length)
  for reference in fixture.cases {
    #expect(encoder.tokenize(reference.text) == reference.token_ids, "text: \(reference.text)")
  }
}

@Test func miniLMEmbeddingsMatchSentenceTransformers() throws {
  let encoder = try sharedMiniLM.get()
  let fixture = try ReferenceFixture.load()
  let vectors = encoder.encode(fixture.cases.map(\.text), batchSize: 8)
  var lowest: Float = 1
  defer {
    print(
      "MiniLM vs sentence-transformers: lowest cosine \(lowest) over \(vectors.count) sentences")
  }
  for (reference, vector) in zip(fixture.cases, vectors) {
    #expect(vector.count == 384)
    let cosine = zip(reference.embedding, vector).reduce(Float(0)) { $0 + $1.0 * $1.1 }
    let norm = reference.embedding.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
    lowest = min(lowest, cosine / norm)
    #expect(cosine / norm >= 0.999, "text: \(reference.text.prefix(60)) cosine \(cosine / norm)")
  }
}

@Test func miniLMBatchingDoesNotChangeEmbeddings() throws {
  let encoder = try sharedMiniLM.get()
  let texts = [
    "short", "a somewhat longer sentence about Normandy and its dukes", "mid length text",
  ]
  let batched = encoder.encode(texts, batchSize: 3)
  let single = texts.map { encoder.encode([$0], batchSize: 1)[0] }
  for (a, b) in zip(batched, single) {
    #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-5 })
  }
}

@Test func missingModelFileNamesSetupCommand() throws {
  #expect {
    try SentenceEncoder.load(directory: "/nonexistent/all-MiniLM-L6-v2")
  } throws: { error in
    String(describing: error).contains("make quickstart")
  }
}
