import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A failure talking to a generator server, worded for the person running the experiment.
public struct GeneratorServerError: Error, CustomStringConvertible, Sendable {
  /// What went wrong, with the URL and what to do.
  public let description: String
}

/// Sends one JSON request at a time and waits for the JSON answer (the generator protocol is
/// synchronous; experiments answer prompts one after the other).
struct JSONHTTPClient: Sendable {
  /// Seconds before a request is abandoned.
  let timeout: TimeInterval
  /// Sent as `Authorization: Bearer …` when set.
  let apiKey: String?

  /// GETs (no `body`) or POSTs `body` to `url` and returns the decoded JSON object.
  /// - Throws: `GeneratorServerError` naming the URL when the server cannot be reached, answers
  ///   with a non-2xx status, or does not answer a JSON object.
  func send(_ url: URL, body: [String: Any]? = nil) throws -> [String: Any] {
    var request = URLRequest(url: url, timeoutInterval: timeout)
    request.setValue("application/json", forHTTPHeaderField: "Accept")
    if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
    if let body {
      request.httpMethod = "POST"
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
      request.httpBody = try JSONSerialization.data(withJSONObject: body)
    }
    let reply = Reply()
    let done = DispatchSemaphore(value: 0)
    URLSession.shared.dataTask(with: request) { data, response, error in
      reply.set(data, response as? HTTPURLResponse, error)
      done.signal()
    }.resume()
    done.wait()
    let (data, response, error) = reply.get()
    if let error {
      throw GeneratorServerError(
        description:
          "cannot reach the generator server at \(url.absoluteString): \(error.localizedDescription); "
          + "start it (e.g. `llama-server -m MODEL.gguf --port 8080`) or fix generator.url in the spec"
      )
    }
    let status = response?.statusCode ?? 0
    let text = String(decoding: data ?? Data(), as: UTF8.self)
    guard (200..<300).contains(status) else {
      throw GeneratorServerError(
        description:
          "the generator server at \(url.absoluteString) answered HTTP \(status): \(text.prefix(300))"
      )
    }
    guard let object = (try? JSONSerialization.jsonObject(with: data ?? Data())) as? [String: Any]
    else {
      throw GeneratorServerError(
        description:
          "the generator server at \(url.absoluteString) did not answer a JSON object: \(text.prefix(300))"
      )
    }
    return object
  }
}

/// The completion handler's result, handed from URLSession's queue to the waiting caller.
private final class Reply: @unchecked Sendable {
  private let lock = NSLock()
  private var value: (Data?, HTTPURLResponse?, (any Error)?) = (nil, nil, nil)

  func set(_ data: Data?, _ response: HTTPURLResponse?, _ error: (any Error)?) {
    lock.lock()
    value = (data, response, error)
    lock.unlock()
  }

  func get() -> (Data?, HTTPURLResponse?, (any Error)?) {
    lock.lock()
    defer { lock.unlock() }
    return value
  }
}
