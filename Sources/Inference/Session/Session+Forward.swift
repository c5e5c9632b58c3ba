import CBLAS
import CKernels

extension Session {
  /// Runs tokens `tokens` at positions `count..<count+tokens.count` through the decoder, filling the
  /// KV cache, the captured hidden states, the last query per layer and (if `wantLogits`) the logits.
  func forward(_ tokens: ArraySlice<Int32>, wantLogits: Bool) {
    let c = config
    let w = model.weights
    let s = state
    let pool = model.pool
    let n = tokens.count
    let pos0 = count
    let dim = c.embeddingLength
    let kvDim = c.kvDimension
    let hd = c.headDimension
    let ffn = c.feedForwardLength
    // Token embeddings into the residual stream.
    for (i, t) in tokens.enumerated() {
      let row = w.tokenEmbedding.raw + Int(t) * w.tokenEmbedding.rowBytes
      // checked at load
      try! dequantize(type: w.tokenEmbedding.type, raw: row, count: dim, into: s.x + i * dim)
    }
    capture(layer: 0, rows: n, pos0: pos0)
    for (l, lw) in w.layers.enumerated() {
      let (kc, vc) = s.cache(layer: l, context: context, kvDimension: kvDim)
      let kNew = s.newKeys
      let vNew = s.newValues
      // Attention: norm, Q/K/V projections, biases, RoPE, K/V stored in the cache.
      ck_rmsnorm(s.xb, s.x, lw.attentionNorm, Int32(n), Int32(dim), c.rmsEpsilon)
      project(
        s.xb, n: n, [Projection(s.q, lw.wq), Projection(kNew, lw.wk), Projection(vNew, lw.wv)],
        scratch: s.quant, pool: pool)
      if let bq = lw.bq, let bk = lw.bk, let bv = lw.bv {
        ck_add_rows(s.q, bq, Int32(n), Int32(dim))
        ck_add_rows(kNew, bk, Int32(n), Int32(kvDim))
        ck_add_rows(vNew, bv, Int32(n), Int32(kvDim))
      }
      let neox: Int32 = c.ropeNeox ? 1 : 0
      ck_rope(
        s.q, Int32(n), Int32(dim), Int32(c.headCount), Int32(hd), Int32(pos0), c.ropeBase, neox)
      ck_rope(
        kNew, Int32(n), Int32(kvDim), Int32(c.kvHeadCount), Int32(hd), Int32(pos0), c.ropeBase, neox
      )
      let cacheType: GGMLType = s.kvType == .f16 ? .f16 : .f32  // F16 rounds to nearest even
      let rowOffset = pos0 * kvDim * s.kvType.bytes
      try! quantize(kNew, count: n * kvDim, as: cacheType, into: kc + rowOffset)
      try! quantize(vNew, count: n * kvDim, as: cacheType, into: vc + rowOffset)
      (s.lastQuery + l * dim).update(from: s.q + (n - 1) * dim, count: dim)
      queryCapture?.record(s.q, layer: l, rows: n, pos0: pos0)
      attention(q: s.q, keys: kc, values: vc, out: s.xb2, rows: n, pos0: pos0)
      project(s.xb2, n: n, [Projection(s.xb, lw.wo)], scratch: s.quant, pool: pool)
      ck_add(s.x, s.xb, Int32(n * dim))
      // Feed-forward: norm, SwiGLU, down projection, residual.
      ck_rmsnorm(s.xb, s.x, lw.ffnNorm, Int32(n), Int32(dim), c.rmsEpsilon)
      project(
        s.xb, n: n, [Projection(s.hb, lw.gate), Projection(s.hb2, lw.up)], scratch: s.quant,
        pool: pool)
      ck_silu_mul(s.hb, s.hb2, Int32(n * ffn))
      project(s.hb, n: n, [Projection(s.xb, lw.down)], scratch: s.quant, pool: pool)
      ck_add(s.x, s.xb, Int32(n * dim))
      capture(layer: l + 1, rows: n, pos0: pos0)
    }
    // final norm of every new position, only when asked
    if let buffer = captured[c.layerCount + 1] {
      ck_rmsnorm(buffer + pos0 * dim, s.x, w.outputNorm, Int32(n), Int32(dim), c.rmsEpsilon)
    }
    if wantLogits {  // output head for the last position only
      ck_rmsnorm(s.xb, s.x + (n - 1) * dim, w.outputNorm, 1, Int32(dim), c.rmsEpsilon)
      project(s.xb, n: 1, [Projection(s.logits, w.output)], scratch: s.quant, pool: pool)
    }
  }

