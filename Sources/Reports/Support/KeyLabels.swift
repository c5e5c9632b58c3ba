/// How condition keys read in legends and Findings: a template per key name with `{}` for the value.
enum KeyLabels {
  /// The module keys' templates: `bm25`, `10 passages`, `bm25 negatives`.
  static let standard = ["retriever": "{}", "total": "{} passages", "source": "{} negatives"]

  /// `keys` through `templates`, joined by commas; a key without a template reads
  /// `name<separator>value` (`order=reverse`, or `k = 5` with `separator: " = "`).
  static func text(
    _ keys: [ConditionKey], templates: [String: String], separator: String = "="
  ) -> String {
    keys.map { key in
      templates[key.name].map { $0.replacingOccurrences(of: "{}", with: key.value) }
        ?? "\(key.name)\(separator)\(key.value)"
    }
    .joined(separator: ", ")
  }
}
