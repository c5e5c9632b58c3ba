import Foundation
import GRDB

/// Datasets, passages, questions and cached rankings, without SQL for its callers.
public struct CorpusStore: Sendable {
  /// The database that holds the corpus tables.
  public let database: LabDatabase

  /// Wraps an open lab database.
  public init(_ database: LabDatabase) {
    self.database = database
  }

  /// Runs `body`, turning SQLite errors into `StoreError`s that name the file and give advice.
  func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw StoreError(path: database.path, message: StoreError.explain(error))
    }
  }

  /// The row id of the dataset called `name`.
  /// - Throws: `StoreError` listing the imported datasets when there is none by that name.
  func datasetID(_ db: Database, named name: String) throws -> Int64 {
    if let id = try Int64.fetchOne(
      db, sql: "SELECT id FROM dataset WHERE name = ?", arguments: [name])
    {
      return id
    }
    let names = try String.fetchAll(db, sql: "SELECT name FROM dataset ORDER BY name")
    let known = names.isEmpty ? "none imported yet" : "imported: " + names.joined(separator: ", ")
    throw StoreError(
      path: database.path,
      message: "no dataset named '\(name)' (\(known)); add it with `raglab data import`")
  }
}

/// JSON text for string arrays stored in a column.
enum JSONColumn {
  /// Encodes `values` as a JSON array.
  static func encode<T: Encodable>(_ values: [T]) -> String {
    // Encoding arrays of strings or doubles cannot fail.
    String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
  }

  /// Decodes a JSON array stored by `encode`.
  static func decode<T: Decodable>(_ text: String, as type: T.Type = T.self) throws -> [T] {
    try JSONDecoder().decode([T].self, from: Data(text.utf8))
  }
}
