import Foundation
import Testing

@testable import Experiments

/// The raw-bytes server (Fixtures/raw_http_server.py) answering `replies` in request order.
private final class RawHTTPServer {
  private let server: LoopbackServer
  private let script: URL
  private let log: URL
  /// The port it listens on.
  var port: Int { server.port }

  /// Starts a server sending `replies` (`raw`, `close`, or `drop`) to the requests in turn.
  init(_ replies: [[String: Any]]) throws {
    let stem = FileManager.default.temporaryDirectory.appendingPathComponent(
      "raglab-raw-\(UUID().uuidString)")
    script = stem.appendingPathExtension("json")
    log = stem.appendingPathExtension("jsonl")
    try JSONSerialization.data(withJSONObject: replies).write(to: script)
    server = try LoopbackServer(script: "raw_http_server.py", arguments: [script.path, log.path])
  }

  deinit {
    server.stop()
    try? FileManager.default.removeItem(at: script)
    try? FileManager.default.removeItem(at: log)
  }

  /// The requests received so far: the connection each came on and its request line.
  func requests() throws -> [(connection: Int, line: String)] {
    guard FileManager.default.fileExists(atPath: log.path) else { return [] }
    return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
      let entry = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
      return (entry["connection"] as? Int ?? 0, entry["line"] as? String ?? "")
    }
  }

  /// A POST of `{}` to `path` on this server.
  func post(_ path: String) -> HTTPRequest {
    HTTPRequest(
      method: "POST", url: URL(string: "http://127.0.0.1:\(port)\(path)")!,
      headers: [("Content-Type", "application/json")], body: Data("{}".utf8))
  }
}

/// A 200 answer carrying `body` with its Content-Length.
private func answer(_ body: String, close: Bool = false) -> [String: Any] {
  ["raw": "HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)", "close": close]
}

@Test func aChunkedAnswerIsJoinedAcrossItsChunksAndTrailers() throws {
  // Chunks of 4 and 6 bytes (one with an extension), the last chunk, then a trailer field.
  let chunked =
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    + "4;note=x\r\n{\"a\"\r\n6\r\n: 123}\r\n0\r\nX-Checksum: 1\r\n\r\n"
  let server = try RawHTTPServer([["raw": chunked]])
  let response = try SocketHTTPTransport().send(server.post("/v1/x"), timeout: 5)
  #expect(response.status == 200)
  #expect(String(decoding: response.body, as: UTF8.self) == "{\"a\": 123}")
}

@Test func anAnswerCutOffBeforeItsContentLengthIsATransientTruncation() throws {
  // 10 of the 100 bytes announced, then the server closes the connection.
  let server = try RawHTTPServer([
    ["raw": "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial\"", "close": true]
  ])
  let client = JSONHTTPClient(timeout: 5, apiKey: nil)
  let url = URL(string: "http://127.0.0.1:\(server.port)/v1/completions")!
  let error = try #require(throws: GeneratorServerError.self) {
    try client.post(url, body: ["prompt": "x"], as: [String: String].self)
  }
  #expect(error.isTransient)
  #expect(error.description.contains("\(url.absoluteString) broke"))
  #expect(error.description.contains("after 10 of the answer's 100 bytes"))
}

@Test func aChunkedAnswerCutOffInsideAChunkIsATruncation() throws {
  // A 10-byte chunk of which 5 bytes arrive before the connection closes.
  let server = try RawHTTPServer([
    ["raw": "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n12345", "close": true]
  ])
  let error = try #require(throws: HTTPTransportError.self) {
    try SocketHTTPTransport().send(server.post("/v1/x"), timeout: 5)
  }
  guard case .broken(let detail) = error else {
    Issue.record("expected a broken connection, got \(error)")
    return
  }
  #expect(detail.contains("chunked body") && detail.contains("truncated"))
}

@Test func consecutiveRequestsReuseOneKeptAliveConnection() throws {
  let server = try RawHTTPServer([answer("one"), answer("two"), answer("three")])
  let transport = SocketHTTPTransport()
  let bodies = try ["/a", "/b", "/c"].map {
    String(decoding: try transport.send(server.post($0), timeout: 5).body, as: UTF8.self)
  }
  #expect(bodies == ["one", "two", "three"])
  #expect(try server.requests().map(\.connection) == [1, 1, 1])
  #expect(
    try server.requests().map(\.line) == [
      "POST /a HTTP/1.1", "POST /b HTTP/1.1", "POST /c HTTP/1.1",
    ])
}

@Test func aKeptConnectionTheServerDropsUnansweredIsReplacedOnce() throws {
  // The second request reaches the kept connection, which the server closes without a byte; the
  // transport sends it again on a new connection, which answers.
  let server = try RawHTTPServer([answer("one"), ["drop": true], answer("two")])
  let transport = SocketHTTPTransport()
  let first = try transport.send(server.post("/a"), timeout: 5)
  let second = try transport.send(server.post("/b"), timeout: 5)
  #expect(String(decoding: first.body + second.body, as: UTF8.self) == "onetwo")
  let requests = try server.requests()
  #expect(requests.map(\.connection) == [1, 1, 2])
  #expect(requests.map(\.line) == ["POST /a HTTP/1.1", "POST /b HTTP/1.1", "POST /b HTTP/1.1"])
}

@Test func aFreshConnectionDroppedUnansweredIsAnErrorNotARepeat() throws {
  let server = try RawHTTPServer([["drop": true], answer("late")])
  let error = try #require(throws: HTTPTransportError.self) {
    try SocketHTTPTransport().send(server.post("/a"), timeout: 5)
  }
  #expect(error == .broken("the server closed the connection without answering"))
  #expect(try server.requests().count == 1)
}

@Test func anAnswerEndedByClosingIsReadToTheEndAndItsConnectionNotKept() throws {
  // HTTP/1.0 without a length: the body is everything until the server closes.
  let server = try RawHTTPServer([
    ["raw": "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end", "close": true],
    answer("next", close: false),
  ])
  let transport = SocketHTTPTransport()
  let first = try transport.send(server.post("/a"), timeout: 5)
  let second = try transport.send(server.post("/b"), timeout: 5)
  #expect(String(decoding: first.body, as: UTF8.self) == "until the end")
  #expect(first.header("content-type") == "text/plain")
  #expect(String(decoding: second.body, as: UTF8.self) == "next")
  #expect(try server.requests().map(\.connection) == [1, 2])
}
