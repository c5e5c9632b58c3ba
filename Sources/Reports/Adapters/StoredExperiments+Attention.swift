import Experiments
import Store

extension ModuleReport {
  /// Whether the module places the gold passage on purpose, so accuracy by the gold passage's slot
  /// is a measurement rather than a property of the retriever's ranking: it draws a figure along
  /// the gold position.
  var placesGold: Bool {
    figures.contains { figure in
      switch figure {
      case .goldPosition: return true
      case .line(let line): return line.xKey == "gold_position"
      default: return false
      }
    }
  }
}

extension StoredExperiments {
  /// The experiment's attention diagnostics (nil when no trial has any): the mean mass per slot
  /// and layer quarter over the measured trials with the same number of passages (2 or more),
  /// and, when `report` places the gold passage, accuracy by its slot among all trials with that
  /// many passages (per-question ratios, `Bootstrap.ratioInterval`).
  func attentionSummary(experimentId: Int64, report: ModuleReport?, dataset: String?) throws
    -> AttentionSummary?
  {
    let measured = try store.attentionTrialCount(experimentId: experimentId)
    guard measured > 0 else { return nil }
    // trial → quarter → slot → mass
    var byTrial: [Int64: [Int: [Int: Double]]] = [:]
    for row in try store.attention(experimentId: experimentId) {
      byTrial[row.trialId, default: [:]][row.quarter, default: [:]][row.slot] = row.mass
    }
    var sums: [Int: (trials: Int, mass: [Int: [Double]])] = [:]  // slots → totals
    for quarters in byTrial.values {
      let slots = quarters.values.map { $0.keys.max() ?? 0 }.max() ?? 0
      guard slots >= 2 else { continue }
      var entry = sums[slots] ?? (0, [:])
      entry.trials += 1
      for (quarter, masses) in quarters {
        var total = entry.mass[quarter] ?? [Double](repeating: 0, count: slots)
        for (slot, mass) in masses where (1...slots).contains(slot) { total[slot - 1] += mass }
        entry.mass[quarter] = total
      }
      sums[slots] = entry
    }
    let accuracy =
      report?.placesGold == true
      ? try accuracyBySlot(experimentId: experimentId, dataset: dataset) : [:]
    let profiles = sums.keys.sorted().map { slots in
      let entry = sums[slots]!
      return AttentionProfile(
        slots: slots, trials: entry.trials,
        quarters: entry.mass.keys.sorted().map { quarter in
          QuarterMass(
            quarter: quarter, mass: entry.mass[quarter]!.map { $0 / Double(entry.trials) })
        }, accuracy: accuracy[slots] ?? [])
    }
    return AttentionSummary(
      measuredTrials: measured, trials: try store.trialCount(experimentId: experimentId),
      profiles: profiles)
  }

  /// Per number of passages shown, accuracy by the gold passage's slot (trials without a gold
  /// passage shown are left out).
  private func accuracyBySlot(experimentId: Int64, dataset: String?) throws -> [Int: [SlotAccuracy]]
  {
    // passages shown → gold slot → question → (correct, trials)
    var tally: [Int: [Int: [String: (numerator: Double, denominator: Double)]]] = [:]
    for (index, condition) in try store.conditions(experimentId: experimentId).enumerated() {
      let trials = try store.trials(conditionId: condition.id ?? -1)
      let outcomes = try self.outcomes(of: trials, condition: index, dataset: dataset)
      for (trial, outcome) in zip(trials, outcomes) {
        guard let slot = outcome.goldPosition else { continue }
        let shown = StoredValues.passageIDs(trial.passageIdsJSON).count
        var part = tally[shown, default: [:]][slot, default: [:]][outcome.questionID] ?? (0, 0)
        part.denominator += 1
        if outcome.correct { part.numerator += 1 }
        tally[shown, default: [:]][slot, default: [:]][outcome.questionID] = part
      }
    }
    return tally.mapValues { bySlot in
      bySlot.keys.sorted().map { slot in
        let parts = bySlot[slot]!.sorted { $0.key < $1.key }.map(\.value)
        let interval = Bootstrap.ratioInterval(parts, seed: bootstrapSeed)
        return SlotAccuracy(
          slot: slot,
          estimate: Estimate(interval),
          n: interval.n)
      }
    }
  }
}
