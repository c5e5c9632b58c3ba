import Foundation

/// How sentence-transformers turns token vectors into one sentence vector (`1_Pooling/config.json`).
public struct PoolingConfig: Sendable, Equatable {
  /// The pooling modes this encoder implements.
  public enum Mode: String, Sendable { case mean, cls, max }
  public var mode: Mode
  public var dimension: Int

  public init(mode: Mode, dimension: Int) {
    self.mode = mode
    self.dimension = dimension
  }

  /// Reads the pooling config; exactly one of the mean / CLS / max modes must be on.
  /// - Throws: `EncoderError` naming the file and key.
  public static func load(path: String) throws -> PoolingConfig {
    let raw: [String: Any]
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      raw = (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    } catch {
      throw EncoderError(
        file: path, message: "cannot read the pooling config: \(error.localizedDescription)")
    }
    guard let dimension = raw["word_embedding_dimension"] as? Int else {
      throw EncoderError(
        file: path, key: "word_embedding_dimension", message: "missing; expected an integer")
    }
    let flags: [(String, Mode?)] = [
      ("pooling_mode_mean_tokens", .mean), ("pooling_mode_cls_token", .cls),
      ("pooling_mode_max_tokens", .max), ("pooling_mode_mean_sqrt_len_tokens", nil),
      ("pooling_mode_weightedmean_tokens", nil), ("pooling_mode_lasttoken", nil),
    ]
    let on = flags.filter { (raw[$0.0] as? Bool) == true }
    guard on.count == 1, let mode = on[0].1 else {
      throw EncoderError(
        file: path, key: on.map(\.0).joined(separator: ", "),
        message:
          "expected exactly one of pooling_mode_mean_tokens, _cls_token, _max_tokens to be true")
    }
    return PoolingConfig(mode: mode, dimension: dimension)
  }
}
