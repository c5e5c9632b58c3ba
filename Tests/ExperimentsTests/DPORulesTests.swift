import Foundation
import Testing

@testable import Experiments

/// A cluster outcome whose prompt is "P<order>", so expected pairs name the order they came from.
private func cluster(_ size: Int, order: Int, _ answer: String) -> ClusterOutcome {
  ClusterOutcome(size: size, promptOrder: order, prompt: "P\(order)", answer: answer)
}

/// The expected pair with prompt "P<order>".
private func pair(order: Int, chosen: String, rejected: String) -> DPOPair {
  DPOPair(prompt: "P\(order)", chosen: chosen, rejected: rejected, promptOrder: order)
}

@Test func allCorrectClustersGiveNoPair() throws {
  let outcome = QuestionOutcome(
    golds: ["Paris"], passages: ["Paris is the capital of France."],
    clusters: [
      cluster(10, order: 0, "Paris"), cluster(2, order: 4, "paris!"),
      cluster(1, order: 9, " The capital is Paris\n"),
    ])
  #expect(try DPORules.pairs(for: outcome) == DPOOutcome(rule: .allCorrect, pairs: []))
}

@Test func someCorrectGivesTwoPairsFromTheMostCommonWrongAndCorrectAnswers() throws {
  // London's two clusters merge to 6 orders and beat Berlin's 5; "Paris." (8) beats "It is Paris" (2).
  let outcome = QuestionOutcome(
    golds: ["Paris"], passages: ["Paris is the capital of France."],
    clusters: [
      cluster(3, order: 0, "London"), cluster(8, order: 2, "Paris."),
      cluster(5, order: 7, "Berlin"), cluster(3, order: 1, "London"),
      cluster(2, order: 4, "It is Paris"),
    ])
  let result = try DPORules.pairs(for: outcome)
  #expect(result.rule == .someCorrect)
  #expect(
    result.pairs == [
      pair(order: 0, chosen: "Paris.", rejected: "London"),
      pair(order: 2, chosen: "Paris.", rejected: "London"),
    ])
}

@Test func noneCorrectWithGoldInPassagesPrefersTheFirstGoldFoundOverAbstaining() throws {
  // "Eiffel Tower" is not in the passages, "Tour Eiffel" is (in capitals): it is chosen as written.
  let outcome = QuestionOutcome(
    golds: ["Eiffel Tower", "Tour Eiffel"],
    passages: ["Paris has museums.", "The TOUR EIFFEL opened in 1889."],
    clusters: [cluster(10, order: 3, "Louvre"), cluster(10, order: 0, "Notre Dame")])
  #expect(
    try DPORules.pairs(for: outcome)
      == DPOOutcome(
        rule: .noneCorrectGoldPresent,
        pairs: [pair(order: 3, chosen: "Tour Eiffel", rejected: "I don't know.")]))
}

@Test func noneCorrectWithoutGoldPrefersAbstainingOverTheDominantWrongAnswer() throws {
  let outcome = QuestionOutcome(
    golds: ["1889"], passages: ["The tower was finished in the spring."],
    clusters: [cluster(2, order: 5, "1890"), cluster(7, order: 1, "1900")])
  #expect(
    try DPORules.pairs(for: outcome)
      == DPOOutcome(
        rule: .noneCorrectGoldAbsent,
        pairs: [pair(order: 1, chosen: "I don't know.", rejected: "1900")]))
}

@Test func tiedAnswersGoToTheOneSeenFirst() throws {
  let outcome = QuestionOutcome(
    golds: ["blue"], passages: ["The sky is blue."],
    clusters: [
      cluster(4, order: 6, "green"), cluster(3, order: 2, "blue"), cluster(4, order: 0, "red"),
      cluster(3, order: 1, "Blue sky"),
    ])
  #expect(
    try DPORules.pairs(for: outcome).pairs == [
      pair(order: 6, chosen: "blue", rejected: "green"),
      pair(order: 2, chosen: "blue", rejected: "green"),
    ])
}

