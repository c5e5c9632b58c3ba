/// The `litm` template: "Lost in the Middle"'s QA prompt (Liu et al., 2023; github
/// nelson-liu/lost-in-the-middle, `src/lost_in_the_middle/prompts/qa.prompt` and
/// `closedbook_qa.prompt`, rendered by `prompting.py`'s `get_qa_prompt`).
///
/// With passages: the instruction line, a blank line, `Document [i](Title: t) text` per passage
/// (i from 1, one per line), a blank line, then `Question: q` and `Answer:`. Without passages
/// (closed book): `Question: q` and `Answer:` alone. For chat models Liu et al. sent this whole
/// text as the user turn; so does raglab, with `prompt.instruction` as the system turn.
///
/// The prefix planner needs one header for every prompt of a question, closed book included, so
/// the instruction line travels with passage 1's segment (the header is only the chat opening).
enum LitMPrompt {
  /// The instruction line of `qa.prompt`, exactly: it is part of the protocol under test.
  static let instruction =
    "Write a high-quality answer for the given question using only the provided search results "
    + "(some of which might be irrelevant)."

  /// The segments around already rendered passage segments (each `Document [i](Title: t) text\n`).
  /// - Parameters:
  ///   - open: what precedes the user content (the chat system turn and user opening; "" raw).
  ///   - close: what follows it (the end of the user turn and the assistant prefix; "" raw).
  static func segments(question: String, passages: [String], open: String, close: String)
    -> PromptSegments
  {
    let ask = "Question: \(question)\nAnswer:"
    guard let first = passages.first else {
      return PromptSegments(header: open, passages: [], tail: ask + close)
    }
    return PromptSegments(
      header: open, passages: [instruction + "\n\n" + first] + passages.dropFirst(),
      tail: "\n" + ask + close)
  }
}
