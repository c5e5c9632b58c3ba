/// The four contiguous groups of layers attention diagnostics are averaged over.
///
/// `L` layers split as evenly as possible, the first `L mod 4` groups one layer larger: 30 layers
/// → 8, 8, 7, 7 (layers 0–7, 8–15, 16–22, 23–29). With fewer than 4 layers the last groups are
/// empty and have no mean.
public enum LayerQuarters {
  /// Number of groups.
  public static let count = 4

  /// The 0-based layer indices of each group, in order (empty ranges when `layerCount < 4`).
  public static func ranges(layerCount: Int) -> [Range<Int>] {
    let layers = max(0, layerCount)
    let base = layers / count
    let extra = layers % count
    var start = 0
    return (0..<count).map { group in
      let size = base + (group < extra ? 1 : 0)
      defer { start += size }
      return start..<(start + size)
    }
  }

  /// The per-layer masses `[layer][slot]` averaged over each group's layers: `[group][slot]`, one
  /// entry per group that has layers (groups are numbered by their index, 1-based, in `quarter`).
  public static func means(_ perLayer: [[Float]]) -> [(quarter: Int, mass: [Double])] {
    let slots = perLayer.first?.count ?? 0
    return ranges(layerCount: perLayer.count).enumerated().compactMap { group, layers in
      guard !layers.isEmpty else { return nil }
      var sum = [Double](repeating: 0, count: slots)
      for layer in layers {
        for (slot, mass) in perLayer[layer].enumerated() { sum[slot] += Double(mass) }
      }
      return (quarter: group + 1, mass: sum.map { $0 / Double(layers.count) })
    }
  }
}
