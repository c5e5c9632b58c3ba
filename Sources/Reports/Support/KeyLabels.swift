/// How condition keys read in legends and Findings: a template per key name with `{}` for the value.
enum KeyLabels {
  /// The module keys' templates: `bm25`, `10 passages`, `bm25 negatives`, `interleave`.
  static let standard = [
    "retriever": "{}", "total": "{} passages", "source": "{} negatives", "strategy": "{}",
  ]

  /// `keys` through `templates`, joined by commas; a key without a template reads
  /// `name<separator>value` (`order=reverse`, or `k = 5` with `separator: " = "`). A value listed
  /// in `values` (key → value → label, `ModuleReport.valueLabels`) reads as its label.
  static func text(
    _ keys: [ConditionKey], templates: [String: String], separator: String = "=",
    values: [String: [String: String]] = [:]
  ) -> String {
    keys.map { key in
      let value = values[key.name]?[key.value] ?? key.value
      return templates[key.name].map { $0.replacingOccurrences(of: "{}", with: value) }
        ?? "\(key.name)\(separator)\(value)"
    }
    .joined(separator: ", ")
  }
}
