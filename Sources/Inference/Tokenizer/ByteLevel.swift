/// GPT-2's reversible map between raw bytes and printable Unicode scalars (`bytes_to_unicode`).
///
/// Printable Latin-1 bytes map to themselves; the other 68 bytes map, in order, to U+0100….
enum ByteLevel {
  /// The scalar standing for each byte value.
  static let scalarForByte: [Unicode.Scalar] = {
    var table = [Unicode.Scalar](repeating: " ", count: 256)
    var next: UInt32 = 256
    for byte in 0..<256 {
      let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte)
        || (0xAE...0xFF).contains(byte)
      if printable {
        table[byte] = Unicode.Scalar(UInt32(byte))!
      } else {
        table[byte] = Unicode.Scalar(next)!
        next += 1
      }
    }
    return table
  }()

  /// The byte each mapped scalar stands for, keyed by scalar value.
  static let byteForScalar: [UInt32: UInt8] = {
    var map: [UInt32: UInt8] = [:]
    for (byte, scalar) in scalarForByte.enumerated() { map[scalar.value] = UInt8(byte) }
    return map
  }()

  /// The byte-level spelling of raw bytes, as stored in the vocabulary.
  static func encode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    var text = String.UnicodeScalarView()
    for byte in bytes { text.append(scalarForByte[Int(byte)]) }
    return String(text)
  }

  /// The raw bytes a vocabulary spelling stands for, as llama.cpp's `llama_decode_text` does.
  ///
  /// A scalar outside the map (which a well-formed vocabulary never has) becomes
  /// `[UNK_BYTE_0x…]` followed by the whole token text, exactly like llama.cpp.
  static func decode(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if let byte = byteForScalar[scalar.value] {
        bytes.append(byte)
      } else {
        let hex = String(scalar).utf8.map { hexByte($0) }.joined()
        bytes.append(contentsOf: Array("[UNK_BYTE_0x\(hex)\(text)]".utf8))
      }
    }
    return bytes
  }

  private static func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
  }
}
