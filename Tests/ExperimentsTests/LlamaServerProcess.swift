import Foundation
import Testing

@testable import Experiments

/// llama.cpp's `llama-server` (built by `make test`) as a child process on 127.0.0.1, stopped by
/// PID on `stop()` and on deinit.
final class LlamaServerProcess {
  /// Where `scripts/build-llamacpp.sh --server` puts the binary, under `RAGLAB_HOME`.
  static var binary: String { AssetPaths.resolve("llama.cpp/build/bin/llama-server") }
  /// Whether the binary is there; tests that need it skip without it.
  static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary) }
  /// Why such a test was skipped.
  static let notBuilt: Comment =
    "llama-server is not built: run `make test` (it runs scripts/build-llamacpp.sh --server)"

  private let process = Process()
  /// The server's combined stdout and stderr.
  let log: URL
  /// The port it listens on (chosen by the server: it is started with `--port 0`).
  private(set) var port = 0
  /// The API root, `http://127.0.0.1:PORT/v1`.
  var url: String { "http://127.0.0.1:\(port)/v1" }

  /// Starts the server on `model` with `slots` parallel slots (`-np`), `contextPerSlot` tokens of
  /// KV cache each (`-c slots × contextPerSlot`), `threads` threads and `arguments` besides, and
  /// waits until `/health` answers 200.
  /// - Throws: `LlamaServerStartError` with the log's tail when the server exits or is not healthy
  ///   within `startupSeconds` (the server is stopped first).
  init(
    model: String, slots: Int = 4, contextPerSlot: Int = 1024, threads: Int = 2,
    arguments: [String] = [], startupSeconds: Double = 120
  ) throws {
    log = FileManager.default.temporaryDirectory.appendingPathComponent(
      "raglab-llama-server-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let output = try FileHandle(forWritingTo: log)
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments =
      [
        "-m", model, "--host", "127.0.0.1", "--port", "0", "-np", String(slots),
        "-c", String(slots * contextPerSlot), "-t", String(threads),
      ] + arguments
    process.standardOutput = output
    process.standardError = output
    try process.run()
    do {
      try waitUntilHealthy(seconds: startupSeconds)
    } catch {
      stop()
      throw error
    }
  }

  deinit {
    stop()
    try? FileManager.default.removeItem(at: log)
  }

  /// Kills the server by its PID (SIGKILL: the test runner's children may inherit an ignored
  /// SIGTERM) and waits for it.
  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Reads the port from the log's `listening on http://127.0.0.1:PORT`, then polls `/health`
  /// (503 while the model loads) every 0.2 s.
  private func waitUntilHealthy(seconds: Double) throws {
    let deadline = Date().addingTimeInterval(seconds)
    let client = JSONHTTPClient(timeout: 2, apiKey: nil)
    while Date() < deadline {
      guard process.isRunning else {
        throw LlamaServerStartError(
          reason: "exited with status \(process.terminationStatus)", log: log)
      }
      if port == 0 { port = listeningPort() ?? 0 }
      if port != 0,
        let url = URL(string: "http://127.0.0.1:\(port)/health"),
        (try? client.get(url, as: [String: String].self)) != nil
      {
        return
      }
      Thread.sleep(forTimeInterval: 0.2)
    }
    throw LlamaServerStartError(reason: "was not healthy within \(Int(seconds)) s", log: log)
  }

  /// The port in the log's `listening on http://127.0.0.1:PORT` line, once written.
  private func listeningPort() -> Int? {
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    guard let range = text.range(of: "listening on http://127.0.0.1:") else { return nil }
    return Int(text[range.upperBound...].prefix { $0.isNumber })
  }
}

/// `llama-server` did not come up; carries the end of its log.
struct LlamaServerStartError: Error, CustomStringConvertible {
  /// What went wrong (`exited with status 1`, `was not healthy within 120 s`).
  let reason: String
  /// The server's log file.
  let log: URL

  var description: String {
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    let tail = text.split(separator: "\n").suffix(15).joined(separator: "\n")
    return "llama-server (\(LlamaServerProcess.binary)) \(reason); last log lines:\n\(tail)"
  }
}
