import CKernels

/// A failure to run the model on given tokens.
public struct SessionError: Error, CustomStringConvertible, Sendable {
  /// What went wrong and what was expected.
  public let description: String
}

/// One KV cache over a `LanguageModel`: prefill, O(1) truncation, logits, hidden states, attention.
///
/// Not thread-safe; use one session per task.
public final class Session {
  let model: LanguageModel
  let config: ModelConfig
  /// Positions the KV cache holds at most.
  public let context: Int
  let state: RunState
  /// Hidden-state buffers (`context × dim`) of the captured layers.
  var captured: [Int: UnsafeMutablePointer<Float>] = [:]
  /// First position each captured layer holds (positions before were computed without capture).
  private var capturedFrom: [Int: Int] = [:]
  /// Tokens currently in the cache.
  public private(set) var tokens: [Int32] = []
  /// Query rows per attention GEMM block in prefill (smaller blocks skip more masked scores).
  var attentionRowBlock = RunState.attentionRowBlockLimit {
    didSet { precondition((1...RunState.attentionRowBlockLimit).contains(attentionRowBlock)) }
  }
  /// Whether `state.logits` / `state.lastQuery` describe the last cached position.
  private var outputsValid = false
  /// Per-position queries recorded while `capturesQueries` is on (see Session+QueryAttention.swift).
  var queryCapture: QueryCapture?

  /// Tokens currently in the cache.
  public var count: Int { tokens.count }

  /// Layers whose hidden states `append` records (0 = embeddings, L = after block L,
  /// layerCount+1 = after the final norm); empty records nothing and costs nothing.
  public var captureHiddenLayers: Set<Int> = [] {
    didSet {
      for l in captured.keys where !captureHiddenLayers.contains(l) {
        captured.removeValue(forKey: l)?.deallocate()
        capturedFrom[l] = nil
      }
      for l in captureHiddenLayers
      where captured[l] == nil && (0...config.layerCount + 1).contains(l) {
        captured[l] = .allocate(capacity: context * config.embeddingLength)
        capturedFrom[l] = count
      }
    }
  }

  /// How the KV cache stores keys and values.
  public var kvCacheType: KVCacheType { state.kvType }

  init(model: LanguageModel, contextLength: Int, kvCache: KVCacheType) {
    self.model = model
    self.config = model.config
    self.context = max(1, contextLength)
    self.state = RunState(
      config: model.config, context: context, batch: min(512, context), threads: model.threads,
      kvType: kvCache)
  }

  deinit { for p in captured.values { p.deallocate() } }

  /// Appends `tokens` to the cache in batches (prefill) and computes the logits after the last one.
  /// - Throws: `SessionError` when a token id is outside the vocabulary or the context would overflow.
  public func append(_ newTokens: [Int32]) throws {
    guard !newTokens.isEmpty else { return }
    guard count + newTokens.count <= context else {
      throw SessionError(
        description:
          "context is full: \(count) cached + \(newTokens.count) new tokens exceed the session's \(context)"
      )
    }
    if let bad = newTokens.first(where: { $0 < 0 || Int($0) >= config.vocabularySize }) {
      throw SessionError(
        description: "token id \(bad) is outside the vocabulary 0..<\(config.vocabularySize)")
    }
    var start = 0
    while start < newTokens.count {
      let end = min(start + state.batch, newTokens.count)
      forward(newTokens[start..<end], wantLogits: end == newTokens.count)
      tokens.append(contentsOf: newTokens[start..<end])
      start = end
    }
    outputsValid = true
  }

  /// Forgets every position from `count` on (O(1): later appends overwrite the cache rows).
  public func truncate(to newCount: Int) {
    let n = max(0, min(newCount, count))
    guard n < count else { return }
    tokens.removeLast(count - n)
    outputsValid = false
    for (l, from) in capturedFrom where from > n { capturedFrom[l] = n }
    queryCapture?.truncate(to: n)
  }

