import Foundation

/// One cell of an experiment's design: a retriever plus module-specific knobs.
public struct Condition: Sendable, Equatable {
  /// The retriever whose ranked list feeds this condition.
  public var retriever: String
  /// Knobs as JSON with sorted keys, e.g. `{"k":4,"retriever":"bm25"}` (stored with the condition).
  public var keysJSON: String

  /// Creates a condition from encodable keys (encoded with sorted keys).
  public init(retriever: String, keys: some Encodable) {
    self.retriever = retriever
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    keysJSON = (try? encoder.encode(keys)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
  }
}

/// An experiment module: turns a spec into conditions, and a question's ranked passages into the
/// ordered passage list shown under each condition.
public protocol ExperimentModule: Sendable {
  /// The module's name in specs.
  var name: String { get }
  /// Every condition of the experiment, in display order.
  func conditions(for spec: ExperimentSpec) -> [Condition]
  /// The passages shown, in prompt order, for `question` under `condition`.
  /// - Parameter ranked: the condition's retriever's list for this question, best first.
  func passages(for condition: Condition, question: Question, ranked: [Passage]) -> [Passage]
}

/// Looks modules up by their spec name.
public enum ModuleRegistry {
  /// The module named `name`, if the lab has it.
  public static func module(named name: String) -> (any ExperimentModule)? {
    switch name {
    case "passage_count": return PassageCountModule()
    default: return nil
    }
  }
}
