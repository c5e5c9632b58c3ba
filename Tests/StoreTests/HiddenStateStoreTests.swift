import Foundation
import GRDB
import Testing

@testable import Store

@Test func binary16BytesAreLittleEndianRoundedToNearestAndSaturateBeyond65504() throws {
  // By hand: 1.0 = 0 01111 0000000000 = 0x3C00; −2.5 = −1.25·2¹ = 1 10000 0100000000 = 0xC100;
  // 65519 lies below the midpoint 65520 between 65504 (0x7BFF) and 65536, so it rounds down;
  // 70000 and +∞ saturate to 65504, −70000 to −65504 (0xFBFF); 2⁻²⁴ is the smallest subnormal 0x0001.
  let values: [Float] = [1.0, -2.5, 65519, 70000, -70000, .infinity, 0x1p-24]
  let bytes = Binary16.encode(values)
  #expect(
    Array(bytes) == [
      0x00, 0x3C, 0x00, 0xC1, 0xFF, 0x7B, 0xFF, 0x7B, 0xFF, 0xFB, 0xFF, 0x7B, 0x01, 0x00,
    ])
  #expect(Binary16.decode(bytes) == [1.0, -2.5, 65504, 65504, -65504, 65504, 0x1p-24])
  #expect(Binary16.decode(Binary16.encode([.nan]))?.first?.isNaN == true)
  #expect(Binary16.decode(Data([0x00])) == nil)
}

@Test func hiddenStatesAreStoredWithTheirTrialOnceAndReadByQuestionThenConditionPosition() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let id = try emptyExperiment(store)
  // Condition "b" is inserted first but displayed second.
  let second = try store.condition(experimentId: id, keysJSON: "b", position: 1)
  let first = try store.condition(experimentId: id, keysJSON: "a", position: 0)
  func states(_ x: Float) -> [HiddenStateRecord] {
    HiddenStateRecord.rows([31: [x, -2.5, 1], 5: [x, 0.5, 65519]])
  }
  #expect(try store.record(trial(id, second.id!, "q0"), hidden: states(1)))
  #expect(try store.record(trial(id, first.id!, "q1"), hidden: states(2)))
  #expect(try store.record(trial(id, first.id!, "q0"), hidden: states(3)))
  // The same trial again is ignored, and so are its states.
  #expect(!(try store.record(trial(id, first.id!, "q0"), hidden: states(4))))
  #expect(try store.hiddenStateLayers(experimentId: id) == [5, 31])
  let last = try store.hiddenStates(experimentId: id, layer: 31)
  #expect(last.map(\.questionId) == ["q0", "q0", "q1"])
  #expect(last.map(\.conditionId) == [first.id!, second.id!, first.id!])
  #expect(last.map(\.vector) == [[3, -2.5, 1], [1, -2.5, 1], [2, -2.5, 1]])
  #expect(last.allSatisfy { $0.layer == 31 })
  let trials = try store.trials(experimentId: id, questionId: "q0")
  #expect(Set(last.prefix(2).map(\.trialId)) == Set(trials.map { $0.id! }))
  #expect(
    try store.hiddenStates(experimentId: id, layer: 5).map { $0.vector[2] } == [
      65504, 65504, 65504,
    ])
  #expect(try store.hiddenStates(experimentId: id, layer: 7).isEmpty)
  // Deleting a trial deletes its states.
  try store.database.writer.write { db in
    _ = try TrialRecord.deleteOne(db, key: trials[0].id!)
  }
  #expect(try store.hiddenStates(experimentId: id, layer: 31).count == 2)
}
