import Corpus
import Foundation
import Testing

@testable import Experiments

/// One row of the official-evaluation fixture.
struct FixtureCase: Decodable {
  let prediction: String
  let golds: [String]
  let em: Double
  let f1: Double
  let subem: Double
}

let fixtureCases: [FixtureCase] = {
  (try? JSONDecoder().decode([FixtureCase].self, from: Data(squadOfficialFixtureJSON.utf8))) ?? []
}()

@Test func fixtureHasTheHardCases() {
  #expect(fixtureCases.count >= 40)
}

@Test(arguments: fixtureCases.indices)
func metricsMatchTheOfficialSquadEvaluation(index: Int) {
  let c = fixtureCases[index]
  let scores = QAMetrics.score(prediction: c.prediction, golds: c.golds)
  #expect(scores.em == c.em, "EM of \(c.prediction.debugDescription) vs \(c.golds)")
  #expect(abs(scores.f1 - c.f1) < 1e-9, "F1 of \(c.prediction.debugDescription) vs \(c.golds)")
  #expect(scores.subem == c.subem, "SubEM of \(c.prediction.debugDescription) vs \(c.golds)")
  #expect(scores.matcher == QAMetrics.subemMatcher)
}

@Test func substringMatchIgnoresWordBoundariesAndCutsAtTheFirstNewline() {
  #expect(QAMetrics.substringMatch("in 1990", "1"))
  #expect(!QAMetrics.substringMatch("Paris\nLondon", "London"))
  #expect(QAMetrics.substringMatch("The answer is the Eiffel Tower.", "eiffel tower"))
}

@Test func normalisationFollowsSquadOrder() {
  #expect(SquadNormalizer.normalize("The  Quick, brown fox!") == "quick brown fox")
  // punctuation goes before articles: "a-b" becomes "ab", which is not an article.
  #expect(SquadNormalizer.normalize("a-b") == "ab")
  #expect(SquadNormalizer.normalize("an-apple") == "anapple")
}
