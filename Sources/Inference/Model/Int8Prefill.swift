import CKernels

/// The int8 prefill kernels this process runs, chosen once from the CPU's features
/// (`RAGLAB_NO_SIMD` turns them off; `RAGLAB_INT8_PATH=avx2|avx-vnni|avx512-vnni` picks one).
enum Int8Prefill {
  /// The `CK_I8_*` path (CK_I8_NONE when the CPU has none).
  static let path = ck_i8_best_path()

  /// The path's name, e.g. `AVX512-VNNI`.
  static var pathName: String { String(cString: ck_i8_path_name(path)) }

  /// Whether prefill multiplies weights of `type` with the int8 kernels under `numerics`: the
  /// format packs and the path can read it (plain AVX2 cannot take Q8_0's full-range bytes).
  static func packs(_ type: GGMLType, numerics: Numerics) -> Bool {
    numerics == .fast && path != Int32(CK_I8_NONE) && ck_i8_packs_type(type.rawValue) != 0
      && !(path == Int32(CK_I8_AVX2) && type == .q8_0)
  }

  /// Repacks the tensor at `raw` (rows × cols of `type`) into `out`'s arena-owned buffers.
  /// - Throws: `QuantError` when the format or shape cannot be packed.
  static func allocate(
    type: GGMLType, rows: Int, cols: Int, arena: WeightArena
  ) throws(QuantError) -> UnsafeMutablePointer<ck_packed_i8> {
    var qBytes = 0
    var scaleFloats = 0
    let status = ck_i8_packed_sizes(type.rawValue, Int64(rows), Int64(cols), &qBytes, &scaleFloats)
    if let error = QuantError.check(status, type: type, count: cols, operation: "pack") {
      throw error
    }
    let packed = arena.allocateBytes(MemoryLayout<ck_packed_i8>.stride, alignment: 64)
      .bindMemory(to: ck_packed_i8.self, capacity: 1)
    packed.initialize(to: ck_packed_i8())
    packed.pointee.q = arena.allocateBytes(qBytes, alignment: 64).bindMemory(
      to: UInt8.self, capacity: qBytes)
    packed.pointee.d = arena.allocate(scaleFloats)
    packed.pointee.m = arena.allocate(scaleFloats)
    return packed
  }

  /// Fills `packed` (from `allocate`) from the tensor's bytes.
  /// - Throws: `QuantError` when the format or shape cannot be packed.
  static func pack(
    _ packed: UnsafeMutablePointer<ck_packed_i8>, type: GGMLType, raw: UnsafeRawPointer,
    rows: Int, cols: Int
  ) throws(QuantError) {
    let rowBytes = cols / type.blockSize * type.blockBytes
    let status = ck_i8_pack(type.rawValue, raw, rowBytes, Int64(rows), Int64(cols), packed)
    if let error = QuantError.check(status, type: type, count: cols, operation: "pack") {
      throw error
    }
  }
}

/// Reusable buffers for a batch of activation rows quantised for the int8 kernels.
final class Int8Activations: @unchecked Sendable {
  private var capacity = 0
  private var bytes: UnsafeMutableRawPointer?

  /// The C view of room for `tokens` rows of `cols` values (grown when needed, contents undefined).
  func view(tokens: Int, cols: Int) -> ck_act_i8 {
    let blocks = tokens * cols / 32
    let needed = tokens * cols + 4 * (blocks + 2 * blocks + blocks) + 256
    if needed > capacity {
      bytes?.deallocate()
      bytes = .allocate(byteCount: needed, alignment: 64)
      capacity = needed
    }
    let base = bytes!
    let scales = (base + (tokens * cols + 63) / 64 * 64).bindMemory(
      to: Float.self, capacity: 4 * blocks)
    return ck_act_i8(
      tokens: Int64(tokens), cols: Int64(cols),
      q: base.bindMemory(to: Int8.self, capacity: tokens * cols),
      d: scales, s16: scales + blocks, s32: scales + 3 * blocks)
  }

  deinit { bytes?.deallocate() }
}
