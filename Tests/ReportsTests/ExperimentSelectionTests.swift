import Foundation
import Store
import Testing

@testable import Reports

/// `quickstart` run twice (the second with `--limit 0`, so without trials) and one `other`.
private func twoRunsOfOneName() throws -> LabDatabase {
  let database = try LabDatabase.inMemory()
  let store = ResultsStore(database: database)
  try storeExperiment(store, name: "quickstart", specHash: "aaaabbbbccccdddd", questions: 4)
  try storeExperiment(store, name: "other", specHash: "0123", questions: 1)
  try storeExperiment(
    store, name: "quickstart", specHash: "eeeeffff00001111", questions: 0,
    startedAt: Date(timeIntervalSince1970: 1_700_086_400), finished: false)
  return database
}

@Test func newestExperimentOfANameIsChosenAndTheMessageNamesItAndTheOthers() throws {
  let reader = StoredExperiments(database: try twoRunsOfOneName())
  let selection = try reader.select(named: "quickstart")
  #expect(selection.record.id == 3)
  #expect(selection.candidates.map(\.id) == [3, 1])
  #expect(selection.candidates.map(\.trialCount) == [0, 8])
  #expect(
    selection.message
      == "reading experiment quickstart #3 (spec eeeeffff0000, started 2023-11-15 22:13:20 UTC, "
      + "0 trials, not finished); 1 other of this name: #1 (choose with --experiment ID; "
      + "list them with `raglab results quickstart --list`)")
}

@Test func experimentIDChoosesAnOlderRunOfTheName() throws {
  let reader = StoredExperiments(database: try twoRunsOfOneName())
  let selection = try reader.select(named: "quickstart", id: 1)
  #expect(selection.record.specHash == "aaaabbbbccccdddd")
  #expect(
    selection.chosen?.description
      == "#1 (spec aaaabbbbcccc, started 2023-11-14 22:13:20 UTC, 8 trials, finished)")
  let summary = try reader.summary(of: selection.record)
  #expect(summary.provenance.trialCount == 8)
  #expect(summary.conditions.map(\.n) == [4, 4])
  #expect(summary.conditions[0].metrics["subem"]?.value == 0.5)
}

@Test func experimentIDOfAnotherNameIsAnErrorListingTheNamesRuns() throws {
  let reader = StoredExperiments(database: try twoRunsOfOneName())
  let error = #expect(throws: ReportsError.self) { try reader.select(named: "quickstart", id: 2) }
  let message = error?.description ?? ""
  #expect(message.hasPrefix("no experiment #2 is named quickstart; the experiments named"))
  #expect(message.contains("#3 (spec eeeeffff0000"))
  #expect(message.contains("#1 (spec aaaabbbbcccc"))
}

@Test func singleRunOfANameMentionsNoOthers() throws {
  let reader = StoredExperiments(database: try twoRunsOfOneName())
  let message = try reader.select(named: "other").message
  #expect(
    message == "reading experiment other #2 (spec 0123, started 2023-11-14 22:13:20 UTC, "
      + "2 trials, finished)")
}

@Test func inspectionOfAChosenRunReadsThatRunsTrials() throws {
  let reader = StoredExperiments(database: try twoRunsOfOneName())
  let older = try reader.select(named: "quickstart", id: 1).record
  #expect(try reader.inspection(of: older, questionID: "q2").trials.count == 2)
  #expect(throws: ReportsError.noQuestion(id: "q2", experiment: "quickstart")) {
    try reader.inspection(experiment: "quickstart", questionID: "q2")
  }
}
