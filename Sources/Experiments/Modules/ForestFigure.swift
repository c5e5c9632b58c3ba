/// A forest plot of paired differences: per group (`retriever`, `k`) and strategy, the mean
/// difference to the baseline strategy on the same questions with its 95 % interval, around a
/// vertical line at zero (drawn by Reports' `ForestPlot`).
public struct ForestFigure: Codable, Sendable, Equatable {
  /// File name stem of the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String
  /// The question the figure answers, as its title.
  public var title: String
  /// The strategy key, the baseline strategy and the metric compared.
  public var comparison: StrategyFinding

  /// Creates a forest figure.
  public init(stem: String, title: String, comparison: StrategyFinding = StrategyFinding()) {
    self.stem = stem
    self.title = title
    self.comparison = comparison
  }
}
