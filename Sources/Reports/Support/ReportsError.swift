import Foundation

/// A problem producing a report, worded so the user knows what to do next.
public enum ReportsError: Error, Equatable, CustomStringConvertible, LocalizedError {
  /// The database has no experiment with this name.
  case noExperiment(name: String, database: String, known: [String])
  /// The database file does not exist.
  case noDatabase(path: String)
  /// The experiment has no trial for this question id.
  case noQuestion(id: String, experiment: String)
  /// The experiment has nothing to plot along the requested axis.
  case nothingToPlot(experiment: String, reason: String)
  /// gnuplot is not installed (or not on PATH).
  case gnuplotMissing(searched: [String])
  /// gnuplot ran the script and failed.
  case gnuplotFailed(script: String, status: Int32, message: String)
  /// A file could not be written.
  case cannotWrite(path: String, reason: String)
  /// `--experiment ID` names no stored experiment of this name.
  case noExperimentID(id: Int64, name: String, candidates: [String])
  /// The chosen experiment has no trials, so its report would replace `kept` with an empty one.
  case noTrials(experiment: String, kept: String?)

  public var description: String {
    switch self {
    case .noExperiment(let name, let database, let known):
      let list =
        known.isEmpty ? "it holds no experiments yet" : "known: \(known.joined(separator: ", "))"
      return "no experiment named \(name) in \(database) (\(list)); run `raglab run SPEC` first"
    case .noDatabase(let path):
      return "no database at \(path); run `raglab run SPEC` first or pass --db PATH"
    case .noQuestion(let id, let experiment):
      return "experiment \(experiment) has no trial for question \(id)"
    case .nothingToPlot(let experiment, let reason):
      return "nothing to plot for \(experiment): \(reason)"
    case .gnuplotMissing(let searched):
      return "gnuplot not found (looked in \(searched.joined(separator: ", "))); "
        + "install it with `make quickstart` or `bash scripts/setup.sh` (apt package gnuplot-nox)"
    case .gnuplotFailed(let script, let status, let message):
      let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
      return
        "gnuplot failed on \(script) (exit status \(status)): \(text.isEmpty ? "no message" : text)"
    case .cannotWrite(let path, let reason):
      return "cannot write \(path): \(reason)"
    case .noExperimentID(let id, let name, let candidates):
      let list = candidates.isEmpty ? "none" : candidates.joined(separator: "; ")
      return "no experiment #\(id) is named \(name); the experiments named \(name) are: \(list)"
    case .noTrials(let experiment, let kept):
      let keep = kept.map { "; \($0) is kept (pass --force to overwrite it anyway)" } ?? ""
      return "experiment \(experiment) has no trials yet\(keep); choose one with trials with "
        + "--experiment ID (list them with `raglab results \(experiment) --list`)"
    }
  }

  /// The same text as `description`, for `localizedDescription`.
  public var errorDescription: String? { description }
}
