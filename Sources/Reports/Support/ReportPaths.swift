import Foundation

/// Where an experiment's report files go; experiment names become safe file names.
public enum ReportPaths {
  /// `name` with every character outside `A–Z a–z 0–9 . _ -` replaced by `_`, never starting
  /// with `.` (so `../x` or `a/b` cannot leave the output folder).
  public static func fileName(for experiment: String) -> String {
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    var name = String(experiment.map { allowed.contains($0) ? $0 : "_" })
    if name.isEmpty || name.hasPrefix(".") { name = "_" + name }
    return name
  }

  /// `<root>/<experiment>` for plots.
  public static func plotFolder(root: String, experiment: String) -> String {
    URL(fileURLWithPath: root).appendingPathComponent(fileName(for: experiment)).path
  }

  /// `<root>/<experiment>.md` for notebooks.
  public static func notebook(root: String, experiment: String) -> String {
    URL(fileURLWithPath: root).appendingPathComponent("\(fileName(for: experiment)).md").path
  }
}
