import Foundation

/// Sends a JSON request and waits for the JSON answer (the generator protocol is synchronous);
/// a run's workers call it from their own threads, up to `GeneratorSpec.maxConcurrency` at once.
/// `http://` URLs go over `SocketHTTPTransport` (a waiting worker sleeps in poll(2)), `https://`
/// ones over `URLSessionTransport`.
///
/// Redirects are never followed: a 3xx is an error naming the URL and its `Location`, so a POST
/// never turns into a GET and the API key is never sent to another address.
final class JSONHTTPClient: Sendable {
  /// Seconds a request may take, from sending it to the last byte of the answer.
  let timeout: TimeInterval
  /// Sent as `Authorization: Bearer …` when set.
  let apiKey: String?
  /// The transport of plain `http://` requests.
  private let plain = SocketHTTPTransport()
  /// The transport of `https://` requests.
  private let secure: URLSessionTransport

  /// A client whose requests give up after `timeout` seconds.
  init(timeout: TimeInterval, apiKey: String?) {
    self.timeout = timeout
    self.apiKey = apiKey
    secure = URLSessionTransport(timeout: timeout)
  }

  /// GETs `url` and decodes its JSON answer as `Reply`.
  /// - Throws: `GeneratorServerError` naming the URL (see `send(_:method:body:)`).
  func get<Reply: Decodable>(_ url: URL, as _: Reply.Type) throws -> Reply {
    try redactingKey {
      try Self.decode(Reply.self, from: send(url, method: "GET", body: nil), url: url)
    }
  }

  /// POSTs `body` as JSON to `url` and decodes the JSON answer as `Reply`.
  /// - Throws: `GeneratorServerError` naming the URL (see `send(_:method:body:)`).
  func post<Reply: Decodable>(_ url: URL, body: some Encodable, as _: Reply.Type) throws -> Reply {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(body)
    return try redactingKey {
      try Self.decode(Reply.self, from: send(url, method: "POST", body: data), url: url)
    }
  }

  /// Runs `body`, taking the API key out of any `GeneratorServerError` it throws (a server may
  /// echo the key in an error body).
  private func redactingKey<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as GeneratorServerError {
      throw error.redacting(apiKey)
    }
  }

  /// Decodes a server's JSON answer (snake_case keys) as `Reply`.
  /// - Throws: `GeneratorServerError` naming `url`, the key path and what was expected; transient,
  ///   since a truncated or garbled answer may come out whole next time.
  static func decode<Reply: Decodable>(_: Reply.Type, from data: Data, url: URL) throws -> Reply {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    do {
      return try decoder.decode(Reply.self, from: data)
    } catch let error as DecodingError {
      throw GeneratorServerError(
        description:
          "the generator server at \(url.absoluteString) answered JSON raglab cannot read "
          + "(\(Self.describe(error))): \(String(decoding: data.prefix(300), as: UTF8.self))",
        isTransient: true)
    }
  }

  /// Sends one request and returns the body of its 2xx answer.
  /// - Throws: `GeneratorServerError` naming the URL when the server cannot be reached, does not
  ///   answer within `timeout`, redirects (3xx, with its `Location`) or answers another non-2xx;
  ///   transient for timeouts, refused, reset or cut-off connections, 429 and 5xx.
  private func send(_ url: URL, method: String, body: Data?) throws -> Data {
    var request = HTTPRequest(method: method, url: url)
    request.headers.append(("Accept", "application/json"))
    if let apiKey { request.headers.append(("Authorization", "Bearer \(apiKey)")) }
    if let body {
      request.headers.append(("Content-Type", "application/json"))
      request.body = body
    }
    let address = url.absoluteString
    let response: HTTPResponse
    do {
      response = try (url.scheme?.lowercased() == "https" ? secure : plain as any HTTPTransport)
        .send(request, timeout: timeout)
    } catch let error as HTTPTransportError {
      throw failure(error, address: address)
    }
    let status = response.status
    if (300..<400).contains(status) {
      let location = response.header("Location") ?? "(no Location header)"
      throw GeneratorServerError(
        description:
          "the generator server at \(address) answered HTTP \(status), a redirect to \(location); "
          + "raglab does not follow redirects for API calls (the request and the API key would go "
          + "elsewhere): set generator.url to the server's real API root")
    }
    guard (200..<300).contains(status) else {
      let text = String(decoding: response.body.prefix(300), as: UTF8.self)
      let asksToWait = status == 429 || status == 503
      throw GeneratorServerError(
        description: "the generator server at \(address) answered HTTP \(status): \(text)",
        isTransient: status == 429 || (500..<600).contains(status),
        retryAfter: asksToWait ? RetryAfter.seconds(response.header("Retry-After")) : nil)
    }
    return response.body
  }

  /// A transport failure as the message the person running the experiment reads.
  private func failure(_ error: HTTPTransportError, address: String) -> GeneratorServerError {
    switch error {
    case .timedOut:
      return GeneratorServerError(
        description:
          "the generator server at \(address) did not answer within \(Self.seconds(timeout)) "
          + "(raglab's request timeout); check that it is not hung or overloaded",
        isTransient: true)
    case .broken(let detail):
      return GeneratorServerError(
        description:
          "the connection to the generator server at \(address) broke: \(detail); check the "
          + "server's log (it may have crashed or restarted, or a proxy cut the answer)",
        isTransient: true)
    case .unreachable(let detail, let transient):
      return GeneratorServerError(
        description:
          "cannot reach the generator server at \(address): \(detail); start it (e.g. "
          + "`llama-server -m MODEL.gguf --port 8080`) or fix generator.url in the spec",
        isTransient: transient)
    }
  }

  /// `30 s`, `0.5 s`.
  private static func seconds(_ interval: TimeInterval) -> String {
    interval == interval.rounded() ? "\(Int(interval)) s" : "\(interval) s"
  }

  /// `choices[0].text: Expected to decode String but found a number instead.`
  private static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      let rendered = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return rendered.hasPrefix(".") ? String(rendered.dropFirst()) : rendered
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context.codingPath)
      return "\(parent.isEmpty ? "" : parent + ".")\(key.stringValue) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context),
      .dataCorrupted(let context):
      let keyPath = path(context.codingPath)
      return (keyPath.isEmpty ? "" : keyPath + ": ") + context.debugDescription
    @unknown default:
      return "\(error)"
    }
  }
}
