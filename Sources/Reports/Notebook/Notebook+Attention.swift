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
    var lines = [
      "## Where does the model look?", "",
      "Attention diagnostics cover \(attention.measuredTrials) of \(attention.trials) trials: "
        + "the attention weight the last prompt token (the one that predicts the first answer "
        + "token) puts on each passage's tokens, averaged over heads and over the layers of each "
        + "quarter of the model (layers split into four contiguous groups, the first L mod 4 one "
        + "layer larger; Q1 is the input side). The rest of the weight falls on the instruction, "
        + "the question and the chat markup.", "",
    ]
    let sentences = attention.profiles.map(Self.attentionSentence)
    if !sentences.isEmpty { lines += [sentences.joined(separator: " "), ""] }
    for png in images where png.hasSuffix(".png") && isAttentionImage(png) {
      lines += imageLines(png) + [""]
    }
    return lines
  }

  /// "With 10 passages (40 trials), the most attended slot is 1 in Q1 (0.123), …; in Q4 slot 1
  /// gets 0.120 and slot 10 0.080 against 0.030 on average between them. Accuracy is highest …".
  static func attentionSentence(_ profile: AttentionProfile) -> String {
    let peaks = profile.quarters.map { curve -> String in
      let best = curve.mass.indices.max { curve.mass[$0] < curve.mass[$1] } ?? 0
      return "\(best + 1) in Q\(curve.quarter) (\(NumberFormat.fixed(curve.mass[best])))"
    }
    var text =
      "With \(profile.slots) passages (\(profile.trials) trials), the most attended slot is "
      + peaks.joined(separator: ", ")
    if let last = profile.quarters.last, last.mass.count >= 3 {
      let middle = last.mass.dropFirst().dropLast()
      let mean = middle.reduce(0, +) / Double(middle.count)
      text +=
        "; in Q\(last.quarter) slot 1 gets \(NumberFormat.fixed(last.mass[0])) and slot \(last.mass.count) "
        + "\(NumberFormat.fixed(last.mass[last.mass.count - 1])) against \(NumberFormat.fixed(mean)) on average between them"
    }
    text += "."
    let points = profile.accuracy.filter { !$0.estimate.value.isNaN }
    if let best = points.max(by: { $0.estimate.value < $1.estimate.value }),
      let worst = points.min(by: { $0.estimate.value < $1.estimate.value }), points.count > 1
    {
      text +=
        " Accuracy is highest with the gold passage at slot \(best.slot) "
        + "(\(NumberFormat.fixed(best.estimate.value))) and lowest at slot \(worst.slot) "
        + "(\(NumberFormat.fixed(worst.estimate.value)))."
    }
    return text
  }
}
