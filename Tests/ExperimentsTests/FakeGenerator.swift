import Experiments

/// A deterministic stand-in for a language model: one token per UTF-8 byte, and an answer that is the
/// title of the first document in the prompt (or "unknown"), so runs are reproducible and cheap.
final class FakeGenerator: Generator {
  let modelSHA256 = "fake-model-sha"
  /// The cache identity; tests change one field to check that answers are not reused across it.
  var identity = GeneratorIdentity(backend: "fake", modelSHA256: "fake-model-sha")
  var chatFormat: ChatFormat? = .chatML
  /// Blocks of the fake model when its sessions report hidden states (`FakeGenerator.state`);
  /// nil (the default) for a generator without them.
  var hiddenBlockCount: Int? = nil
  var hiddenStateBlockCount: Int? { hiddenBlockCount }
  /// The prefill path the fake claims to run (recorded in provenance); nil by default.
  var prefillPath: String? = nil
  /// Prompt tokens seen at every `generate` call, across all sessions.
  private(set) var promptsSeen: [[Int32]] = []
  /// Prompt tokens evaluated by all sessions.
  var evaluatedPromptTokens: Int { sessions.reduce(0) { $0 + $1.evaluatedPromptTokens } }
  private var sessions: [FakeSession] = []

  func makeSession() throws -> any GenerationSession {
    let session = FakeSession(owner: self)
    sessions.append(session)
    return session
  }

  fileprivate func saw(_ prompt: [Int32]) { promptsSeen.append(prompt) }

  /// The fake hidden state of `layer` after `prompt`: the layer, the prompt's length, its last
  /// token and its token sum mod 1024 (all exact in binary16).
  static func state(layer: Int, prompt: [Int32]) -> [Float] {
    [
      Float(layer), Float(prompt.count), Float(prompt.last ?? 0),
      Float(prompt.reduce(0, +) % 1024),
    ]
  }
}

/// The fake's context: a token array with checkpoints.
final class FakeSession: GenerationSession {
  private weak var owner: FakeGenerator?
  private(set) var tokens: [Int32] = []
  private(set) var evaluatedPromptTokens = 0
  /// Layers asked for by `captureHiddenStates` (when the owner has hidden states).
  private var capturedLayers: Set<Int> = []

  init(owner: FakeGenerator) { self.owner = owner }

  func captureHiddenStates(layers: [Int]) {
    if owner?.hiddenBlockCount != nil { capturedLayers = Set(layers) }
  }

  func lastTokenHiddenStates(layers: [Int]) -> [[Float]]? {
    guard !tokens.isEmpty, layers.allSatisfy(capturedLayers.contains) else { return nil }
    return layers.map { FakeGenerator.state(layer: $0, prompt: tokens) }
  }

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
    owner?.saw(tokens)
    let promptTokenCount = tokens.count
    let prompt = String(decoding: tokens.map { UInt8($0) }, as: UTF8.self)
    var answer = "unknown"
    if let range = prompt.range(of: "(Title: ") {
      answer = String(prompt[range.upperBound...].prefix { $0 != ")" })
    }
    let generated = answer.utf8.map { Int32($0) }
    tokens += generated
    return GeneratedAnswer(
      text: answer, tokens: generated, logprobs: generated.map { _ in -0.5 },
      stopReason: "endOfGeneration", promptTokenCount: promptTokenCount)
  }
}

/// A retriever over a fixed list: every question gets the same ranking, rotated by the question's number.
struct FakeRanker: PassageRanker {
  let name: String
  let passages: [Passage]

  func rank(_ question: Question, depth: Int) throws -> [Passage] {
    let shift = (Int(question.id.filter(\.isNumber)) ?? 0) % passages.count
    return Array((passages[shift...] + passages[..<shift]).prefix(depth))
  }
}

/// Test data: `count` questions whose answer is the title of passage `p<n>`.
enum FakeData {
  static let passages = (0..<12).map {
    Passage(id: "p\($0)", title: "Title\($0)", text: "Text of passage \($0).")
  }

  static func questions(_ count: Int) -> [Question] {
    (0..<count).map {
      Question(id: "q\($0)", text: "Which title is number \($0)?", answers: ["Title\($0)"])
    }
  }

  static func inputs(questions count: Int) -> ExperimentInputs {
    ExperimentInputs(
      questions: questions(count), dataChecksum: "fake-data",
      rankers: [
        "bm25": FakeRanker(name: "bm25", passages: passages),
        "dense": FakeRanker(name: "dense", passages: passages.reversed()),
      ])
  }
}
