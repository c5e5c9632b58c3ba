/// One bar of a histogram: the values in `[low, high)` (the last bar includes `high`).
public struct HistogramBin: Sendable, Equatable {
  /// Lower edge.
  public var low: Double
  /// Upper edge.
  public var high: Double
  /// Values that fell in the bin.
  public var count: Int

  /// The bar's centre on the x axis.
  public var centre: Double { (low + high) / 2 }
}

/// Per-question values counted into bins and drawn as boxes, with each bar's count above it.
public struct Histogram: GnuplotFigure, Equatable {
  /// The experiment's name (names the plot folder; in the subtitle).
  public var experiment: String
  /// What the histogram shows.
  public var recipe: HistogramRecipe
  /// The bars, by increasing x.
  public var bins: [HistogramBin]
  /// Number of values counted.
  public var total: Int
  /// Mean of the values.
  public var mean: Double

  /// Values closer than this (relative, at least absolute) to a bin edge or whole number count as
  /// on it, so that sums of floating-point shares such as 84/120 land in the intended bin.
  static let tolerance = 1e-9

  /// Counts `values` into the recipe's bins.
  /// - Throws: `ReportsError.nothingToPlot` when there are no values, when a value is not finite,
  ///   lies outside the bins or (for whole-number bins) is not a whole number, or when the bin
  ///   edges are fewer than two or do not rise.
  public init(experiment: String, values: [Double], recipe: HistogramRecipe) throws {
    func refuse(_ reason: String) -> ReportsError {
      .nothingToPlot(experiment: experiment, reason: "histogram \(recipe.stem): \(reason)")
    }
    guard !values.isEmpty else { throw refuse("no per-question values") }
    var bins: [HistogramBin]
    let place: (Double) -> Int?
    switch recipe.bins {
    case .edges(let edges):
      guard edges.count >= 2, edges.allSatisfy(\.isFinite),
        zip(edges, edges.dropFirst()).allSatisfy(<)
      else { throw refuse("the bin edges \(edges) must be two or more finite numbers, rising") }
      bins = zip(edges, edges.dropFirst()).map { HistogramBin(low: $0, high: $1, count: 0) }
      place = { Self.bin(of: $0, edges: edges) }
    case .integers(let range):
      bins = range.map { HistogramBin(low: Double($0) - 0.5, high: Double($0) + 0.5, count: 0) }
      place = { value in
        let whole = value.rounded()
        guard abs(value - whole) <= Self.tolerance * max(1, abs(whole)),
          whole >= Double(range.lowerBound), whole <= Double(range.upperBound)
        else { return nil }
        return Int(whole) - range.lowerBound
      }
    }
    for value in values {
      guard value.isFinite, let index = place(value) else {
        throw refuse("the value \(value) is outside the bins \(Self.describe(recipe.bins))")
      }
      bins[index].count += 1
    }
    self.experiment = experiment
    self.recipe = recipe
    self.bins = bins
    self.total = values.count
    self.mean = values.reduce(0, +) / Double(values.count)
  }

  /// File name stem shared by the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String { recipe.stem }

  /// The `.dat` file: one row per bin, columns documented in its header.
  public func dataText() -> String {
    var lines = [
      GnuplotText.comment("raglab histogram data for experiment \(experiment): \(recipe.title)"),
      GnuplotText.comment(
        "\(total) \(recipe.unit), mean \(Self.number(mean)); a bin holds [low, high), the last "
          + "one also high"),
      "# columns: low high centre count share",
    ]
    for bin in bins {
      let share = Double(bin.count) / Double(total)
      lines.append(
        [bin.low, bin.high, bin.centre].map(Self.number).joined(separator: " ")
          + " \(bin.count) \(Self.number(share))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The index of the bin of `value` among rising `edges`, or nil outside them.
  private static func bin(of value: Double, edges: [Double]) -> Int? {
    // A value within the tolerance of an edge counts as on that edge.
    let snapped =
      edges.first { abs(value - $0) <= tolerance * max(1, abs($0)) } ?? value
    guard let first = edges.first, let last = edges.last, snapped >= first, snapped <= last
    else { return nil }
    let above = edges.lastIndex { $0 <= snapped } ?? 0
    return min(above, edges.count - 2)
  }

  /// The bins as a reader writes them: `[0, 1]` or `1…5`.
  private static func describe(_ bins: HistogramBins) -> String {
    switch bins {
    case .edges(let edges): "[\(number(edges.first ?? 0)), \(number(edges.last ?? 0))]"
    case .integers(let range): "(whole numbers \(range.lowerBound)…\(range.upperBound))"
    }
  }
}
