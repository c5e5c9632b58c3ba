/// The shape a YAML value must have, used to check a spec node by node before decoding it.
indirect enum SpecShape: Sendable {
  /// Any string.
  case string
  /// A non-empty, single-line string: names and paths (see `NameRule`).
  case name
  /// A string from a fixed set (retriever, module, template, … names).
  case choice([String], what: String)
  /// An integer, at least `minimum`.
  case integer(minimum: Int)
  /// A number, between `minimum` and `maximum`.
  case number(minimum: Double, maximum: Double)
  /// `true` or `false`.
  case boolean
  /// A list whose items all have one shape and no value twice; `nonEmpty` rejects `[]`.
  case list(SpecShape, nonEmpty: Bool)
  /// A mapping with known keys; `required` must be present.
  case object([String: SpecShape], required: Set<String>)
  /// A k sweep: a list of integers or `{from, to, step}`.
  case kSweep
  /// The `module` mapping: `name` (a registered module), then that module's own knobs.
  case module
  /// Either of two shapes (e.g. a word such as `all`, or a list of integers).
  case either(SpecShape, SpecShape)

  /// The expected-type phrase used in messages.
  var expected: String {
    switch self {
    case .string, .choice: return "a string"
    case .name: return "a non-empty single-line string"
    case .integer: return "an integer"
    case .number: return "a finite number"
    case .boolean: return "true or false"
    case .list: return "a list"
    case .object: return "a mapping"
    case .kSweep: return "a list of integers or {from, to, step}"
    case .module: return "a mapping with the module's name and knobs"
    case .either(let a, let b): return "\(a.expected) or \(b.expected)"
    }
  }
}

/// The names a spec may use, and the schema of a whole spec.
public enum SpecVocabulary {
  /// Retrievers the lab knows.
  public static let retrievers = ["bm25", "dense"]
  /// Experiment modules the lab knows.
  public static var modules: [String] { ModuleRegistry.names }
  /// Prompt templates.
  public static let templates = ["question_last", "question_first", "litm"]
  /// Generator backends.
  public static let backends = ["inprocess", "openai"]
  /// KV cache types of the in-process engine.
  public static let kvCacheTypes = ["f32", "f16"]
  /// Dataset formats.
  public static let formats = ["squad", "litm", "beir", "conflict"]
  /// Metric names.
  public static let metrics = ["subem", "em", "f1"]
  /// Diagnostic names (`Diagnostic`).
  public static let diagnostics = Diagnostic.allCases.map(\.rawValue)

  /// The schema every spec is checked against.
  static let schema: SpecShape = .object(
    [
      "name": .name,
      "dataset": .object(
        [
          "name": .name, "format": .choice(formats, what: "dataset format"), "path": .name,
          "limit": .integer(minimum: 1), "seed": .integer(minimum: 0),
        ], required: ["name", "path"]),
      "retrievers": .list(.choice(retrievers, what: "retriever"), nonEmpty: true),
      "retrieval_depth": .integer(minimum: 1),
      "generator": .object(
        [
          "backend": .choice(backends, what: "generator backend"), "model": .name,
          "max_tokens": .integer(minimum: 1), "temperature": .number(minimum: 0, maximum: 100),
          "top_p": .number(minimum: 0, maximum: 1), "seed": .integer(minimum: 0),
          "stop": .list(.string, nonEmpty: false), "url": .name, "model_sha256": .name,
          "kv_cache": .choice(kvCacheTypes, what: "KV cache type"),
          "numerics": .choice(GeneratorSpec.numericsChoices, what: "prefill numerics"),
          "concurrency": .integer(minimum: 1),
          "endpoint": .choice(GeneratorSpec.endpoints, what: "generator endpoint"),
          "retries": .integer(minimum: 0), "api_key_env": .name,
          "block_count": .integer(minimum: 1),
        ], required: []),
      "prompt": .object(
        [
          "template": .choice(templates, what: "prompt template"), "chat": .boolean,
          "instruction": .string,
        ],
        required: []),
      "module": .module,
      "metrics": .list(.choice(metrics, what: "metric"), nonEmpty: true),
      "diagnostics": .list(.choice(diagnostics, what: "diagnostic"), nonEmpty: false),
    ], required: ["name", "dataset", "retrievers", "module"])
}
