import Foundation

/// A whole experiment as written in `experiments/*.yaml`: what data, which retrievers, which model, which sweep.
public struct ExperimentSpec: Codable, Sendable, Equatable {
  /// The experiment's name; results, plots and notebooks are filed under it.
  public var name: String
  /// Which questions and corpus to use.
  public var dataset: DatasetSpec
  /// Retriever names (`bm25`, `dense`), each run as its own series.
  public var retrievers: [String]
  /// How many passages each retriever returns (the ranked list every condition draws from).
  public var retrievalDepth: Int
  /// The language model and its decoding parameters.
  public var generator: GeneratorSpec
  /// How passages and the question are laid out in the prompt.
  public var prompt: PromptSpec
  /// The experiment module and its sweep.
  public var module: ModuleSpec
  /// Metric names to compute per trial (`subem`, `em`, `f1`).
  public var metrics: [String]
  /// Measurements taken beside each answer (`attention`); nil when none, so a spec without the
  /// key keeps the hash it had before the key existed.
  public var diagnostics: [Diagnostic]?

  enum CodingKeys: String, CodingKey {
    case name, dataset, retrievers, generator, prompt, module, metrics, diagnostics
    case retrievalDepth = "retrieval_depth"
  }

  /// Creates a spec from its parts.
  public init(
    name: String, dataset: DatasetSpec, retrievers: [String], retrievalDepth: Int = 20,
    generator: GeneratorSpec = GeneratorSpec(), prompt: PromptSpec = PromptSpec(),
    module: ModuleSpec, metrics: [String] = ["subem", "em", "f1"], diagnostics: [Diagnostic]? = nil
  ) {
    self.name = name
    self.dataset = dataset
    self.retrievers = retrievers
    self.retrievalDepth = retrievalDepth
    self.generator = generator
    self.prompt = prompt
    self.module = module
    self.metrics = metrics
    self.diagnostics = diagnostics.flatMap { $0.isEmpty ? nil : $0.sorted() }
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    dataset = try c.decode(DatasetSpec.self, forKey: .dataset)
    retrievers = try c.decode([String].self, forKey: .retrievers)
    retrievalDepth = try c.decodeIfPresent(Int.self, forKey: .retrievalDepth) ?? 20
    generator = try c.decodeIfPresent(GeneratorSpec.self, forKey: .generator) ?? GeneratorSpec()
    prompt = try c.decodeIfPresent(PromptSpec.self, forKey: .prompt) ?? PromptSpec()
    module = try c.decode(ModuleSpec.self, forKey: .module)
    metrics = try c.decodeIfPresent([String].self, forKey: .metrics) ?? ["subem", "em", "f1"]
    diagnostics = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnostics).flatMap {
      $0.isEmpty ? nil : $0.sorted()
    }
  }

  /// Whether `diagnostics` asks for attention measurements.
  public var measuresAttention: Bool { diagnostics?.contains(.attention) == true }
}

/// Where the questions and passages come from.
public struct DatasetSpec: Codable, Sendable, Equatable {
  /// The dataset's name in the store (e.g. `squad-dev`).
  public var name: String
  /// File format: `squad`, `litm` or `beir`.
  public var format: String
  /// Path of the file or folder; relative paths are resolved against `RAGLAB_HOME`.
  public var path: String
  /// How many questions to use (a seeded sample); nil = all.
  public var limit: Int?
  /// Seed of the question sample.
  public var seed: UInt64

  /// Creates a dataset reference.
  public init(
    name: String, format: String = "squad", path: String, limit: Int? = nil, seed: UInt64 = 0
  ) {
    self.name = name
    self.format = format
    self.path = path
    self.limit = limit
    self.seed = seed
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    format = try c.decodeIfPresent(String.self, forKey: .format) ?? "squad"
    path = try c.decode(String.self, forKey: .path)
    limit = try c.decodeIfPresent(Int.self, forKey: .limit)
    seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 0
  }
}

