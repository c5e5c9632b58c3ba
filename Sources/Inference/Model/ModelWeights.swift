import CKernels
import Foundation

/// The weights of one transformer block.
struct LayerWeights: @unchecked Sendable {
  let attentionNorm: UnsafeMutablePointer<Float>
  let wq: WeightMatrix, wk: WeightMatrix, wv: WeightMatrix, wo: WeightMatrix
  /// Query/key/value biases (qwen2), nil for llama.
  let bq: UnsafeMutablePointer<Float>?, bk: UnsafeMutablePointer<Float>?,
    bv: UnsafeMutablePointer<Float>?
  let ffnNorm: UnsafeMutablePointer<Float>
  /// SwiGLU gate (w1), down (w2) and up (w3) projections.
  let gate: WeightMatrix, down: WeightMatrix, up: WeightMatrix
}

/// All weights of a decoder, prepared at load for batched prefill: dequantised to F32, or
/// repacked for the int8 kernels under `Numerics.fast` (llama2.c's `TransformerWeights`).
struct ModelWeights: @unchecked Sendable {
  let tokenEmbedding: WeightMatrix
  let layers: [LayerWeights]
  let outputNorm: UnsafeMutablePointer<Float>
  /// The output head: `output.weight`, or `token_embd.weight` when the model ties them.
  let output: WeightMatrix
  let arena: WeightArena

  /// One tensor's preparation at load: decoding into F32, or repacking for the int8 kernels.
  private enum Job {
    case dequantize(GGUFTensorInfo, UnsafeMutablePointer<Float>)
    case pack(GGUFTensorInfo, UnsafeMutablePointer<ck_packed_i8>, rows: Int, cols: Int)
  }

  /// Loads and checks every tensor `config` needs from `file`, preparing the layer matrices for
  /// prefill as `numerics` asks (see `Int8Prefill.packs`).
  /// - Throws: `GGUFError` for a missing or misshapen tensor.
  init(file: GGUFFile, config c: ModelConfig, numerics: Numerics) throws {
    let arena = WeightArena()
    var jobs: [Job] = []
    func vector(_ name: String, _ n: Int) throws -> UnsafeMutablePointer<Float> {
      let t = try file.tensor(name, shape: [n])
      let p = arena.allocate(n)
      jobs.append(.dequantize(t, p))
      return p
    }
    func matrix(_ name: String, rows: Int, cols: Int, gemm: Bool = true) throws -> WeightMatrix {
      let t = try file.tensor(name, shape: [cols, rows])
      guard t.type.isDequantizable, t.type.vecDotType != nil,
        cols % 256 == 0 || t.type.blockSize < 256
      else {
        throw GGUFError(
          .unknownTensorType, file: file.path,
          "tensor `\(name)` has type \(t.type), which raglab cannot decode (supported: \(GGMLType.kernelTypes))"
        )
      }
      guard gemm else {
        return WeightMatrix(rows: rows, cols: cols, f32: nil, raw: file.data(t), type: t.type)
      }
      if Int8Prefill.packs(t.type, numerics: numerics) {
        let packed = try Int8Prefill.allocate(type: t.type, rows: rows, cols: cols, arena: arena)
        jobs.append(.pack(t, packed, rows: rows, cols: cols))
        var w = WeightMatrix(rows: rows, cols: cols, f32: nil, raw: file.data(t), type: t.type)
        w.int8 = packed
        return w
      }
      let p = arena.allocate(rows * cols)
      jobs.append(.dequantize(t, p))
      return WeightMatrix(rows: rows, cols: cols, f32: p, raw: file.data(t), type: t.type)
    }
    let dim = c.embeddingLength
    let kv = c.kvDimension
    let ffn = c.feedForwardLength
    tokenEmbedding = try matrix("token_embd.weight", rows: c.vocabularySize, cols: dim, gemm: false)
    var layers: [LayerWeights] = []
    for l in 0..<c.layerCount {
      let p = "blk.\(l)."
      let biased = file.tensor(p + "attn_q.bias") != nil
      layers.append(
        LayerWeights(
          attentionNorm: try vector(p + "attn_norm.weight", dim),
          wq: try matrix(p + "attn_q.weight", rows: dim, cols: dim),
          wk: try matrix(p + "attn_k.weight", rows: kv, cols: dim),
          wv: try matrix(p + "attn_v.weight", rows: kv, cols: dim),
          wo: try matrix(p + "attn_output.weight", rows: dim, cols: dim),
          bq: biased ? try vector(p + "attn_q.bias", dim) : nil,
          bk: biased ? try vector(p + "attn_k.bias", kv) : nil,
          bv: biased ? try vector(p + "attn_v.bias", kv) : nil,
          ffnNorm: try vector(p + "ffn_norm.weight", dim),
          gate: try matrix(p + "ffn_gate.weight", rows: ffn, cols: dim),
          down: try matrix(p + "ffn_down.weight", rows: dim, cols: ffn),
          up: try matrix(p + "ffn_up.weight", rows: ffn, cols: dim)))
    }
    self.layers = layers
    outputNorm = try vector("output_norm.weight", dim)
    output =
      file.tensor("output.weight") != nil
      ? try matrix("output.weight", rows: c.vocabularySize, cols: dim, gemm: false) : tokenEmbedding
    self.arena = arena
    // Dequantise or repack every tensor once, spread over the cores.
    let work = UnsafeSendable(jobs)
    let failures = UnsafeSendable(
      UnsafeMutableBufferPointer<QuantError?>.allocate(capacity: jobs.count))
    defer { failures.value.deallocate() }
    failures.value.initialize(repeating: nil)
    DispatchQueue.concurrentPerform(iterations: work.value.count) { i in
      do throws(QuantError) {
        switch work.value[i] {
        case .dequantize(let t, let p):
          try dequantize(type: t.type, raw: file.data(t), count: t.elementCount, into: p)
        case .pack(let t, let packed, let rows, let cols):
          try Int8Prefill.pack(packed, type: t.type, raw: file.data(t), rows: rows, cols: cols)
        }
      } catch { failures.value[i] = error }
    }
    if let (i, error) = failures.value.enumerated().first(where: { $0.1 != nil }) {
      let name: String
      switch jobs[i] {
      case .dequantize(let t, _), .pack(let t, _, _, _): name = t.name
      }
      throw GGUFError(.unknownTensorType, file: file.path, "tensor `\(name)`: \(error!)")
    }
  }
}

extension ModelWeights {
  /// Which prefill path the layer matrices take, with their formats in first-seen order.
  var prefillPath: String {
    var int8: [GGMLType] = []
    var f32: [GGMLType] = []
    for l in layers {
      for w in [l.wq, l.wk, l.wv, l.wo, l.gate, l.up, l.down] {
        if w.int8 != nil {
          if !int8.contains(w.type) { int8.append(w.type) }
        } else if !f32.contains(w.type) {
          f32.append(w.type)
        }
      }
    }
    func names(_ types: [GGMLType]) -> String { types.map(\.description).joined(separator: ", ") }
    var parts: [String] = []
    if !int8.isEmpty { parts.append("int8 \(Int8Prefill.pathName) (\(names(int8)))") }
    if !f32.isEmpty { parts.append("f32 SGEMM (\(names(f32)))") }
    return parts.joined(separator: "; ")
  }
}
