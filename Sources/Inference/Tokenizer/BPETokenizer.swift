/// A byte-level BPE tokenizer (GGUF `tokenizer.ggml.model = gpt2`) that reproduces llama.cpp's ids.
///
/// Encoding splits out special tokens first, pre-tokenizes the remaining text with the regexes
/// named by `tokenizer.ggml.pre`, maps bytes to GPT-2's byte-level alphabet and merges by rank.
/// Copies share one immutable table set, so passing a tokenizer around is cheap.
public struct BPETokenizer: Sendable {
  let vocabulary: Vocabulary

  /// The beginning-of-sequence token, if the vocabulary names one.
  public let bosToken: Int32?
  /// The end-of-sequence token, if the vocabulary names one.
  public let eosToken: Int32?
  /// Whether the model expects `bosToken` before a prompt (`tokenizer.ggml.add_bos_token`).
  /// `encode` never adds it; callers prepend it when this is true.
  public let addsBOS: Bool

  /// Creates a tokenizer from GGUF tokenizer metadata.
  /// - Parameters:
  ///   - tokens: `tokenizer.ggml.tokens`, indexed by token id.
  ///   - merges: `tokenizer.ggml.merges`, `"left right"`, best rank first.
  ///   - tokenTypes: `tokenizer.ggml.token_type` (1 normal, 2 unknown, 3 control, 4 user-defined,
  ///     5 unused, 6 byte); empty means all normal.
  ///   - preTokenizer: `tokenizer.ggml.pre`, e.g. `smollm`, `qwen2`, `llama-bpe`, `gpt-2`, `default`.
  ///   - bos: `tokenizer.ggml.bos_token_id`.
  ///   - eos: `tokenizer.ggml.eos_token_id`.
  ///   - eot: `tokenizer.ggml.eot_token_id`.
  ///   - eog: further end-of-generation ids; llama.cpp's text-detected ones (`<|im_end|>`, …) are added.
  ///   - addBOS: `tokenizer.ggml.add_bos_token`.
  /// - Throws: `TokenizerError` for an empty vocabulary, mismatched types or an unknown pre-tokenizer.
  public init(
    tokens: [String], merges: [String], tokenTypes: [Int32], preTokenizer: String,
    bos: Int32? = nil, eos: Int32? = nil, eot: Int32? = nil, eog: Set<Int32> = [],
    addBOS: Bool = false
  ) throws {
    let pre = try PreTokenizer(named: preTokenizer)
    vocabulary = try Vocabulary(
      tokens: tokens, merges: merges, tokenTypes: tokenTypes, preTokenizer: pre, eos: eos, eot: eot,
      extraEndOfGeneration: eog)
    let valid = { (id: Int32?) in id.flatMap { $0 >= 0 && Int($0) < tokens.count ? $0 : nil } }
    bosToken = valid(bos)
    eosToken = valid(eos)
    addsBOS = addBOS
  }

  /// Number of token ids, `tokenizer.ggml.tokens.count`.
  public var vocabularySize: Int { vocabulary.tokenCount }

  /// The pre-tokenizer in use.
  public var preTokenizer: PreTokenizer { vocabulary.preTokenizer }

  /// Whether generation should stop at this token (EOS, EOT, `<|im_end|>`, `<|endoftext|>`, …).
  public func isEndOfGeneration(_ token: Int32) -> Bool {
    vocabulary.endOfGeneration.contains(token)
  }

  /// The vocabulary text of a token (byte-level spelling for normal tokens), or nil if out of range.
  public func tokenText(_ token: Int32) -> String? {
    token >= 0 && Int(token) < vocabulary.tokenCount ? vocabulary.texts[Int(token)] : nil
  }

  /// The id of a vocabulary text, e.g. `"<|im_start|>"`.
  public func tokenID(_ text: String) -> Int32? { vocabulary.idForText[text] }

  /// Token ids of `text`, like `llama_tokenize(…, add_special: false, parse_special:)`; no BOS added.
  /// - Parameter parseSpecial: split out control tokens such as `<|im_start|>` (user-defined tokens
  ///   are always split out, as in llama.cpp).
  public func encode(_ text: String, parseSpecial: Bool = true) -> [Int32] {
    let bytes = Array(text.utf8)
    var output: [Int32] = []
    output.reserveCapacity(bytes.count / 3 + 4)
    var encoder = FragmentEncoder(vocabulary: vocabulary)
    for fragment in partitionSpecials(bytes, parseSpecial: parseSpecial) {
      switch fragment {
      case .token(let id): output.append(id)
      case .text(let range): encoder.encode(bytes[range], into: &output)
      }
    }
    return output
  }

  /// The text of `tokens`, like llama.cpp's `detokenize`.
  /// - Parameter renderSpecial: include the text of control tokens (`<|im_end|>`); off by default
  ///   so generated text never shows chat markup. User-defined tokens are always rendered.
  public func decode(_ tokens: [Int32], renderSpecial: Bool = false) -> String {
    var bytes: [UInt8] = []
    for token in tokens { bytes.append(contentsOf: piece(token, renderSpecial: renderSpecial)) }
    if vocabulary.preTokenizer.cleansSpaces { bytes = Self.cleanSpaces(bytes) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A decoder that turns tokens into text as they arrive without splitting UTF-8 sequences.
  public func makeStreamingDecoder(renderSpecial: Bool = false) -> StreamingDecoder {
    StreamingDecoder(tokenizer: self, renderSpecial: renderSpecial)
  }

  /// Raw bytes of one token, empty for out-of-range ids and for hidden control tokens.
  func piece(_ token: Int32, renderSpecial: Bool) -> [UInt8] {
    guard token >= 0, Int(token) < vocabulary.tokenCount else { return [] }
    let type = vocabulary.types[Int(token)]
    if !renderSpecial && (type == .control || type == .unknown) { return [] }
    return vocabulary.pieces[Int(token)]
  }
}
