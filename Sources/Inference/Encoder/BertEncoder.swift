/// A BERT encoder forward pass over several sequences at once, packed back to back without padding.
struct BertEncoder: Sendable {
  let config: BertConfig
  let weights: BertWeights

  /// Final hidden states `[Σ lengths, hidden]` for `sequences` (token ids, each ≤ maxPositions long),
  /// concatenated in order. Projections run as one sgemm over all tokens; attention per sequence.
  func forward(_ sequences: [[Int32]]) -> [Float] {
    let hidden = config.hiddenSize
    let ffn = config.intermediateSize
    let tokens = sequences.reduce(0) { $0 + $1.count }
    let longest = sequences.map(\.count).max() ?? 0
    var x = [Float](repeating: 0, count: tokens * hidden)  // the residual stream
    var qkv = [Float](repeating: 0, count: tokens * 3 * hidden)
    var context = [Float](repeating: 0, count: tokens * hidden)
    var projected = [Float](repeating: 0, count: tokens * hidden)
    var intermediate = [Float](repeating: 0, count: tokens * ffn)
    var scores = [Float](repeating: 0, count: longest * longest)
    embed(sequences, into: &x)
    for layer in weights.layers {
      x.withUnsafeMutableBufferPointer { x in
        let xp = x.baseAddress!
        qkv.withUnsafeMutableBufferPointer { qkv in
          BertOps.linear(
            xp, rows: tokens, inputs: hidden, weight: layer.qkvWeight, bias: layer.qkvBias,
            outputs: 3 * hidden, into: qkv.baseAddress!)
          context.withUnsafeMutableBufferPointer { ctx in
            scores.withUnsafeMutableBufferPointer { s in
              var start = 0
              for sequence in sequences {  // attention stays inside each sequence
                BertOps.attention(
                  qkv: qkv.baseAddress!, start: start, length: sequence.count, hidden: hidden,
                  heads: config.headCount, scores: s.baseAddress!, into: ctx.baseAddress!)
                start += sequence.count
              }
            }
            projected.withUnsafeMutableBufferPointer { out in
              BertOps.linear(
                ctx.baseAddress!, rows: tokens, inputs: hidden, weight: layer.attentionOutWeight,
                bias: layer.attentionOutBias, outputs: hidden, into: out.baseAddress!)
              // x = LN(attention + x), stored in x
              BertOps.addLayerNorm(
                out.baseAddress!, residual: xp, rows: tokens, width: hidden,
                weight: layer.attentionNormWeight, bias: layer.attentionNormBias,
                epsilon: config.layerNormEpsilon)
              xp.update(from: out.baseAddress!, count: tokens * hidden)
            }
          }
        }
        intermediate.withUnsafeMutableBufferPointer { mid in
          BertOps.linear(
            xp, rows: tokens, inputs: hidden, weight: layer.intermediateWeight,
            bias: layer.intermediateBias, outputs: ffn, into: mid.baseAddress!)
          BertOps.gelu(mid.baseAddress!, count: tokens * ffn)
          projected.withUnsafeMutableBufferPointer { out in
            BertOps.linear(
              mid.baseAddress!, rows: tokens, inputs: ffn, weight: layer.outputWeight,
              bias: layer.outputBias, outputs: hidden, into: out.baseAddress!)
            // x = LN(ffn + x)
            BertOps.addLayerNorm(
              xp, residual: out.baseAddress!, rows: tokens, width: hidden,
              weight: layer.outputNormWeight, bias: layer.outputNormBias,
              epsilon: config.layerNormEpsilon)
          }
        }
      }
    }
    return x
  }

  /// Word + position + token-type (0) embeddings, then LayerNorm.
  private func embed(_ sequences: [[Int32]], into x: inout [Float]) {
    let hidden = config.hiddenSize
    x.withUnsafeMutableBufferPointer { x in
      weights.wordEmbeddings.withUnsafeBufferPointer { word in
        weights.positionEmbeddings.withUnsafeBufferPointer { position in
          weights.tokenTypeEmbeddings.withUnsafeBufferPointer { type in
            var row = 0
            for sequence in sequences {
              for (p, token) in sequence.enumerated() {
                let out = x.baseAddress! + row * hidden
                let w = word.baseAddress! + Int(token) * hidden
                let pos = position.baseAddress! + p * hidden
                for i in 0..<hidden { out[i] = w[i] + pos[i] + type[i] }  // sum of the three tables
                row += 1
              }
            }
          }
        }
      }
      BertOps.addLayerNorm(
        x.baseAddress!, residual: nil, rows: x.count / hidden, width: hidden,
        weight: weights.embeddingNormWeight, bias: weights.embeddingNormBias,
        epsilon: config.layerNormEpsilon)
    }
  }
}
