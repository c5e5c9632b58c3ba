import Foundation

/// Whether a file or folder can be read, and if not, why — in the system's own words.
public enum FileAccess {
  /// What a path must be.
  public enum Kind: Sendable {
    /// A regular file (or a link to one).
    case file
    /// A folder.
    case folder
  }

  /// Why `path` cannot be read.
  public enum Problem: Error, Equatable, Sendable {
    /// Nothing exists at the path.
    case missing
    /// Something exists but cannot be read: "permission denied", "is a directory", ….
    case unreadable(String)

    /// The reason in words: "no such file or directory", "permission denied", ….
    public var reason: String {
      switch self {
      case .missing: return "no such file or directory"
      case .unreadable(let reason): return reason
      }
    }
  }

  /// nil when `path` is a readable `kind`, else what is wrong with it.
  public static func problem(_ path: String, kind: Kind) -> Problem? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      return .missing
    }
    switch (kind, isFolder.boolValue) {
    case (.file, true): return .unreadable("is a directory, not a file")
    case (.folder, false): return .unreadable("is a file, not a directory")
    default: break
    }
    let descriptor = open(path, O_RDONLY | (kind == .folder ? O_DIRECTORY : 0))
    guard descriptor >= 0 else {
      return .unreadable(String(cString: strerror(errno)).lowercased())
    }
    close(descriptor)
    return nil
  }
}
