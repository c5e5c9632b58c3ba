/// A run's generator requests and evaluated prompt tokens per second of wall time.
public struct RunRates: Sendable, Equatable {
  /// Requests answered (generated trials).
  public var requests: Int
  /// Prompt tokens the generator evaluated (a server's `timings.prompt_n`, summed).
  public var promptTokens: Int
  /// Wall-clock seconds.
  public var seconds: Double

  /// Creates the rates of `requests` and `promptTokens` over `seconds`.
  public init(requests: Int, promptTokens: Int, seconds: Double) {
    self.requests = requests
    self.promptTokens = promptTokens
    self.seconds = seconds
  }

  /// Requests per second (0 before any time has passed).
  public var requestsPerSecond: Double { seconds > 0 ? Double(requests) / seconds : 0 }
  /// Prompt tokens per second (0 before any time has passed).
  public var tokensPerSecond: Double { seconds > 0 ? Double(promptTokens) / seconds : 0 }

  /// `12.5 req/s 4210 prompt tok/s`.
  public var text: String {
    "\(NumberFormat.fixed(requestsPerSecond, 1)) req/s "
      + "\(NumberFormat.fixed(tokensPerSecond, 0)) prompt tok/s"
  }
}
