import Foundation
import Inference
import Store

/// Reads "Lost in the Middle"/DPR JSONL, plain or gzip: one question per line with `question`,
/// `answers[]` and `ctxs[]` (`title`, `text`, optional `id`, `score`, `hasanswer`, `isgold`).
///
/// - The corpus is the union of all ctxs, deduplicated by `id` when a ctx has one, otherwise by
///   title and text (id `h` + the first 16 hex digits of SHA-256 of `title \n text`).
/// - Gold passages are the ctxs with `isgold: true`; on a line where no ctx has an `isgold` key
///   (plain DPR output), the ctxs with `hasanswer: true` are gold instead.
/// - Question ids are `q<line number>`, so they survive skipped lines unchanged.
/// - Each question keeps its record's ctxs in file order with their `hasanswer`/`isgold` flags
///   (`QuestionRecord.fileContexts`), the distractors `gold_position` uses with `distractors: file`.
/// - An id seen again must name the same title and text; another passage under a known id is a
///   bad line (located by file, line and the line the id first appeared on).
enum LitMImporter {
  /// What a line must look like, for error messages.
  static let expectedLine = "a JSON object"

  /// Streams the file's lines into `writer`.
  static func read(path: String, into writer: CorpusImportWriter, log: inout SkipLog) throws {
    let reader = try LineReader(path: path)
    var duplicates = 0
    var registry = PassageRegistry()
    try reader.forEachLine(log: &log) { line in
      registry.discard()  // what a rejected line checked
      let object = try JSONFields.parseObject(line, expecting: expectedLine)
      let question = try object.string("question", in: expectedLine)
      let answers = try object.strings("answers", in: expectedLine)
      let contexts = try object.objects("ctxs", in: expectedLine)
      var passages: [(id: String, title: String, text: String)] = []
      var gold: [String] = []
      var flags: [FileContext] = []
      let hasGoldFlags = contexts.contains { $0.object["isgold"] != nil }
      for (index, context) in contexts.enumerated() {
        let text: String
        do {
          text = try context.string("text", in: "a ctx object")
        } catch let error as FieldError {
          throw FieldError("ctxs[\(index)]: \(error.message)")
        }
        let title = context.object["title"] as? String ?? ""
        let id = context.stringOrNumber("id") ?? contentID(title: title, text: text)
        do {
          try registry.check(id: id, title: title, text: text, line: reader.lineNumber)
        } catch let error as FieldError {
          throw FieldError("ctxs[\(index)]: \(error.message)")
        }
        passages.append((id, title, text))
        flags.append(
          FileContext(id: id, hasAnswer: context.bool("hasanswer"), isGold: context.bool("isgold")))
        let isGold = hasGoldFlags ? context.bool("isgold") : context.bool("hasanswer")
        if isGold == true { gold.append(id) }
      }
      // Everything is validated before anything is written, so a skipped line writes nothing.
      for passage in passages
      where
        !(try writer.addPassage(
          id: passage.id, title: passage.title, text: passage.text))
      {
        duplicates += 1
      }
      try writer.addQuestion(
        id: "q\(reader.lineNumber)", text: question, answers: distinct(answers),
        goldPassageIDs: distinct(gold), fileContexts: flags)
      registry.commit()
    }
    log.duplicatePassages += duplicates
  }

  /// A stable id for a ctx without one.
  static func contentID(title: String, text: String) -> String {
    "h" + SHA256.hex(of: Array("\(title)\n\(text)".utf8)).prefix(16)
  }
}
