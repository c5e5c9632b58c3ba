/// A spec names a dataset that is already in the database, but from another file or format: running
/// on the stored one would silently answer another question than the spec asks.
public struct DatasetMismatchError: Error, CustomStringConvertible, Sendable {
  /// The dataset name shared by the spec and the database.
  public let name: String
  /// Format, source path and sha256 the database holds.
  public let stored: (format: String, path: String, checksum: String)
  /// Format, resolved path and sha256 of the spec's file.
  public let spec: (format: String, path: String, checksum: String)
  /// The database file.
  public let database: String

  public var description: String {
    let what = stored.format == spec.format ? "file" : "format"
    let command =
      "raglab data import --format \(spec.format) \(spec.path) --name \(name) --replace --db \(database)"
    return """
      dataset '\(name)' in \(database) comes from another \(what) than the spec's dataset:
        stored: \(stored.format) \(stored.path) sha256 \(stored.checksum)
        spec:   \(spec.format) \(spec.path) sha256 \(spec.checksum)
      to use the spec's file under this name (it replaces the stored passages, questions and cached
      rankings; stored results keep their data checksum):
        \(command)
      or give the spec another dataset.name
      """
  }
}
