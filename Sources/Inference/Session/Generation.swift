/// How `Session.generate` picks tokens and when it stops.
public struct GenerationOptions: Sendable, Codable, Hashable {
  /// Most tokens to generate.
  public var maxTokens: Int
  /// Softmax temperature; 0 picks the argmax (greedy).
  public var temperature: Float
  /// Nucleus sampling: sample among the most likely tokens whose probabilities sum to `topP`.
  public var topP: Float
  /// Seed of the sampler's random generator.
  public var seed: UInt64
  /// Strings that end generation; the text is cut before the first one found.
  public var stop: [String]

  /// Creates options; the defaults give greedy decoding of up to 32 tokens.
  public init(
    maxTokens: Int = 32, temperature: Float = 0, topP: Float = 1, seed: UInt64 = 0,
    stop: [String] = []
  ) {
    self.maxTokens = maxTokens
    self.temperature = temperature
    self.topP = topP
    self.seed = seed
    self.stop = stop
  }
}

/// Why generation ended.
public enum StopReason: String, Sendable, Equatable {
  case endOfGeneration, stopString, maxTokens
}

/// The result of `Session.generate`.
public struct Generation: Sendable {
  /// Decoded text of the generated tokens (cut before a stop string; without the end-of-generation token).
  public var text: String
  /// Generated token ids (the end-of-generation token excluded).
  public var tokens: [Int32]
  /// Log-probability of each chosen token under the unmodified (temperature 1) distribution.
  public var logprobs: [Float]
  /// Why generation ended.
  public var stopReason: StopReason
}
