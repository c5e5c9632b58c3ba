/// A kind of Findings sentence a module asks its notebook for. Reports computes each one from the
/// stored numbers with their 95 % intervals (`Findings` in Sources/Reports/Notebook/Findings/), so
/// a module declares what to state, never the conclusion itself.
///
/// Kinds are named by what they measure, not by module, so a new module picks from them; a new
/// kind adds a case here and its evaluator in Reports (as a new `FigureSpec` case does).
public enum FindingSpec: Codable, Sendable, Equatable {
  /// A sweep along the numeric key `xKey`: each series' shape (keeps rising, rises then falls, …),
  /// then the leader at the largest x all series reach and its gap to recall@k.
  case sweep(xKey: String)
  /// Per group of the other keys: the position with the highest and the lowest metric.
  case positionExtremes(PositionFinding)
  /// Per group with a middle position: the mean over questions of the first and last positions
  /// against the middle ones (SubEM), "U-shaped" only when the ends' interval lies above the
  /// middle's.
  case endsVsMiddle(PositionFinding)
  /// Per group: the positions whose interval overlaps the baseline condition `value`'s ("not
  /// distinguishable from closed book"); stated only when some do.
  case nearBaseline(PositionFinding, value: String)
  /// The metric of every baseline condition, e.g. closed book and oracle.
  case baselines(BaselineFinding)
  /// Per x value: the series with the lowest metric, and whether its interval separates from the
  /// reference series' (e.g. the negative source that hurts most, against random negatives).
  case lowestSeries(SeriesFinding)
  /// Per group and position: several rates side by side (e.g. context / memory / other).
  case rates(RatesFinding)
  /// Per passage set (the conditions sharing `setKeys`): sensitivity rate, mean / best-order /
  /// worst-order accuracy and distinct answers per question (`PermutationMeasures`).
  case orderMeasures(setKeys: [String])
  /// Per group of the other keys: each strategy against the baseline strategy on the same
  /// questions. The hook for paired significance sentences (McNemar, Holm; issue 9): Reports'
  /// `Findings.strategySentences` states them, and is the one function to replace.
  case strategies(StrategyFinding)
}

/// A metric along a numeric position key (e.g. `gold_position`), grouped by the other keys.
public struct PositionFinding: Codable, Sendable, Equatable {
  /// The numeric condition key that holds the position.
  public var positionKey: String
  /// What sits at the position, as the sentence names it (`the gold passage`).
  public var subject: String
  /// The metric compared (`subem`).
  public var metric: String
  /// The condition key that marks baselines, which are left out of the groups.
  public var baselineKey: String

  /// Creates a position finding.
  public init(
    positionKey: String, subject: String, metric: String = "subem", baselineKey: String = "baseline"
  ) {
    self.positionKey = positionKey
    self.subject = subject
    self.metric = metric
    self.baselineKey = baselineKey
  }
}

/// The baseline conditions (those carrying `key`) and the metric they are read by.
public struct BaselineFinding: Codable, Sendable, Equatable {
  /// The condition key that marks baselines; its value names them (`closed_book`).
  public var key: String
  /// The metric stated (`subem`, or `memory` for knowledge conflicts).
  public var metric: String

  /// Creates a baseline finding.
  public init(key: String = "baseline", metric: String = "subem") {
    self.key = key
    self.metric = metric
  }
}

/// Series along a numeric key compared at each x value against a reference series.
public struct SeriesFinding: Codable, Sendable, Equatable {
  /// The numeric condition key of the x values (`k`).
  public var xKey: String
  /// How the sentence names x (`K`).
  public var xName: String
  /// The key whose values are the series (`source`).
  public var seriesKey: String
  /// The series every other is compared with (`random`).
  public var reference: String
  /// The metric compared (`subem`).
  public var metric: String
  /// The condition key that marks baselines, which are left out.
  public var baselineKey: String

  /// Creates a series finding.
  public init(
    xKey: String, xName: String, seriesKey: String, reference: String, metric: String = "subem",
    baselineKey: String = "baseline"
  ) {
    self.xKey = xKey
    self.xName = xName
    self.seriesKey = seriesKey
    self.reference = reference
    self.metric = metric
    self.baselineKey = baselineKey
  }
}

/// Several rates per position (they usually sum to 1), grouped by the other keys.
public struct RatesFinding: Codable, Sendable, Equatable {
  /// The position, its subject and the baseline key (its `metric` is unused).
  public var position: PositionFinding
  /// The rates, in the order stated (`context`, `memory`, `other`).
  public var metrics: [String]

  /// Creates a rates finding.
  public init(position: PositionFinding, metrics: [String]) {
    self.position = position
    self.metrics = metrics
  }
}

/// Strategies compared with a baseline strategy, per group of the other keys (`k`, `retriever`).
public struct StrategyFinding: Codable, Sendable, Equatable {
  /// The condition key naming the strategy (`strategy`).
  public var strategyKey: String
  /// The strategy every other is compared with (`retrieval`).
  public var baseline: String
  /// The metric compared (`subem`).
  public var metric: String

  /// Creates a strategy finding.
  public init(
    strategyKey: String = "strategy", baseline: String = "retrieval", metric: String = "subem"
  ) {
    self.strategyKey = strategyKey
    self.baseline = baseline
    self.metric = metric
  }
}
