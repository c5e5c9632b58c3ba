import Foundation
import Inference
import Testing

@testable import Experiments

/// The default model (SmolLM2-135M), loaded once.
private let smolLM2 = Result { try LanguageModel.load(path: try defaultModelPath()) }

/// The default model as an in-process generator.
private func engine() throws -> InProcessGenerator {
  try InProcessGenerator(model: try smolLM2.get())
}

/// Five short passages on unrelated subjects.
private let passages = [
  Passage(
    id: "0", title: "Volcano", text: "Mount Etna is an active volcano on the east coast of Sicily."),
  Passage(
    id: "1", title: "Cheese", text: "Cheddar cheese is named after a village in Somerset, England."),
  Passage(id: "2", title: "Violin", text: "A violin has four strings tuned in perfect fifths."),
  Passage(
    id: "3", title: "Comet",
    text: "Halley's Comet returns to the inner Solar System every 76 years."),
  Passage(id: "4", title: "Bridge", text: "The Golden Gate Bridge opened to traffic in May 1937."),
]

@Test func icrScoresAPassageCopiedIntoTheQuestionHighest() throws {
  let scorer = try AttentionScorer(generator: try engine(), prompt: PromptSpec())
  for copied in [1, 3] {
    let question = "\(passages[copied].text) Is that true?"
    let result = try scorer.scores(question: question, passages: passages)
    #expect(result.scores.count == passages.count)
    #expect(result.scores.indices.max { result.scores[$0] < result.scores[$1] } == copied)
  }
}

@Test func icrScoresEveryPassageZeroWhenTheQuestionIsTheContentFreeQuery() throws {
  let generator = try engine()
  let scorer = try AttentionScorer(generator: generator, prompt: PromptSpec())
  let result = try scorer.scores(question: AttentionScorer.calibrationQuery, passages: passages)
  #expect(result.scores == Array(repeating: 0, count: passages.count))
  // while the attention before calibration is far from zero on every passage
  let segments = scorer.segments(question: AttentionScorer.calibrationQuery, passages: passages)
  let session = generator.model.makeSession(contextLength: 512)
  var spans: [Range<Int>] = []
  for segment in [segments.header] + segments.passages {
    let start = session.count
    try session.append(generator.model.tokenizer.encode(segment))
    spans.append(start..<session.count)
  }
  session.capturesQueries = true
  let tailStart = session.count
  try session.append(generator.model.tokenizer.encode(segments.tail))
  let raw = try session.attentionReceived(from: tailStart..<session.count)
  for span in spans.dropFirst() { #expect(raw[span].reduce(0, +) > 0.1) }
}

@Test func icrCostsThePromptPlusTheCalibrationTail() throws {
  let generator = try engine()
  let scorer = try AttentionScorer(generator: generator, prompt: PromptSpec())
  let question = "When did the Golden Gate Bridge open?"
  let result = try scorer.scores(question: question, passages: passages)
  let tokenizer = generator.model.tokenizer
  let asked = scorer.segments(question: question, passages: passages).all
  let calibration = scorer.segments(question: "N/A", passages: []).tail
  let expected = (asked + [calibration]).reduce(0) { $0 + tokenizer.encode($1).count }
  #expect(result.promptTokens == expected)
  #expect(result.seconds > 0)
}

@Test func firstTokenScoresAreTheLabelLogitsAfterTheOpeningBracket() throws {
  let generator = try engine()
  let scorer = try FirstTokenScorer(generator: generator, chat: true)
  let question = "How many strings does a violin have?"
  let result = try scorer.scores(question: question, passages: passages)
  let tokens = scorer.promptTokens(question: question, passages: passages)
  let tokenizer = generator.model.tokenizer
  #expect(tokens.last == tokenizer.tokenID("["))
  #expect(result.promptTokens == tokens.count)
  let session = generator.model.makeSession(contextLength: 512)
  try session.append(tokens)
  let logits = session.lastLogits()
  let expected = ["A", "B", "C", "D", "E"].map { Double(logits[Int(tokenizer.tokenID($0)!)]) }
  #expect(zip(result.scores, expected).allSatisfy { abs($0 - $1) < 1e-4 })
}

@Test func firstTokenRefusesMorePassagesThanItsLabelsName() throws {
  let generator = try engine()
  let many = (0..<27).map { Passage(id: "\($0)", title: "t", text: "passage \($0)") }
  let letters = try FirstTokenScorer(generator: generator, chat: true)
  #expect(throws: RerankerError.self) { try letters.scores(question: "q", passages: many) }
  #expect(try letters.labelTokens(count: 26).count == 26)
  let numbers = try FirstTokenScorer(generator: generator, chat: true, labels: .numbers)
  #expect(throws: RerankerError.self) {
    try numbers.scores(question: "q", passages: Array(many.prefix(10)))
  }
  #expect(try numbers.labelTokens(count: 9) == (1...9).map { tokenizerID(generator, "\($0)") })
}

/// The vocabulary id of a one-token text.
private func tokenizerID(_ generator: InProcessGenerator, _ text: String) -> Int32 {
  generator.model.tokenizer.tokenID(text) ?? -1
}

@Test func modelRerankersRefuseAGeneratorOtherThanTheInProcessEngine() throws {
  for name in Rerankers.names {
    #expect {
      try Rerankers.scorer(named: name, generator: FakeGenerator(), prompt: PromptSpec())
    } throws: { error in
      let message = "\(error)"
      return error is RerankerError && message.contains("strategy \(name)")
        && message.contains("generator.backend is fake")
        && message.contains("set generator.backend: inprocess")
    }
  }
  #expect(throws: RerankerError.self) {
    try Rerankers.scorer(named: "bm25", generator: FakeGenerator(), prompt: PromptSpec())
  }
  let generator = try engine()
  #expect(
    try Rerankers.scorer(named: "attention", generator: generator, prompt: PromptSpec())
      is AttentionScorer)
  #expect(
    try Rerankers.scorer(named: "first_token", generator: generator, prompt: PromptSpec())
      is FirstTokenScorer)
}
