/// Where one tensor lives in a GGUF file and how it is shaped.
public struct GGUFTensorInfo: Sendable, Equatable {
  /// The tensor name, e.g. `blk.0.attn_q.weight`.
  public let name: String
  /// Dimensions in ggml order: `shape[0]` is the contiguous (row) length.
  public let shape: [Int]
  /// Element format.
  public let type: GGMLType
  /// Byte offset from the start of the file.
  public let fileOffset: Int
  /// Number of bytes the tensor occupies.
  public let byteCount: Int

  /// Total number of elements.
  public var elementCount: Int { shape.reduce(1, *) }
}
