import Testing

@testable import Experiments

/// A module that adds one measure, and tries to overwrite `subem`.
private struct Measuring: ExperimentModule {
  func conditions() throws -> [Condition] { [] }
  func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] { [] }
  var report: ModuleReport { ModuleReport(figures: [], notes: []) }
  func answerMetrics(_ answer: String, question: Question) -> [String: Double] {
    ["long": answer.count > 3 ? 1 : 0, "subem": 0.5]
  }
}

/// A module with no measures of its own.
private struct Plain: ExperimentModule {
  func conditions() throws -> [Condition] { [] }
  func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] { [] }
  var report: ModuleReport { ModuleReport(figures: [], notes: []) }
}

private let paris = Question(id: "q", text: "Where?", answers: ["Paris"])

@Test func withoutModuleMeasuresTheStoredMetricsAreTheScoresAlone() {
  #expect(
    TrialMetrics(answer: "Paris", question: paris, module: Plain()).json
      == #"{"em":1,"f1":1,"matcher":"substring-normalized-firstline","subem":1}"#)
}

@Test func moduleMeasuresJoinTheScoresButNeverReplaceThem() {
  #expect(
    TrialMetrics(answer: "in Paris", question: paris, module: Measuring()).json
      == #"{"em":0,"f1":0.6666666666666666,"long":1,"matcher":"substring-normalized-firstline","subem":1}"#
  )
}
