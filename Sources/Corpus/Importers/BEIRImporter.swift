import Foundation
import Store

/// Reads a BEIR folder: `corpus.jsonl` (`_id`, `title`, `text`), `queries.jsonl` (`_id`, `text`)
/// and `qrels/test.tsv` (header `query-id corpus-id score`; another single `qrels/*.tsv` when
/// there is no test split). Each file may also be gzip (`.gz`). Only queries with a qrel of
/// score > 0 become questions; their gold passages are those corpus ids; answers are empty.
/// A qrel (score > 0) naming a corpus id or query id the other files lack is an error.
enum BEIRImporter {
  /// The three files of a BEIR folder.
  struct Files {
    var corpus: String
    var queries: String
    var qrels: String
  }

  /// Locates the files in `folder`.
  /// - Throws: `ImportError` naming the file that is missing.
  static func files(in folder: String) throws -> Files {
    let manager = FileManager.default
    func find(_ name: String) throws -> String {
      for candidate in [name, name + ".gz"] {
        let path = (folder as NSString).appendingPathComponent(candidate)
        if manager.fileExists(atPath: path) { return path }
      }
      throw ImportError(
        file: (folder as NSString).appendingPathComponent(name),
        message: "missing; a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/test.tsv")
    }
    let qrelsFolder = (folder as NSString).appendingPathComponent("qrels")
    var qrels = (qrelsFolder as NSString).appendingPathComponent("test.tsv")
    if !manager.fileExists(atPath: qrels) {
      let tsvs = ((try? manager.contentsOfDirectory(atPath: qrelsFolder)) ?? [])
        .filter { $0.hasSuffix(".tsv") }.sorted()
      guard tsvs.count == 1 else {
        throw ImportError(
          file: qrels,
          message: tsvs.isEmpty
            ? "missing; expected the qrels of the test split"
            : "missing, and qrels/ holds several splits (\(tsvs.joined(separator: ", ")))")
      }
      qrels = (qrelsFolder as NSString).appendingPathComponent(tsvs[0])
    }
    return Files(
      corpus: try find("corpus.jsonl"), queries: try find("queries.jsonl"), qrels: qrels)
  }

  /// Streams the corpus and the judged queries into `writer`.
  static func read(folder: String, into writer: CorpusImportWriter, log: inout SkipLog) throws {
    let files = try files(in: folder)
    let (gold, judged) = try readQrels(files.qrels, log: &log)
    var unseenPassages = Set(gold.values.joined())
    var unseenQueries = Set(judged)
    let corpus = try LineReader(path: files.corpus)
    try corpus.forEachLine(log: &log) { line in
      let what = "a JSON object with `_id` and `text`"
      let object = try JSONFields.parseObject(line, expecting: what)
      guard let id = object.stringOrNumber("_id") else {
        throw FieldError("expected \(what); `_id` is missing or not a string")
      }
      let text = try object.string("text", in: what)
      guard
        try writer.addPassage(id: id, title: object.object["title"] as? String ?? "", text: text)
      else { throw FieldError("duplicate corpus `_id` \(id)") }
      unseenPassages.remove(id)
    }
    let queries = try LineReader(path: files.queries)
    try queries.forEachLine(log: &log) { line in
      let what = "a JSON object with `_id` and `text`"
      let object = try JSONFields.parseObject(line, expecting: what)
      guard let id = object.stringOrNumber("_id") else {
        throw FieldError("expected \(what); `_id` is missing or not a string")
      }
      let text = try object.string("text", in: what)
      guard let passages = gold[id] else { return }
      guard try writer.addQuestion(id: id, text: text, answers: [], goldPassageIDs: passages)
      else { throw FieldError("duplicate query `_id` \(id)") }
      unseenQueries.remove(id)
    }
    let missingPassages = distinct(judged.flatMap { gold[$0] ?? [] }).filter(
      unseenPassages.contains)
    let missingQueries = judged.filter(unseenQueries.contains)
    guard missingPassages.isEmpty, missingQueries.isEmpty else {
      let parts = [
        missing(missingPassages, "corpus id", in: files.corpus),
        missing(missingQueries, "query id", in: files.queries),
      ].compactMap { $0 }
      throw ImportError(
        file: files.qrels,
        message:
          "names \(parts.joined(separator: " and ")); the qrels must belong to this corpus and "
          + "these queries (were lines of those files skipped or the files mixed up?)")
    }
  }

  /// `2 corpus ids missing from corpus.jsonl (d9, d10)`, at most five ids shown; nil if none.
  private static func missing(_ ids: [String], _ what: String, in file: String) -> String? {
    guard !ids.isEmpty else { return nil }
    let shown = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? ", …" : "")
    let name = URL(fileURLWithPath: file).lastPathComponent
    return "\(ids.count) \(what)\(ids.count == 1 ? "" : "s") missing from \(name) (\(shown))"
  }

  /// Query id → relevant corpus ids (score > 0), in file order, and those query ids in file order.
  static func readQrels(
    _ path: String, log: inout SkipLog
  ) throws -> (gold: [String: [String]], queries: [String]) {
    let reader = try LineReader(path: path)
    var gold: [String: [String]] = [:]
    var queries: [String] = []
    try reader.forEachLine(log: &log) { line in
      let fields = String(decoding: line, as: UTF8.self).split(separator: "\t")
        .map { $0.trimmingCharacters(in: .whitespaces) }
      if reader.lineNumber == 1, fields.first == "query-id" { return }
      guard fields.count == 3, let score = Double(fields[2]) else {
        throw FieldError(
          "expected three tab-separated fields `query-id corpus-id score` with a numeric score")
      }
      if score > 0, !(gold[fields[0]]?.contains(fields[1]) ?? false) {
        if gold[fields[0]] == nil { queries.append(fields[0]) }
        gold[fields[0], default: []].append(fields[1])
      }
    }
    return (gold, queries)
  }
}
