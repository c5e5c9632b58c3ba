import Foundation
import Store

/// Reads SQuAD v1.1 JSON: passage `<article>-<paragraph>` (0-based indexes, title = article
/// title) for every paragraph, and every question with its distinct gold answers and paragraph.
enum SQuADImporter {
  /// Streams the file's paragraphs and questions into `writer`.
  static func read(path: String, into writer: CorpusImportWriter, log: inout SkipLog) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError(file: path, message: "cannot open the file (missing or unreadable)")
    }
    let root: JSONFields
    let articles: [JSONFields]
    do {
      root = try JSONFields.parseObject(Array(data), expecting: "a SQuAD JSON object")
      articles = try root.objects("data", in: "a SQuAD JSON object")
    } catch {
      throw ImportError(file: path, message: error.message)
    }
    for (a, article) in articles.enumerated() {
      let title = (try? article.string("title", in: "an article")) ?? ""
      let paragraphs: [JSONFields]
      do {
        paragraphs = try article.objects("paragraphs", in: "an article")
      } catch {
        try log.handle(ImportError(file: path, message: "data[\(a)]: \(error.message)"))
        continue
      }
      for (p, paragraph) in paragraphs.enumerated() {
        let location = "data[\(a)].paragraphs[\(p)]"
        let passageID = "\(a)-\(p)"
        do {
          let context = try paragraph.string("context", in: "a paragraph")
          let questions = try paragraph.objects("qas", in: "a paragraph")
          try writer.addPassage(id: passageID, title: title, text: context)
          for (q, qa) in questions.enumerated() {
            do {
              try readQuestion(qa, passageID: passageID, into: writer)
            } catch let error as FieldError {
              try log.handle(
                ImportError(file: path, message: "\(location).qas[\(q)]: \(error.message)"))
            }
          }
        } catch let error as FieldError {
          try log.handle(ImportError(file: path, message: "\(location): \(error.message)"))
        }
      }
    }
  }

  /// Writes one `qas` entry.
  private static func readQuestion(
    _ qa: JSONFields, passageID: String, into writer: CorpusImportWriter
  ) throws {
    let id = try qa.string("id", in: "a question")
    let question = try qa.string("question", in: "a question")
    let answers = try qa.objects("answers", in: "a question").enumerated().map {
      index, answer in
      do {
        return try answer.string("text", in: "an answer")
      } catch let error as FieldError {
        throw FieldError("answers[\(index)]: \(error.message)")
      }
    }
    guard
      try writer.addQuestion(
        id: id, text: question, answers: distinct(answers), goldPassageIDs: [passageID])
    else { throw FieldError("duplicate question id `\(id)`") }
  }
}
