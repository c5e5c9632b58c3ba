import Yams

/// The module and dataset names read from a stored spec's YAML without validating it, for
/// experiments stored before these names had columns of their own: a later schema must never make
/// an old experiment lose its dataset (and so its recall) in reports.
public enum StoredSpecNames {
  /// `module.name` of the YAML (nil when absent or unreadable).
  public static func module(in yaml: String) -> String? { name(under: "module", in: yaml) }

  /// `dataset.name` of the YAML (nil when absent or unreadable).
  public static func dataset(in yaml: String) -> String? { name(under: "dataset", in: yaml) }

  /// `generator.model` of the YAML: the reader's file (or served name); nil when absent.
  public static func generatorModel(in yaml: String) -> String? {
    string(at: "generator", "model", in: yaml)
  }

  /// `generator.backend` of the YAML: `openai` for a server (nil when absent: the in-process
  /// default).
  public static func generatorBackend(in yaml: String) -> String? {
    string(at: "generator", "backend", in: yaml)
  }

  /// The string at `key.name` of the top-level mapping.
  private static func name(under key: String, in yaml: String) -> String? {
    string(at: key, "name", in: yaml)
  }

  /// The string at `section.field` of the top-level mapping.
  private static func string(at section: String, _ field: String, in yaml: String) -> String? {
    guard let root = (try? Yams.compose(yaml: yaml))??.mapping,
      let mapping = root[section]?.mapping
    else { return nil }
    return mapping[field]?.string
  }
}
