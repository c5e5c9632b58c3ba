import CZlib
import Foundation
import Store

@testable import Corpus

/// A temporary folder for data files, removed at deinit.
final class DataFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "raglab-corpus-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` to `name` (creating folders) and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    return file
  }

  /// Writes `text` gzip-compressed to `name` and returns its path.
  func writeGzip(_ name: String, _ text: String) throws -> String {
    let file = path + "/" + name
    guard let gz = gzopen(file, "wb") else { throw CocoaError(.fileWriteUnknown) }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { gzwrite(gz, $0.baseAddress, UInt32($0.count)) }
    gzclose(gz)
    guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    return file
  }

  /// Writes `lines` gzip-compressed to `name`, each flushed to a byte boundary (`Z_FULL_FLUSH`),
  /// and returns the path and the compressed size after each line: cutting the file there
  /// leaves exactly the first lines readable, a stream truncated at a line boundary.
  func writeGzipLines(_ name: String, _ lines: [String]) throws -> (path: String, ends: [Int]) {
    let file = path + "/" + name
    guard let gz = gzopen(file, "wb") else { throw CocoaError(.fileWriteUnknown) }
    defer { gzclose(gz) }
    var ends: [Int] = []
    for line in lines {
      let bytes = Array((line + "\n").utf8)
      let written = bytes.withUnsafeBytes { gzwrite(gz, $0.baseAddress, UInt32($0.count)) }
      guard written == bytes.count, gzflush(gz, Z_FULL_FLUSH) == Z_OK else {
        throw CocoaError(.fileWriteUnknown)
      }
      let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
      ends.append(size ?? 0)
    }
    return (file, ends)
  }

  /// Writes the first `count` bytes of the file at `source` to `name` and returns its path.
  func truncatedCopy(of source: String, to name: String, count: Int) throws -> String {
    let file = path + "/" + name
    try Data(contentsOf: URL(fileURLWithPath: source)).prefix(count)
      .write(to: URL(fileURLWithPath: file))
    return file
  }
}

/// A fresh in-memory corpus store.
func makeStore() throws -> CorpusStore {
  CorpusStore(try LabDatabase.inMemory())
}

/// Two SQuAD articles: three paragraphs, four questions (one with repeated answers).
let tinySQuAD = """
  {"version": "1.1", "data": [
    {"title": "Super_Bowl_50", "paragraphs": [
      {"context": "Super Bowl 50 was won by the Denver Broncos, who beat the Carolina Panthers.",
       "qas": [
         {"id": "s1", "question": "Which team won Super Bowl 50?",
          "answers": [{"answer_start": 29, "text": "Denver Broncos"},
                      {"answer_start": 29, "text": "Denver Broncos"},
                      {"answer_start": 25, "text": "the Denver Broncos"}]},
         {"id": "s2", "question": "Who lost?", "answers": [{"answer_start": 0, "text": "Carolina Panthers"}]}]},
      {"context": "The game was played at Levi's Stadium in Santa Clara, California.",
       "qas": [{"id": "s3", "question": "Where was the game played?",
                "answers": [{"answer_start": 23, "text": "Levi's Stadium"}]}]}]},
    {"title": "Oxygen", "paragraphs": [
      {"context": "Oxygen is a chemical element with symbol O and atomic number 8.",
       "qas": [{"id": "o1", "question": "What is the atomic number of oxygen?",
                "answers": [{"answer_start": 61, "text": "8"}]}]}]}
  ]}
  """

/// Three LitM lines: gold by `isgold`, a repeated passage, and a line without `isgold` (DPR
/// style) where `hasanswer` decides; scores as string and number; one numeric id.
let tinyLitM =
  [
    #"{"question": "who wrote hamlet", "answers": ["Shakespeare", "William Shakespeare"], "ctxs": [{"title": "Hamlet", "text": "Hamlet is a tragedy written by William Shakespeare.", "hasanswer": true, "isgold": true}, {"id": "wiki:7", "title": "Denmark", "text": "Denmark is a Nordic country.", "score": "1.5", "hasanswer": false, "isgold": false}]}"#,
    #"{"question": "where is denmark", "answers": ["Northern Europe"], "ctxs": [{"id": "wiki:7", "title": "Denmark", "text": "Denmark is a Nordic country.", "score": 2.0, "isgold": true}]}"#,
    #"{"question": "capital of france", "answers": ["Paris"], "ctxs": [{"id": 42, "title": "France", "text": "Paris is the capital of France.", "score": 9, "hasanswer": true}, {"title": "Lyon", "text": "Lyon is a city in France.", "hasanswer": false}]}"#,
  ].joined(separator: "\n") + "\n"
