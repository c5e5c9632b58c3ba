/// Why a distractor layout or negative sample could not be built: the knob at fault and a fix.
///
/// `kind` tells a spec mistake (`invalidKnob`: reject the spec) from a question that simply has
/// too few answer-free passages (`tooFewDistractors`: skip the question and count it). Neither is
/// ever papered over by padding with answer-bearing passages.
public struct DistractorError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Kind: Sendable, Equatable {
    /// A knob value that can never work (e.g. a position outside `1...total`).
    case invalidKnob
    /// The question has fewer answer-free passages than the layout needs.
    case tooFewDistractors
  }

  /// What kind of failure this is.
  public let kind: Kind
  /// The spec knob involved, as spelled in specs (`positions`, `total`, `k`, `hard_ratio`, …).
  public let knob: String
  /// What was wrong and how to fix it.
  public let message: String

  /// Creates an error about `knob`.
  public init(_ kind: Kind, knob: String, message: String) {
    self.kind = kind
    self.knob = knob
    self.message = message
  }

  /// `knob: message`.
  public var description: String { "\(knob): \(message)" }
}
