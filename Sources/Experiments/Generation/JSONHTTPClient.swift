import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Sends a JSON request and waits for the JSON answer (the generator protocol is synchronous);
/// a run's workers call it from their own threads, up to `GeneratorSpec.maxConcurrency` at once.
///
/// Redirects are never followed: a 3xx is an error naming the URL and its `Location`, so a POST
/// never turns into a GET and the API key is never sent to another address.
final class JSONHTTPClient: Sendable {
  /// Seconds a request may take, from sending it to the last byte of the answer.
  let timeout: TimeInterval
  /// Sent as `Authorization: Bearer …` when set.
  let apiKey: String?
  /// A private session whose delegate refuses redirects.
  private let session: URLSession

  /// A client whose requests give up after `timeout` seconds.
  init(timeout: TimeInterval, apiKey: String?) {
    self.timeout = timeout
    self.apiKey = apiKey
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    // The default (6) would queue the requests of a run with more workers than that.
    configuration.httpMaximumConnectionsPerHost = GeneratorSpec.maxConcurrency
    session = URLSession(
      configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
  }

  deinit { session.invalidateAndCancel() }

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
  ///   transient for timeouts, connection failures (`transientCodes`), 429 and 5xx.
  private func send(_ url: URL, method: String, body: Data?) throws -> Data {
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.httpMethod = method
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
    if let body {
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = body
    }
    let reply = Reply()
    let done = DispatchSemaphore(value: 0)
    session.dataTask(with: request) { data, response, error in
      reply.set(data, response as? HTTPURLResponse, error)
      done.signal()
    }.resume()
    done.wait()
    let (data, response, error) = reply.get()
    let address = url.absoluteString
    if let error = error as? URLError, error.code == .timedOut {
      throw GeneratorServerError(
        description:
          "the generator server at \(address) did not answer within \(Self.seconds(timeout)) "
          + "(raglab's request timeout); check that it is not hung or overloaded",
        isTransient: true)
    }
    if let error {
      let code = (error as? URLError)?.code
      let broken = code.map(Self.brokenConnectionCodes.contains) ?? false
      throw GeneratorServerError(
        description: broken
          ? "the connection to the generator server at \(address) broke: "
            + "\(error.localizedDescription); check the server's log (it may have crashed or "
            + "restarted, or a proxy cut the answer)"
          : "cannot reach the generator server at \(address): \(error.localizedDescription); "
            + "start it (e.g. `llama-server -m MODEL.gguf --port 8080`) or fix generator.url in "
            + "the spec",
        isTransient: code.map(Self.transientCodes.contains) ?? false)
    }
    let status = response?.statusCode ?? 0
    if (300..<400).contains(status) {
      let location = response?.value(forHTTPHeaderField: "Location") ?? "(no Location header)"
      throw GeneratorServerError(
        description:
          "the generator server at \(address) answered HTTP \(status), a redirect to \(location); "
          + "raglab does not follow redirects for API calls (the request and the API key would go "
          + "elsewhere): set generator.url to the server's real API root")
    }
    guard (200..<300).contains(status) else {
      let text = String(decoding: (data ?? Data()).prefix(300), as: UTF8.self)
      let asksToWait = status == 429 || status == 503
      throw GeneratorServerError(
        description: "the generator server at \(address) answered HTTP \(status): \(text)",
        isTransient: status == 429 || (500..<600).contains(status),
        retryAfter: asksToWait
          ? RetryAfter.seconds(response?.value(forHTTPHeaderField: "Retry-After")) : nil)
    }
    return data ?? Data()
  }

  /// Failures of a connection the server had accepted: reset, dropped, an empty or cut-off answer.
  static let brokenConnectionCodes: Set<URLError.Code> = [
    .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource,
  ]

  /// Connection failures a later attempt may not meet: refused, reset or dropped connections, an
  /// empty or cut-off answer, a failed name lookup.
  static let transientCodes: Set<URLError.Code> = [
    .timedOut, .cannotConnectToHost, .networkConnectionLost, .badServerResponse,
    .cannotParseResponse, .zeroByteResource, .cannotFindHost, .dnsLookupFailed,
    .notConnectedToInternet, .resourceUnavailable, .unknown,
  ]

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

/// Answers every redirect with "do not follow", so the 3xx itself reaches the caller.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
  /// Refuses the redirect.
  func urlSession(
    _ session: URLSession, task: URLSessionTask,
    willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
    completionHandler: @escaping @Sendable (URLRequest?) -> Void
  ) {
    completionHandler(nil)
  }
}

/// The completion handler's result, handed from URLSession's queue to the waiting caller.
private final class Reply: @unchecked Sendable {
  private let lock = NSLock()
  private var value: (Data?, HTTPURLResponse?, (any Error)?) = (nil, nil, nil)

  /// Stores the task's outcome.
  func set(_ data: Data?, _ response: HTTPURLResponse?, _ error: (any Error)?) {
    lock.lock()
    value = (data, response, error)
    lock.unlock()
  }

  /// The stored outcome.
  func get() -> (Data?, HTTPURLResponse?, (any Error)?) {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
