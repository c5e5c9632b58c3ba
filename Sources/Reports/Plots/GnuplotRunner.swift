import Foundation

/// Runs the gnuplot binary on a script file and turns a failure into a `ReportsError`.
public struct GnuplotRunner: Sendable {
  /// Absolute path of the gnuplot executable.
  public let executable: String

  /// Uses `executable`, or finds gnuplot (`$RAGLAB_GNUPLOT`, then `$PATH`, then /usr/bin).
  /// - Throws: `ReportsError.gnuplotMissing` naming the set-up command.
  public init(executable: String? = nil) throws {
    if let executable {
      guard FileManager.default.isExecutableFile(atPath: executable) else {
        throw ReportsError.gnuplotMissing(searched: [executable])
      }
      self.executable = executable
    } else {
      self.executable = try Self.locate()
    }
  }

  /// Finds gnuplot the way a shell would, preferring `$RAGLAB_GNUPLOT` when set.
  /// - Throws: `ReportsError.gnuplotMissing` listing every place looked at.
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    fallbacks: [String] = [
      "/usr/bin/gnuplot", "/usr/local/bin/gnuplot", "/opt/homebrew/bin/gnuplot",
    ]
  ) throws -> String {
    var candidates: [String] = []
    if let override = environment["RAGLAB_GNUPLOT"], !override.isEmpty {
      candidates.append(override)
    }
    let path = environment["PATH"] ?? ""
    for folder in path.split(separator: ":") where !folder.isEmpty {
      candidates.append("\(folder)/gnuplot")
    }
    candidates += fallbacks
    if let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) {
      return found
    }
    throw ReportsError.gnuplotMissing(searched: candidates)
  }

  /// Runs `gnuplot -e 'name=value' … script` and waits for it.
  /// - Parameters:
  ///   - script: path of the `.gp` file.
  ///   - variables: string variables defined before the script runs (e.g. `outbase`).
  /// - Returns: whatever gnuplot printed on stderr (warnings) when it succeeded.
  /// - Throws: `ReportsError.gnuplotFailed` naming the script and quoting gnuplot's message;
  ///   `ReportsError.cannotWrite` when a value holds a control character (a path gnuplot could
  ///   only be given by changing it).
  @discardableResult
  public func run(script: String, variables: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    var arguments: [String] = []
    for (name, value) in variables.sorted(by: { $0.key < $1.key }) {
      try GnuplotText.requirePrintable(path: value)
      arguments += ["-e", "\(name) = \(GnuplotText.quoted(value))"]
    }
    process.arguments = arguments + [script]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw ReportsError.gnuplotFailed(
        script: script, status: -1, message: "cannot start \(executable): \(error)")
    }
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw ReportsError.gnuplotFailed(
        script: script, status: process.terminationStatus, message: message)
    }
    return message
  }
}
