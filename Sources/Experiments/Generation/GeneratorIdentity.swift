import Foundation
import Inference

/// Everything besides the prompt and the decoding options that changes a generated answer: the
/// generation-cache key part of a generator, and its provenance.
///
/// Two generators with equal identities must give the same answer to the same prompt and options;
/// when one field differs the cache never reuses the other's answers.
public struct GeneratorIdentity: Codable, Sendable, Equatable {
  /// `inprocess`, `openai`, or a test generator's own name.
  public var backend: String
  /// sha256 of the model weights (for `openai`, the spec's `model_sha256` or an endpoint identity).
  public var modelSHA256: String
  /// The in-process engine's numerics version (`EngineVersion.current`); nil for a server.
  public var engineVersion: String?
  /// The in-process KV-cache element type (`f32`, `f16`); nil for a server.
  public var kvCache: String?
  /// `fast` when the in-process engine's prefill may take its int8 path; nil for `f32` (the only
  /// path before the key existed, so older cache entries keep meaning f32) and for a server.
  public var numerics: String?
  /// The server's API root for `openai`.
  public var url: String?
  /// The served model name for `openai`.
  public var servedModel: String?
  /// `chat` when an `openai` server applies its own chat template (`generator.endpoint: chat`);
  /// nil for `completions`, so identities from before the key existed keep their cache keys.
  public var endpoint: String?

  /// Creates an identity.
  public init(
    backend: String, modelSHA256: String, engineVersion: String? = nil, kvCache: String? = nil,
    numerics: String? = nil, url: String? = nil, servedModel: String? = nil,
    endpoint: String? = nil
  ) {
    self.backend = backend
    self.modelSHA256 = modelSHA256
    self.engineVersion = engineVersion
    self.kvCache = kvCache
    self.numerics = numerics
    self.url = url
    self.servedModel = servedModel
    self.endpoint = endpoint
  }

  /// Canonical JSON (sorted keys, absent fields left out): what is stored beside each cache entry.
  public var json: String { JSONText.encode(self) }

  /// sha256 of `json`: the generator part of the generation-cache key.
  public var key: String { SHA256.hex(of: Array(json.utf8)) }
}

extension InProcessGenerator {
  /// Model file, engine version, prefill numerics and KV-cache type: the in-process answer's
  /// inputs besides the prompt.
  public var identity: GeneratorIdentity {
    GeneratorIdentity(
      backend: "inprocess", modelSHA256: modelSHA256, engineVersion: EngineVersion.current,
      kvCache: kvCache.rawValue, numerics: model.numerics == .f32 ? nil : model.numerics.rawValue)
  }
}

extension OpenAIGenerator {
  /// Server URL, served model name, pinned weights and endpoint: the remote answer's inputs
  /// besides the prompt (not the retries or the API key, which do not change an answer).
  public var identity: GeneratorIdentity {
    GeneratorIdentity(
      backend: "openai", modelSHA256: modelSHA256, url: baseURL.absoluteString, servedModel: model,
      endpoint: endpoint == .chat ? OpenAIEndpoint.chat.rawValue : nil)
  }
}
