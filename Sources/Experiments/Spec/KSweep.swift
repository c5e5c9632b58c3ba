/// A sweep of passage counts, written as a list (`k: [1, 2, 4]`) or a range (`k: {from: 1, to: 20, step: 1}`).
///
/// Both forms decode to the same sorted, de-duplicated values and encode as that list, so the spec
/// hash does not depend on which form was written.
public struct KSweep: Codable, Sendable, Equatable {
  /// The k values, ascending, without repeats.
  public let values: [Int]

  /// Creates a sweep from explicit values (sorted and de-duplicated).
  public init(_ values: [Int]) {
    self.values = Array(Set(values)).sorted()
  }

  /// Creates the sweep `from`, `from + step`, … up to and including `to`.
  public init(from: Int, to: Int, step: Int = 1) {
    self.init(step > 0 && from <= to ? Array(stride(from: from, through: to, by: step)) : [])
  }

  enum RangeKeys: String, CodingKey { case from, to, step }

  public init(from decoder: any Decoder) throws {
    if let list = try? decoder.singleValueContainer().decode([Int].self) {
      self.init(list)
      return
    }
    let c = try decoder.container(keyedBy: RangeKeys.self)
    self.init(
      from: try c.decode(Int.self, forKey: .from), to: try c.decode(Int.self, forKey: .to),
      step: try c.decodeIfPresent(Int.self, forKey: .step) ?? 1)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(values)
  }
}
