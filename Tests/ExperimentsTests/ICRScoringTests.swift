import Testing

@testable import Experiments

@Test func icrDropsTokensMoreThanTwoDeviationsBelowTheirPassageMean() {
  // mean −1.1, sample sd √44.1 ≈ 6.641, threshold ≈ −14.38: the −20 goes, nine ones stay
  #expect(ICRScoring.filteredSum(Array(repeating: 1, count: 9) + [-20]) == 9)
  // mean 0.375, sd ≈ 0.177, threshold ≈ 0.021: both stay
  #expect(ICRScoring.filteredSum([0.5, 0.25]) == 0.75)
  // no spread: nothing lies above the threshold (the authors' code scores such a passage 0)
  #expect(ICRScoring.filteredSum([2, 2, 2]) == 0)
  #expect(ICRScoring.filteredSum([]) == 0)
}

@Test func icrSubtractsTheContentFreeAttentionTokenByToken() {
  let query: [Float] = [7, 0.9, 0.6, 0.5, 0.3, 0.2, 5]
  let contentFree: [Float] = [3, 0.4, 0.35, 0.1, 0.1, 0.1, 1]
  let scores = ICRScoring.passageScores(
    query: query, calibration: contentFree, spans: [1..<3, 3..<6])
  // [0.5, 0.25] → 0.75; [0.4, 0.2, 0.1]: mean 0.233, sd 0.153, threshold −0.072 → 0.7
  #expect(abs(scores[0] - 0.75) < 1e-6)
  #expect(abs(scores[1] - 0.7) < 1e-6)
}
