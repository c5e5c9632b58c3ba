/// A table of measures a module asks the notebook to compute from the stored trials.
public enum TableSpec: Codable, Sendable, Equatable {
  /// The permutation measures of each passage set — the conditions sharing the values of
  /// `setKeys` — one row each: questions, trials, mean / best-order / worst-order accuracy,
  /// sensitivity rate (with 95 % intervals over questions), mean distinct answers, answer entropy
  /// and majority share (`PermutationMeasures`).
  case orderMeasures(setKeys: [String])
}
