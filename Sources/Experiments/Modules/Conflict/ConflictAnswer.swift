import Corpus

/// Which answer a reply to a knowledge-conflict question gives: the counterfactual context's
/// (substituted) answer, the model's memory (the original answer), or neither.
///
/// "Gives" is SubEM's containment (`QAMetrics.substringMatch`: the SQuAD-normalised answer occurs
/// in the normalised first line of the reply), so `context` agrees with SubEM against the
/// substituted answer. A reply containing both is `other` — a hedge is credited to neither side,
/// and the three rates sum to 1 — except that a match explained by a longer matched answer of the
/// other side does not count (substituted "Paul Otlet", original "Paul": the reply "Paul Otlet" is
/// `context`).
public enum ConflictAnswer: String, CaseIterable, Sendable {
  /// The substituted answer the context states, and not the original.
  case context
  /// The original answer the context no longer states, and not the substituted one.
  case memory
  /// Neither answer, or both.
  case other

  /// Classifies `reply` against the substituted (`contextAnswers`) and original
  /// (`memoryAnswers`) answers.
  public static func classify(
    _ reply: String, contextAnswers: [String], memoryAnswers: [String]
  ) -> ConflictAnswer {
    let context = contextAnswers.filter { QAMetrics.substringMatch(reply, $0) }
    let memory = memoryAnswers.filter { QAMetrics.substringMatch(reply, $0) }
    let ownContext = context.filter { !isInside($0, anyOf: memory) }
    let ownMemory = memory.filter { !isInside($0, anyOf: context) }
    switch (ownContext.isEmpty, ownMemory.isEmpty) {
    case (false, true): return .context
    case (true, false): return .memory
    default: return .other
    }
  }

  /// The three 0/1 indicators of `reply`'s class, keyed by the class names (`context`, `memory`,
  /// `other`): stored with the trial and averaged into rates by reports.
  public static func metrics(
    _ reply: String, contextAnswers: [String], memoryAnswers: [String]
  ) -> [String: Double] {
    let found = classify(reply, contextAnswers: contextAnswers, memoryAnswers: memoryAnswers)
    return Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0 == found ? 1 : 0) })
  }

  /// Whether `answer`, normalised, lies inside a longer normalised answer of `others`.
  private static func isInside(_ answer: String, anyOf others: [String]) -> Bool {
    let inner = SquadNormalizer.normalize(answer)
    return others.contains { other in
      let outer = SquadNormalizer.normalize(other)
      return outer.count > inner.count && outer.contains(inner)
    }
  }
}
