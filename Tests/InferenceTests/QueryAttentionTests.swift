import Testing

@testable import Inference

private let prompt: [Int32] = [1, 4, 2, 7, 3, 8, 0, 5, 6]

/// Σ over layers of `attentionMass` (head-averaged, last position) on each single position, times
/// the heads: the last position's summed attention by the existing, independent path.
private func lastPositionAttention(_ session: Session, heads: Int) -> [Float] {
  let spans = (0..<session.count).map { $0..<($0 + 1) }
  let perLayer = session.attentionMass(spans: spans)
  return spans.indices.map { j in perLayer.reduce(0) { $0 + $1[j] } * Float(heads) }
}

@Test(arguments: [KVCacheType.f32, .f16])
func attentionReceivedFromTheLastPositionEqualsAttentionMassOverHeadsAndLayers(
  kvCache: KVCacheType
) throws {
  let tiny = TinyModel(arch: "qwen2")
  let model = try LanguageModel.load(path: try tiny.write(), threads: 2, numerics: .f32)
  let session = model.makeSession(contextLength: 32, kvCache: kvCache)
  session.capturesQueries = true
  try session.append(prompt)
  let received = try session.attentionReceived(from: (prompt.count - 1)..<prompt.count)
  let expected = lastPositionAttention(session, heads: tiny.heads)
  #expect(maxDifference(received, expected) < 1e-5)
}

/// Brute force: the attention of each query position p, read as the last position of the same
/// cache truncated to p + 1, summed over the positions.
@Test(arguments: [1, 2], [128, 2])
func attentionReceivedFromSeveralPositionsSumsEachPositionsAttention(threads: Int, block: Int)
  throws
{
  let tiny = TinyModel(arch: "llama")
  let model = try LanguageModel.load(path: try tiny.write(), threads: threads, numerics: .f32)
  let session = model.makeSession(contextLength: 32)
  session.attentionRowBlock = block
  try session.append(Array(prompt.prefix(3)))
  session.capturesQueries = true
  try session.append(Array(prompt.dropFirst(3)))
  let queries = 3..<prompt.count
  let received = try session.attentionReceived(from: queries)
  var expected = [Float](repeating: 0, count: prompt.count)
  for p in queries.reversed() {
    session.truncate(to: p + 1)
    for (j, a) in lastPositionAttention(session, heads: tiny.heads).enumerated() {
      expected[j] += a
    }
  }
  #expect(maxDifference(received, expected) < 1e-5)
  // every softmax row sums to one: layers × heads × queries in all
  let total = received.reduce(0, +)
  #expect(abs(total - Float(tiny.layers * tiny.heads * queries.count)) < 1e-4)
}

@Test func attentionReceivedKeepsEarlierQueriesWhenTheCaptureGrows() throws {
  let tiny = TinyModel(arch: "llama")
  let model = try LanguageModel.load(path: try tiny.write(), threads: 1, numerics: .f32)
  let session = model.makeSession(contextLength: 48)
  session.capturesQueries = true
  let long = (0..<40).map { Int32(($0 * 7) % 9) }
  for chunk in [0..<10, 10..<11, 11..<40] { try session.append(Array(long[chunk])) }
  let received = try session.attentionReceived(from: 0..<40)
  var expected = [Float](repeating: 0, count: long.count)
  for p in (0..<40).reversed() {
    session.truncate(to: p + 1)
    for (j, a) in lastPositionAttention(session, heads: tiny.heads).enumerated() {
      expected[j] += a
    }
  }
  #expect(maxDifference(received, expected) < 1e-4)
}

@Test func attentionReceivedRefusesQueriesAppendedWithoutCapture() throws {
  let model = try LanguageModel.load(
    path: try TinyModel(arch: "llama").write(), threads: 1, numerics: .f32)
  let session = model.makeSession(contextLength: 32)
  try session.append(Array(prompt.prefix(4)))
  #expect(throws: SessionError.self) { try session.attentionReceived(from: 2..<4) }
  session.capturesQueries = true
  try session.append(Array(prompt.dropFirst(4)))
  #expect(throws: SessionError.self) { try session.attentionReceived(from: 2..<6) }
  #expect(throws: SessionError.self) { try session.attentionReceived(from: 4..<(prompt.count + 1)) }
  #expect(try session.attentionReceived(from: 4..<6).count == prompt.count)
  session.truncate(to: 2)  // the capture now starts at the cache's end, and re-records appends
  try session.append(Array(prompt.dropFirst(2)))
  #expect(try session.attentionReceived(from: 2..<prompt.count).count == prompt.count)
  session.capturesQueries = false
  session.truncate(to: 5)
  session.capturesQueries = true
  _ = session.lastLogits()  // re-runs position 4, before the capture: recorded nowhere
  try session.append(Array(prompt.dropFirst(5)))
  #expect(throws: SessionError.self) { try session.attentionReceived(from: 4..<6) }
  #expect(try session.attentionReceived(from: 5..<prompt.count).count == prompt.count)
}
