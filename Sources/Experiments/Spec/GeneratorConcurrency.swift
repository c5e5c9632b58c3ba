import Yams

/// `generator.concurrency`: how many requests an `openai` run keeps in flight.
///
/// It says how a run is executed, not what it computes, so it is kept out of `CodingKeys` and
/// hence out of the spec hash: changing it resumes the same experiment (like `--threads`).
extension GeneratorSpec {
  /// Requests in flight when an `openai` spec does not say.
  public static let defaultConcurrency = 4
  /// The most requests in flight a spec may ask for.
  public static let maxConcurrency = 64

  /// Keys read besides `CodingKeys`, never encoded.
  enum ExecutionKeys: String, CodingKey {
    case concurrency
  }

  /// The run's worker count: `concurrency` when given, else 4 for `openai` and 1 for the
  /// in-process engine (which answers one prompt at a time).
  public var requestsInFlight: Int {
    concurrency ?? (backend == "openai" ? Self.defaultConcurrency : 1)
  }
}

/// Spec checks of `generator.concurrency` beyond its shape (an integer of at least 1).
enum ConcurrencyCheck {
  /// Reports a value above `GeneratorSpec.maxConcurrency`, and one above 1 with a backend other
  /// than `openai`, at the key's line.
  static func check(_ root: Node, _ checker: inout SpecChecker) {
    guard let generator = root.mapping?["generator"]?.mapping,
      let node = generator["concurrency"], let value = node.int
    else { return }
    if value > GeneratorSpec.maxConcurrency {
      checker.report(
        "generator.concurrency", node.mark?.line,
        "must be at most \(GeneratorSpec.maxConcurrency), got \(value)")
    }
    let backend = generator["backend"]?.string ?? GeneratorSpec().backend
    if value > 1 && backend != "openai" {
      checker.report(
        "generator.concurrency", node.mark?.line,
        "\(value) requests in flight needs backend: openai (backend is \(backend)); the "
          + "in-process engine answers one prompt at a time on all its threads (set them with "
          + "raglab run --threads): remove the key or set it to 1")
    }
  }
}