  /// Recomputes the last position's outputs after a truncation (re-running one token).
  private func ensureOutputs() {
    guard !outputsValid, let last = tokens.last else { return }
    tokens.removeLast()
    forward([last][...], wantLogits: true)
    tokens.append(last)
    outputsValid = true
  }

  /// Next-token logits after the last cached token (empty when the cache is empty).
  public func lastLogits() -> [Float] {
    ensureOutputs()
    guard count > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: state.logits, count: config.vocabularySize))
  }

  /// Whether `hiddenState(layer:position:)` has `layer` at `position` (captured while it was appended).
  public func hasHiddenState(layer: Int, position: Int) -> Bool {
    guard captured[layer] != nil, let from = capturedFrom[layer] else { return false }
    return position >= from && position < count
  }

  /// The hidden state of `layer` (see `captureHiddenLayers`) at `position`.
  ///
  /// The layer must have been captured while `position` was appended.
  public func hiddenState(layer: Int, position: Int) -> [Float] {
    guard let buffer = captured[layer], let from = capturedFrom[layer] else {
      preconditionFailure(
        "layer \(layer) is not in captureHiddenLayers \(captureHiddenLayers.sorted())")
    }
    precondition(
      position >= from && position < count,
      "position \(position) was not captured for layer \(layer) (captured: \(from)..<\(count))")
    let dim = config.embeddingLength
    return Array(UnsafeBufferPointer(start: buffer + position * dim, count: dim))
  }

  /// Applies the final norm and the output head to a residual-stream vector; with
  /// `applyFinalNorm: false`, only the output head, to a vector already past the final norm (the
  /// captured layer `layerCount + 1`).
  public func logits(fromHidden hidden: [Float], applyFinalNorm: Bool = true) -> [Float] {
    let dim = config.embeddingLength
    let w = model.weights
    precondition(hidden.count == dim, "hidden vector has \(hidden.count) values, expected \(dim)")
    var normed = applyFinalNorm ? [Float](repeating: 0, count: dim) : hidden
    var out = [Float](repeating: 0, count: config.vocabularySize)
    normed.withUnsafeMutableBufferPointer { nb in
      if applyFinalNorm {
        ck_rmsnorm(nb.baseAddress!, hidden, w.outputNorm, 1, Int32(dim), config.rmsEpsilon)
      }
      out.withUnsafeMutableBufferPointer { ob in
        project(
          nb.baseAddress!, n: 1, [Projection(ob.baseAddress!, w.output)], scratch: state.quant,
          pool: model.pool)
      }
    }
    return out
  }

  /// Attention weight the last position puts on each of `spans`, per layer, averaged over heads.
  ///
  /// Recomputed on demand from the cached keys and each layer's last query, so it costs nothing
  /// unless called. Result: `[layer][span]`.
  public func attentionMass(spans: [Range<Int>]) -> [[Float]] {
    ensureOutputs()
    let c = config
    let t = count
    let hd = c.headDimension
    let dim = c.embeddingLength
    guard t > 0 else { return [] }
    let group = c.headCount / c.kvHeadCount
    let scale = 1 / Float(hd).squareRoot()
    var weights = [Float](repeating: 0, count: t)
    var scratch = [Float](repeating: 0, count: hd)
    var result: [[Float]] = []
    for l in 0..<c.layerCount {
      var mass = [Float](repeating: 0, count: spans.count)
      let (keys, values) = widenedLayer(l, rows: t)
      for h in 0..<c.headCount {
        let kv = (h / group) * hd
        ck_attend_row(
          &scratch, &weights, state.lastQuery + l * dim + h * hd, keys + kv, values + kv,
          Int32(t), Int32(hd), Int32(c.kvDimension), scale)
        for (i, span) in spans.enumerated() {
          let r = span.clamped(to: 0..<t)
          for j in r { mass[i] += weights[j] }
        }
      }
      result.append(mass.map { $0 / Float(c.headCount) })
    }
    return result
  }
}
