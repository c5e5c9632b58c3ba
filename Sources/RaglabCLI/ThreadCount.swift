import Foundation

/// The one rule for `--threads`: default the machine's cores, clamp to 1…4 × cores with a note.
enum ThreadCount {
  /// The cores this process may use (`ProcessInfo.activeProcessorCount`, at least 1).
  static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// The thread count to use for `requested` (nil = the machine's cores); a value outside
  /// 1…4 × cores is clamped into it and the change is printed on stderr.
  static func resolve(_ requested: Int?) -> Int {
    resolve(requested, cores: cores) { note in
      FileHandle.standardError.write(Data("\(note)\n".utf8))
    }
  }

  /// `resolve(_:)` for a given core count, reporting a clamp through `note`.
  static func resolve(_ requested: Int?, cores: Int, note: (String) -> Void) -> Int {
    let allowed = 1...(4 * max(1, cores))
    guard let requested else { return max(1, cores) }
    let used = min(max(requested, allowed.lowerBound), allowed.upperBound)
    if used != requested {
      note(
        "--threads \(requested) is outside \(allowed.lowerBound)...\(allowed.upperBound) "
          + "(4 × this machine's \(cores) cores); using \(used)")
    }
    return used
  }
}
