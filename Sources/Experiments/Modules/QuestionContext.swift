import Foundation

/// Passages looked up by id and sampled at random from the corpus: what modules need besides a
/// retriever's ranked list (gold passages, random negatives).
public protocol PassageSource {
  /// The passages with these ids, in the order asked (unknown ids are an error).
  func passages(ids: [String]) throws -> [Passage]
  /// Up to `count` passages drawn uniformly from the corpus with `seed`, none of `excluding`.
  func randomPassages(count: Int, seed: UInt64, excluding: Set<String>) throws -> [Passage]
}

/// Everything a module may use to choose one question's passages: the question with its gold
/// passages, every retriever's ranked list and corpus sample (each fetched once per question, then
/// reused by every condition), corpus look-ups, and a seeded random source per condition.
public final class QuestionContext {
  /// The question, with its gold answers and gold passage ids.
  public let question: Question
  /// How many passages each ranked list holds (`retrieval_depth`).
  public let depth: Int
  /// The corpus, when the inputs come from the lab database.
  public let corpus: (any PassageSource)?
  /// The spec's seed for module randomness (`dataset.seed`).
  public let seed: UInt64
  private let rankers: [String: any PassageRanker]
  private var rankedLists: [String: [Passage]] = [:]
  private var gold: [Passage]?
  private var samples: [String: [Passage]] = [:]
  private var fileDistractorList: FileDistractors?
  /// The run's model re-rankers (nil when the module asks for none).
  private let rerank: (any RerankScoring)?

  /// Creates the context of one question.
  public init(
    question: Question, depth: Int, rankers: [String: any PassageRanker],
    corpus: (any PassageSource)? = nil, seed: UInt64 = 0, rerank: (any RerankScoring)? = nil
  ) {
    self.question = question
    self.depth = depth
    self.rankers = rankers
    self.corpus = corpus
    self.seed = seed
    self.rerank = rerank
  }

  /// One score per passage (in the order given, higher = more relevant) from the reader model's
  /// re-ranking pass `strategy` (`attention`, `first_token`), stored with its cost.
  /// - Throws: `RunError` when the run loaded no re-rankers; the scorer's errors.
  public func rerankScores(_ strategy: String, passages: [Passage]) throws -> [Double] {
    guard let rerank else {
      throw RunError(
        "strategy \(strategy) re-ranks with the reader model, but this run loaded no re-rankers "
          + "(the module did not list it in scorerNames)")
    }
    return try rerank.scores(strategy: strategy, question: question, passages: passages)
  }

  /// The `depth` best passages of `retriever` for the question, best first.
  /// - Throws: `RunError` for a retriever the run does not have; the retriever's errors.
  public func ranked(_ retriever: String) throws -> [Passage] {
    if let list = rankedLists[retriever] { return list }
    guard let ranker = rankers[retriever] else {
      throw RunError(
        "retriever '\(retriever)' is not available (known: \(rankers.keys.sorted().joined(separator: ", ")))"
      )
    }
    let list = try ranker.rank(question, depth: depth)
    rankedLists[retriever] = list
    return list
  }

  /// The question's gold passages, looked up in the corpus (empty when it has none).
  /// - Throws: `RunError` when the question names gold passages but there is no corpus.
  public func goldPassages() throws -> [Passage] {
    if let gold { return gold }
    if question.goldPassageIDs.isEmpty { return [] }
    guard let corpus else { throw RunError("gold passages need the corpus, which this run lacks") }
    let passages = try corpus.passages(ids: question.goldPassageIDs)
    gold = passages
    return passages
  }

  /// The question's own distractors from its LitM/DPR record (`FileDistractors`), looked up once.
  /// - Throws: `RunError` when there is no corpus or the question has no stored ctx list.
  public func fileDistractors() throws -> FileDistractors {
    if let fileDistractorList { return fileDistractorList }
    guard let corpus else {
      throw RunError("file distractors need the corpus, which this run lacks")
    }
    let made = try FileDistractors(question: question, corpus: corpus)
    fileDistractorList = made
    return made
  }

  /// A seeded sample of `count` corpus passages without the question's gold passages, drawn with
  /// the first number of `random(label)`: the same sample for every condition that asks with
  /// this label.
  /// - Throws: `RunError` when the run has no corpus to draw from.
  public func randomPassages(count: Int, label: String) throws -> [Passage] {
    let key = "\(count)\u{1F}\(label)"
    if let sample = samples[key] { return sample }
    guard let corpus else {
      throw RunError("random passages need the corpus, which this run lacks")
    }
    var stream = random(label)
    let sample = try corpus.randomPassages(
      count: count, seed: stream.next(), excluding: Set(question.goldPassageIDs))
    samples[key] = sample
    return sample
  }

  /// The seeded random stream of this question under the condition labelled `label`: it depends
  /// only on the spec's seed, the question id and `label`, so every run and machine draws the same.
  public func random(_ label: String) -> SeededStream {
    SeededStream(seed: seed, questionID: question.id, condition: label)
  }
}
