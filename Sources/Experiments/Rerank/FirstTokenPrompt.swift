/// The identifiers a listwise ranking prompt labels its passages with.
public enum RankingLabels: String, Sendable, CaseIterable {
  /// `[A]`, `[B]`, … up to `[Z]`: FIRST's own choice (Reddy et al., 2024), so every identifier is
  /// one token and k up to 26 works.
  case letters
  /// `[1]` … `[9]` (RankGPT's numbers): "10" is two tokens in digit-splitting vocabularies such as
  /// SmolLM2's and its first token is "1", so numbers stop at 9.
  case numbers

  /// The most passages the labels can name.
  public var limit: Int { self == .letters ? 26 : 9 }

  /// The label of the passage at 0-based `index` (< `limit`).
  func label(_ index: Int) -> String {
    self == .letters ? String(UnicodeScalar(UInt8(65 + index))) : String(index + 1)
  }
}

/// FIRST's listwise ranking prompt (Reddy et al., 2024, "FIRST: Faster Improved Listwise Reranking
/// with Single Token Decoding"; the RankGPT prompt shape it reuses): the passages labelled
/// `[A] …`, the query before and after them, an instruction to list the identifiers by
/// decreasing relevance, and the answer opened with "[" so the next token is an identifier.
///
/// Worded for raglab (no example ranking: an example's first identifier would be a hint to a
/// small model). With a chat format, the instruction is the user turn and the answer opens the
/// assistant turn; without, the prompt is raw text ending in `Ranking: [`.
struct FirstTokenPrompt {
  /// The system turn of the chat form.
  static let system = "You rank passages by how relevant they are to a search query."
  /// The labels.
  let labels: RankingLabels
  /// The model's chat format, when the prompt uses one.
  let chatFormat: ChatFormat?

  /// The prompt as segments: opening, one per passage, closing (ends with "[").
  func segments(question: String, passages: [Passage]) -> [String] {
    let k = passages.count
    let (before, after) = chatFormat?.split(system: Self.system) ?? ("", "\n\nRanking: ")
    let opening =
      before + "Below are \(k) passages, each labelled with an identifier in brackets. "
      + "Rank them by their relevance to the search query: \(question)\n\n"
    let shown = passages.enumerated().map { i, p in
      "[\(labels.label(i))] (Title: \(p.title)) \(p.text)\n"
    }
    let closing =
      "\nSearch query: \(question)\nList the identifiers of all \(k) passages from the most to "
      + "the least relevant, in the form [] > [] > …, and nothing else." + after + "["
    return [opening] + shown + [closing]
  }
}
