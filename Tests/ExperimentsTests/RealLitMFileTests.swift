import Foundation
import Store
import Testing

@testable import Experiments

/// The NQ-open oracle file of the project's shared data (`../shared/data` beside the clone; a
/// user's clone has none, and nothing may require it).
private let oracle = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("shared/data/nq-open-oracle.jsonl.gz")
  .standardizedFileURL.path

/// Skipped, with this reason, only where there is no shared data folder at all.
@Test(
  .enabled(
    if: FileManager.default.fileExists(
      atPath: URL(fileURLWithPath: oracle).deletingLastPathComponent().path),
    "no ../shared/data folder beside this clone: the real LitM file check needs the shared data"))
func theRealOracleFilesDistractorsComeFromEachRecordsCtxsWhichHoldOnlyTheGold() throws {
  try #require(
    FileManager.default.fileExists(atPath: oracle), "the shared NQ-open oracle file is missing")
  let loaded = try SpecLoader.parse(
    yaml: """
      name: real-litm
      dataset: {name: nq-open-oracle, format: litm, path: \(oracle)}
      retrievers: [bm25]
      prompt: {template: litm}
      module: {name: gold_position, total: [5], positions: [1], distractors: file, baselines: false}
      """)
  let inputs = try CorpusInputs.load(spec: loaded.spec, database: try LabDatabase.inMemory())
  #expect(inputs.questions.count == 2655)
  // Line 1 of the file: one ctx, the gold passage, flagged hasanswer and isgold.
  let first = try #require(inputs.questions.first { $0.id == "q1" })
  #expect(first.text == "who got the first nobel prize in physics")
  #expect(
    first.fileContexts == [FileContext(id: first.goldPassageIDs[0], hasAnswer: true, isGold: true)])
  // The oracle release keeps only the gold ctx of every record, so no record has a distractor.
  #expect(inputs.questions.allSatisfy { $0.fileContexts?.map(\.id) == $0.goldPassageIDs })
  let context = QuestionContext(
    question: first, depth: 20, rankers: inputs.rankers, corpus: inputs.corpus)
  #expect(try context.fileDistractors().passages.isEmpty)
  let module = try ModuleRegistry.module(for: loaded.spec)
  let skip = try #require(throws: ModuleSkip.self) {
    try module.passages(for: try module.conditions()[0], context: context)
  }
  #expect(skip.reason == "0 answer-free ctxs in the question's file record, 4 needed")
}
