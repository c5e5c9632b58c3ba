/// Scratch activations for a batch of up to `batch` positions and the KV cache (llama2.c's `RunState`).
final class RunState {
  /// Most positions processed in one forward chunk.
  let batch: Int
  /// Residual stream, `batch × dim`.
  let x: UnsafeMutablePointer<Float>
  /// Normalised input of the current sub-block, `batch × dim`.
  let xb: UnsafeMutablePointer<Float>
  /// Attention output (all heads), `batch × dim`.
  let xb2: UnsafeMutablePointer<Float>
  /// Queries, `batch × dim`.
  let q: UnsafeMutablePointer<Float>
  /// SwiGLU gate and up activations, `batch × ffn` each.
  let hb: UnsafeMutablePointer<Float>, hb2: UnsafeMutablePointer<Float>
  /// Largest query-row block of the prefill attention (each thread owns one block's scores).
  static let attentionRowBlockLimit = 128
  /// Attention scores: one `attentionRowBlockLimit × context` region per thread (decode uses the first row).
  let att: UnsafeMutablePointer<Float>
  /// Per-thread softmax partials of decode attention, `threads × heads × (headDim + 2)`.
  let attentionPartials: UnsafeMutablePointer<Float>
  /// How the cache stores values.
  let kvType: KVCacheType
  /// Keys and values of every layer in `kvType`, `layers × context × kvDim` values each.
  let keyCache: UnsafeMutableRawPointer, valueCache: UnsafeMutableRawPointer
  /// Keys and values of the new positions before they are stored in the cache, `batch × kvDim` each.
  let newKeys: UnsafeMutablePointer<Float>, newValues: UnsafeMutablePointer<Float>
  /// One layer's binary16 keys and values widened to F32 for GEMMs, `context × kvDim` each (F16 only).
  let layerKeys: UnsafeMutablePointer<Float>?, layerValues: UnsafeMutablePointer<Float>?
  /// Post-RoPE query of the last processed position in each layer, `layers × dim` (for attention mass).
  let lastQuery: UnsafeMutablePointer<Float>
  /// Next-token logits after the last processed position, `vocab`.
  let logits: UnsafeMutablePointer<Float>
  /// Quantised activation row for single-position matvecs.
  let quant: QuantScratch
  private var all: [UnsafeMutablePointer<Float>] = []

  /// Allocates buffers for `config` with room for `context` positions (pages are touched only when used).
  init(config c: ModelConfig, context: Int, batch: Int, threads: Int, kvType: KVCacheType) {
    self.batch = batch
    var all: [UnsafeMutablePointer<Float>] = []
    func make(_ n: Int) -> UnsafeMutablePointer<Float> {
      let p = UnsafeMutablePointer<Float>.allocate(capacity: max(n, 1))
      all.append(p)
      return p
    }
    let dim = c.embeddingLength
    x = make(batch * dim)
    xb = make(batch * dim)
    xb2 = make(batch * dim)
    q = make(batch * dim)
    hb = make(batch * c.feedForwardLength)
    hb2 = make(batch * c.feedForwardLength)
    att = make(max(batch, threads * RunState.attentionRowBlockLimit) * context)
    attentionPartials = make(threads * c.headCount * (c.headDimension + 2))
    self.kvType = kvType
    let cacheBytes = c.layerCount * context * c.kvDimension * kvType.bytes
    // malloc's alignment: the same caches from 64-byte aligned allocations decoded ~30 % slower
    // at 2,048 cached tokens (measured, interleaved runs; likely placement / 4K aliasing).
    keyCache = .allocate(byteCount: cacheBytes, alignment: 16)
    valueCache = .allocate(byteCount: cacheBytes, alignment: 16)
    newKeys = make(batch * c.kvDimension)
    newValues = make(batch * c.kvDimension)
    layerKeys = kvType == .f16 ? make(context * c.kvDimension) : nil
    layerValues = kvType == .f16 ? make(context * c.kvDimension) : nil
    lastQuery = make(c.layerCount * dim)
    logits = make(c.vocabularySize)
    self.all = all
    quant = QuantScratch(maxColumns: max(c.embeddingLength, c.feedForwardLength))
  }

  /// Layer `l`'s key and value caches (`context × kvDim` values of `kvType` each).
  func cache(layer l: Int, context: Int, kvDimension: Int) -> (
    keys: UnsafeMutableRawPointer, values: UnsafeMutableRawPointer
  ) {
    let offset = l * context * kvDimension * kvType.bytes
    return (keyCache + offset, valueCache + offset)
  }

  deinit {
    for p in all { p.deallocate() }
    keyCache.deallocate()
    valueCache.deallocate()
  }
}
