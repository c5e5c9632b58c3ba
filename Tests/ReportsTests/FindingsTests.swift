import Testing

@testable import Reports

@Test func invertedUAndSteadyRiseAreDescribedWithTheirNumbers() {
  let sentences = Findings.sentences(for: Fixtures.sweep())
  #expect(sentences.count == 2)
  #expect(sentences[0].hasPrefix("With bm25, accuracy keeps rising with k, from 0.200 at k = 1"))
  #expect(
    sentences[0].contains(
      "with dense, accuracy rises from 0.300 at k = 1 to a peak of 0.500 at k = 4, then falls to 0.420 at k = 8"
    ))
  #expect(
    sentences[1].hasPrefix(
      "At k = 8, dense is the best retriever with accuracy 0.420 [0.320, 0.520] against 0.400 for bm25"
    ))
  #expect(sentences[1].contains("stays 0.480 below its recall@8 of 0.900"))
}

@Test func differentNumbersGiveDifferentSentences() {
  let original = Findings.sentences(for: Fixtures.sweep())
  let swapped = Findings.sentences(
    for: Fixtures.sweep(bm25: [0.5, 0.45, 0.40, 0.30], dense: [0.30, 0.45, 0.60, 0.70]))
  #expect(original[0] != swapped[0])
  #expect(original[1] != swapped[1])
  #expect(swapped[0].contains("With bm25, accuracy is highest at the smallest k (0.500 at k = 1)"))
  #expect(swapped[1].contains("dense is the best retriever with accuracy 0.700"))
  #expect(swapped[1].contains("(the 95 % intervals do not overlap)"))
}

@Test func plateauFlatAndLevelCurvesHaveTheirOwnWords() {
  let sentences = Findings.sentences(
    for: Fixtures.sweep(bm25: [0.3, 0.3, 0.3, 0.305], dense: [0.2, 0.31, 0.30, 0.305]))
  #expect(sentences[0].contains("bm25, accuracy stays flat at about 0.300"))
  #expect(
    sentences[0].contains(
      "dense, accuracy rises from 0.200 at k = 1 to 0.310 at k = 2 and then plateaus"))
  #expect(sentences[1].contains("bm25 and dense are level (accuracy 0.305 vs 0.305)"))
  #expect(sentences[1].contains("bm25's accuracy stays 0.425 below its recall@8 of 0.730"))
}

@Test func accuracyAboveRecallIsCalledOut() {
  let sentences = Findings.sentences(
    for: Fixtures.sweep(recall: ["bm25": [0.1, 0.1, 0.1, 0.1], "dense": [0.1, 0.1, 0.1, 0.1]]))
  #expect(sentences[1].contains("above its recall@8 of 0.100"))
}

@Test func experimentsWithoutKNameTheirBestAndWorstCondition() {
  var summary = Fixtures.sweep()
  summary.conditions = [
    ConditionSummary(
      keys: [ConditionKey("order", "forward")], n: 10,
      metrics: ["subem": Estimate(value: 0.6, low: 0.4, high: 0.8), "em": Estimate(value: 0.5)]),
    ConditionSummary(
      keys: [ConditionKey("order", "reverse")], n: 10,
      metrics: ["subem": Estimate(value: 0.2), "em": Estimate(value: 0.1)]),
  ]
  let sentences = Findings.sentences(for: summary)
  #expect(
    sentences[0]
      == "The best condition is order=forward with accuracy 0.600 [0.400, 0.800] over 10 questions; the worst is order=reverse with 0.200."
  )
  #expect(sentences[1].contains("spans 40.0 points, and EM averages 0.300"))
}
