/// One named knob of a condition and its value, e.g. `retriever = bm25` or `k = 4`.
///
/// The brief sketched keys as `[(String, String)]`; a struct keeps them `Codable` and `Equatable`.
public struct ConditionKey: Sendable, Equatable, Hashable, Codable {
  /// The knob's name (`retriever`, `k`, `order`, …).
  public var name: String
  /// The knob's value as the spec wrote it.
  public var value: String

  /// Creates a key.
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

/// The aggregated results of one experimental condition.
public struct ConditionSummary: Sendable, Equatable, Codable {
  /// The knobs that define the condition, in the spec's order.
  public var keys: [ConditionKey]
  /// Number of trials (questions) aggregated.
  public var n: Int
  /// Metric name (`subem`, `em`, `f1`) → mean over questions with its interval.
  public var metrics: [String: Estimate]
  /// recall@k of the condition's retriever at its k, when known.
  public var recall: Estimate?

  /// Creates a condition summary.
  public init(
    keys: [ConditionKey], n: Int, metrics: [String: Estimate], recall: Estimate? = nil
  ) {
    self.keys = keys
    self.n = n
    self.metrics = metrics
    self.recall = recall
  }

  /// The value of the key called `name`, if the condition has one.
  public func value(of name: String) -> String? {
    keys.first { $0.name == name }?.value
  }

  /// The keys as `name=value` joined by commas, e.g. `retriever=bm25, k=4`.
  public var label: String {
    keys.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
  }
}
