/// Turns tokens into text as they are generated, holding back an incomplete UTF-8 sequence
/// until the token that completes it arrives.
///
/// Every string it returns is whole characters' worth of bytes; bytes that can never become
/// valid UTF-8 come out as U+FFFD. No space cleaning is applied (pieces are emitted as they are).
public struct StreamingDecoder: Sendable {
  private let tokenizer: BPETokenizer
  private let renderSpecial: Bool
  private var pending: [UInt8] = []

  init(tokenizer: BPETokenizer, renderSpecial: Bool) {
    self.tokenizer = tokenizer
    self.renderSpecial = renderSpecial
  }

  /// The bytes still held back waiting for the rest of a character.
  public var pendingByteCount: Int { pending.count }

  /// Adds one token; returns the text that became complete (possibly empty).
  public mutating func append(_ token: Int32) -> String {
    pending.append(contentsOf: tokenizer.piece(token, renderSpecial: renderSpecial))
    let keep = Self.incompleteSuffixLength(pending)
    let ready = pending.count - keep
    guard ready > 0 else { return "" }
    let text = String(decoding: pending[..<ready], as: UTF8.self)
    pending.removeFirst(ready)
    return text
  }

  /// Returns whatever is held back (as U+FFFD if it is not valid UTF-8) and resets.
  public mutating func finish() -> String {
    defer { pending.removeAll() }
    return String(decoding: pending, as: UTF8.self)
  }

  /// Length of a trailing lead byte plus continuation bytes that is still too short.
  static func incompleteSuffixLength(_ bytes: [UInt8]) -> Int {
    var count = 0
    for byte in bytes.reversed() {
      if count == 3 { return 0 }
      if byte & 0xC0 == 0x80 {  // continuation byte: keep looking for its lead byte
        count += 1
        continue
      }
      let needed: Int
      switch byte {
      case 0xC2...0xDF: needed = 2
      case 0xE0...0xEF: needed = 3
      case 0xF0...0xF4: needed = 4
      default: return 0  // ASCII or an invalid lead: nothing to wait for
      }
      return count + 1 < needed ? count + 1 : 0
    }
    return 0
  }
}
