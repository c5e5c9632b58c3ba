import CKernels

/// A weight matrix of `rows` outputs × `cols` inputs (row-major): its mmapped (possibly quantised)
/// bytes for the memory-bound single-token matvec, plus one batch form for prefill — F32 for
/// SGEMM, or repacked bytes for the int8 kernels.
struct WeightMatrix: @unchecked Sendable {
  /// Output count (ggml `ne[1]`).
  let rows: Int
  /// Input count (ggml `ne[0]`, the contiguous dimension).
  let cols: Int
  /// Dequantised values, `rows * cols`, owned by the model's `WeightArena`; nil for matrices only
  /// ever used one row at a time (the token embedding when tied: lookups and the last-position head).
  let f32: UnsafeMutablePointer<Float>?
  /// The weights repacked for the int8 GEMM (`Numerics.fast` where the CPU and format allow),
  /// owned by the arena; nil when prefill uses `f32` (or the matrix is only used one row at a time).
  var int8: UnsafeMutablePointer<ck_packed_i8>? = nil
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

  private var raw: [UnsafeMutableRawPointer] = []

  /// Allocates `count` uninitialised bytes aligned to `alignment` that live as long as the arena.
  func allocateBytes(_ count: Int, alignment: Int) -> UnsafeMutableRawPointer {
    let p = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: alignment)
    raw.append(p)
    return p
  }

  deinit {
    for b in buffers { b.deallocate() }
    for b in raw { b.deallocate() }
  }
}
