import Foundation

/// Writes files so a reader never sees a half-written one: temp file in the same folder, then rename.
enum AtomicFile {
  /// Writes `text` as UTF-8 to `path`, creating the folder if needed.
  /// - Throws: `ReportsError.cannotWrite` naming the path.
  static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to `path` via a temporary sibling and a rename.
  /// - Throws: `ReportsError.cannotWrite` naming the path.
  static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url, options: .atomic)
    } catch {
      throw ReportsError.cannotWrite(path: path, reason: error.localizedDescription)
    }
  }

  /// A fresh temporary path next to `path` (same folder, so `replace` is a rename).
  static func temporarySibling(of path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let name = ".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
    return url.deletingLastPathComponent().appendingPathComponent(name).path
  }

  /// Moves the finished file at `temporary` over `path` (atomic on one file system).
  /// - Throws: `ReportsError.cannotWrite` naming the path.
  static func replace(_ path: String, with temporary: String) throws {
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: temporary)
      throw ReportsError.cannotWrite(path: path, reason: reason)
    }
  }
}
