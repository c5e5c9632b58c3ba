import Foundation

/// TRL's DPO dataset format: one JSON object per line with exactly the string keys `prompt`,
/// `chosen` and `rejected`, UTF-8, each line ending in a newline.
public enum DPOJSONL {
  /// The three fields TRL reads (keys sorted, so the bytes are the same on every run).
  private struct Line: Encodable {
    let prompt: String
    let chosen: String
    let rejected: String
  }

  /// The JSONL bytes of `pairs`, in order.
  public static func encode(_ pairs: [DPOPair]) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = Data()
    for pair in pairs {
      // JSON escapes newlines inside strings, so each object stays on one line.
      data.append(
        try encoder.encode(Line(prompt: pair.prompt, chosen: pair.chosen, rejected: pair.rejected)))
      data.append(0x0A)
    }
    return data
  }

  /// Writes `pairs` to `url` atomically: the file is complete or absent, never half written.
  public static func write(_ pairs: [DPOPair], to url: URL) throws {
    try encode(pairs).write(to: url, options: .atomic)
  }
}
