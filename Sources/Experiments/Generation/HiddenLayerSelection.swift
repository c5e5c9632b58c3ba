/// Which hidden states of the last prompt token a module reads, in the engine's layer numbering:
/// 0 = token embedding, L = the residual stream after block L, blockCount + 1 = the final-norm
/// output (Hugging Face's `hidden_states[-1]`, what Stable-RAG clusters).
///
/// In YAML: `last`, `all`, or a list whose items are layer numbers or the word `last`
/// (`[5, 10, 15, 20, 25, 30, last]`).
public enum HiddenLayerSelection: Sendable, Equatable, Codable {
  /// One item of a layer list: a layer number, or the final-norm output whatever the depth.
  public enum Layer: Sendable, Equatable, Codable {
    /// Layer `n` in the engine's numbering.
    case index(Int)
    /// The final-norm output (blockCount + 1).
    case last

    public init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let n = try? c.decode(Int.self) {
        self = .index(n)
      } else if (try? c.decode(String.self)) == "last" {
        self = .last
      } else {
        throw DecodingError.dataCorruptedError(
          in: c, debugDescription: "expected a layer number or the word last")
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      switch self {
      case .index(let n): try c.encode(n)
      case .last: try c.encode("last")
      }
    }
  }

  /// The final-norm output only.
  case last
  /// The listed layers.
  case layers([Layer])
  /// Every block's output and the final-norm output (1 … blockCount + 1).
  case all

  /// The layer numbers for a model of `blockCount` blocks, sorted and without repeats.
  /// - Throws: `RunError` naming `module.layers` and the valid range for a layer outside it.
  public func resolve(blockCount: Int) throws -> [Int] {
    let valid = 0...(blockCount + 1)
    switch self {
    case .last: return [blockCount + 1]
    case .all: return Array(1...(blockCount + 1))
    case .layers(let items):
      let numbers = items.map { item -> Int in
        switch item {
        case .index(let n): return n
        case .last: return blockCount + 1
        }
      }
      if let bad = numbers.first(where: { !valid.contains($0) }) {
        throw RunError(
          "module.layers: layer \(bad) is outside \(valid.lowerBound)…\(valid.upperBound) for a "
            + "model of \(blockCount) blocks (0 = token embedding, \(blockCount + 1) = last, "
            + "the final-norm output); use numbers in that range or the word last")
      }
      return Array(Set(numbers)).sorted()
    }
  }

  /// The YAML shape of a selection, for a module's knob checks.
  static let specShape: SpecShape = .either(
    .choice(["last", "all"], what: "layer selection"),
    .list(
      .either(.choice(["last"], what: "layer"), .integer(minimum: 0)), nonEmpty: true))

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let word = try? c.decode(String.self) {
      switch word {
      case "last": self = .last
      case "all": self = .all
      default:
        throw DecodingError.dataCorruptedError(
          in: c, debugDescription: "layers: expected last, all or a list of layers")
      }
    } else {
      self = .layers(try c.decode([Layer].self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .last: try c.encode("last")
    case .all: try c.encode("all")
    case .layers(let items): try c.encode(items)
    }
  }
}
