import Foundation

/// Where set-up puts models and data (`RAGLAB_HOME`, default `~/.cache/raglab`), and the error for a missing asset.
public enum AssetPaths {
  /// The root folder of installed assets.
  public static var home: String {
    if let value = ProcessInfo.processInfo.environment["RAGLAB_HOME"], !value.isEmpty {
      return value
    }
    return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/raglab")
      .path
  }

  /// `path` itself when absolute or `~`-relative, else `path` under `home`.
  public static func resolve(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    if path.hasPrefix("~") { return NSString(string: path).expandingTildeInPath }
    return URL(fileURLWithPath: home).appendingPathComponent(path).path
  }

  /// The resolved path of an asset that must exist.
  /// - Throws: `MissingAssetError` naming the file and `make quickstart`.
  public static func require(_ path: String, what: String) throws -> String {
    let resolved = resolve(path)
    guard FileManager.default.fileExists(atPath: resolved) else {
      throw MissingAssetError(what: what, path: resolved)
    }
    return resolved
  }
}

/// A model or data file that set-up has not installed; raglab never downloads by itself.
public struct MissingAssetError: Error, CustomStringConvertible, Sendable {
  /// What the file is (e.g. "model", "dataset squad-dev").
  public let what: String
  /// The path looked for.
  public let path: String

  public var description: String {
    "\(what) not found at \(path); install the assets with `make quickstart` (or `bash scripts/setup.sh`), "
      + "or set RAGLAB_HOME to where they are"
  }
}