  /// Causal grouped-query attention of `rows` new queries (at `pos0…`) against cache rows
  /// `0..<pos0+rows` of one layer.
  func attention(
    q: UnsafeMutablePointer<Float>, keys: UnsafeMutableRawPointer,
    values: UnsafeMutableRawPointer,
    out: UnsafeMutablePointer<Float>, rows n: Int, pos0: Int
  ) {
    let c = config
    let dim = c.embeddingLength
    let kvDim = c.kvDimension
    let hd = c.headDimension
    let group = c.headCount / c.kvHeadCount
    let total = pos0 + n
    let scale = 1 / Float(hd).squareRoot()
    let regionSize = RunState.attentionRowBlockLimit * context
    let half: Int32 = state.kvType == .f16 ? 1 : 0
    let job = UnsafeSendable((q, keys, values, out, state.att))
    if n == 1 {  // decode: the cache split between the threads for every head, merged exactly
      let partials = UnsafeSendable(state.attentionPartials)
      model.pool.run { worker, workers in
        let (q, keys, values, _, att0) = job.value
        let range = ComputePool.share(of: total, worker: worker, workers: workers)
        ck_attend_partial(
          q, keys, values, half, Int32(range.lowerBound), Int32(range.upperBound),
          Int32(c.headCount),
          Int32(group), Int32(hd), Int32(kvDim), scale, att0 + worker * regionSize,
          partials.value + worker * c.headCount * (hd + 2))
      }
      ck_attend_merge(
        out, state.attentionPartials, Int32(model.pool.threads), Int32(c.headCount), Int32(hd))
      return
    }
    // Prefill: heads spread over the threads, each in causal row blocks against only the keys
    // they can see: scores = Q·Kᵀ·scale, softmax, ·V.
    let wide = UnsafeSendable(widenedLayer(keys: keys, values: values, rows: total))
    let block = attentionRowBlock
    model.pool.run { worker, workers in
      let (q, _, _, out, att0) = job.value
      let (keys, values) = wide.value
      let att = att0 + worker * regionSize
      for h in stride(from: worker, to: c.headCount, by: workers) {
        let kh = keys + (h / group) * hd
        let vh = values + (h / group) * hd
        var r0 = 0
        while r0 < n {
          let rows = min(block, n - r0)
          let visible = pos0 + r0 + rows
          ck_score_rows(
            att, Int32(visible), q + r0 * dim + h * hd, Int32(dim), Int32(rows), Int32(pos0 + r0),
            kh,
            Int32(kvDim), Int32(hd), scale)
          ck_causal_softmax(att, Int32(rows), Int32(visible), Int32(pos0 + r0))
          ck_weighted_value_rows(
            out + r0 * dim + h * hd, Int32(dim), att, Int32(visible), Int32(rows), Int32(pos0 + r0),
            vh, Int32(kvDim), Int32(hd))
          r0 += rows
        }
      }
    }
  }

  /// Rows `0..<rows` of one layer's cached keys and values as F32: the cache itself, or (F16) a
  /// copy widened on the thread team.
  func widenedLayer(keys: UnsafeMutableRawPointer, values: UnsafeMutableRawPointer, rows: Int) -> (
    UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>
  ) {
    guard let wideKeys = state.layerKeys, let wideValues = state.layerValues else {
      return (keys.assumingMemoryBound(to: Float.self), values.assumingMemoryBound(to: Float.self))
    }
    let kvDim = config.kvDimension
    let job = UnsafeSendable((keys, values, wideKeys, wideValues))
    model.pool.run { worker, workers in
      let (keys, values, wideKeys, wideValues) = job.value
      let share = ComputePool.share(of: rows, worker: worker, workers: workers)
      let start = share.lowerBound * kvDim
      for (half, wide) in [(keys, wideKeys), (values, wideValues)] {
        try! dequantize(
          type: .f16, raw: half + start * 2, count: share.count * kvDim, into: wide + start)
      }
    }
    return (wideKeys, wideValues)
  }

  /// Rows `0..<rows` of layer `l`'s cached keys and values as F32.
  func widenedLayer(_ l: Int, rows: Int) -> (
    UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>
  ) {
    let (keys, values) = state.cache(layer: l, context: context, kvDimension: config.kvDimension)
    return widenedLayer(keys: keys, values: values, rows: rows)
  }

  /// Copies the residual stream of the `rows` new positions into the capture buffer of `layer`, if any.
  private func capture(layer: Int, rows: Int, pos0: Int) {
    guard let buffer = captured[layer] else { return }
    let dim = config.embeddingLength
    (buffer + pos0 * dim).update(from: state.x, count: rows * dim)
  }
}
