import Store
import Testing

@testable import Experiments

@Test func segmentSpansFollowAppendsAndRewinds() {
  var spans = SegmentSpans()
  spans.record(0..<5)  // header: 5 tokens
  spans.record(5..<8)  // passage 1: 3 tokens
  spans.record(8..<12)  // passage 2: 4 tokens
  #expect(spans.ranges == [0..<5, 5..<8, 8..<12])
  spans.truncate(to: 8)  // back to the checkpoint after passage 1
  #expect(spans.ranges == [0..<5, 5..<8])
  spans.record(8..<10)  // tail: 2 tokens
  spans.truncate(to: 6)  // a cut inside passage 1 shortens it
  #expect(spans.ranges == [0..<5, 5..<6])
  spans.record(9..<11)  // after 3 generated tokens that were not rewound
  #expect(spans.ranges == [0..<5, 5..<6, 9..<11])
  spans.truncate(to: 0)
  #expect(spans.ranges.isEmpty)
}

@Test func layerQuartersSplitLayersIntoFourContiguousGroupsLargestFirst() {
  // 30 layers (SmolLM2-135M): 8, 8, 7, 7.
  #expect(LayerQuarters.ranges(layerCount: 30) == [0..<8, 8..<16, 16..<23, 23..<30])
  // 24 layers (Qwen2.5-0.5B): 6 each.
  #expect(LayerQuarters.ranges(layerCount: 24) == [0..<6, 6..<12, 12..<18, 18..<24])
  #expect(LayerQuarters.ranges(layerCount: 5) == [0..<2, 2..<3, 3..<4, 4..<5])
  #expect(LayerQuarters.ranges(layerCount: 2) == [0..<1, 1..<2, 2..<2, 2..<2])
}

@Test func layerQuarterMeansAverageTheLayersOfEachGroup() {
  // 5 layers × 2 slots; groups {0,1}, {2}, {3}, {4}.
  let perLayer: [[Float]] = [[1, 0], [3, 0.5], [5, 1], [7, 2], [9, 4]]
  let means = LayerQuarters.means(perLayer)
  #expect(means.map(\.quarter) == [1, 2, 3, 4])
  #expect(means.map(\.mass) == [[2, 0.25], [5, 1], [7, 2], [9, 4]])
  // Two layers: only quarters 1 and 2 have layers, so only they have a mean.
  #expect(LayerQuarters.means([[1], [2]]).map(\.quarter) == [1, 2])
}

@Test func attentionRowsAreOnePerSlotAndQuarterWithOneBasedSlots() {
  let perLayer: [[Float]] = Array(repeating: [0.5, 0.25, 0.125], count: 8)
  let rows = AttentionRows.of(perLayer)
  #expect(rows.count == 3 * 4)
  #expect(Set(rows.map(\.slot)) == [1, 2, 3] && Set(rows.map(\.quarter)) == [1, 2, 3, 4])
  #expect(rows.first { $0.slot == 2 && $0.quarter == 3 }?.mass == 0.25)
  #expect(AttentionRows.of(nil).isEmpty)
  #expect(AttentionRows.of(Array(repeating: [], count: 8)).isEmpty)  // closed book
}

@Test func unknownDiagnosticIsASpecErrorWithKeyPathLineAndTheKnownNames() throws {
  let yaml = validSpec + "\ndiagnostics: [atention]"
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  let problem = try #require(error.problems.first)
  #expect(problem.keyPath == "diagnostics[0]")
  #expect(problem.line == 19)
  #expect(problem.message.contains("unknown diagnostic 'atention' (did you mean 'attention'?)"))
  #expect(problem.message.contains("known: attention"))
}

@Test func attentionDiagnosticsWithTheOpenAIBackendAreASpecError() throws {
  let yaml =
    validSpec.replacingOccurrences(
      of: "  max_tokens: 24",
      with: "  max_tokens: 24\n  backend: openai\n  url: http://127.0.0.1:8080/v1")
    + "\ndiagnostics:\n  - attention"
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  #expect(error.problems.count == 1)
  let problem = try #require(error.problems.first)
  #expect(problem.keyPath == "diagnostics[0]")
  #expect(problem.line == 22)
  #expect(problem.message.contains("generator.backend: inprocess"))
}

@Test func diagnosticsEnterTheSpecHashOnlyWhenPresent() throws {
  let plain = try SpecLoader.parse(yaml: validSpec)
  let empty = try SpecLoader.parse(yaml: validSpec + "\ndiagnostics: []")
  let attention = try SpecLoader.parse(yaml: validSpec + "\ndiagnostics: [attention]")
  #expect(plain.spec.diagnostics == nil && !plain.spec.measuresAttention)
  #expect(empty.hash == plain.hash)
  #expect(attention.spec.measuresAttention)
  #expect(attention.hash != plain.hash)
}

@Test func attentionDiagnosticsOnAGeneratorWithoutAttentionStopBeforeAnythingIsStored() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let runner = try makeRunner(store, yaml: runnerSpecYAML + "\ndiagnostics: [attention]")
  #expect(throws: RunError.self) { try runner.run() }
  #expect(try store.experiments().isEmpty)
}
