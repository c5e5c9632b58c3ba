/// Input a Stable-RAG measure cannot use (mismatched lengths, a ragged matrix, a non-finite value),
/// with what is wrong.
public struct MeasureInputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong and where.
  public let description: String
}
