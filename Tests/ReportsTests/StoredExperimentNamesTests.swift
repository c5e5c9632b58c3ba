import Foundation
import Store
import Testing

@testable import Reports

/// A spec from a later (or earlier) schema that today's validator rejects: an unknown key.
private let futureYAML = storedSweepYAML + "\nschema_extension: {knob: 3}\n"

@Test func recallComesFromTheStoredDatasetColumnEvenWhenTheStoredSpecNoLongerValidates() throws {
  let database = try storedSweep(yaml: futureYAML, datasetName: "squad-dev")
  let summary = try StoredExperiments(database: database, catalog: GoldCatalog())
    .summary(named: "stored")
  #expect(summary.provenance.dataset == "squad-dev")
  #expect(summary.conditions[1].recall?.value == 0.5)
}

@Test func experimentsStoredBeforeTheColumnsExistedReadTheirNamesFromTheRawYAML() throws {
  let database = try storedSweep(yaml: futureYAML, datasetName: nil)
  let summary = try StoredExperiments(database: database, catalog: GoldCatalog())
    .summary(named: "stored")
  #expect(summary.provenance.dataset == "squad-dev")
  #expect(summary.provenance.module == "passage_count")
  #expect(summary.conditions[1].recall?.value == 0.5)
  #expect(summary.conditions[0].recall?.value == 0)
}
