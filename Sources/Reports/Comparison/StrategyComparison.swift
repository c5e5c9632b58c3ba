import Experiments

/// Every strategy of an experiment against a baseline strategy, question by question: what
/// `raglab compare` prints, the forest plot draws and the notebook's significance sentences read.
public struct StrategyComparison: Sendable, Equatable, Codable {
  /// The experiment's name.
  public var experiment: String
  /// Which strategy is compared with which, on which metric.
  public var finding: StrategyFinding
  /// A trial counts as right for McNemar's test when its metric is at least this (exact for
  /// 0/1 metrics such as SubEM and EM; for F1 it thresholds the overlap).
  public var rightAt: Double
  /// Resamples of every bootstrap interval.
  public var resamples: Int
  /// Seed of every bootstrap interval (the same numbers on every run).
  public var seed: UInt64
  /// One row per condition that has a strategy, in the experiment's condition order.
  public var rows: [StrategyComparisonRow]

  /// Creates a comparison.
  public init(
    experiment: String, finding: StrategyFinding, rightAt: Double = 0.5, resamples: Int = 1000,
    seed: UInt64 = 0, rows: [StrategyComparisonRow]
  ) {
    self.experiment = experiment
    self.finding = finding
    self.rightAt = rightAt
    self.resamples = resamples
    self.seed = seed
    self.rows = rows
  }

  /// The rows compared with the baseline, with their comparisons (the Holm family).
  public var compared: [(row: StrategyComparisonRow, paired: PairedComparison)] {
    rows.compactMap { row in row.paired.map { (row, $0) } }
  }
}

/// One condition's strategy: its accuracy and, unless it is the baseline, its paired comparison
/// with the baseline condition of the same group.
public struct StrategyComparisonRow: Sendable, Equatable, Codable {
  /// The condition's other keys (`retriever`, `k`), which the baseline condition shares.
  public var group: [ConditionKey]
  /// The strategy's name as stored.
  public var strategy: String
  /// The strategy as tables and plots show it (`gold_first (oracle)`).
  public var label: String
  /// Whether this row is the baseline strategy itself.
  public var isBaseline: Bool
  /// Trials of the condition that carry the metric.
  public var n: Int
  /// Mean metric over those trials with its 95 % bootstrap interval over questions.
  public var accuracy: Estimate
  /// The comparison with the group's baseline; nil for the baseline itself and when the group
  /// has no baseline condition or no question in common with it.
  public var paired: PairedComparison?

  /// Creates a row.
  public init(
    group: [ConditionKey], strategy: String, label: String? = nil, isBaseline: Bool = false,
    n: Int, accuracy: Estimate, paired: PairedComparison? = nil
  ) {
    self.group = group
    self.strategy = strategy
    self.label = label ?? strategy
    self.isBaseline = isBaseline
    self.n = n
    self.accuracy = accuracy
    self.paired = paired
  }

  /// The group as prose and table cells read it: `bm25, k = 5`.
  public var groupLabel: String {
    group.map { $0.name == "retriever" ? $0.value : "\($0.name) = \($0.value)" }
      .joined(separator: ", ")
  }
}

/// A strategy against the baseline on the questions both answered.
public struct PairedComparison: Sendable, Equatable, Codable {
  /// Questions answered under both conditions.
  public var questions: Int
  /// Mean of (strategy − baseline) over those questions with its paired-bootstrap 95 % interval.
  public var difference: Estimate
  /// Questions only the baseline answered right.
  public var onlyBaseline: Int
  /// Questions only the strategy answered right.
  public var onlyStrategy: Int
  /// McNemar's exact two-sided p-value from the two discordant counts.
  public var pValue: Double
  /// The p-value after Holm's correction over every comparison of the table.
  public var holmPValue: Double

  /// Creates a comparison.
  public init(
    questions: Int, difference: Estimate, onlyBaseline: Int, onlyStrategy: Int, pValue: Double,
    holmPValue: Double
  ) {
    self.questions = questions
    self.difference = difference
    self.onlyBaseline = onlyBaseline
    self.onlyStrategy = onlyStrategy
    self.pValue = pValue
    self.holmPValue = holmPValue
  }
}
