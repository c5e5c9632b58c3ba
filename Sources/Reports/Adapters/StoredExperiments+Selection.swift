import Foundation
import Store

/// One stored experiment a name can refer to: what tells same-named runs apart.
public struct ExperimentCandidate: Sendable, Equatable, CustomStringConvertible {
  /// Row id, the value `--experiment` takes.
  public var id: Int64
  /// sha256 of the canonical spec.
  public var specHash: String
  /// When the experiment was first started.
  public var startedAt: Date
  /// When its last trial was stored (nil while unfinished).
  public var finishedAt: Date?
  /// Trials stored so far.
  public var trialCount: Int

  /// `#3 (spec 5eedc0de1234, started 2026-11-28 03:49:13 UTC, 400 trials, finished)`.
  public var description: String {
    let state = finishedAt == nil ? "not finished" : "finished"
    return "#\(id) (spec \(specHash.prefix(12)), started \(NumberFormat.timestamp(startedAt)), "
      + "\(trialCount) trial\(trialCount == 1 ? "" : "s"), \(state))"
  }
}

/// The experiment a report reads, and the others stored under the same name.
public struct ExperimentSelection: Sendable {
  /// The chosen experiment.
  public var record: ExperimentRecord
  /// Every experiment of that name, newest first (the chosen one included).
  public var candidates: [ExperimentCandidate]

  /// The chosen experiment as a candidate.
  public var chosen: ExperimentCandidate? { candidates.first { $0.id == record.id } }

  /// What to print on stderr: which experiment is read and, when the name is shared, the others
  /// and how to pick one.
  public var message: String {
    var text = "reading experiment \(record.name) \(chosen.map(\.description) ?? "")"
    let others = candidates.filter { $0.id != record.id }
    if !others.isEmpty {
      text +=
        "; \(others.count) other\(others.count == 1 ? "" : "s") of this name: "
        + others.prefix(5).map { "#\($0.id)" }.joined(separator: ", ")
        + (others.count > 5 ? ", …" : "")
        + " (choose with --experiment ID; list them with `raglab results \(record.name) --list`)"
    }
    return text
  }
}

extension StoredExperiments {
  /// Every stored experiment called `name`, newest first, with its trial count.
  public func candidates(named name: String) throws -> [ExperimentCandidate] {
    try store.experiments(named: name).compactMap { record in
      guard let id = record.id else { return nil }
      return ExperimentCandidate(
        id: id, specHash: record.specHash, startedAt: record.startedAt,
        finishedAt: record.finishedAt, trialCount: try store.trialCount(experimentId: id))
    }
  }

  /// Experiment `id` when given (it must be called `name`), else the newest one called `name`.
  /// - Throws: `ReportsError.noExperiment` when no experiment has that name,
  ///   `ReportsError.noExperimentID` (listing the name's experiments) when `id` is not one of them.
  public func select(named name: String, id: Int64? = nil) throws -> ExperimentSelection {
    let newest = try record(named: name)
    let candidates = try self.candidates(named: name)
    guard let id else { return ExperimentSelection(record: newest, candidates: candidates) }
    guard let chosen = try store.experiments(named: name).first(where: { $0.id == id }) else {
      throw ReportsError.noExperimentID(
        id: id, name: name, candidates: candidates.map(\.description))
    }
    return ExperimentSelection(record: chosen, candidates: candidates)
  }
}
