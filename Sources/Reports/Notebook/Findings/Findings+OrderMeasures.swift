/// What the orders of one passage set change: sensitivity, best and worst orders, distinct answers.
extension Findings {
  /// Per passage set, three sentences from `PassageSetMeasures` (the Design table's numbers):
  /// the sensitivity rate, mean / best-order / worst-order accuracy, and the mean number of
  /// distinct answers. Sets are named only when there are several. Nothing without trial outcomes.
  static func orderMeasures(setKeys: [String], _ summary: ExperimentSummary) -> [String] {
    let sets = summary.passageSets(setKeys: setKeys).compactMap { PassageSetMeasures($0) }
    return sets.flatMap { set -> [String] in
      let varying = set.keys.filter { key in
        sets.contains { $0.keys.first { $0.name == key.name }?.value != key.value }
      }
      let label = KeyLabels.text(varying, templates: KeyLabels.standard, separator: " = ")
      let opening = label.isEmpty ? "" : "With \(label), "
      let orders = set.ordersPerQuestion.map { "its \($0) orders" } ?? "its orders"
      return [
        opening + "the sensitivity rate is \(NumberFormat.withInterval(set.sensitivityRate)): "
          + "the share of the \(set.questions) questions right in some orders and wrong in others.",
        opening + "mean accuracy over orders is \(NumberFormat.withInterval(set.meanAccuracy)); "
          + "each question's best order gives \(NumberFormat.withInterval(set.bestOrderAccuracy)) "
          + "and its worst \(NumberFormat.withInterval(set.worstOrderAccuracy)).",
        opening + "a question gets \(NumberFormat.fixed(set.distinctAnswers)) distinct answers "
          + "over \(orders) on average.",
      ].map(capitalised)
    }
  }
}
