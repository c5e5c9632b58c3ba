import Testing

@testable import Inference

@Suite struct DecodeTests {
  @Test func controlTokensAreHiddenUnlessAsked() throws {
    let tok = try TinyVocab.make(specials: ["<|im_end|>"])
    let ids = tok.encode("ok<|im_end|>")
    #expect(tok.decode(ids) == "ok")
    #expect(tok.decode(ids, renderSpecial: true) == "ok<|im_end|>")
  }

  @Test func byteLevelSpellingDecodesToRawText() throws {
    let tok = try TinyVocab.make(merges: ["  a"], extra: [" a"])
    #expect(tok.decode([tok.tokenID("Ġa")!]) == " a")
  }

  @Test func gpt2CleansSpacesBeforePunctuationButSmolLMDoesNot() throws {
    let gpt2 = try TinyVocab.make(pre: "gpt-2")
    #expect(gpt2.decode(gpt2.encode("a , b 's")) == "a, b's")
    let smol = try TinyVocab.make(pre: "smollm")
    #expect(smol.decode(smol.encode("a , b 's")) == "a , b 's")
  }
}

@Suite struct StreamingDecoderTests {
  @Test func holdsBackASplitTwoByteCharacter() throws {
    let tok = try TinyVocab.make()
    let ids = tok.encode("é")  // two byte tokens: C3, A9
    var stream = tok.makeStreamingDecoder()
    #expect(stream.append(ids[0]) == "")
    #expect(stream.pendingByteCount == 1)
    #expect(stream.append(ids[1]) == "é")
    #expect(stream.pendingByteCount == 0)
  }

  @Test func emitsCompletePrefixOfAFourByteEmojiSplitOneAndThree() throws {
    let b = { (bytes: [UInt8]) in ByteLevel.encode(bytes) }
    let tok = try TinyVocab.make(
      spelledMerges: [b([0x9F]) + " " + b([0x91]), b([0x9F, 0x91]) + " " + b([0x8D])],
      spelledExtra: [b([0x9F, 0x91]), b([0x9F, 0x91, 0x8D])])
    let ids = tok.encode("a👍")  // "a", F0, then 9F 91 8D merged
    var stream = tok.makeStreamingDecoder()
    var pieces: [String] = []
    for id in ids { pieces.append(stream.append(id)) }
    #expect(pieces.joined() == "a👍")
    #expect(pieces.allSatisfy { !$0.unicodeScalars.contains("\u{FFFD}") })
  }

  @Test func finishFlushesADanglingByteAsReplacement() throws {
    let tok = try TinyVocab.make()
    var stream = tok.makeStreamingDecoder()
    #expect(stream.append(tok.encode("é")[0]) == "")
    #expect(stream.finish() == "\u{FFFD}")
  }

  @Test func hidesControlTokens() throws {
    let tok = try TinyVocab.make(specials: ["<|im_end|>"])
    var stream = tok.makeStreamingDecoder()
    let text = tok.encode("hi<|im_end|>").map { stream.append($0) }.joined()
    #expect(text == "hi")
  }
}