/// The language model and how it decodes.
public struct GeneratorSpec: Codable, Sendable, Equatable {
  /// The default model file, relative to `RAGLAB_HOME`.
  public static let defaultModel = "models/SmolLM2-135M-Instruct.Q4_1.gguf"
  /// `inprocess` (the GGUF engine) or `openai` (an OpenAI-compatible server).
  public var backend: String
  /// Model path (relative paths resolve against `RAGLAB_HOME`); for `openai`, the served model name.
  public var model: String
  /// `inprocess` only: `f32` (default) or `f16` KV cache (see `KVCacheType`).
  public var kvCache: String?
  /// `inprocess` only: `f32` for the reference prefill path; nil is `fast`, the default (see
  /// `GeneratorNumerics.swift`). Changes answers, so it is hashed (only when `f32`).
  public var numerics: String?
  /// `openai` only: the API root, e.g. `http://127.0.0.1:8080/v1`.
  public var url: String?
  /// `openai` only: sha256 of the served weights, recorded as the model checksum.
  public var modelSHA256: String?
  /// Most new tokens per answer.
  public var maxTokens: Int
  /// Sampling temperature; 0 = greedy.
  public var temperature: Double
  /// Nucleus sampling mass.
  public var topP: Double
  /// Sampling seed.
  public var seed: UInt64
  /// Strings that end an answer.
  public var stop: [String]
  /// `openai` only: requests in flight at once (nil: `requestsInFlight`'s default). How a run is
  /// executed, not what it computes: left out of the spec hash (see `GeneratorConcurrency.swift`).
  public var concurrency: Int?
  /// `openai` only: `chat` sends the turns to `/chat/completions`; nil is `completions` (the
  /// prompt rendered here). Changes answers, so it is hashed (only when `chat`).
  public var endpoint: String?
  /// `openai` only: retries of a request that fails transiently (nil: `RetryPolicy.defaultRetries`).
  /// Not hashed (see `GeneratorConnection.swift`).
  public var retries: Int?
  /// `openai` only: the environment variable holding the API key (nil: `OPENAI_API_KEY`, if set).
  /// Not hashed; the key itself is never in the spec.
  public var apiKeyEnv: String?
  /// `openai` only: the served model's transformer blocks, which number its final-norm state
  /// blockCount + 1 as in process (nil: read from the GGUF the server's `/props` names). Changes
  /// the stored layer numbers, so it is hashed (only when given).
  public var blockCount: Int?

  enum CodingKeys: String, CodingKey {
    case backend, model, url, temperature, seed, stop, endpoint, numerics
    case modelSHA256 = "model_sha256"
    case kvCache = "kv_cache"
    case maxTokens = "max_tokens"
    case topP = "top_p"
    case blockCount = "block_count"
  }

  /// Creates generator settings; the defaults are greedy decoding of ≤ 32 tokens with the default model.
  public init(
    backend: String = "inprocess", model: String = GeneratorSpec.defaultModel, maxTokens: Int = 32,
    temperature: Double = 0, topP: Double = 1, seed: UInt64 = 0, stop: [String] = ["\n"],
    url: String? = nil, modelSHA256: String? = nil, kvCache: String? = nil, numerics: String? = nil,
    concurrency: Int? = nil, endpoint: String? = nil, retries: Int? = nil, apiKeyEnv: String? = nil,
    blockCount: Int? = nil
  ) {
    self.backend = backend
    self.model = model
    self.url = url
    self.modelSHA256 = modelSHA256
    self.kvCache = kvCache
    self.numerics = numerics == Self.defaultNumerics ? nil : numerics
    self.maxTokens = maxTokens
    self.temperature = temperature
    self.topP = topP
    self.seed = seed
    self.stop = stop
    self.concurrency = concurrency
    self.endpoint = endpoint == "completions" ? nil : endpoint
    self.retries = retries
    self.apiKeyEnv = apiKeyEnv
    self.blockCount = blockCount
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = GeneratorSpec()
    backend = try c.decodeIfPresent(String.self, forKey: .backend) ?? d.backend
    model = try c.decodeIfPresent(String.self, forKey: .model) ?? d.model
    url = try c.decodeIfPresent(String.self, forKey: .url)
    modelSHA256 = try c.decodeIfPresent(String.self, forKey: .modelSHA256)
    kvCache = try c.decodeIfPresent(String.self, forKey: .kvCache)
    let numerics = try c.decodeIfPresent(String.self, forKey: .numerics)
    self.numerics = numerics == Self.defaultNumerics ? nil : numerics
    maxTokens = try c.decodeIfPresent(Int.self, forKey: .maxTokens) ?? d.maxTokens
    temperature = try c.decodeIfPresent(Double.self, forKey: .temperature) ?? d.temperature
    topP = try c.decodeIfPresent(Double.self, forKey: .topP) ?? d.topP
    seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
    stop = try c.decodeIfPresent([String].self, forKey: .stop) ?? d.stop
    concurrency = try decoder.container(keyedBy: ExecutionKeys.self)
      .decodeIfPresent(Int.self, forKey: .concurrency)
    let endpoint = try c.decodeIfPresent(String.self, forKey: .endpoint)
    self.endpoint = endpoint == "completions" ? nil : endpoint
    let connection = try decoder.container(keyedBy: ConnectionKeys.self)
    retries = try connection.decodeIfPresent(Int.self, forKey: .retries)
    apiKeyEnv = try connection.decodeIfPresent(String.self, forKey: .apiKeyEnv)
    blockCount = try c.decodeIfPresent(Int.self, forKey: .blockCount)
  }
}

