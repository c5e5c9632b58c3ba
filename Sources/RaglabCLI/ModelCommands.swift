import ArgumentParser
import Experiments
import Foundation
import Inference

/// `raglab model …`: inspect, tokenize with, run and benchmark a GGUF language model.
struct ModelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "model",
    abstract: "Inspect, tokenize with, run and benchmark a GGUF language model.",
    subcommands: [
      ModelInfoCommand.self, ModelTokenizeCommand.self, ModelNextCommand.self,
      ModelHiddenCommand.self,
      ModelGenerateCommand.self,
      ModelBenchCommand.self,
    ])
}

/// The `--model` option shared by the model commands.
struct ModelOption: ParsableArguments {
  @Option(help: "GGUF model file (default: $RAGLAB_HOME/models/SmolLM2-135M-Instruct.Q4_1.gguf).")
  var model: String?

  @Option(
    help: "Threads for matrix products (default: the machine's cores; clamped to 1…4 × cores).")
  var threads: Int?

  @Option(
    help: """
      KV cache type: f32 (exact; default) or f16 (half the memory, faster decode at long \
      contexts; keys and values rounded like llama.cpp's default).
      """)
  var kvCache: KVCacheType = .f32

  @Option(
    help: """
      Prefill arithmetic: fast (default; activations quantised to 8 bits and multiplied by int8 \
      dot-product instructions where the CPU and the weight format have them, f32 elsewhere) or \
      f32 (weights widened to F32 and multiplied by OpenBLAS SGEMM: the reference path).
      """)
  var numerics: Numerics = .fast

  /// The model path: `--model`, or the default model under RAGLAB_HOME.
  var path: String {
    model ?? AssetPaths.resolve(GeneratorSpec.defaultModel)
  }

  /// Loads the model on `ThreadCount.resolve(threads)` threads with `numerics` prefill, failing
  /// with a hint to run the setup when the file is missing.
  func load() throws -> LanguageModel {
    let threads = ThreadCount.resolve(threads)
    guard FileManager.default.fileExists(atPath: path) else {
      throw ModelCommandError(
        "model file \(path) does not exist; run `make quickstart` (or `bash scripts/setup.sh`)")
    }
    return try LanguageModel.load(path: path, threads: threads, numerics: numerics)
  }
}

extension KVCacheType: ExpressibleByArgument {}

extension Numerics: ExpressibleByArgument {}

/// A model command failure at run time (missing file, bad input line), printed without usage text.
struct ModelCommandError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// Encodes a value as compact JSON text.
func jsonText(_ value: Any) -> String {
  let data =
    (try? JSONSerialization.data(
      withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes])) ?? Data()
  return String(decoding: data, as: UTF8.self)
}

/// `raglab model info`: architecture, sizes, tensor types, chat template and checksum.
struct ModelInfoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info", abstract: "Describe a GGUF model.")
  @OptionGroup var options: ModelOption

  func run() throws {
    let m = try options.load()
    let c = m.config
    var types: [String: Int] = [:]
    for t in m.file.tensors { types[t.type.description, default: 0] += 1 }
    let params = m.file.tensors.reduce(0) { $0 + $1.elementCount }
    print("file:            \(m.path)")
    print("architecture:    \(c.architecture)")
    print("parameters:      \(params) (\(String(format: "%.1f", Double(params) / 1e6))M)")
    print(
      "tensor types:    \(types.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: ", "))"
    )
    print("vocabulary:      \(c.vocabularySize)")
    print("context length:  \(c.contextLength)")
    print(
      "layers:          \(c.layerCount), dim \(c.embeddingLength), heads \(c.headCount)/\(c.kvHeadCount) kv, head dim \(c.headDimension), ffn \(c.feedForwardLength)"
    )
    print("rope base:       \(c.ropeBase), rms eps \(c.rmsEpsilon)")
    print("chat template:   \(m.chatTemplate != nil ? "ChatML" : "none recognised")")
    print("sha256:          \(try m.fileSHA256())")
  }
}

/// `raglab model tokenize --jsonl FILE`: one JSON array of token ids per input line.
struct ModelTokenizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokenize", abstract: "Tokenize JSON-string lines (special tokens parsed, no BOS)."
  )
  @OptionGroup var options: ModelOption
  @Option(help: "File with one JSON string per line.") var jsonl: String

  func run() throws {
    let m = try options.load()
    for prompt in try readJSONLines(jsonl) {
      print(jsonText(m.tokenizer.encode(prompt.text, parseSpecial: true).map(Int.init)))
    }
  }
}

/// `raglab model next --jsonl FILE --top N`: the top next-token logits for each prompt.
struct ModelNextCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "next", abstract: "Print the top-N next-token logits for each JSON-string prompt.")
  @OptionGroup var options: ModelOption
  @Option(help: "File with one JSON string per line.") var jsonl: String
  @Option(help: "How many tokens to print (1 or more).") var top: Int = 20

  func validate() throws {
    try OptionCheck.require(top, in: 1...Int.max, "--top")
  }

  func run() throws {
    let m = try options.load()
    let tokenized = try tokenizedPrompts(jsonl, model: m)
    let session = m.makeSession(
      contextLength: max(1, tokenized.map(\.count).max() ?? 1), kvCache: options.kvCache)
    for tokens in tokenized {
      session.truncate(to: 0)
      try session.append(tokens)
      let logits = session.lastLogits()
      let best = logits.indices.sorted { logits[$0] > logits[$1] }.prefix(top)
      print(jsonText(["top": best.map { [$0, Double(logits[$0])] as [Any] }]))
    }
  }
}

/// `raglab model generate --prompt TEXT [--chat] [--max-tokens N]`.
struct ModelGenerateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "generate", abstract: "Generate text from a prompt.")
  @OptionGroup var options: ModelOption
  @Option(help: "Prompt text (special tokens parsed).") var prompt: String
  @Flag(help: "Wrap the prompt as a user message in the model's chat template.") var chat = false
  @Option(help: "Most tokens to generate (1...1048576).") var maxTokens: Int = 64
  @Option(help: "Sampling temperature (0 = greedy; 0...100).") var temperature: Float = 0
  @Option(help: "Top-p nucleus (0...1).") var topP: Float = 1
  @Option(help: "Sampler seed.") var seed: UInt64 = 0

  func validate() throws {
    guard !prompt.isEmpty else { throw ValidationError("--prompt must not be empty") }
    try OptionCheck.require(maxTokens, in: 1...OptionCheck.countLimit, "--max-tokens")
    try OptionCheck.require(temperature, in: 0...100, "--temperature")
    try OptionCheck.require(topP, in: 0...1, "--top-p")
  }

  func run() throws {
    let m = try options.load()
    var text = prompt
    if chat {
      guard let template = m.chatTemplate else {
        throw ModelCommandError("\(m.path) has no recognised chat template")
      }
      text = template.render(
        [ChatMessage(role: "user", content: prompt)], addGenerationPrompt: true)
    }
    let tokens = m.tokenizer.encode(text, parseSpecial: true)
    let session = m.makeSession(
      contextLength: min(m.config.contextLength, tokens.count + maxTokens + 1),
      kvCache: options.kvCache)
    try session.append(tokens)
    let g = try session.generate(
      GenerationOptions(maxTokens: maxTokens, temperature: temperature, topP: topP, seed: seed))
    print(g.text)
  }
}
