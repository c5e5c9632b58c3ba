import Store

/// Turns a prompt's measured attention into the rows stored with its trial.
enum AttentionRows {
  /// One row per (passage slot, layer quarter) from `[layer][passage]` masses: slots are 1-based
  /// prompt positions, each mass the mean over the quarter's layers (`LayerQuarters`); none for
  /// nil (nothing measured) or a prompt without passages.
  static func of(_ perLayer: [[Float]]?) -> [AttentionMassRecord] {
    guard let perLayer else { return [] }
    return LayerQuarters.means(perLayer).flatMap { quarter, masses in
      masses.enumerated().map { slot, mass in
        AttentionMassRecord(slot: slot + 1, quarter: quarter, mass: mass)
      }
    }
  }
}
