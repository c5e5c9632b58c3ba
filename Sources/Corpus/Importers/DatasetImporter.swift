import Foundation
import Inference
import Store

/// The data formats `raglab data import` reads.
public enum DatasetFormat: String, CaseIterable, Sendable {
  /// SQuAD v1.1 JSON: every paragraph a passage, every question with its gold paragraph.
  case squad
  /// "Lost in the Middle"/DPR JSONL (plain or .gz): passages are the union of the `ctxs`.
  case litm
  /// BEIR folder: `corpus.jsonl`, `queries.jsonl`, `qrels/test.tsv`.
  case beir
  /// BIG-bench `contextual_parametric_knowledge_conflicts` `task.json`: every example's
  /// counterfactual context a passage, its question with the substituted and original answers.
  case conflict
}

/// How to import.
public struct ImportOptions: Sendable {
  /// Dataset name; nil derives it from the file or folder name.
  public var name: String?
  /// Skip malformed lines (or SQuAD entries) and count them instead of failing.
  public var skipBad: Bool
  /// Replace an existing dataset of the same name.
  public var replace: Bool

  /// Options; the defaults fail on the first bad line and never replace.
  public init(name: String? = nil, skipBad: Bool = false, replace: Bool = false) {
    self.name = name
    self.skipBad = skipBad
    self.replace = replace
  }
}

/// What an import stored and what it skipped.
public struct ImportSummary: Sendable {
  /// The stored dataset (counts, checksum, skipped count).
  public var dataset: DatasetInfo
  /// The first few skipped problems, located (at most `SkipLog.keep`).
  public var skippedExamples: [String]
  /// Passages seen again with an id already stored (deduplicated, not an error).
  public var duplicatePassages: Int
  /// Wall time of the import in seconds.
  public var seconds: Double
}

/// Counts skipped entries and keeps the first few messages for the summary.
struct SkipLog {
  /// How many messages are kept.
  static let keep = 5
  /// Whether malformed entries are skipped rather than fatal.
  let skipBad: Bool
  private(set) var count = 0
  private(set) var examples: [String] = []
  /// Passages whose id was already stored.
  var duplicatePassages = 0

  init(skipBad: Bool) { self.skipBad = skipBad }

  /// Records `error` when skipping, or throws it.
  mutating func handle(_ error: ImportError) throws {
    guard skipBad else { throw error }
    count += 1
    if examples.count < SkipLog.keep { examples.append(error.description) }
  }
}

/// Imports data files into a `CorpusStore`, transactionally.
public enum DatasetImporter {
  /// Imports the file (or BEIR folder) at `path` as one dataset.
  /// - Throws: `ImportError` for bad data (file, line, what was expected); `StoreError` for
  ///   database problems. Nothing is stored when it throws.
  public static func importDataset(
    format: DatasetFormat, path: String, options: ImportOptions = ImportOptions(),
    into store: CorpusStore
  ) throws -> ImportSummary {
    let started = Date()
    let source = DatasetSource(
      name: options.name ?? defaultName(format: format, path: path), kind: format.rawValue,
      sourcePath: path, checksum: try checksum(format: format, path: path))
    var log = SkipLog(skipBad: options.skipBad)
    let dataset = try store.importDataset(source, replace: options.replace) { writer in
      switch format {
      case .squad: try SQuADImporter.read(path: path, into: writer, log: &log)
      case .litm: try LitMImporter.read(path: path, into: writer, log: &log)
      case .beir: try BEIRImporter.read(folder: path, into: writer, log: &log)
      case .conflict: try ConflictImporter.read(path: path, into: writer, log: &log)
      }
      writer.skippedCount = log.count
      guard writer.passageCount > 0 else {
        throw ImportError(file: path, message: "no passages found; is this a \(format) file?")
      }
    }
    return ImportSummary(
      dataset: dataset, skippedExamples: log.examples, duplicatePassages: log.duplicatePassages,
      seconds: Date().timeIntervalSince(started))
  }

  /// The name a dataset gets without `--name`: the file name without `.json`, `.jsonl`, `.gz`
  /// (or the folder name for BEIR).
  public static func defaultName(format: DatasetFormat, path: String) -> String {
    var name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
    for suffix in [".gz", ".jsonl", ".json"] where name.hasSuffix(suffix) {
      name = String(name.dropLast(suffix.count))
    }
    return name
  }

  /// SHA-256 of the source file; for a BEIR folder, of the list of its files' checksums.
  public static func checksum(format: DatasetFormat, path: String) throws -> String {
    guard format == .beir else { return try SHA256.hex(ofFile: path) }
    let files = try BEIRImporter.files(in: path)
    let listing = try [files.corpus, files.queries, files.qrels].map { file in
      "\(try SHA256.hex(ofFile: file))  \(URL(fileURLWithPath: file).lastPathComponent)\n"
    }.joined()
    return SHA256.hex(of: Array(listing.utf8))
  }
}

extension LineReader {
  /// Calls `body` with each non-blank line; a `FieldError` it throws becomes an `ImportError`
  /// at this file and line, which `log` skips or rethrows.
  func forEachLine(log: inout SkipLog, _ body: ([UInt8]) throws -> Void) throws {
    while let line = try nextLine() {
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      do {
        try body(line)
      } catch let error as FieldError {
        try log.handle(ImportError(file: path, line: lineNumber, message: error.message))
      }
    }
  }
}

/// `values` without repeats, first occurrence kept.
func distinct(_ values: [String]) -> [String] {
  var seen = Set<String>()
  return values.filter { seen.insert($0).inserted }
}
