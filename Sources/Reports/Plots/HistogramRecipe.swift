/// How a histogram cuts its values into bins.
public enum HistogramBins: Sendable, Equatable {
  /// Bins between rising edges: `[e0, e1)`, `[e1, e2)`, …, and the last one closed,
  /// `[e(n-2), e(n-1)]` (numpy's convention), e.g. accuracy over orders in [0, 1].
  case edges([Double])
  /// One bin per whole number in the range, e.g. distinct answers per question, 1…k.
  case integers(ClosedRange<Int>)

  /// `count` equal-width bins from `lower` to `upper` (each edge computed as
  /// `lower + (upper - lower) * i / count`, so `uniform(from: 0, to: 1, count: 10)` has edge 0.3
  /// exactly as the literal `0.3`).
  public static func uniform(from lower: Double, to upper: Double, count: Int) -> HistogramBins {
    let count = max(1, count)
    return .edges((0...count).map { lower + (upper - lower) * Double($0) / Double(count) })
  }
}

/// What a histogram of per-question values shows: its bins, title and axis labels.
///
/// Every text here is escaped when it enters the script, so it may hold any characters.
public struct HistogramRecipe: Sendable, Equatable {
  /// File name stem of the `.gp`, `.dat`, `.png` and `.svg` files (no `/`).
  public var stem: String
  /// The question the figure answers (`How much does the order of the passages matter?`).
  public var title: String
  /// x-axis label with its unit (`accuracy over the 120 orders (share of orders answered right)`).
  public var xLabel: String
  /// y-axis label with its unit.
  public var yLabel: String
  /// What one value is, plural, for the subtitle's count (`questions`).
  public var unit: String
  /// The bins.
  public var bins: HistogramBins

  /// Creates a recipe counting `questions`.
  public init(
    stem: String, title: String, xLabel: String, yLabel: String = "questions",
    unit: String = "questions", bins: HistogramBins
  ) {
    self.stem = stem
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.unit = unit
    self.bins = bins
  }
}
