import Foundation

/// Per-question fields only some dataset formats carry, stored as one JSON object in the
/// question table's nullable `extra` column (NULL when the question has none of them).
struct QuestionExtra: Codable, Equatable {
  /// A knowledge-conflict example's original answers: what the context said before its answer
  /// span was substituted (`conflict` format); empty elsewhere.
  var memoryAnswers: [String]

  enum CodingKeys: String, CodingKey {
    case memoryAnswers = "memory_answers"
  }

  /// Creates the fields.
  init(memoryAnswers: [String]) { self.memoryAnswers = memoryAnswers }

  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    memoryAnswers = try c.decodeIfPresent([String].self, forKey: .memoryAnswers) ?? []
  }

  /// The column's text: nil (SQL NULL) when no field is set, so other formats store nothing.
  var columnText: String? {
    guard !memoryAnswers.isEmpty else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The fields stored in a column value (none for NULL).
  /// - Throws: a decoding error when the text is not such an object.
  static func decode(_ text: String?) throws -> QuestionExtra {
    guard let text else { return QuestionExtra(memoryAnswers: []) }
    return try JSONDecoder().decode(QuestionExtra.self, from: Data(text.utf8))
  }
}
