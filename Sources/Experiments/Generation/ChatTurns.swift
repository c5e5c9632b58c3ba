/// Chat turns carried through the prompt builder to a server that applies its own chat template
/// (`generator.endpoint: chat`).
///
/// The builder streams a chat prompt as text segments rendered by a `ChatFormat`. `format`
/// renders `[system, user]` with a mark where each turn begins — Unicode noncharacters, which
/// never occur in text exchanged between programs — so a session can split the text it was given
/// back into the two turns. The builder, planner and store need no other change.
enum ChatTurns {
  /// Opens the system turn (U+FDD0).
  static let systemMark = noncharacter(0xFDD0)
  /// Opens the user turn (U+FDD1).
  static let userMark = noncharacter(0xFDD1)

  /// `[system, user]` as marked text.
  static let format = ChatFormat { system, user in
    "\(Character(systemMark))\(system)\(Character(userMark))\(user)"
  }

  /// The scalar `value` (Swift source cannot spell noncharacters as literals); U+FDD0…U+FDEF are
  /// valid scalars, so the replacement character is never returned.
  private static func noncharacter(_ value: UInt32) -> Unicode.Scalar {
    Unicode.Scalar(value) ?? "\u{FFFD}"
  }

  /// The system and user turns of text rendered by `format` (then extended by the builder), or nil
  /// when it does not start with the system mark followed, once, by the user mark.
  static func split(_ text: String) -> (system: String, user: String)? {
    let scalars = text.unicodeScalars
    guard scalars.first == systemMark,
      let user = scalars.firstIndex(of: userMark),
      scalars.filter({ $0 == systemMark || $0 == userMark }).count == 2
    else { return nil }
    return (
      String(scalars[scalars.index(after: scalars.startIndex)..<user]),
      String(scalars[scalars.index(after: user)...])
    )
  }
}
