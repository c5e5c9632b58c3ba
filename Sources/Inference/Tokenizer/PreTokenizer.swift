/// The pre-tokenizer named by GGUF's `tokenizer.ggml.pre`: the regex splits llama.cpp applies in order.
///
/// Each split refines the pieces of the previous one and never crosses a piece boundary, as in
/// llama.cpp's `unicode_regex_split`. The GPT-2, Llama-3 and Qwen2 regexes are the hand-written
/// scanners of llama.cpp's `unicode.cpp`; the simple character-class regexes follow `std::regex`.
public struct PreTokenizer: Sendable, Equatable {
  /// One regex split.
  enum Split: Sendable, Equatable {
    /// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`
    case gpt2
    /// `(?i:'s|…)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
    case llama3
    /// As `llama3`, but numbers are single digits: `\p{N}`.
    case qwen2
    /// `\p{N}`: every number scalar becomes its own piece.
    case isolatedNumbers
    /// `\p{N}+`: runs of number scalars.
    case numberRuns
    /// `[\p{P}\$\+<=>\^~\|]+`: runs of punctuation and these ASCII symbols.
    case punctuationRuns
    /// `[0-9][0-9][0-9]`: ASCII digit triples, left to right.
    case asciiDigitTriples
  }

  /// The `tokenizer.ggml.pre` name this was built from.
  public let name: String
  let splits: [Split]
  /// llama.cpp's `ignore_merges`: a pre-token that is itself in the vocabulary is emitted whole.
  let ignoresMerges: Bool
  /// llama.cpp's `clean_spaces`: detokenizing removes the space before `?!.,` and some contractions.
  let cleansSpaces: Bool

  /// The pre-tokenizer llama.cpp uses for a `tokenizer.ggml.pre` value.
  /// - Throws: `TokenizerError` for a name this implementation does not know.
  public init(named name: String) throws {
    self.name = name
    switch name {
    case "smollm", "starcoder", "refact", "command-r", "codeshell", "exaone":
      splits = [.isolatedNumbers, .gpt2]
      ignoresMerges = false
      cleansSpaces = name != "smollm" && name != "command-r"
    case "gpt-2", "gpt2", "phi-2", "mpt", "olmo", "jais":
      splits = [.gpt2]
      ignoresMerges = false
      cleansSpaces = true
    case "llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral", "dbrx", "smaug-bpe":
      splits = [.llama3]
      ignoresMerges = name != "dbrx" && name != "smaug-bpe"
      cleansSpaces = name == "dbrx" || name == "smaug-bpe"
    case "qwen2", "deepseek-r1-qwen", "stablelm2":
      splits = [.qwen2]
      ignoresMerges = false
      cleansSpaces = name == "stablelm2"
    case "default", "":
      splits = [.punctuationRuns, .gpt2, .numberRuns, .asciiDigitTriples]
      ignoresMerges = name.isEmpty
      cleansSpaces = !name.isEmpty
    default:
      throw TokenizerError(
        "tokenizer.ggml.pre = '\(name)' is not supported; expected one of smollm, gpt2, llama-bpe, qwen2, default (or a name llama.cpp maps to them)"
      )
    }
  }

  /// Splits text into pre-tokens, each a range of `scalars`.
  func split(_ scalars: [UInt32]) -> [Range<Int>] {
    let classes = scalars.map(ScalarClass.of)
    var pieces: [Range<Int>] = scalars.isEmpty ? [] : [0..<scalars.count]
    for split in splits {
      var next: [Range<Int>] = []
      next.reserveCapacity(pieces.count * 2)
      for piece in pieces {
        var scanner = SplitScanner(scalars: scalars, classes: classes, range: piece)
        scanner.run(split, into: &next)
      }
      pieces = next
    }
    return pieces
  }
}
