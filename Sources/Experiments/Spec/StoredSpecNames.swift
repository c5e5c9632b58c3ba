import Yams

/// The module and dataset names read from a stored spec's YAML without validating it, for
/// experiments stored before these names had columns of their own: a later schema must never make
/// an old experiment lose its dataset (and so its recall) in reports.
public enum StoredSpecNames {
  /// `module.name` of the YAML (nil when absent or unreadable).
  public static func module(in yaml: String) -> String? { name(under: "module", in: yaml) }

  /// `dataset.name` of the YAML (nil when absent or unreadable).
  public static func dataset(in yaml: String) -> String? { name(under: "dataset", in: yaml) }

  /// The string at `key.name` of the top-level mapping.
  private static func name(under key: String, in yaml: String) -> String? {
    guard let root = (try? Yams.compose(yaml: yaml))??.mapping,
      let section = root[key]?.mapping
    else { return nil }
    return section["name"]?.string
  }
}
