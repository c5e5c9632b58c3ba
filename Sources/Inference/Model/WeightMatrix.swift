/// A weight matrix of `rows` outputs × `cols` inputs (row-major), as F32 for GEMM plus its original
/// mmapped (possibly quantised) bytes for the memory-bound single-token matvec.
struct WeightMatrix: @unchecked Sendable {
  /// Output count (ggml `ne[1]`).
  let rows: Int
  /// Input count (ggml `ne[0]`, the contiguous dimension).
  let cols: Int
  /// Dequantised values, `rows * cols`, owned by the model's `WeightArena`; nil for matrices only
  /// ever used one row at a time (the token embedding when tied: lookups and the last-position head).
  let f32: UnsafeMutablePointer<Float>?
  /// The tensor's bytes in the mapped file.
  let raw: UnsafeRawPointer
  /// The tensor's element format.
  let type: GGMLType
  /// Bytes per row in `raw`.
  var rowBytes: Int { cols / type.blockSize * type.blockBytes }
}

/// Owns the F32 buffers of a model's weights and frees them together.
final class WeightArena: @unchecked Sendable {
  private var buffers: [UnsafeMutablePointer<Float>] = []

  /// Allocates `count` uninitialised floats that live as long as the arena.
  func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
    let p = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
    buffers.append(p)
    return p
  }

  deinit { for b in buffers { b.deallocate() } }
}