/// How the prompt is laid out.
public struct PromptSpec: Codable, Sendable, Equatable {
  /// The default instruction (Jin et al. style: answer from the documents, in a few words).
  public static let defaultInstruction =
    "Answer the question using the documents below. Reply with a short answer of a few words."
  /// `question_last` ([instruction, passages, question], Jin et al.), `question_first` (Stable-RAG)
  /// or `litm` (Liu et al.'s QA prompt, `LitMPrompt`).
  public var template: String
  /// Wrap the prompt in the model's chat template.
  public var chat: Bool
  /// The instruction text (the system turn when `chat` is true).
  public var instruction: String

  /// Creates prompt settings.
  public init(
    template: String = "question_last", chat: Bool = true,
    instruction: String = PromptSpec.defaultInstruction
  ) {
    self.template = template
    self.chat = chat
    self.instruction = instruction
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    template = try c.decodeIfPresent(String.self, forKey: .template) ?? "question_last"
    chat = try c.decodeIfPresent(Bool.self, forKey: .chat) ?? true
    instruction =
      try c.decodeIfPresent(String.self, forKey: .instruction) ?? PromptSpec.defaultInstruction
  }
}

/// The experiment module and its knobs, e.g. `{name: passage_count, k: [1, 2, 4]}`.
public struct ModuleSpec: Codable, Sendable, Equatable {
  /// Module name (one of `ModuleRegistry.names`).
  public var name: String
  /// The module's typed knobs (decoded by the module named `name`).
  public var knobs: any ModuleKnobs

  private enum NameKey: String, CodingKey { case name }

  /// Creates a module reference.
  public init(name: String, knobs: any ModuleKnobs) {
    self.name = name
    self.knobs = knobs
  }

  /// A `passage_count` sweep over `k`.
  public init(passageCount k: KSweep) {
    self.init(name: PassageCountModule.name, knobs: PassageCountKnobs(k: k))
  }

  /// The knobs as `type`, when they are of that module.
  public func knobs<Knobs: ModuleKnobs>(as type: Knobs.Type) -> Knobs? { knobs as? Knobs }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: NameKey.self)
    name = try c.decode(String.self, forKey: .name)
    guard let entry = ModuleRegistry.entry(named: name) else {
      throw DecodingError.dataCorruptedError(
        forKey: .name, in: c, debugDescription: "unknown module '\(name)'")
    }
    knobs = try entry.decode(decoder)
  }

  /// Encodes the knobs and `name` into one mapping.
  public func encode(to encoder: any Encoder) throws {
    try knobs.encode(to: encoder)
    var c = encoder.container(keyedBy: NameKey.self)
    try c.encode(name, forKey: .name)
  }

  public static func == (a: ModuleSpec, b: ModuleSpec) -> Bool {
    a.name == b.name && a.knobs.canonicalJSON == b.knobs.canonicalJSON
  }
}
