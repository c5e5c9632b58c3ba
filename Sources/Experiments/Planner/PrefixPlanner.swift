import Foundation

/// One prompt to answer for one question: which condition it belongs to and the passages it shows.
public struct PromptRequest: Sendable, Equatable {
  /// Index of the condition in the experiment's condition list.
  public var conditionIndex: Int
  /// Passages in prompt order.
  public var passages: [Passage]

  /// Creates a request.
  public init(conditionIndex: Int, passages: [Passage]) {
    self.conditionIndex = conditionIndex
    self.passages = passages
  }
}

/// What came back for one request.
public struct PromptOutcome: Sendable {
  /// The request answered.
  public var request: PromptRequest
  /// The prompt's segments.
  public var segments: PromptSegments
  /// The exact prompt tokens the model saw (empty when a server tokenised the prompt).
  public var promptTokens: [Int32]
  /// Length in tokens of the prompt the model saw.
  public var promptTokenCount: Int
  /// The answer.
  public var answer: GeneratedAnswer
  /// Seconds spent appending prompt tokens for this request (shared prefixes are charged once).
  public var prefillSeconds: Double
  /// Seconds spent generating.
  public var generateSeconds: Double
  /// With `PrefixPlanner.measureAttention`: the attention mass the last prompt position puts on
  /// each passage, per layer and averaged over heads (`[layer][passage]`); nil otherwise.
  public var passageAttention: [[Float]]? = nil
  /// With `PrefixPlanner.hiddenLayers`: the last prompt token's hidden state at each of those
  /// layers (layer → vector), read before generating; nil otherwise.
  public var hiddenStates: [Int: [Float]]? = nil
}

/// Prompt-token accounting: what was evaluated against what evaluating each prompt alone would cost.
public struct PromptTokenTally: Sendable, Equatable {
  /// Prompt tokens actually evaluated.
  public var evaluated = 0
  /// Sum of every answered prompt's length (the cost without prefix sharing).
  public var naive = 0

  /// Creates an empty tally.
  public init(evaluated: Int = 0, naive: Int = 0) {
    self.evaluated = evaluated
    self.naive = naive
  }

  /// Tokens not evaluated thanks to sharing.
  public var saved: Int { naive - evaluated }
  /// naive / evaluated.
  public var factor: Double { evaluated == 0 ? 1 : Double(naive) / Double(evaluated) }

  /// Adds another tally.
  public static func += (a: inout PromptTokenTally, b: PromptTokenTally) {
    a.evaluated += b.evaluated
    a.naive += b.naive
  }
}

/// Evaluates all prompts of one question, sharing common prefixes through one session (a depth-first
/// walk of the prefix trie of passage lists), or each prompt from scratch when `sharePrefixes` is false.
///
/// Shared walk: append the header; order the requests so that prompts with common passage prefixes are
/// adjacent; for each, rewind to the deepest checkpoint it shares with the context, append its
/// remaining passages (checkpointing after each), then checkpoint, append the tail, generate, record,
/// and rewind. For a k-sweep this costs O(K) passage evaluations instead of O(K²).
public struct PrefixPlanner {
  /// Share prefixes (default) or evaluate every prompt alone.
  public var sharePrefixes: Bool
  /// Measure each prompt's `passageAttention` after its last token, before generating (needs a
  /// session that reports `segmentAttention()`; off costs nothing).
  public var measureAttention: Bool
  /// Layers (engine numbering, see `HiddenLayerSelection`) whose last-prompt-token states each
  /// outcome carries in `hiddenStates` (needs a session that reports them; empty costs nothing).
  public var hiddenLayers: [Int]
  /// The run's worker whose session answers (see `Generator.makeSession(worker:)`).
  public var worker: Int

  /// Creates a planner.
  public init(
    sharePrefixes: Bool = true, measureAttention: Bool = false, hiddenLayers: [Int] = [],
    worker: Int = 0
  ) {
    self.sharePrefixes = sharePrefixes
    self.measureAttention = measureAttention
    self.hiddenLayers = hiddenLayers
    self.worker = worker
  }

  /// Answers every request for `question`, calling `record` as soon as each answer exists.
  /// - Parameter onFailure: called for a request whose generation failed after its retries
  ///   (`GeneratorRequestFailure`), after which the walk goes on; by default it rethrows.
  /// - Returns: the prompt-token tally of this question.
  public func run(
    question: Question, requests: [PromptRequest], builder: PromptBuilder, generator: any Generator,
    options: DecodingOptions,
    onFailure: (PromptRequest, GeneratorRequestFailure) throws -> Void = { throw $1 },
    record: (PromptOutcome) throws -> Void
  ) throws -> PromptTokenTally {
    guard !requests.isEmpty else { return PromptTokenTally() }
    let session = try generator.makeSession(worker: worker)
    if !hiddenLayers.isEmpty { session.captureHiddenStates(layers: hiddenLayers) }
    let start = session.evaluatedPromptTokens
    var naive = 0
    if sharePrefixes {
      try runShared(question, requests, builder, session, options, onFailure) { outcome in
        naive += outcome.promptTokenCount
        try record(outcome)
      }
    } else {
      let origin = session.checkpoint()
      for request in requests {
        session.rewind(to: origin)
        let segments = builder.segments(question: question, passages: request.passages)
        let t0 = Date()
        for segment in segments.all { try session.append(segment: segment) }
        guard
          let outcome = try answer(
            request, segments, session, options, prefillSeconds: Date().timeIntervalSince(t0),
            onFailure: onFailure)
        else { continue }
        naive += outcome.promptTokenCount
        try record(outcome)
      }
    }
    return PromptTokenTally(evaluated: session.evaluatedPromptTokens - start, naive: naive)
  }

