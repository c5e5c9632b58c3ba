/// What an experiment's attention diagnostics show: per number of passages shown, the mean mass
/// the last prompt position puts on each passage slot per layer quarter, beside accuracy by the
/// gold passage's slot.
public struct AttentionSummary: Sendable, Equatable, Codable {
  /// Trials with attention rows.
  public var measuredTrials: Int
  /// All trials of the experiment.
  public var trials: Int
  /// One profile per number of passages shown (2 or more), ascending.
  public var profiles: [AttentionProfile]

  /// Creates a summary.
  public init(measuredTrials: Int, trials: Int, profiles: [AttentionProfile]) {
    self.measuredTrials = measuredTrials
    self.trials = trials
    self.profiles = profiles
  }
}

/// Attention by slot for the measured trials that showed `slots` passages.
public struct AttentionProfile: Sendable, Equatable, Codable {
  /// Passages shown (slots 1…`slots`).
  public var slots: Int
  /// Measured trials that showed this many passages.
  public var trials: Int
  /// One curve per layer quarter measured, in order.
  public var quarters: [QuarterMass]
  /// Accuracy (SubEM) by the gold passage's slot over all trials that showed this many passages,
  /// for modules that place the gold passage; empty otherwise.
  public var accuracy: [SlotAccuracy]

  /// Creates a profile.
  public init(slots: Int, trials: Int, quarters: [QuarterMass], accuracy: [SlotAccuracy] = []) {
    self.slots = slots
    self.trials = trials
    self.quarters = quarters
    self.accuracy = accuracy
  }
}

/// The mean attention mass on each slot for one layer quarter.
public struct QuarterMass: Sendable, Equatable, Codable {
  /// 1 (input side) … 4 (output side).
  public var quarter: Int
  /// Mean mass on slot i + 1 at index i.
  public var mass: [Double]

  /// Creates a curve.
  public init(quarter: Int, mass: [Double]) {
    self.quarter = quarter
    self.mass = mass
  }
}

/// Accuracy of the trials whose gold passage sat at one slot.
public struct SlotAccuracy: Sendable, Equatable, Codable {
  /// The gold passage's 1-based slot.
  public var slot: Int
  /// Correct / trials with a 95 % interval from resampling questions.
  public var estimate: Estimate
  /// Questions with a trial at this slot.
  public var n: Int

  /// Creates a point.
  public init(slot: Int, estimate: Estimate, n: Int) {
    self.slot = slot
    self.estimate = estimate
    self.n = n
  }
}
