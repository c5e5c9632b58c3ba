import Foundation

@testable import Inference

/// A tiny random decoder (dim 8, 2 query heads / 1 kv head, 2 layers) written as a GGUF file,
/// plus a naive reference forward pass over its weights.
struct TinyModel {
  let arch: String
  let dim = 8, heads = 2, kvHeads = 1, ffn = 12, vocab = 10, layers = 2
  let ropeBase: Float = 10_000, eps: Float = 1e-5
  var hd: Int { dim / heads }
  var kvDim: Int { kvHeads * hd }
  /// Tensor name → values (row-major [rows][cols]).
  var weights: [String: [Float]] = [:]
  var shapes: [String: [Int]] = [:]

  init(arch: String, seed: UInt64 = 1) {
    self.arch = arch
    var s = seed
    func rand(_ n: Int, scale: Float = 0.5) -> [Float] {
      (0..<n).map { _ in
        s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (Float(s >> 40) / Float(1 << 24) - 0.5) * 2 * scale
      }
    }
    func add(_ name: String, _ shape: [Int], _ values: [Float]) {
      weights[name] = values
      shapes[name] = shape
    }
    add("token_embd.weight", [dim, vocab], rand(dim * vocab, scale: 1))
    add("output_norm.weight", [dim], rand(dim).map { 1 + $0 })
    for l in 0..<layers {
      let p = "blk.\(l)."
      add(p + "attn_norm.weight", [dim], rand(dim).map { 1 + $0 })
      add(p + "attn_q.weight", [dim, dim], rand(dim * dim))
      add(p + "attn_k.weight", [dim, kvDim], rand(dim * kvDim))
      add(p + "attn_v.weight", [dim, kvDim], rand(dim * kvDim))
      add(p + "attn_output.weight", [dim, dim], rand(dim * dim))
      add(p + "ffn_norm.weight", [dim], rand(dim).map { 1 + $0 })
      add(p + "ffn_gate.weight", [dim, ffn], rand(dim * ffn))
      add(p + "ffn_up.weight", [dim, ffn], rand(dim * ffn))
      add(p + "ffn_down.weight", [ffn, dim], rand(dim * ffn))
      if arch == "qwen2" {
        add(p + "attn_q.bias", [dim], rand(dim))
        add(p + "attn_k.bias", [kvDim], rand(kvDim))
        add(p + "attn_v.bias", [kvDim], rand(kvDim))
      }
    }
  }

  /// Writes the model as GGUF (tied output head, minimal gpt2 tokenizer metadata).
  func write() throws -> String {
    var w = GGUFWriter()
    let tokens = ["a", "b", "ab", "c", "d", "e", "f", "g", "h", "<|im_end|>"]
    w.metadata = [
      ("general.architecture", .string(arch)), ("\(arch).embedding_length", .uint32(UInt32(dim))),
      ("\(arch).block_count", .uint32(UInt32(layers))),
      ("\(arch).attention.head_count", .uint32(UInt32(heads))),
      ("\(arch).attention.head_count_kv", .uint32(UInt32(kvHeads))),
      ("\(arch).feed_forward_length", .uint32(UInt32(ffn))),
      ("\(arch).context_length", .uint32(64)),
      ("\(arch).rope.freq_base", .float32(ropeBase)),
      ("\(arch).attention.layer_norm_rms_epsilon", .float32(eps)),
      ("tokenizer.ggml.model", .string("gpt2")), ("tokenizer.ggml.pre", .string("gpt2")),
      ("tokenizer.ggml.tokens", .array(tokens.map { .string($0) })),
      ("tokenizer.ggml.token_type", .array(tokens.indices.map { .int32($0 == 9 ? 3 : 1) })),
      ("tokenizer.ggml.merges", .array([.string("a b")])),
      ("tokenizer.ggml.eos_token_id", .uint32(9)),
    ]
    for name in weights.keys.sorted() {
      w.addF32(name, shape: shapes[name]!, values: weights[name]!)
    }
    return try w.write(arch)
  }

  /// out = W·x for the tensor `name` (rows = shape[1], cols = shape[0]).
  func apply(_ name: String, _ x: [Float]) -> [Float] {
    let w = weights[name]!
    let cols = shapes[name]![0]
    let rows = w.count / cols
    return (0..<rows).map { r in (0..<cols).reduce(Float(0)) { $0 + w[r * cols + $1] * x[$1] } }
  }

