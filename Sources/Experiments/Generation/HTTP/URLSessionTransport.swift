import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Foundation's `URLSession` as the transport for `https://` URLs (TLS is its job). On Linux it
/// keeps a core busy while a request waits (docs/experiments.md), so `http://` URLs go to
/// `SocketHTTPTransport` instead.
final class URLSessionTransport: HTTPTransport {
  /// A private session whose delegate refuses redirects.
  private let session: URLSession

  /// A transport allowing `GeneratorSpec.maxConcurrency` connections to one host, whose requests
  /// give up after `timeout` seconds in all.
  init(timeout: TimeInterval) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = timeout
    // The default (6) would queue the requests of a run with more workers than that.
    configuration.httpMaximumConnectionsPerHost = GeneratorSpec.maxConcurrency
    session = URLSession(
      configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
  }

  deinit { session.invalidateAndCancel() }

  /// Sends `request` through the session and waits on a semaphore for its completion handler.
  /// - Throws: `HTTPTransportError` sorted from the task's `URLError` code.
  func send(_ request: HTTPRequest, timeout: TimeInterval) throws -> HTTPResponse {
    var urlRequest = URLRequest(url: request.url, timeoutInterval: timeout)
    urlRequest.httpMethod = request.method
    for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
    urlRequest.httpBody = request.body
    let reply = Reply()
    let done = DispatchSemaphore(value: 0)
    session.dataTask(with: urlRequest) { data, response, error in
      reply.set(data, response as? HTTPURLResponse, error)
      done.signal()
    }.resume()
    done.wait()
    let (data, response, error) = reply.get()
    if let error { throw Self.sorted(error) }
    var headers: [String: String] = [:]
    for (name, value) in response?.allHeaderFields ?? [:] {
      headers[String(describing: name).lowercased()] = String(describing: value)
    }
    return HTTPResponse(status: response?.statusCode ?? 0, headers: headers, body: data ?? Data())
  }

  /// A task's error as a transport failure.
  private static func sorted(_ error: any Error) -> HTTPTransportError {
    guard let code = (error as? URLError)?.code else {
      return .unreachable(error.localizedDescription, transient: false)
    }
    if code == .timedOut { return .timedOut }
    if brokenConnectionCodes.contains(code) { return .broken(error.localizedDescription) }
    return .unreachable(error.localizedDescription, transient: transientCodes.contains(code))
  }

  /// Failures of a connection the server had accepted: reset, dropped, an empty or cut-off answer.
  static let brokenConnectionCodes: Set<URLError.Code> = [
    .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource,
  ]

  /// Connection failures a later attempt may not meet: a refused connection, a failed name
  /// lookup, no network.
  static let transientCodes: Set<URLError.Code> = [
    .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
    .resourceUnavailable, .unknown,
  ]
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
