import Store

/// A question with its gold answers and, when the dataset names them, its gold passages.
public struct Question: Sendable, Equatable, Codable {
  /// Id in the dataset.
  public var id: String
  /// The question text.
  public var text: String
  /// Every gold answer string.
  public var answers: [String]
  /// Ids of the passages that answer it (SQuAD: the paragraph it was written on).
  public var goldPassageIDs: [String]
  /// A knowledge-conflict example's original answers, which its gold context was changed from
  /// (`answers` holds the substituted ones); empty for other datasets.
  public var memoryAnswers: [String]
  /// A LitM/DPR record's ctxs in file order with their `hasanswer`/`isgold` flags (the
  /// distractors of `gold_position` with `distractors: file`); nil for other datasets.
  public var fileContexts: [FileContext]?

  /// Creates a question.
  public init(
    id: String, text: String, answers: [String], goldPassageIDs: [String] = [],
    memoryAnswers: [String] = [], fileContexts: [FileContext]? = nil
  ) {
    self.id = id
    self.text = text
    self.answers = answers
    self.goldPassageIDs = goldPassageIDs
    self.memoryAnswers = memoryAnswers
    self.fileContexts = fileContexts
  }
}

/// A retrievable passage.
public struct Passage: Sendable, Equatable, Codable {
  /// Id in the corpus.
  public var id: String
  /// Title of the article it comes from.
  public var title: String
  /// The passage text.
  public var text: String

  /// Creates a passage.
  public init(id: String, title: String, text: String) {
    self.id = id
    self.title = title
    self.text = text
  }
}

/// Ranks passages for a question (an adapter over the corpus retrievers: BM25, dense).
public protocol PassageRanker {
  /// The retriever's name as used in specs (`bm25`, `dense`).
  var name: String { get }
  /// The top `depth` passages for `question`, best first.
  func rank(_ question: Question, depth: Int) throws -> [Passage]
}

/// Everything a run needs besides the spec and the generator: questions, their checksum, retrievers.
public struct ExperimentInputs {
  /// The questions to ask (already limited and sampled as the spec says).
  public var questions: [Question]
  /// Checksum of the dataset they came from.
  public var dataChecksum: String
  /// Retrievers by name.
  public var rankers: [String: any PassageRanker]
  /// Corpus look-ups (gold passages, random negatives), when the inputs come from the database.
  public var corpus: (any PassageSource)?

  /// Creates inputs.
  public init(
    questions: [Question], dataChecksum: String, rankers: [String: any PassageRanker],
    corpus: (any PassageSource)? = nil
  ) {
    self.questions = questions
    self.dataChecksum = dataChecksum
    self.rankers = rankers
    self.corpus = corpus
  }
}