  func rmsnorm(_ x: [Float], _ name: String) -> [Float] {
    let ss = x.reduce(0) { $0 + $1 * $1 } / Float(x.count)
    let s = 1 / (ss + eps).squareRoot()
    return zip(x, weights[name]!).map { $0 * s * $1 }
  }

  /// Rotates each head of `v` for position `pos` (adjacent pairs for llama, halves for qwen2).
  func rope(_ v: [Float], pos: Int) -> [Float] {
    var v = v
    for h in 0..<(v.count / hd) {
      for i in 0..<(hd / 2) {
        let theta = Double(pos) * pow(Double(ropeBase), -2 * Double(i) / Double(hd))
        let (a, b) =
          arch == "llama" ? (h * hd + 2 * i, h * hd + 2 * i + 1) : (h * hd + i, h * hd + i + hd / 2)
        let x0 = Double(v[a])
        let x1 = Double(v[b])
        v[a] = Float(x0 * cos(theta) - x1 * sin(theta))
        v[b] = Float(x0 * sin(theta) + x1 * cos(theta))
      }
    }
    return v
  }

  /// Naive forward pass: last-position logits, residual stream per layer, and head-averaged
  /// attention weights of the last position per layer.
  func reference(_ tokens: [Int]) -> (logits: [Float], hidden: [[[Float]]], attention: [[Float]]) {
    let emb = weights["token_embd.weight"]!
    var x = tokens.map { Array(emb[$0 * dim..<($0 + 1) * dim]) }
    var hidden = [x]
    var lastAttention: [[Float]] = []
    for l in 0..<layers {
      let p = "blk.\(l)."
      var ks: [[Float]] = []
      var vs: [[Float]] = []
      var qs: [[Float]] = []
      for t in tokens.indices {
        let xn = rmsnorm(x[t], p + "attn_norm.weight")
        var q = apply(p + "attn_q.weight", xn)
        var k = apply(p + "attn_k.weight", xn)
        var v = apply(p + "attn_v.weight", xn)
        if arch == "qwen2" {
          q = zip(q, weights[p + "attn_q.bias"]!).map(+)
          k = zip(k, weights[p + "attn_k.bias"]!).map(+)
          v = zip(v, weights[p + "attn_v.bias"]!).map(+)
        }
        qs.append(rope(q, pos: t))
        ks.append(rope(k, pos: t))
        vs.append(v)
      }
      var avg = [Float](repeating: 0, count: tokens.count)
      for t in tokens.indices {
        var o = [Float](repeating: 0, count: dim)
        for h in 0..<heads {
          let g = h / (heads / kvHeads)
          var s = (0...t).map { j in
            (0..<hd).reduce(Float(0)) { $0 + qs[t][h * hd + $1] * ks[j][g * hd + $1] }
              / Float(hd).squareRoot()
          }
          let m = s.max()!
          s = s.map { exp($0 - m) }
          let z = s.reduce(0, +)
          s = s.map { $0 / z }
          if t == tokens.count - 1 { for j in 0...t { avg[j] += s[j] / Float(heads) } }
          for j in 0...t { for d in 0..<hd { o[h * hd + d] += s[j] * vs[j][g * hd + d] } }
        }
        x[t] = zip(x[t], apply(p + "attn_output.weight", o)).map(+)
        let xn = rmsnorm(x[t], p + "ffn_norm.weight")
        let gate = apply(p + "ffn_gate.weight", xn)
        let up = apply(p + "ffn_up.weight", xn)
        let act = zip(gate, up).map { $0 / (1 + exp(-$0)) * $1 }
        x[t] = zip(x[t], apply(p + "ffn_down.weight", act)).map(+)
      }
      lastAttention.append(avg)
      hidden.append(x)
    }
    let logits = apply("token_embd.weight", rmsnorm(x.last!, "output_norm.weight"))
    return (logits, hidden, lastAttention)
  }
}

/// Largest absolute difference between two equally long vectors.
func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count, "lengths \(a.count) vs \(b.count)")
  return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}
