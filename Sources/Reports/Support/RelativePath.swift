import Foundation

/// Relative links between report files (a notebook pointing at its plots).
enum RelativePath {
  /// The path of `file` as seen from `folder`, e.g. `../plots/x/a.png` from `notebooks-md`.
  static func of(_ file: String, from folder: String) -> String {
    let target = components(file)
    let base = components(folder)
    var common = 0
    while common < min(target.count, base.count), target[common] == base[common] { common += 1 }
    let ups = Array(repeating: "..", count: base.count - common)
    let parts = ups + target[common...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }

  /// Absolute, standardised path components (relative paths resolve against the current folder).
  private static func components(_ path: String) -> [String] {
    URL(fileURLWithPath: path).standardizedFileURL.pathComponents.filter { $0 != "/" }
  }
}
