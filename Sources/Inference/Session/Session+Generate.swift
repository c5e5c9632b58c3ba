extension Session {
  /// Generates up to `options.maxTokens` tokens after the cached ones, appending each to the cache.
  ///
  /// Stops at an end-of-generation token (not appended), at a stop string (text cut before it),
  /// or after `maxTokens`.
  /// - Throws: `SessionError` when the context fills up or the cache is empty.
  public func generate(_ options: GenerationOptions) throws -> Generation {
    guard count > 0 else {
      throw SessionError(description: "generate needs a prompt: the session is empty")
    }
    let tokenizer = model.tokenizer
    var sampler = Sampler(
      temperature: options.temperature, topP: options.topP, rng: SplitMix64(seed: options.seed))
    var result = Generation(text: "", tokens: [], logprobs: [], stopReason: .maxTokens)
    while result.tokens.count < options.maxTokens {
      let logits = lastLogits()
      let next = sampler.pick(logits)
      if tokenizer.isEndOfGeneration(Int32(next)) {
        result.stopReason = .endOfGeneration
        break
      }
      result.tokens.append(Int32(next))
      result.logprobs.append(Sampler.logprob(logits, next))
      try append([Int32(next)])
      if !options.stop.isEmpty {
        let text = tokenizer.decode(result.tokens)
        if let cut = options.stop.compactMap({ text.range(of: $0)?.lowerBound }).min() {
          result.text = String(text[..<cut])
          result.stopReason = .stopString
          return result
        }
      }
    }
    result.text = tokenizer.decode(result.tokens)
    return result
  }
}
