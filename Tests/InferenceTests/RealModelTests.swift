import Experiments
import Foundation
import Testing

@testable import Inference

/// The default model, installed by `make test`'s setup (scripts/setup.sh), loaded once.
private let smolLM2 = Result {
  try LanguageModel.load(
    path: AssetPaths.require(GeneratorSpec.defaultModel, what: "default model (SmolLM2-135M)"))
}

/// The default model with the F32 SGEMM prefill (the reference numerics).
private let smolLM2F32 = Result {
  try LanguageModel.load(
    path: AssetPaths.require(GeneratorSpec.defaultModel, what: "default model (SmolLM2-135M)"),
    numerics: .f32)
}

@Test func smolLM2AnswersTheCapitalOfFrance() throws {
  let model = try smolLM2.get()
  #expect(
    model.config.layerCount == 30 && model.config.kvHeadCount == 3
      && model.config.ropeBase == 100_000)
  #expect(model.chatTemplate != nil)
  // No default system prompt, as llama.cpp's built-in chatml: with SmolLM2's own system prompt the
  // 135M model answers with Parisian landmarks instead (both in raglab and in its prefill-only path).
  let prompt = ChatTemplate(defaultSystemPrompt: nil).render(
    [ChatMessage(role: "user", content: "What is the capital of France?")],
    addGenerationPrompt: true)
  let session = model.makeSession(contextLength: 128)
  try session.append(model.tokenizer.encode(prompt))
  let answer = try session.generate(GenerationOptions(maxTokens: 16))
  #expect(answer.text.contains("Paris"), "answer was \(answer.text)")
  #expect(answer.logprobs.count == answer.tokens.count && answer.logprobs.allSatisfy { $0 <= 0 })
  let promptCount = session.count - answer.tokens.count
  session.truncate(to: promptCount)
  let stopped = try session.generate(GenerationOptions(maxTokens: 16, stop: ["Paris"]))
  #expect(stopped.stopReason == .stopString && !stopped.text.contains("Paris"))
  #expect(answer.text.hasPrefix(stopped.text))
}

/// Under `fast` numerics every position's arithmetic is the same whatever batch it was evaluated
/// in (per-token int8 activations, per-row attention), so a prefix evaluated in another batch shape
/// gives bit-identical logits, with either cache. Under `f32`, SGEMM's blocking differs by batch
/// shape: the same logits to ~1e-5 with the F32 cache, and visible differences (0.028 here) once a
/// binary16 cache rounds them.
@Test(arguments: [Numerics.fast, .f32], [KVCacheType.f32, .f16])
func smolLM2TruncateAndAppendReproducesAFreshSession(numerics: Numerics, kvCache: KVCacheType)
  throws
{
  let model = try numerics == .fast ? smolLM2.get() : smolLM2F32.get()
  #expect(model.numerics == numerics)
  let tokens = model.tokenizer.encode(
    "The quick brown fox jumps over the lazy dog. Paris is a city in")
  let session = model.makeSession(contextLength: 64, kvCache: kvCache)
  try session.append(tokens + model.tokenizer.encode(" a completely different ending"))
  session.truncate(to: tokens.count - 3)
  try session.append(Array(tokens.suffix(3)))
  let fresh = model.makeSession(contextLength: 64, kvCache: kvCache)
  try fresh.append(Array(tokens.prefix(tokens.count - 3)))
  try fresh.append(Array(tokens.suffix(3)))
  let a = session.lastLogits()
  let b = fresh.lastLogits()
  // `fast` is exact where the int8 path runs; without it (RAGLAB_NO_SIMD, no AVX2) it is f32.
  let int8 = model.prefillPath.hasPrefix("int8")
  let tolerance: Float = int8 ? 0 : (kvCache == .f32 ? 1e-4 : 0.1)
  #expect(maxDifference(a, b) <= tolerance)
  #expect(Sampler.argmax(a) == Sampler.argmax(b))
}

@Test func smolLM2QuantisedDecodeAgreesWithF32Prefill() throws {
  let model = try smolLM2.get()
  let tokens = model.tokenizer.encode(
    "<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n")
  let batched = model.makeSession(contextLength: 64)
  try batched.append(tokens)
  let stepped = model.makeSession(contextLength: 64)
  try stepped.append(Array(tokens.dropLast()))
  try stepped.append([tokens.last!])
  let a = batched.lastLogits()
  let b = stepped.lastLogits()
  #expect(Sampler.argmax(a) == Sampler.argmax(b))
  #expect(
    maxDifference(a, b) < 1.0, "8-bit activations in the decode matvec move logits only slightly")
}
