import Foundation
import Testing

@testable import Experiments

/// Reference p-values written once by scripts/stats-fixtures.py (scipy's exact binomial test for
/// McNemar, Holm's adjustment by its definition, checked by hand).
struct StatisticsReference: Decodable {
  /// One 2×2 table's discordant counts and its exact two-sided p-value.
  struct Table: Decodable {
    let b: Int
    let c: Int
    let p: Double
  }
  /// One p-vector and its Holm-adjusted values.
  struct HolmCase: Decodable {
    let p: [Double]
    let adjusted: [Double]
  }
  let mcnemar: [Table]
  let holm: [HolmCase]

  /// Reads Tests/ExperimentsTests/Fixtures/statistics-reference.json.
  static func load() throws -> StatisticsReference {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/statistics-reference.json")
    return try JSONDecoder().decode(StatisticsReference.self, from: Data(contentsOf: url))
  }
}

/// Whether `value` is within 1e-12 of `reference`, relative.
private func close(_ value: Double, _ reference: Double) -> Bool {
  abs(value - reference) <= 1e-12 * abs(reference)
}

@Test func mcNemarExactPValuesEqualScipyBinomialTest() throws {
  let reference = try StatisticsReference.load()
  #expect(reference.mcnemar.count >= 6)
  for table in reference.mcnemar {
    let p = McNemar.exactPValue(table.b, table.c)
    #expect(close(p, table.p), "(b, c) = (\(table.b), \(table.c)): \(p) vs scipy \(table.p)")
  }
}

@Test func mcNemarIsSymmetricAndRefusesNegativeCounts() {
  #expect(McNemar.exactPValue(3, 17) == McNemar.exactPValue(17, 3))
  #expect(McNemar.exactPValue(-1, 4).isNaN)
}

@Test func mcNemarKeepsPrecisionFarInTheTail() {
  // 2 · 2^−1000: the whole mass sits in the one term X = 0.
  let p = McNemar.exactPValue(0, 1000)
  #expect(p > 0)
  #expect(close(p, 0x1p-999))
}

@Test func discordantCountsTellWhichSideAloneWasRight() {
  let a = [true, true, false, false, true]
  let b = [true, false, true, true, false]
  let counts = McNemar.discordant(a, b)
  #expect(counts.onlyA == 2 && counts.onlyB == 2)
  #expect(McNemar.discordant([true, false], [true, true]) == (onlyA: 0, onlyB: 1))
}

@Test func holmAdjustmentEqualsReferenceVectors() throws {
  let reference = try StatisticsReference.load()
  #expect(reference.holm.count >= 2)
  for item in reference.holm {
    let adjusted = Holm.adjust(item.p)
    #expect(adjusted.count == item.adjusted.count)
    for (value, expected) in zip(adjusted, item.adjusted) {
      #expect(close(value, expected), "Holm of \(item.p): \(adjusted) vs \(item.adjusted)")
    }
  }
}

@Test func holmLeavesNaNOutOfTheFamily() {
  let adjusted = Holm.adjust([0.02, .nan, 0.04])
  #expect(adjusted[1].isNaN)
  #expect(close(adjusted[0], 0.04) && close(adjusted[2], 0.04))
}

@Test func pairedBootstrapOfIdenticalColumnsIsZeroWide() {
  let scores: [Double] = [1, 0, 1, 1, 0, 0.5, 0.25, 1]
  let (interval, _) = Bootstrap.pairedDifference(scores, scores, seed: 11)
  #expect(interval.mean == 0 && interval.lower == 0 && interval.upper == 0)
  #expect(interval.n == scores.count)
}

@Test func pairedBootstrapOfAConstantDifferenceIsThatDifference() {
  let a: [Double] = [0, 0.25, 0.5, 0.75, 0, 0.5, 0.25]
  let (exact, _) = Bootstrap.pairedDifference(a, a.map { $0 + 0.25 }, seed: 5)
  #expect(exact.mean == 0.25 && exact.lower == 0.25 && exact.upper == 0.25)
  let (all, _) = Bootstrap.pairedDifference([0, 0, 0], [1, 1, 1], seed: 5)
  #expect(all.lower == 1 && all.upper == 1)
  // 0.1 has no exact binary form: sums of it are off in the last bits, the interval is not.
  let (tenth, _) = Bootstrap.pairedDifference(a, a.map { $0 - 0.1 }, seed: 5)
  #expect(abs(tenth.lower + 0.1) < 1e-12 && abs(tenth.upper + 0.1) < 1e-12)
}
