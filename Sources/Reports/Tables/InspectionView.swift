import Foundation

/// `raglab inspect` output: one question, its gold answers, and every condition's trial.
public enum InspectionView {
  /// Readable text: header, then one block per condition (passages in prompt order, answer, scores).
  public static func text(_ inspection: QuestionInspection) -> String {
    var lines = [
      "question \(inspection.questionID) (experiment \(inspection.experiment))",
      "  \(inspection.question)",
      "gold answers: "
        + (inspection.goldAnswers.isEmpty
          ? "unknown" : inspection.goldAnswers.map { "\"\($0)\"" }.joined(separator: ", ")),
    ]
    if !inspection.goldPassageIDs.isEmpty {
      lines.append("gold passages: " + inspection.goldPassageIDs.joined(separator: ", "))
    }
    let gold = Set(inspection.goldPassageIDs)
    for trial in inspection.trials {
      lines.append("")
      lines.append(trial.keys.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))
      let passages = trial.passageIDs.map { gold.contains($0) ? "\($0)*" : $0 }
      lines.append("  passages: " + (passages.isEmpty ? "(none)" : passages.joined(separator: " ")))
      lines.append("  answer:   " + answerLine(trial.answer))
      lines.append("  scores:   " + scores(trial.metrics))
    }
    if !gold.isEmpty { lines += ["", "(* marks a gold passage)"] }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The inspection as pretty-printed JSON.
  public static func json(_ inspection: QuestionInspection) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let data = (try? encoder.encode(inspection)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The answer quoted on one line (line breaks shown as `⏎`).
  private static func answerLine(_ answer: String) -> String {
    "\"" + answer.replacingOccurrences(of: "\n", with: "⏎") + "\""
  }

  /// `subem 1  em 0  f1 0.800`, standard metrics first.
  private static func scores(_ metrics: [String: Double]) -> String {
    let names =
      ["subem", "em", "f1"].filter { metrics[$0] != nil }
      + metrics.keys.filter { !["subem", "em", "f1"].contains($0) }.sorted()
    return names.map { name in
      let value = metrics[name]!
      return "\(name) "
        + (value == value.rounded() ? String(Int(value)) : NumberFormat.fixed(value))
    }.joined(separator: "  ")
  }
}
