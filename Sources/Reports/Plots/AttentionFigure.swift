import Experiments

/// "Where does the model look?": the mean attention mass the last prompt position puts on each
/// passage slot, one curve per layer quarter, above accuracy by the gold passage's slot (when the
/// module places the gold passage) on the same x axis.
public struct AttentionFigure: GnuplotFigure, Equatable {
  /// The experiment's name (names the plot folder).
  public var experiment: String
  /// The trials with one number of passages.
  public var profile: AttentionProfile

  /// The figure of `profile` of experiment `experiment`.
  public init(experiment: String, profile: AttentionProfile) {
    self.experiment = experiment
    self.profile = profile
  }

  /// `attention-by-slot-k<slots>`.
  public var stem: String { Self.stemPrefix + "\(profile.slots)" }

  /// What every attention figure's stem starts with.
  public static let stemPrefix = "attention-by-slot-k"

  /// The title's question.
  public var title: String {
    "Where does the model look? Attention of the last prompt token by passage slot "
      + "(\(profile.slots) passages)"
  }

  /// Whether the accuracy panel is drawn.
  var drawsAccuracy: Bool { !profile.accuracy.isEmpty }

  /// One index block per layer quarter (`slot mass`), then, with accuracy, one block
  /// `slot subem subem_low subem_high n`.
  public func dataText() -> String {
    var blocks: [[String]] = profile.quarters.map { curve in
      [GnuplotText.comment("layer quarter \(curve.quarter): slot mean_mass")]
        + curve.mass.enumerated().map { "\($0 + 1) \(Self.number($1))" }
    }
    if drawsAccuracy {
      blocks.append(
        [GnuplotText.comment("accuracy by gold slot: slot subem subem_low subem_high n")]
          + profile.accuracy.map { point in
            ([point.slot].map(String.init)
              + [point.estimate.value, point.estimate.low, point.estimate.high].map(Self.number)
              + ["\(point.n)"]).joined(separator: " ")
          })
    }
    var lines = [
      GnuplotText.comment(
        "raglab attention diagnostics for experiment \(experiment), \(profile.trials) measured "
          + "trials showing \(profile.slots) passages; \"?\" marks an unknown value")
    ]
    for (index, block) in blocks.enumerated() {
      lines += (index > 0 ? ["", ""] : []) + block
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A quarter's legend entry, e.g. `layers Q1 (input side)`.
  static func quarterName(_ quarter: Int) -> String {
    let side =
      quarter == 1 ? " (input side)" : quarter == LayerQuarters.count ? " (output side)" : ""
    return "layers Q\(quarter)\(side)"
  }
}

extension ExperimentSummary {
  /// One attention figure per number of passages shown (2 or more), when the experiment measured
  /// attention; none otherwise.
  public var attentionFigures: [AttentionFigure] {
    (attention?.profiles ?? []).map { AttentionFigure(experiment: name, profile: $0) }
  }
}
