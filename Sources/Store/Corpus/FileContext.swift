/// One ctx of a "Lost in the Middle"/DPR JSONL record as the file lists it: the passage id it was
/// stored under and its `hasanswer` / `isgold` flags (nil when the ctx has no such key).
///
/// A question imported from such a file keeps its ctxs in file order (their retrieval order in
/// Liu et al.'s files), so `gold_position` with `distractors: file` can use the file's own
/// distractors instead of a retriever's ranking.
public struct FileContext: Sendable, Hashable, Codable {
  /// The passage id (the ctx's `id`, or the content id the importer derived).
  public var id: String
  /// The ctx's `hasanswer` flag.
  public var hasAnswer: Bool?
  /// The ctx's `isgold` flag.
  public var isGold: Bool?

  enum CodingKeys: String, CodingKey {
    case id
    case hasAnswer = "hasanswer"
    case isGold = "isgold"
  }

  /// A ctx's passage id and flags.
  public init(id: String, hasAnswer: Bool? = nil, isGold: Bool? = nil) {
    self.id = id
    self.hasAnswer = hasAnswer
    self.isGold = isGold
  }
}
