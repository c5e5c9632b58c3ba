import Foundation

/// One imported data set: where it came from, its checksum and how much it holds.
public struct DatasetInfo: Sendable, Hashable, Codable {
  /// Row id of the dataset (the suffix of its FTS5 table name).
  public var id: Int64
  /// Unique name used on the command line and in specs (e.g. `squad-dev`).
  public var name: String
  /// Source format: `squad`, `litm` or `beir`.
  public var kind: String
  /// The file or folder it was imported from, as given.
  public var sourcePath: String
  /// SHA-256 (hex) of the source file, or of its files' checksums for a folder.
  public var checksum: String
  /// When the import committed.
  public var importedAt: Date
  /// Number of distinct passages.
  public var passageCount: Int
  /// Number of questions.
  public var questionCount: Int
  /// Malformed lines or entries skipped with `skipBad`.
  public var skippedCount: Int
}

/// A passage of a dataset's corpus.
public struct PassageRecord: Sendable, Hashable, Codable {
  /// Integer row id, unique across datasets (also the FTS5 rowid); handy as an embedding key.
  public var rowid: Int64
  /// The dataset's own passage id (e.g. `3-1` for SQuAD article 3, paragraph 1).
  public var id: String
  /// Title (article title for SQuAD and Wikipedia passages; may be empty).
  public var title: String
  /// Passage text.
  public var text: String

  /// A passage with its row id, dataset id, title and text.
  public init(rowid: Int64, id: String, title: String, text: String) {
    self.rowid = rowid
    self.id = id
    self.title = title
    self.text = text
  }
}

/// A question with its gold answers and, when the dataset names them, its gold passages.
public struct QuestionRecord: Sendable, Hashable, Codable {
  /// The dataset's question id.
  public var id: String
  /// Question text.
  public var text: String
  /// Every distinct gold answer string, in file order (empty for BEIR).
  public var answers: [String]
  /// Ids of the passages that answer it (empty when the dataset does not say).
  public var goldPassageIDs: [String]
  /// For a knowledge-conflict example (`conflict` format), the original answers its gold
  /// context was changed from (the answers `answers` replaced); empty for other formats.
  public var memoryAnswers: [String]
  /// For a question imported from a LitM/DPR JSONL file, its record's ctxs in file order with
  /// their flags; nil for other formats (and for litm rows imported before raglab kept them).
  public var fileContexts: [FileContext]?

  /// A question with its answers, gold passage ids, (for knowledge conflicts) original answers
  /// and (for LitM/DPR records) the record's ctxs.
  public init(
    id: String, text: String, answers: [String], goldPassageIDs: [String],
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

/// A passage id with its retrieval score; higher scores rank first.
public struct ScoredPassage: Sendable, Hashable, Codable {
  /// The dataset's passage id.
  public var passageID: String
  /// Retriever score, higher is better (BM25 stores `-bm25()`, dense stores the cosine).
  public var score: Double

  /// A passage id with its score.
  public init(passageID: String, score: Double) {
    self.passageID = passageID
    self.score = score
  }
}
