import Foundation

/// The `raglab` executable of this build, run as a user would: exit status, stdout and stderr.
struct RaglabProcess {
  /// What one run printed and how it ended.
  struct Outcome {
    /// The exit status (132 would be a Swift trap).
    var status: Int32
    /// Standard output.
    var output: String
    /// Standard error.
    var errors: String
  }

  /// The executable next to the test bundle (`.build/<config>/raglab`), else under the
  /// repository's `.build/release`.
  static var executable: String {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("raglab").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../.build/release/raglab").standardizedFileURL.path
  }

  /// Runs `raglab ARGUMENTS` in `directory` (default: this process's) and waits for it (output
  /// goes through temporary files, so neither stream can fill a pipe and block the child).
  static func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
    let folder = try Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let paths = ["\(folder)/out", "\(folder)/err"]
    for path in paths { FileManager.default.createFile(atPath: path, contents: nil) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = FileHandle(forWritingAtPath: paths[0])
    process.standardError = FileHandle(forWritingAtPath: paths[1])
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let texts = try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
    return Outcome(status: process.terminationStatus, output: texts[0], errors: texts[1])
  }
}
