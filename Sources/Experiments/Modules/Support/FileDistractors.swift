import Store

/// The distractors a "Lost in the Middle"/DPR JSONL record carries itself: its ctxs flagged
/// `hasanswer: false` that are not gold, in file order — how Liu et al. (2023, github
/// nelson-liu/lost-in-the-middle) built each question's prompt from the top N − 1 retrieved
/// passages without the answer, in retrieval order.
///
/// The file's flag is not trusted alone: a ctx flagged `hasanswer: false` whose text contains a
/// gold answer by recall's SQuAD-normalised whole-token rule (`AnswerFreeDistractors`) is dropped
/// too and counted in `droppedAnswerBearing`. A ctx without a `hasanswer` key is never used.
public struct FileDistractors: Sendable, Equatable {
  /// The series name of file-distractor conditions (their `retriever` key).
  public static let series = "file"

  /// The usable distractors, in file order.
  public let passages: [Passage]
  /// Ctxs the file flags `hasanswer: false` that are not gold (before the containment guard).
  public let flaggedFree: Int
  /// Of those, the ones whose text contains a gold answer all the same (not used).
  public let droppedAnswerBearing: Int

  /// The file distractors of `question`, looked up in `corpus`.
  /// - Throws: `RunError` when the question carries no stored ctx list (not imported from a
  ///   LitM/DPR file, or imported before raglab kept each record's ctxs); the corpus's errors.
  public init(question: Question, corpus: any PassageSource) throws {
    guard let contexts = question.fileContexts else {
      throw RunError(
        "question \(question.id) has no ctx list stored, which `distractors: file` needs: "
          + "import the dataset from a LitM/DPR JSONL file with this raglab (imports before it "
          + "did not keep each record's ctxs): `raglab data import --format litm PATH --name NAME "
          + "--replace`, or use `distractors: retriever`")
    }
    let gold = Set(question.goldPassageIDs)
    let flagged = contexts.filter {
      $0.hasAnswer == false && $0.isGold != true && !gold.contains($0.id)
    }
    let free = AnswerFreeDistractors(
      ranked: try corpus.passages(ids: flagged.map(\.id)), answers: question.answers,
      goldIDs: gold)
    passages = free.passages
    flaggedFree = flagged.count
    droppedAnswerBearing = free.droppedAnswerBearing
  }

  /// Why a question with these distractors cannot fill `needed` slots.
  public func shortage(needed: Int) -> String {
    var reason =
      "\(passages.count) answer-free ctxs in the question's file record, \(needed) needed"
    if droppedAnswerBearing > 0 {
      reason +=
        " (\(droppedAnswerBearing) of the \(flaggedFree) flagged hasanswer=false contain a gold "
        + "answer and were not used)"
    }
    return reason
  }
}
