import Foundation

/// Decoding of the JSON columns of the results tables (condition keys, trial metrics, passage ids).
enum StoredValues {
  /// `{"k":4,"retriever":"bm25"}` → `[("k","4"), ("retriever","bm25")]` (sorted; order later).
  static func keys(_ json: String) -> [ConditionKey] {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    else { return [] }
    return object.keys.sorted().map { ConditionKey($0, text(object[$0]!)) }
  }

  /// `{"em":1,"f1":0.5,"subem":1,"matcher":"…"}` → the numeric entries.
  static func metrics(_ json: String) -> [String: Double] {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    else { return [:] }
    var result: [String: Double] = [:]
    for (name, value) in object {
      if let number = value as? NSNumber, !(value is String) { result[name] = number.doubleValue }
    }
    return result
  }

  /// `["3-1","7-0"]` → the ids.
  static func passageIDs(_ json: String) -> [String] {
    (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
  }

  /// Orders key names outer loop first: the key whose value changes least often along the stored
  /// condition order comes first (`retriever` before `k`); ties put text-valued keys first.
  static func orderedNames(_ conditions: [[ConditionKey]]) -> [String] {
    var changes: [String: Int] = [:]
    var numeric: [String: Bool] = [:]
    for keys in conditions {
      for key in keys {
        changes[key.name, default: 0] += 0
        numeric[key.name] = (numeric[key.name] ?? true) && Double(key.value) != nil
      }
    }
    for (previous, next) in zip(conditions, conditions.dropFirst()) {
      for key in next where previous.first(where: { $0.name == key.name })?.value != key.value {
        changes[key.name, default: 0] += 1
      }
    }
    return changes.keys.sorted { a, b in
      if changes[a]! != changes[b]! { return changes[a]! < changes[b]! }
      if numeric[a]! != numeric[b]! { return !numeric[a]! }
      return a < b
    }
  }

  /// A JSON scalar as text: integral numbers without a decimal point.
  private static func text(_ value: Any) -> String {
    if let string = value as? String { return string }
    if let number = value as? NSNumber {
      let double = number.doubleValue
      if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
      return "\(double)"
    }
    return "\(value)"
  }
}
