/// Accuracy by the 1-based prompt position of the gold passage, read from each trial (its shown
/// passage ids against the question's gold passage ids), so it works when the position differs per
/// question — e.g. orders of a retriever's top k, or a seeded random gold position.
///
/// Trials are pooled over the conditions that share the values of `seriesKeys` (one line each):
/// the point at position p is correct / trials over the trials with the gold at p, with a 95 %
/// interval from resampling questions. Trials that show no gold passage count nowhere.
public struct GoldPositionFigure: Codable, Sendable, Equatable {
  /// File name stem of the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String
  /// The question the figure answers, as its title.
  public var title: String
  /// x-axis label with units.
  public var xLabel: String
  /// y-axis label with units.
  public var yLabel: String
  /// The condition keys whose values tell lines apart (e.g. `retriever`).
  public var seriesKeys: [String]

  /// Creates a gold-position figure.
  public init(stem: String, title: String, xLabel: String, yLabel: String, seriesKeys: [String]) {
    self.stem = stem
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.seriesKeys = seriesKeys
  }
}
