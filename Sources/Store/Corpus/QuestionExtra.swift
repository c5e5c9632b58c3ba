import Foundation

/// Per-question fields only some dataset formats carry, stored as one JSON object in the
/// question table's nullable `extra` column (NULL when the question has none of them).
struct QuestionExtra: Codable, Equatable {
  /// A knowledge-conflict example's original answers: what the context said before its answer
  /// span was substituted (`conflict` format); empty elsewhere.
  var memoryAnswers: [String]
  /// A LitM/DPR record's ctxs in file order with their flags (`litm` format); nil elsewhere and
  /// for rows imported before raglab kept them.
  var fileContexts: [FileContext]?

  enum CodingKeys: String, CodingKey {
    case memoryAnswers = "memory_answers"
    case fileContexts = "ctxs"
  }

  /// Creates the fields.
  init(memoryAnswers: [String], fileContexts: [FileContext]? = nil) {
    self.memoryAnswers = memoryAnswers
    self.fileContexts = fileContexts
  }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    memoryAnswers = try c.decodeIfPresent([String].self, forKey: .memoryAnswers) ?? []
    fileContexts = try c.decodeIfPresent([FileContext].self, forKey: .fileContexts)
  }

  /// Writes only the fields that are set, so each format's rows hold just their own keys.
  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    if !memoryAnswers.isEmpty { try c.encode(memoryAnswers, forKey: .memoryAnswers) }
    try c.encodeIfPresent(fileContexts, forKey: .fileContexts)
  }

  /// The column's text: nil (SQL NULL) when no field is set, so other formats store nothing.
  var columnText: String? {
    guard !memoryAnswers.isEmpty || fileContexts != nil else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The fields stored in a column value (none for NULL).
  /// - Throws: a decoding error when the text is not such an object.
  static func decode(_ text: String?) throws -> QuestionExtra {
    guard let text else { return QuestionExtra(memoryAnswers: []) }
    return try JSONDecoder().decode(QuestionExtra.self, from: Data(text.utf8))
  }
}