  /// The depth-first shared walk.
  private func runShared(
    _ question: Question, _ requests: [PromptRequest], _ builder: PromptBuilder,
    _ session: any GenerationSession, _ options: DecodingOptions,
    _ onFailure: (PromptRequest, GeneratorRequestFailure) throws -> Void,
    _ record: (PromptOutcome) throws -> Void
  ) throws {
    let ordered = requests.sorted {
      $0.passages.map(\.id).lexicographicallyPrecedes($1.passages.map(\.id))
    }
    var t0 = Date()
    try session.append(segment: builder.segments(question: question, passages: []).header)
    var checkpoints = [session.checkpoint()]  // checkpoints[i] = after header + i passages
    var shown: [String] = []  // ids of the passages in the context, in order
    var pendingPrefill = Date().timeIntervalSince(t0)
    for request in ordered {
      let ids = request.passages.map(\.id)
      let common = zip(shown, ids).prefix { $0 == $1 }.count
      session.rewind(to: checkpoints[common])
      checkpoints.removeLast(checkpoints.count - common - 1)
      shown.removeLast(shown.count - common)
      let segments = builder.segments(question: question, passages: request.passages)
      t0 = Date()
      for i in common..<request.passages.count {
        try session.append(segment: segments.passages[i])
        checkpoints.append(session.checkpoint())
        shown.append(ids[i])
      }
      try session.append(segment: segments.tail)
      let outcome = try answer(
        request, segments, session, options,
        prefillSeconds: pendingPrefill + Date().timeIntervalSince(t0), onFailure: onFailure)
      session.rewind(to: checkpoints[checkpoints.count - 1])
      guard let outcome else { continue }  // failed: the next prompt is charged the prefill
      pendingPrefill = 0
      try record(outcome)
    }
  }

  /// Generates after a fully appended prompt; nil when the generation failed after its retries
  /// (then `onFailure` has been told).
  private func answer(
    _ request: PromptRequest, _ segments: PromptSegments, _ session: any GenerationSession,
    _ options: DecodingOptions, prefillSeconds: Double,
    onFailure: (PromptRequest, GeneratorRequestFailure) throws -> Void
  ) throws -> PromptOutcome? {
    let promptTokens = session.tokens
    let attention = measureAttention ? try passageAttention(session, segments) : nil
    let states: [Int: [Float]]?
    let t0: Date
    let answer: GeneratedAnswer
    do {
      states = hiddenLayers.isEmpty ? nil : try hiddenStates(session)
      t0 = Date()
      answer = try session.generate(options)
    } catch let failure as GeneratorRequestFailure {
      try onFailure(request, failure)
      return nil
    }
    return PromptOutcome(
      request: request, segments: segments, promptTokens: promptTokens,
      promptTokenCount: answer.promptTokenCount, answer: answer,
      prefillSeconds: prefillSeconds, generateSeconds: Date().timeIntervalSince(t0),
      passageAttention: attention, hiddenStates: states)
  }

  /// The last prompt token's states at `hiddenLayers`, by layer.
  /// - Throws: `RunError` when the session cannot report them; a server session's request errors.
  private func hiddenStates(_ session: any GenerationSession) throws -> [Int: [Float]] {
    guard let states = try session.lastTokenHiddenStates(layers: hiddenLayers),
      states.count == hiddenLayers.count
    else {
      throw RunError(
        "hidden states of layers \(hiddenLayers) were asked for, which this generator's session "
          + "does not report (all layers need generator.backend: inprocess)")
    }
    return Dictionary(zip(hiddenLayers, states)) { first, _ in first }
  }

  /// The last prompt position's attention on the passage segments (`[layer][passage]`), read
  /// from the session's per-segment attention over `[header][passages…][tail]`.
  /// - Throws: `RunError` when the session cannot measure attention.
  private func passageAttention(_ session: any GenerationSession, _ segments: PromptSegments)
    throws -> [[Float]]
  {
    let k = segments.passages.count
    guard let perSegment = session.segmentAttention(),
      perSegment.allSatisfy({ $0.count == k + 2 })
    else {
      throw RunError(
        "diagnostics: [attention] needs the in-process generator (generator.backend: inprocess)")
    }
    return perSegment.map { Array($0[1..<(1 + k)]) }
  }
}
