import Foundation
import Store

extension ExperimentRunner {
  /// Stores the trial for `request` from the generation cache, if the cache has it.
  /// - Returns: true when the trial was recorded from the cache.
  func recordFromCache(_ request: PromptRequest, _ question: Question, _ context: TrialContext)
    throws -> Bool
  {
    let segments = context.builder.segments(question: question, passages: request.passages)
    guard
      let cached = try store.cachedGeneration(
        generatorKey: context.generatorKey, promptHash: segments.hash,
        decodingHash: context.decodingHash)
    else { return false }
    try store.record(
      TrialRecord(
        experimentId: context.experimentId,
        conditionId: context.conditionIds[request.conditionIndex],
        questionId: question.id, passageIdsJSON: JSONText.encode(request.passages.map(\.id)),
        promptHash: segments.hash, promptTokenCount: cached.promptTokenCount, answer: cached.answer,
        outputTokensJSON: cached.outputTokensJSON, logprobsJSON: cached.logprobsJSON,
        metricsJSON: TrialMetrics(answer: cached.answer, question: question, module: context.module)
          .json, prefillSeconds: 0, generateSeconds: 0, fromCache: true
      ))
    return true
  }

  /// Stores a freshly generated trial, its cache entry, attention rows and hidden states in one
  /// transaction.
  func recordGenerated(_ outcome: PromptOutcome, _ question: Question, _ context: TrialContext)
    throws
  {
    let tokensJSON = JSONText.encode(outcome.answer.tokens)
    let logprobsJSON = JSONText.encode(outcome.answer.logprobs)
    let hash = outcome.segments.hash
    try store.record(
      TrialRecord(
        experimentId: context.experimentId,
        conditionId: context.conditionIds[outcome.request.conditionIndex],
        questionId: question.id,
        passageIdsJSON: JSONText.encode(outcome.request.passages.map(\.id)),
        promptHash: hash, promptTokenCount: outcome.promptTokenCount, answer: outcome.answer.text,
        outputTokensJSON: tokensJSON, logprobsJSON: logprobsJSON,
        metricsJSON: TrialMetrics(
          answer: outcome.answer.text, question: question, module: context.module
        ).json,
        prefillSeconds: outcome.prefillSeconds, generateSeconds: outcome.generateSeconds,
        fromCache: false),
      caching: GenerationCacheRecord(
        generatorKey: context.generatorKey, generatorJSON: context.generatorJSON,
        promptHash: hash, decodingHash: context.decodingHash,
        answer: outcome.answer.text, outputTokensJSON: tokensJSON, logprobsJSON: logprobsJSON,
        stopReason: outcome.answer.stopReason, promptTokenCount: outcome.promptTokenCount),
      attention: AttentionRows.of(outcome.passageAttention),
      hidden: HiddenStateRecord.rows(outcome.hiddenStates))
  }
}

/// Compact JSON text with sorted keys, for the JSON columns of the results store.
public enum JSONText {
  /// `value` as JSON text ("null" if it cannot be encoded).
  public static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "null"
  }

  /// Decodes JSON text into `type`.
  public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
  }
}
