/// A metric drawn as lines: its key in `ConditionSummary.metrics` and its name in the legend.
public struct PlotMetric: Sendable, Equatable, Hashable {
  /// The metric's key in `ConditionSummary.metrics` (`subem`, `em`, `f1`, …).
  public var key: String
  /// Its name in the legend (`accuracy`).
  public var label: String

  /// Creates a metric; `label` defaults to `key`.
  public init(_ key: String, label: String? = nil) {
    self.key = key
    self.label = label ?? key
  }

  /// SubEM (a normalised gold answer occurs in the normalised output), shown as `accuracy`.
  public static let subem = PlotMetric("subem", label: "accuracy")
}

/// Conditions drawn as horizontal lines with their intervals: those whose `key` is `value`, or
/// every condition carrying `key` when `value` is nil.
public struct PlotBaseline: Sendable, Equatable, Hashable {
  /// The condition key that marks the baseline (`baseline`).
  public var key: String
  /// The key's value (`closed_book`, `oracle`); nil selects every value.
  public var value: String?
  /// Its name in the legend (`closed book (no passages)`); nil names a line by the key's value
  /// with `_` read as a space (`closed book`).
  public var label: String?

  /// Creates a baseline selector.
  public init(key: String = "baseline", value: String? = nil, label: String? = nil) {
    self.key = key
    self.value = value
    self.label = label
  }

  /// Whether `condition` is this baseline.
  func matches(_ condition: ConditionSummary) -> Bool {
    guard let found = condition.value(of: key) else { return false }
    return value.map { $0 == found } ?? true
  }

  /// The legend name of `condition`'s line.
  func name(of condition: ConditionSummary) -> String {
    label ?? (condition.value(of: key) ?? key).replacingOccurrences(of: "_", with: " ")
  }
}

/// What a line plot shows: a numeric condition key on x, metrics on y, series grouped by other
/// keys, and baselines as horizontal lines.
///
/// Conditions without a numeric x key (such as baselines) belong to no series; conditions a
/// baseline selects are drawn as baselines only. Every text here is escaped when it enters the
/// script, so it may hold any characters.
public struct LinePlotRecipe: Sendable, Equatable {
  /// File name stem of the `.gp`, `.dat`, `.png` and `.svg` files (no `/`).
  public var stem: String
  /// The question the figure answers (`Does accuracy depend on where the gold passage sits?`);
  /// nil titles it `NAME: <y label> vs <x label>`.
  public var title: String?
  /// The condition key on the x axis; its values must be numbers.
  public var xKey: String
  /// x-axis label with its unit.
  public var xLabel: String
  /// y-axis label with its unit.
  public var yLabel: String
  /// The metrics drawn, one series per metric and key combination.
  public var metrics: [PlotMetric]
  /// The keys whose values tell series apart; nil means every key but `xKey`.
  public var seriesKeys: [String]?
  /// How a series key reads in the legend: key name → template with `{}` for the value
  /// (`"total": "{} passages"`); other keys read `name=value`.
  public var keyLabels: [String: String]
  /// Whether each series' recall@k is drawn dashed beside it (when known).
  public var overlayRecall: Bool
  /// How key values read in the legend (key → value → label, e.g. `gold_first (oracle)`);
  /// `LinePlot` takes them from the module's `ModuleReport.valueLabels`.
  public var valueLabels: [String: [String: String]] = [:]
  /// The baselines drawn as horizontal lines across the plot, when the summary has them.
  public var baselines: [PlotBaseline]
  /// The y range; nil lets gnuplot choose.
  public var yRange: ClosedRange<Double>?

  /// Creates a recipe; by default SubEM on y in [0, 1], series by every other key, no baselines.
  public init(
    stem: String, title: String? = nil, xKey: String, xLabel: String,
    yLabel: String = "accuracy (SubEM)", metrics: [PlotMetric] = [.subem],
    seriesKeys: [String]? = nil, keyLabels: [String: String] = ["retriever": "{}"],
    overlayRecall: Bool = false, baselines: [PlotBaseline] = [],
    yRange: ClosedRange<Double>? = 0...1
  ) {
    self.stem = stem
    self.title = title
    self.xKey = xKey
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.metrics = metrics
    self.seriesKeys = seriesKeys
    self.keyLabels = keyLabels
    self.overlayRecall = overlayRecall
    self.baselines = baselines
    self.yRange = yRange
  }

  /// Whether some baseline selects `condition`.
  func isBaseline(_ condition: ConditionSummary) -> Bool {
    baselines.contains { $0.matches(condition) }
  }

  /// `keys` as the legend reads them, e.g. `bm25, order=reverse` or `10 passages`.
  func label(of keys: [ConditionKey]) -> String {
    KeyLabels.text(keys, templates: keyLabels, values: valueLabels)
  }
}
