/// A trial's stored metrics: the answer's EM/F1/SubEM scores and its module's extra measures, in
/// one JSON object (`{"em":…,"f1":…,"matcher":…,"subem":…}` plus the extra keys).
struct TrialMetrics: Encodable {
  /// EM, F1, SubEM and the SubEM matcher's name.
  let scores: AnswerScores
  /// The module's measures (`ExperimentModule.answerMetrics`); keys that would replace a score
  /// are left out.
  let extra: [String: Double]

  /// Scores `answer` against the question's gold answers and adds `module`'s measures.
  init(answer: String, question: Question, module: any ExperimentModule) {
    scores = QAMetrics.score(prediction: answer, golds: question.answers)
    extra = module.answerMetrics(answer, question: question)
  }

  /// The metrics as stored in the trial's `metrics` column.
  var json: String { JSONText.encode(self) }

  func encode(to encoder: any Encoder) throws {
    try scores.encode(to: encoder)
    var container = encoder.container(keyedBy: MetricKey.self)
    for (name, value) in extra where !["em", "f1", "subem", "matcher"].contains(name) {
      try container.encode(value, forKey: MetricKey(name))
    }
  }
}

/// A metric's name as a JSON key.
private struct MetricKey: CodingKey {
  let stringValue: String
  var intValue: Int? { nil }

  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
