import Inference

/// A prompt cut into the segments the planner appends one at a time:
/// `[header][passage 1]…[passage k][tail]`.
public struct PromptSegments: Sendable, Equatable {
  /// Instruction (or system turn) and, for `question_first`, the question.
  public var header: String
  /// One segment per passage, in prompt order.
  public var passages: [String]
  /// The question (for `question_last`) and the assistant prefix.
  public var tail: String

  /// All segments in order.
  public var all: [String] { [header] + passages + [tail] }
  /// The whole prompt text.
  public var text: String { all.joined() }
  /// sha256 of the segments joined by U+001F, so equal texts split differently hash differently.
  public var hash: String { SHA256.hex(of: all.joined(separator: "\u{1F}")) }
}

/// Lays out instruction, passages and question as the spec's template says.
///
/// - `question_last` ("Long-Context LLMs Meet RAG", Jin et al. 2024, §3: `[instruction, passages…,
///   question]`), passages in the "Lost in the Middle" format `Document [i](Title: t) text`, then
///   `Question: q` (and `Answer:` for raw prompts).
/// - `question_first` (Stable-RAG, arXiv 2601.02993, as its released code renders the user turn):
///   `Question: q\nDocuments: document 1: t1\ndocument 2: t2` (passages joined by one newline, none
///   after the last; raw prompts end with `\nAnswer:`).
/// - `litm` ("Lost in the Middle", Liu et al. 2023): their QA prompt exactly (`LitMPrompt`); raw,
///   it ignores `instruction`, which is only the system turn with `chat`.
///
/// With `chat`, the instruction is the system turn and everything else the user turn, rendered by the
/// model's own chat format (recognised from its GGUF, or the server's); the assistant prefix ends
/// the tail. Without `chat`, the instruction opens the prompt followed by a blank line.
public struct PromptBuilder: Sendable {
  /// The prompt settings.
  public let spec: PromptSpec
  /// The model's chat format (nil for a model without a recognised template).
  public let chatFormat: ChatFormat?

  /// Creates a builder for a model whose chat format is `chatFormat`.
  /// - Throws: `PromptError` when `spec.chat` asks for chat turns and the model has no chat
  ///   format raglab recognises — never a guessed one.
  public init(spec: PromptSpec, chatFormat: ChatFormat?) throws {
    if spec.chat && chatFormat == nil { throw PromptError.noChatTemplate }
    self.spec = spec
    self.chatFormat = chatFormat
  }

  /// The segments of the prompt showing `passages` (in this order) for `question`.
  public func segments(question: Question, passages: [Passage]) -> PromptSegments {
    let rendered = passages.enumerated().map { passageSegment($1, number: $0 + 1) }
    if spec.template == "litm" {
      let (open, close) =
        if spec.chat, let chatFormat { chatFormat.split(system: spec.instruction) } else {
          ("", "")
        }
      return LitMPrompt.segments(
        question: question.text, passages: rendered, open: open, close: close)
    }
    let questionFirst = spec.template == "question_first"
    let (before, after) =
      if spec.chat, let chatFormat {
        chatFormat.split(system: spec.instruction)
      } else {
        (spec.instruction + (questionFirst ? Self.blankLine : ""), "")
      }
    let header = questionFirst ? before + "Question: \(question.text)\nDocuments:" : before
    let tail: String
    if questionFirst {
      tail = spec.chat ? after : "\nAnswer:"
    } else {
      // Raw, with no passage to open the blank line after the instruction, the tail opens it.
      let blank = !spec.chat && rendered.isEmpty ? Self.blankLine : ""
      tail = blank + "\nQuestion: \(question.text)" + (spec.chat ? after : "\nAnswer:")
    }
    return PromptSegments(header: header, passages: rendered, tail: tail)
  }

  /// What separates a raw prompt's instruction from the rest.
  static let blankLine = "\n\n"

  /// One passage as shown at 1-based position `number`. What joins it to the text before comes
  /// first — for `question_first` the space after `Documents:` for the first passage, a newline for
  /// the others; for raw `question_last` the blank line after the instruction, on the first — so
  /// every segment boundary falls where SmolLM2's BPE splits the whole prompt anyway (a trailing
  /// space, or "\n\n" alone, would tokenise apart from `document`: docs/experiments.md).
  public func passageSegment(_ passage: Passage, number: Int) -> String {
    if spec.template == "question_first" {
      return (number == 1 ? " " : "\n") + "document \(number): \(passage.text)"
    }
    let opening =
      spec.template == "question_last" && !spec.chat && number == 1 ? Self.blankLine : ""
    return opening + "Document [\(number)](Title: \(passage.title)) \(passage.text)\n"
  }
}

/// Why a prompt cannot be built for a model.
public struct PromptError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The message, naming the spec key that fixes it.
  public let description: String

  /// The spec asks for chat turns but the model carries no chat template raglab recognises.
  public static let noChatTemplate = PromptError(
    description:
      "prompt.chat is true but the model has no chat template raglab recognises (it reads ChatML, "
      + "the template of SmolLM2 and Qwen2.5, from the GGUF's tokenizer.chat_template or the "
      + "server's /props): set `prompt: {chat: false}` in the spec to send raw prompts")
}
