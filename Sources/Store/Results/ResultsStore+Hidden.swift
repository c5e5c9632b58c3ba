import Foundation
import GRDB

extension ResultsStore {
  /// The layers that have stored hidden states among an experiment's trials, ascending.
  public func hiddenStateLayers(experimentId: Int64) throws -> [Int] {
    try database.writer.read { db in
      try Int.fetchAll(
        db,
        sql: """
          SELECT DISTINCT h.layer FROM hiddenState h JOIN trial t ON t.id = h.trialId
          WHERE t.experimentId = ? ORDER BY h.layer
          """,
        arguments: [experimentId])
    }
  }

  /// Renumbers an experiment's stored states of layer `from` as layer `to` (a no-op when it has
  /// none); returns how many rows changed.
  @discardableResult
  public func renumberHiddenStates(experimentId: Int64, from: Int, to: Int) throws -> Int {
    try database.writer.write { db in
      try db.execute(
        sql: """
          UPDATE hiddenState SET layer = ? WHERE layer = ?
          AND trialId IN (SELECT id FROM trial WHERE experimentId = ?)
          """,
        arguments: [to, from, experimentId])
      return db.changesCount
    }
  }

  /// Every stored state of one layer of an experiment, by question id then condition position.
  /// - Throws: `StoreError` when a stored blob does not hold `dim` binary16 values.
  public func hiddenStates(experimentId: Int64, layer: Int) throws -> [StoredHiddenState] {
    let rows = try database.writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT h.trialId, t.questionId, t.conditionId, h.dim, h.state
          FROM hiddenState h JOIN trial t ON t.id = h.trialId
          JOIN condition c ON c.id = t.conditionId
          WHERE t.experimentId = ? AND h.layer = ? ORDER BY t.questionId, c.position
          """,
        arguments: [experimentId, layer])
    }
    return try rows.map { row in
      let trialId: Int64 = row["trialId"]
      let dim: Int = row["dim"]
      guard let vector = Binary16.decode(row["state"]), vector.count == dim else {
        throw StoreError(
          path: database.path,
          message: "hiddenState of trial \(trialId), layer \(layer) does not hold \(dim) "
            + "binary16 values; rerun the experiment into a fresh --db")
      }
      return StoredHiddenState(
        trialId: trialId, questionId: row["questionId"], conditionId: row["conditionId"],
        layer: layer, vector: vector)
    }
  }
}
