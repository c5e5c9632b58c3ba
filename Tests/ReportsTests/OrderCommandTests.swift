import Testing

@Test func orderPrintsInterleaveForFivePassagesAsRetrievalRanks() throws {
  let text = try RaglabProcess.run(["order", "--strategy", "interleave", "--k", "5"])
  #expect(text.status == 0, "\(text.errors)")
  #expect(text.output == "[1, 3, 5, 4, 2]\n")
  let json = try RaglabProcess.run([
    "order", "--strategy", "long_context_reorder", "--k", "6", "--json",
  ])
  #expect(json.status == 0, "\(json.errors)")
  #expect(json.output == "[2,4,6,5,3,1]\n")
}

@Test func orderRejectsUnknownAndQuestionDependentStrategiesWithTheFix() throws {
  let unknown = try RaglabProcess.run(["order", "--strategy", "zigzag", "--k", "5"])
  #expect(unknown.status == 64)
  #expect(
    unknown.errors.contains(
      "unknown strategy 'zigzag'; known: retrieval, reverse, random, interleave, "
        + "long_context_reorder, gold_first, gold_last, attention, first_token"),
    "\(unknown.errors)")
  let random = try RaglabProcess.run(["order", "--strategy", "random", "--k", "5"])
  #expect(random.status == 64 && random.errors.contains("give --seed S"), "\(random.errors)")
  let oracle = try RaglabProcess.run(["order", "--strategy", "gold_first", "--k", "5"])
  #expect(oracle.status == 64 && oracle.errors.contains("depends on the question"))
  let zero = try RaglabProcess.run(["order", "--strategy", "reverse", "--k", "0"])
  #expect(zero.status == 64 && zero.errors.contains("--k must be in 1...1024 (got 0)"))
}
