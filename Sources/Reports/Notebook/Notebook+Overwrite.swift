import Foundation

extension Notebook {
  /// Writes the notebook unless that would replace an existing one with the "no results yet"
  /// notebook of an experiment without trials (e.g. after `raglab run --limit 0`).
  /// - Parameter force: overwrite even then.
  /// - Throws: `ReportsError.noTrials` naming the experiment and the kept file, or
  ///   `ReportsError.cannotWrite`.
  public func write(force: Bool) throws {
    if !force, summary.provenance.trialCount == 0, FileManager.default.fileExists(atPath: path) {
      throw ReportsError.noTrials(experiment: summary.name, kept: path)
    }
    try write()
  }
}
