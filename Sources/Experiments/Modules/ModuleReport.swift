/// How a module's experiments are shown: its figures (drawn by Reports from the stored trials), the
/// notebook notes that define its measures, and the findings its notebook states.
public struct ModuleReport: Codable, Sendable, Equatable {
  /// The figures, in notebook order.
  public var figures: [FigureSpec]
  /// Paragraphs for the notebook (definitions, caveats), in order.
  public var notes: [String]
  /// Tables of measures computed from the stored trials, shown in the notebook's Design section.
  public var tables: [TableSpec]
  /// How condition-key values read in tables and plot legends: key → value → label (e.g.
  /// `strategy` → `gold_first` → `gold_first (oracle)`); values not listed read as stored.
  public var valueLabels: [String: [String: String]] = [:]
  /// The Findings sentences, in order, computed by Reports from the numbers (empty: a generic
  /// description of the best and worst condition).
  public var findings: [FindingSpec]

  /// Creates a report description.
  public init(
    figures: [FigureSpec], notes: [String], tables: [TableSpec] = [], findings: [FindingSpec] = []
  ) {
    self.figures = figures
    self.notes = notes
    self.tables = tables
    self.findings = findings
  }
}

/// One figure a module asks for.
public enum FigureSpec: Codable, Sendable, Equatable {
  /// A metric along a numeric condition key, one series per combination of the other keys.
  case line(LineFigure)
  /// Accuracy by the gold passage's prompt position, read from each trial.
  case goldPosition(GoldPositionFigure)
  /// A histogram of a per-question measure over the trials of one passage set.
  case histogram(HistogramFigure)
  /// Paired differences of each strategy to a baseline strategy, with intervals (a forest plot).
  case forest(ForestFigure)
}

/// Metrics along a numeric condition key with 95 % CI bands, one line per series and metric;
/// conditions that carry `baselineKey` are drawn as horizontal reference lines instead.
public struct LineFigure: Codable, Sendable, Equatable {
  /// File name stem of the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String
  /// The question the figure answers, as its title (nil: "NAME: y vs x").
  public var title: String?
  /// The numeric condition key on the x axis.
  public var xKey: String
  /// x-axis label with units.
  public var xLabel: String
  /// y-axis label with units.
  public var yLabel: String
  /// The metrics on the y axis (usually one; several share the axis, e.g. answer-type rates).
  public var metrics: [String]
  /// Whether recall@k is drawn dashed beside accuracy.
  public var recall: Bool
  /// The condition key whose conditions are baselines (e.g. `baseline`), if any.
  public var baselineKey: String?

  /// Creates a line figure of `metric`, or of `metrics` when given.
  public init(
    stem: String, title: String?, xKey: String, xLabel: String, yLabel: String,
    metric: String = "subem", metrics: [String]? = nil, recall: Bool = false,
    baselineKey: String? = nil
  ) {
    self.stem = stem
    self.title = title
    self.xKey = xKey
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.metrics = metrics ?? [metric]
    self.recall = recall
    self.baselineKey = baselineKey
  }
}
