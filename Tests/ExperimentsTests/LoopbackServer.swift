import Foundation

/// A fixture server script (`Fixtures/*.py`) running as a child process on 127.0.0.1, killed on
/// deinit.
final class LoopbackServer {
  private let process = Process()
  /// The port it listens on (the script prints it once listening).
  let port: Int

  /// Starts `python3 Fixtures/<script> <arguments…>` with `environment` added to this process's,
  /// and waits for its port.
  init(script: String, arguments: [String], environment: [String: String] = [:]) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/\(script)")
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", path.path] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    var data = Data()
    while !data.contains(UInt8(ascii: "\n")) {
      let chunk = out.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      data += chunk
    }
    port =
      Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
      ?? 0
  }

  deinit { stop() }

  /// Kills the server (SIGKILL: the test runner's children may inherit an ignored SIGTERM).
  func stop() {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }
}

/// A loopback server answering from a script (Fixtures/scripted_http_server.py): one canned
/// reply per "METHOD /path", each request logged.
final class ScriptedHTTPServer {
  private let server: LoopbackServer
  private let script: URL
  private let log: URL
  /// The port it listens on.
  var port: Int { server.port }
  /// The API root, `http://127.0.0.1:PORT/v1`.
  var url: String { "http://127.0.0.1:\(port)/v1" }

  /// Starts a server answering `replies` ("POST /v1/completions" → `status`, `headers`, `body`,
  /// `raw`, `hang`); `GET /v1/models` answers a model list unless `replies` says otherwise.
  init(_ replies: [String: [String: Any]]) throws {
    let folder = FileManager.default.temporaryDirectory
    let name = "raglab-scripted-\(UUID().uuidString)"
    script = folder.appendingPathComponent(name + ".json")
    log = folder.appendingPathComponent(name + ".jsonl")
    var all: [String: Any] = ["GET /v1/models": ["body": ["data": [["id": "fake-model"]]]]]
    all.merge(replies) { $1 }
    try JSONSerialization.data(withJSONObject: all).write(to: script)
    server = try LoopbackServer(
      script: "scripted_http_server.py", arguments: [script.path, log.path])
  }

  deinit {
    server.stop()
    try? FileManager.default.removeItem(at: script)
    try? FileManager.default.removeItem(at: log)
  }

  /// The requests received so far: `method`, `path`, `authorization` (nil when absent).
  func requests() throws -> [(method: String, path: String, authorization: String?)] {
    guard FileManager.default.fileExists(atPath: log.path) else { return [] }
    return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
      let entry = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
      return (
        entry["method"] as? String ?? "", entry["path"] as? String ?? "",
        entry["authorization"] as? String
      )
    }
  }
}
