import Foundation

/// One cell of an experiment's design: module-specific knobs, and the retriever whose list feeds it
/// (nil for a condition that shows no retrieved passages, such as a closed-book baseline).
public struct Condition: Sendable, Equatable {
  /// The retriever whose ranked list feeds this condition, if any.
  public var retriever: String?
  /// Knobs as JSON with sorted keys, e.g. `{"k":4,"retriever":"bm25"}` (stored with the condition).
  public var keysJSON: String

  /// Creates a condition from encodable keys (encoded with sorted keys).
  public init(retriever: String?, keys: some Encodable) {
    self.retriever = retriever
    keysJSON = JSONText.encode(keys)
  }

  /// The keys decoded as `type`.
  /// - Throws: `RunError` when the stored keys do not have that shape.
  public func keys<Keys: Decodable>(as type: Keys.Type) throws -> Keys {
    do {
      return try JSONText.decode(type, from: keysJSON)
    } catch {
      throw RunError("condition \(keysJSON) does not have the keys its module expects: \(error)")
    }
  }
}

/// An experiment module: the design of one kind of study (a k sweep, gold positions, orders, …).
///
/// A module is built from a validated spec, lists its conditions, and for each question and
/// condition chooses the passages shown and their order. It throws `ModuleSkip` for a question it
/// cannot serve under a condition (the runner stores the skip and its reason, never a padded
/// prompt) and any other error for a condition it cannot build at all; it never returns an empty
/// list to mean "cannot". How it is plotted and described is declared by `report`.
public protocol ExperimentModule: Sendable {
  /// Every condition of the experiment, in display order (never empty).
  func conditions() throws -> [Condition]
  /// The passages shown, in prompt order, for the context's question under `condition`.
  /// - Throws: `ModuleSkip` when this question cannot be served under this condition.
  func passages(for condition: Condition, context: QuestionContext) throws -> [Passage]
  /// The figures and notebook text of the module's experiments.
  var report: ModuleReport { get }
  /// Measures of one answer beyond EM, F1 and SubEM (e.g. 0/1 indicators), stored in each trial's
  /// metrics and averaged by reports like them; keys other than `em`, `f1`, `subem`.
  func answerMetrics(_ answer: String, question: Question) -> [String: Double]
  /// Checks the run's questions before anything is stored, for what a spec cannot show (e.g. an
  /// oracle strategy on a dataset whose questions name no gold passage).
  /// - Throws: `RunError` naming the spec key and the fix.
  func checkInputs(questions: [Question]) throws
  /// The model re-rankers (`Rerankers.names`) the module's conditions score passages with; the
  /// runner loads them before anything is stored.
  var scorerNames: [String] { get }
  /// The layers whose last-prompt-token hidden states every trial stores; the runner resolves
  /// them for the model before anything is stored (nil: none).
  var hiddenStateLayers: HiddenLayerSelection? { get }
}

extension ExperimentModule {
  /// Any questions will do.
  public func checkInputs(questions: [Question]) throws {}

  /// No model re-rankers.
  public var scorerNames: [String] { [] }

  /// No hidden states.
  public var hiddenStateLayers: HiddenLayerSelection? { nil }

  /// No measures beyond EM, F1 and SubEM.
  public func answerMetrics(_ answer: String, question: Question) -> [String: Double] { [:] }
}

/// A (question, condition) a module cannot serve, with the reason (stored and counted, not padded).
public struct ModuleSkip: Error, CustomStringConvertible, Sendable, Equatable {
  /// Why, e.g. "only 3 answer-free distractors in the top 20 (needs 9)".
  public let reason: String

  /// Creates a skip.
  public init(_ reason: String) { self.reason = reason }

  public var description: String { reason }
}
