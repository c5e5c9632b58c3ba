/// The Swift package versions raglab is built with, copied from Package.resolved (a test checks
/// that the two agree; after `swift package update`, run `scripts/pin-dependencies.py`).
public enum DependencyVersions {
  /// Package identity → pinned version.
  public static let pinned: [String: String] = [
    "grdb.swift": "7.10.0",
    "swift-argument-parser": "1.8.2",
    "yams": "6.2.2",
  ]
}