@Test func anEmptyAnswerIsWrongAndCanBeRejected() throws {
  // The published code would count "" correct (it is a substring of every gold).
  let outcome = QuestionOutcome(
    golds: ["Paris"], passages: ["Rome is in Italy."],
    clusters: [cluster(6, order: 0, ""), cluster(4, order: 9, "Paris")])
  #expect(
    try DPORules.pairs(for: outcome)
      == DPOOutcome(
        rule: .someCorrect,
        pairs: [
          pair(order: 0, chosen: "Paris", rejected: ""),
          pair(order: 9, chosen: "Paris", rejected: ""),
        ]))
  let silent = QuestionOutcome(
    golds: ["Paris"], passages: ["Rome is in Italy."], clusters: [cluster(6, order: 3, " \n")])
  #expect(
    try DPORules.pairs(for: silent)
      == DPOOutcome(
        rule: .noneCorrectGoldAbsent,
        pairs: [pair(order: 3, chosen: "I don't know.", rejected: " \n")]))
}

@Test func anOutcomeWithoutClustersOrWithAnEmptyClusterIsRefused() {
  #expect(throws: DPOInputError.self) {
    try DPORules.pairs(for: QuestionOutcome(golds: ["x"], passages: [], clusters: []))
  }
  #expect(throws: DPOInputError.self) {
    try DPORules.pairs(
      for: QuestionOutcome(golds: ["x"], passages: [], clusters: [cluster(0, order: 2, "x")]))
  }
}

@Test func lenientMatchIsATwoWayLowercaseSubstringTest() {
  #expect(LenientMatch.isCorrect("PARIS", golds: ["Paris"]))
  #expect(LenientMatch.isCorrect("Paris", golds: ["Rome", "Paris, France"]))  // answer ⊂ gold
  #expect(LenientMatch.isCorrect("It is Paris.", golds: ["paris"]))  // gold ⊂ answer
  #expect(LenientMatch.isCorrect("  Paris\n", golds: [" paris "]))  // both trimmed
  #expect(!LenientMatch.isCorrect("Lyon", golds: ["Paris"]))
  #expect(!LenientMatch.isCorrect("", golds: ["Paris"]))
  #expect(!LenientMatch.isCorrect(" \t", golds: ["Paris"]))
  #expect(!LenientMatch.isCorrect("Lyon", golds: ["", "  "]))  // an empty gold matches nothing
}

@Test func goldInPassagesIsACaseInsensitiveSearchOfTheJoinedPassages() {
  let passages = ["The Seine flows through PARIS.", "Lyon is south."]
  #expect(
    LenientMatch.firstGoldInPassages(golds: ["Rome", "paris"], passages: passages) == "paris")
  #expect(LenientMatch.firstGoldInPassages(golds: ["", "Rome"], passages: passages) == nil)
  // Golds are lowercased but not trimmed, as in get_dpo_data.py.
  #expect(LenientMatch.firstGoldInPassages(golds: [" Lyon  "], passages: passages) == nil)
}

@Test func dpoJSONLHasExactlyPromptChosenAndRejectedPerLine() throws {
  let pairs = [
    DPOPair(
      prompt: "<|im_start|>system\nAnswer.<|im_end|>\n<|im_start|>user\nQuestion: \"Zürich\"?\n",
      chosen: "Zürich 🇨🇭", rejected: "I don't know.", promptOrder: 3),
    DPOPair(prompt: "a/b\\c\t", chosen: "", rejected: "x\ny", promptOrder: 0),
  ]
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("dpo-\(UInt64.random(in: 0...UInt64.max)).jsonl")
  defer { try? FileManager.default.removeItem(at: url) }
  try DPOJSONL.write(pairs, to: url)
  let data = try Data(contentsOf: url)
  let text = try #require(String(data: data, encoding: .utf8))
  #expect(text.hasSuffix("\n"))
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
  #expect(lines.count == pairs.count)
  for (line, expected) in zip(lines, pairs) {
    let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
    let fields = try #require(object as? [String: Any])
    #expect(Set(fields.keys) == ["prompt", "chosen", "rejected"])
    #expect(fields["prompt"] as? String == expected.prompt)
    #expect(fields["chosen"] as? String == expected.chosen)
    #expect(fields["rejected"] as? String == expected.rejected)
  }
}
