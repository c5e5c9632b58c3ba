import Foundation

extension Notebook {
  /// Whether `image` is an attention-by-slot figure (shown in the attention section, not Plots).
  func isAttentionImage(_ image: String) -> Bool {
    URL(fileURLWithPath: image).lastPathComponent.hasPrefix(AttentionFigure.stemPrefix)
  }

  /// "Where does the model look?": how attention was measured, one sentence of numbers per number
  /// of passages shown, and the attention figures; nothing without attention diagnostics.
  func attentionSection() -> [String] {
    guard let attention = summary.attention else { return [] }
    let coverage =
      attention.measuredTrials == attention.trials
      ? "all \(attention.trials) trials"
      : "\(attention.measuredTrials) of \(attention.trials) trials (a trial without passages has "
        + "nothing to measure)"
    var lines = [
      "## Where does the model look?", "",
      "Attention diagnostics cover \(coverage): the attention weight the last prompt token (the "
        + "one that predicts the first answer token) puts on each passage's tokens, averaged over "
        + "heads and over the layers of each quarter of the model (layers split into four "
        + "contiguous groups, the first L mod 4 one layer larger; Q1 is the input side). The rest "
        + "of the weight falls on the instruction, the question and the chat markup.", "",
    ]
    let sentences = attention.profiles.map(Self.attentionSentence)
    if !sentences.isEmpty { lines += [sentences.joined(separator: " "), ""] }
    for png in images where png.hasSuffix(".png") && isAttentionImage(png) {
      lines += imageLines(png) + [""]
    }
    return lines
  }

  /// "With 10 passages (40 trials), the most attended slot is 1 in Q1 (0.123), …; in Q4 slot 1
  /// gets 0.120 and slot 10 0.080 against 0.030 on average between them. Accuracy is highest
  /// (0.500) with the gold passage at slots 1 and 2 and lowest (0.000) at slot 5."
  static func attentionSentence(_ profile: AttentionProfile) -> String {
    let peaks = profile.quarters.map { curve -> String in
      let best = curve.mass.indices.max { curve.mass[$0] < curve.mass[$1] } ?? 0
      return "\(best + 1) in Q\(curve.quarter) (\(NumberFormat.fixed(curve.mass[best])))"
    }
    var text =
      "With \(profile.slots) passages (\(profile.trials) trials), the most attended slot is "
      + Findings.list(peaks)
    if let last = profile.quarters.last, last.mass.count >= 3 {
      let middle = last.mass.dropFirst().dropLast()
      let first = NumberFormat.fixed(last.mass[0])
      let end = NumberFormat.fixed(last.mass[last.mass.count - 1])
      let between = NumberFormat.fixed(middle.reduce(0, +) / Double(middle.count))
      text +=
        "; in Q\(last.quarter) slot 1 gets \(first) and slot \(last.mass.count) \(end) against "
        + "\(between) on average between them"
    }
    text += "."
    let points = profile.accuracy.filter { !$0.estimate.value.isNaN }
    let values = points.map(\.estimate.value)
    if let high = values.max(), let low = values.min(), high > low {
      func slots(_ value: Double) -> String {
        let matching = points.filter { $0.estimate.value == value }.map { "\($0.slot)" }
        return (matching.count == 1 ? "slot " : "slots ") + Findings.list(matching)
      }
      text +=
        " Accuracy is highest (\(NumberFormat.fixed(high))) with the gold passage at "
        + "\(slots(high)) and lowest (\(NumberFormat.fixed(low))) at \(slots(low))."
    }
    return text
  }
}
