import Foundation
import Testing
import Yams

@testable import Experiments

/// `text` decoded from YAML as a selection.
private func selection(_ text: String) throws -> HiddenLayerSelection {
  try YAMLDecoder().decode(HiddenLayerSelection.self, from: text)
}

@Test func layerSelectionsDecodeFromTheWordsLastAndAllOrAListMixingNumbersAndLast() throws {
  #expect(try selection("last") == .last)
  #expect(try selection("all") == .all)
  #expect(
    try selection("[5, 10, last]") == .layers([.index(5), .index(10), .last]))
  #expect(throws: (any Error).self) { try selection("first") }
  #expect(throws: (any Error).self) { try selection("[5, lastt]") }
}

@Test func layerSelectionsEncodeBackToTheirYAMLWords() throws {
  let written = JSONText.encode([HiddenLayerSelection.last, .all, .layers([.index(3), .last])])
  #expect(written == #"["last","all",[3,"last"]]"#)
}

@Test func selectionsResolveToSortedDistinctEngineLayers() throws {
  // SmolLM2-135M: 30 blocks, so the final-norm output is layer 31.
  #expect(try HiddenLayerSelection.last.resolve(blockCount: 30) == [31])
  #expect(try HiddenLayerSelection.all.resolve(blockCount: 30) == Array(1...31))
  let list = HiddenLayerSelection.layers([.index(25), .last, .index(5), .index(31), .index(0)])
  #expect(try list.resolve(blockCount: 30) == [0, 5, 25, 31])
}

@Test func anOutOfRangeLayerIsAnErrorNamingTheKeyAndTheValidRange() throws {
  for bad in [32, -1] {
    do {
      _ = try HiddenLayerSelection.layers([.index(bad)]).resolve(blockCount: 30)
      Issue.record("layer \(bad) was accepted")
    } catch let error as RunError {
      #expect(error.description.contains("module.layers"))
      #expect(error.description.contains("layer \(bad) is outside 0…31"))
    }
  }
}
