/// One condition in a Findings group: its index in the summary, and the value of the key that
/// varies within the group.
struct FindingMember: Sendable {
  /// Index in `ExperimentSummary.conditions` (the index `TrialOutcome.condition` holds).
  var index: Int
  /// The condition.
  var condition: ConditionSummary
  /// The varying key's value as stored (`5`, `bm25`).
  var value: String
  /// The value as a number, when it is one.
  var x: Double?
}

/// Conditions that share every key but one — the one a sentence walks along (a position, a
/// negative source, a strategy).
struct FindingGroup: Sendable {
  /// The shared keys, in condition order.
  var keys: [ConditionKey]
  /// The shared keys whose values differ from another group's: what tells this group apart.
  var varyingKeys: [ConditionKey]
  /// The members, by increasing number when every value is numeric, else in condition order.
  var members: [FindingMember]

  /// The varying keys as a sentence reads them (`20 passages`, `bm25, k = 5`); empty for one group.
  func label(excluding names: Set<String> = []) -> String {
    KeyLabels.text(
      varyingKeys.filter { !names.contains($0.name) }, templates: KeyLabels.standard,
      separator: " = ")
  }

  /// `With 20 passages, ` (empty without a label), to open a sentence.
  func opening(excluding names: Set<String> = []) -> String {
    let label = label(excluding: names)
    return label.isEmpty ? "" : "With \(label), "
  }

  /// The value of the shared key `name`, if the group has it.
  func value(of name: String) -> String? { keys.first { $0.name == name }?.value }
}

extension ExperimentSummary {
  /// The conditions that carry `key`, grouped by their other keys (baselines — conditions that
  /// carry `baselineKey` — left out), groups in order of first appearance.
  func findingGroups(varying key: String, baselineKey: String) -> [FindingGroup] {
    var groups: [FindingGroup] = []
    for (index, condition) in conditions.enumerated() {
      guard condition.value(of: baselineKey) == nil, let value = condition.value(of: key) else {
        continue
      }
      let shared = condition.keys.filter { $0.name != key }
      let member = FindingMember(index: index, condition: condition, value: value, x: Double(value))
      if let g = groups.firstIndex(where: { $0.keys == shared }) {
        groups[g].members.append(member)
      } else {
        groups.append(FindingGroup(keys: shared, varyingKeys: [], members: [member]))
      }
    }
    for g in groups.indices {
      groups[g].varyingKeys = groups[g].keys.filter { key in
        groups.contains { other in other.value(of: key.name) != key.value }
      }
      if groups[g].members.allSatisfy({ $0.x != nil }) {
        groups[g].members.sort { ($0.x ?? 0) < ($1.x ?? 0) }
      }
    }
    return groups
  }
}
