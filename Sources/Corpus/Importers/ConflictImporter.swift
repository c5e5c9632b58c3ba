import Foundation
import Store

/// Reads BIG-bench's `contextual_parametric_knowledge_conflicts` `task.json`: each of its
/// `examples` holds `input` (`"\nQuestion: q\nContext: c"`, the context's answer span replaced),
/// `target` (the substituted answer) and `target_scores` (the substituted answer scored 1, the
/// original scored 0).
///
/// Example `i` becomes passage `c<i>` (the context, empty title: the task gives none) and question
/// `q<i>` with gold passage `c<i>`, answers = `target` and every other answer scored 1, memory
/// answers = the answers scored 0 other than `target` (sorted). An example whose only answer is
/// `target` imports with no memory answers; the `conflict` module skips it with a reason.
enum ConflictImporter {
  /// Streams the file's examples into `writer`; bad examples are named `examples[i]`.
  static func read(path: String, into writer: CorpusImportWriter, log: inout SkipLog) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError(file: path, message: "cannot open the file (missing or unreadable)")
    }
    let examples: [JSONFields]
    do {
      let root = try JSONFields.parseObject(Array(data), expecting: "a BIG-bench task.json object")
      examples = try root.objects("examples", in: "a BIG-bench task.json object")
    } catch {
      throw ImportError(file: path, message: error.message)
    }
    for (index, example) in examples.enumerated() {
      do {
        let parsed = try ConflictExample(example)
        let passageID = "c\(index)"
        try writer.addPassage(id: passageID, title: "", text: parsed.context)
        try writer.addQuestion(
          id: "q\(index)", text: parsed.question, answers: parsed.answers,
          goldPassageIDs: [passageID], memoryAnswers: parsed.memoryAnswers)
      } catch let error as FieldError {
        try log.handle(ImportError(file: path, message: "examples[\(index)]: \(error.message)"))
      }
    }
  }
}

/// One knowledge-conflict example, checked: question and context split out of `input`, the
/// substituted and original answers out of `target` and `target_scores`.
struct ConflictExample: Equatable {
  /// The question text (after `Question:`).
  let question: String
  /// The counterfactual context (after `Context:`).
  let context: String
  /// `target` first, then the other answers scored 1 (sorted).
  let answers: [String]
  /// The answers scored 0 other than `target` (sorted): what the context originally said.
  let memoryAnswers: [String]

  /// Checks and splits one example.
  /// - Throws: `FieldError` naming the field and what was expected.
  init(_ example: JSONFields) throws(FieldError) {
    let input = try example.string("input", in: "an example")
    (question, context) = try Self.split(input)
    let target = try example.string("target", in: "an example")
    guard !target.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw FieldError("`target` is empty; expected the substituted answer")
    }
    let scores = try Self.scores(example)
    guard scores[target] != nil else {
      throw FieldError(
        "`target` \"\(target)\" is not a key of `target_scores`; expected the substituted answer "
          + "scored 1 and the original scored 0")
    }
    answers = [target] + scores.filter { $0.key != target && $0.value > 0 }.keys.sorted()
    memoryAnswers = scores.filter { $0.key != target && $0.value <= 0 }.keys.sorted()
  }

  /// `"\nQuestion: q\nContext: c"` → (q, c), each trimmed and non-empty.
  private static func split(_ input: String) throws(FieldError) -> (String, String) {
    let expected = "expected `input` as \"Question: …\" then a line \"Context: …\""
    let trimmed = input.drop { $0.isNewline || $0 == " " }
    guard trimmed.hasPrefix("Question:"), let cut = trimmed.range(of: "\nContext:") else {
      throw FieldError(expected)
    }
    let question = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 9)..<cut.lowerBound]
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let context = trimmed[cut.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
    guard !question.isEmpty, !context.isEmpty else {
      throw FieldError("\(expected), both non-empty")
    }
    return (question, context)
  }

  /// `target_scores` as answer → score.
  private static func scores(_ example: JSONFields) throws(FieldError) -> [String: Double] {
    guard let object = example.object["target_scores"] as? [String: Any] else {
      let found =
        example.object["target_scores"].map { JSONFields.kind(of: $0) } ?? "nothing (it is missing)"
      throw FieldError(
        "expected an example with an object field `target_scores` (answer → 1 or 0), found \(found)"
      )
    }
    var scores: [String: Double] = [:]
    for (answer, value) in object {
      guard !answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
        throw FieldError("`target_scores` has an empty answer; every answer must have text")
      }
      guard let number = value as? NSNumber, number.doubleValue.isFinite else {
        throw FieldError(
          "expected `target_scores[\"\(answer)\"]` to be a number, found "
            + JSONFields.kind(of: value))
      }
      scores[answer] = number.doubleValue
    }
    return scores
  }
}
