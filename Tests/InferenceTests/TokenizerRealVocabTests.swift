import Experiments
import Foundation
import Testing

@testable import Inference

/// The default model that `make test` installs; a missing file fails the tests naming set-up.
private func smolLM2Path() throws -> String {
  try AssetPaths.require(GeneratorSpec.defaultModel, what: "default model (SmolLM2-135M)")
}

@Suite struct SmolLM2VocabularyTests {
  /// Hard strings with the ids llama.cpp (`llama_tokenize`, parse_special, no BOS) gives them.
  static let cases: [(String, [Int32])] = [
    (
      "Hello, world! How's it going? I'm fine; you're great. We'll see, they've gone, he'd say.",
      [
        19556, 28, 905, 17, 1073, 506, 357, 2045, 47, 339, 5248, 4979, 43, 346, 2316, 1109, 30,
        1046,
        3060, 963, 28, 502, 3543, 7270, 28, 384, 6737, 1643, 30,
      ]
    ),
    ("DON'T SHOUT I'M HERE", [52, 2154, 23, 68, 334, 21953, 339, 23, 61, 27873]),
    (
      "line1\nline2\r\nline3\r\n\r\n\n  indented\n\ttab\t\ttabs",
      [
        1311, 33, 198, 1311, 34, 201, 198, 1311, 35, 7209, 8866, 641, 6574, 198, 197, 15999, 197,
        197, 100, 7366,
      ]
    ),
    (" \n \n ", [3717, 3717, 216]),
    (
      "numbers 1234567 and 3.14159 and 1,000,000",
      [
        28707, 216, 33, 34, 35, 36, 37, 38, 39, 284, 216, 35, 30, 33, 36, 33, 37, 41, 284, 216, 33,
        28, 32,
        32, 32, 28, 32, 32, 32,
      ]
    ),
    (
      "中文文本测试，这是一个句子。",
      [
        28589, 29184, 29184, 40993, 43222, 229, 16313, 239, 12831, 48287, 27830, 43340, 12034, 115,
        47222, 19076,
      ]
    ),
    (
      "ภาษาไทยเป็นภาษาที่ยาก",
      [
        10283, 250, 43662, 10283, 119, 43662, 31933, 222, 10283, 241, 10283, 112, 31933, 218, 10283,
        245,
        31933, 225, 10283, 243, 10283, 250, 43662, 10283, 119, 43662, 10283, 241, 10283, 130, 31933,
        226,
        10283, 112, 43662, 10283, 219,
      ]
    ),
    (
      "emoji 👨‍👩‍👧‍👦 family and 👍🏽 thumbs",
      [
        391, 33777, 15107, 235, 118, 321, 231, 10813, 235, 119, 321, 231, 10813, 235, 117, 321, 231,
        10813,
        235, 116, 1564, 284, 15107, 235, 231, 10813, 233, 138, 39239,
      ]
    ),
    (
      "def foo(x):\n    return x**2 + 1  # comment\n",
      [1604, 29856, 24, 104, 727, 472, 1003, 1792, 828, 34, 1232, 216, 33, 216, 907, 5189, 198]
    ),
    (
      "if (a && b || !c) { x += 1; }",
      [342, 365, 81, 1456, 22, 278, 14669, 5728, 83, 25, 1662, 1792, 4519, 216, 33, 43, 4029]
    ),
    (
      "<|im_start|>user\nWhat?<|im_end|>\n<|im_start|>assistant\n",
      [1, 4093, 198, 1780, 47, 2, 198, 1, 520, 9531, 198]
    ),
    (
      "\u{00A0}nbsp\u{2003}emspace\u{3000}ideographic",
      [15442, 94, 32093, 321, 221, 1687, 6525, 12109, 218, 489, 4551]
    ),
    ("zero\u{200B}width", [13723, 321, 229, 6930]),
  ]

  static let tokenizer = Result { try BPETokenizer(gguf: GGUFFile(path: smolLM2Path())) }

  @Test func vocabularyLoadsWithSmolLMPreTokenizer() throws {
    let tok = try Self.tokenizer.get()
    #expect(tok.vocabularySize == 49152)
    #expect(tok.preTokenizer.name == "smollm")
    #expect(tok.isEndOfGeneration(2) && tok.isEndOfGeneration(0))
  }

  @Test(arguments: cases.indices)
  func hardStringMatchesLlamaCpp(_ index: Int) throws {
    let tok = try Self.tokenizer.get()
    let (text, expected) = Self.cases[index]
    #expect(tok.encode(text) == expected)
    #expect(tok.decode(expected, renderSpecial: true) == text)
  }

  @Test(arguments: cases.indices)
  func streamingDecodeRebuildsTheTextWithoutBrokenCharacters(_ index: Int) throws {
    let tok = try Self.tokenizer.get()
    let (text, ids) = Self.cases[index]
    var stream = tok.makeStreamingDecoder(renderSpecial: true)
    let chunks = ids.map { stream.append($0) } + [stream.finish()]
    #expect(chunks.joined() == text)
    #expect(chunks.allSatisfy { !$0.unicodeScalars.contains("\u{FFFD}") })
  }

  @Test func chatTemplateFromTheModelRendersTheDefaultSystemPrompt() throws {
    let file = try GGUFFile(path: smolLM2Path())
    let template = try #require(
      ChatTemplate.recognise(file.metadata["tokenizer.chat_template"]?.string))
    #expect(
      template.defaultSystemPrompt
        == "You are a helpful AI assistant named SmolLM, trained by Hugging Face")
  }
}
