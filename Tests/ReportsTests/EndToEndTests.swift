import Experiments
import Foundation
import Store
import Testing

@testable import Reports

/// A stand-in model that answers with the titles of the first three documents in its prompt, so
/// accuracy follows recall up to k = 3 and then lags it.
final class TitleEchoGenerator: Generator {
  let modelSHA256 = "echo-model"
  let identity = GeneratorIdentity(backend: "echo", modelSHA256: "echo-model")
  let chatFormat: ChatFormat? = nil
  func makeSession() throws -> any GenerationSession { TitleEchoSession() }
}

/// The echo model's context: the prompt bytes, with checkpoints.
final class TitleEchoSession: GenerationSession {
  private(set) var tokens: [Int32] = []
  private(set) var evaluatedPromptTokens = 0

  func checkpoint() -> SessionCheckpoint { SessionCheckpoint(position: tokens.count) }
  func rewind(to checkpoint: SessionCheckpoint) {
    tokens.removeLast(tokens.count - checkpoint.position)
  }
  func append(segment: String) throws {
    let new = segment.utf8.map { Int32($0) }
    tokens += new
    evaluatedPromptTokens += new.count
  }
  func generate(_ options: DecodingOptions) throws -> GeneratedAnswer {
    let prompt = String(decoding: tokens.map { UInt8($0) }, as: UTF8.self)
    let titles = prompt.components(separatedBy: "(Title: ").dropFirst().prefix(3)
      .map { $0.prefix { $0 != ")" } }
    let answer = titles.isEmpty ? "unknown" : titles.joined(separator: ", ")
    return GeneratedAnswer(
      text: answer, tokens: [], logprobs: [], stopReason: "endOfGeneration",
      promptTokenCount: tokens.count)
  }
}

/// Every question gets the same twelve passages, rotated by its number (reversed for `dense`).
struct RotatingRanker: PassageRanker {
  let name: String
  let passages: [Passage]
  func rank(_ question: Question, depth: Int) throws -> [Passage] {
    let shift = (Int(question.id.dropFirst()) ?? 0) % passages.count
    return Array((passages[shift...] + passages[..<shift]).prefix(depth))
  }
}

/// Question `qN`'s gold passage is `pN`.
struct RotatingCatalog: QuestionCatalog {
  func question(dataset: String, id: String) throws -> CatalogQuestion? {
    CatalogQuestion(
      id: id, text: "?", answers: ["Title\(id.dropFirst())"], goldPassageIDs: ["p\(id.dropFirst())"]
    )
  }
  func isRecallHit(dataset: String, question: CatalogQuestion, passageIDs: [String]) throws -> Bool
  {
    passageIDs.contains(question.goldPassageIDs[0])
  }
}

@Test func runnerTrialsBecomePlotsAndANotebook() throws {
  let database = try LabDatabase.inMemory()
  let passages = (0..<12).map { Passage(id: "p\($0)", title: "Title\($0)", text: "Text \($0).") }
  let questions = (0..<6).map {
    Question(id: "q\($0)", text: "Which is number \($0)?", answers: ["Title\($0)"])
  }
  let yaml = """
    name: echo-sweep
    dataset: {name: echo, path: none, limit: 6}
    retrievers: [bm25, dense]
    retrieval_depth: 12
    prompt: {chat: false}
    module: {name: passage_count, k: [1, 2, 4, 8]}
    """
  let runner = ExperimentRunner(
    loaded: try SpecLoader.parse(yaml: yaml),
    inputs: ExperimentInputs(
      questions: questions, dataChecksum: "echo-data",
      rankers: [
        "bm25": RotatingRanker(name: "bm25", passages: passages),
        "dense": RotatingRanker(name: "dense", passages: passages.reversed()),
      ]),
    generator: TitleEchoGenerator(), store: ResultsStore(database: database),
    options: RunOptions(prefixSharing: true, useGenerationCache: false))
  _ = try runner.run()

  let summary = try StoredExperiments(database: database, catalog: RotatingCatalog())
    .summary(named: "echo-sweep")
  #expect(summary.keyNames == ["retriever", "k"])
  #expect(summary.conditions.count == 8)
  #expect(summary.provenance.trialCount == 48)
  #expect(summary.provenance.finishedAt != nil)
  let dense8 = try #require(summary.conditions.last)
  #expect(dense8.label == "retriever=dense, k=8")
  // dense shows gold p_n at index (11 − 2n) mod 12: in the top 8 for n = 2…5 (recall 4/6), in
  // the three echoed titles only for n = 5; SubEM ignores word boundaries, so q1's "Title1" also
  // matches the "Title10" dense ranks first (accuracy 2/6).
  #expect(dense8.recall?.value == 4.0 / 6)
  #expect(dense8.metrics["subem"]?.value == 2.0 / 6)
  #expect(summary.conditions[0].metrics["subem"]?.value == 1)

  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let output = try PlotRenderer(root: "\(root)/plots", runner: try GnuplotRunner())
    .render(AccuracyPlot(summary: summary))
  #expect(FileManager.default.fileExists(atPath: output.png))
  let notebook = Notebook(
    summary: summary, path: "\(root)/notebooks-md/echo-sweep.md", images: [output.png],
    database: ":memory:")
  try notebook.write()
  let text = try String(contentsOfFile: notebook.path, encoding: .utf8)
  #expect(text.contains("| dense | 8 | 6 | 0.333 ["))
  #expect(text.contains("bm25 is the best retriever with accuracy 1.000"))
  #expect(text.contains("matches its recall@8 of 1.000"))
}
