import Testing

@testable import Inference

@Suite struct BytePairMergeTests {
  @Test func mergesChainIntoOneToken() throws {
    let tok = try TinyVocab.make(
      merges: ["h e", "l l", "he ll", "hell o"], extra: ["he", "ll", "hell", "hello"])
    let ids = tok.encode("hello")
    #expect(ids == [tok.tokenID("hello")!])
  }

  @Test func lowerRankMergesFirst() throws {
    let bcFirst = try TinyVocab.make(merges: ["b c", "a b"], extra: ["ab", "bc"])
    #expect(TinyVocab.texts(bcFirst, bcFirst.encode("abc")) == ["a", "bc"])
    let abFirst = try TinyVocab.make(merges: ["a b", "b c"], extra: ["ab", "bc"])
    #expect(TinyVocab.texts(abFirst, abFirst.encode("abc")) == ["ab", "c"])
  }

  @Test func equalRanksMergeLeftmostFirst() throws {
    let tok = try TinyVocab.make(merges: ["a a"], extra: ["aa"])
    #expect(TinyVocab.texts(tok, tok.encode("aaa")) == ["aa", "a"])
  }

  @Test func leadingSpaceIsTheByteLevelG() throws {
    let tok = try TinyVocab.make(merges: ["  a"], extra: [" a"])
    #expect(tok.tokenText(tok.encode("b a").last!) == "Ġa")
  }

  @Test func mergeThroughAStringOutsideTheVocabulary() throws {
    // "xy" is not a token but a merge step towards "xyz".
    let tok = try TinyVocab.make(merges: ["x y", "xy z"], extra: ["xyz"])
    #expect(tok.encode("xyz") == [tok.tokenID("xyz")!])
    // Left as "xy", llama.cpp falls back to the single-byte tokens.
    #expect(TinyVocab.texts(tok, tok.encode("xy")) == ["x", "y"])
  }

  @Test func llama3EmitsWholeVocabularyWordsWithoutMerging() throws {
    let llama = try TinyVocab.make(extra: ["abc"], pre: "llama-bpe")
    #expect(llama.encode("abc") == [llama.tokenID("abc")!])
    let gpt2 = try TinyVocab.make(extra: ["abc"], pre: "gpt-2")
    #expect(gpt2.encode("abc").count == 3)
  }

  @Test func multibyteCharactersStartAsSeparateBytes() throws {
    let tok = try TinyVocab.make()
    #expect(tok.encode("é").count == 2)
    #expect(tok.decode(tok.encode("é")) == "é")
  }

  @Test func veryLongWordStaysFast() throws {
    let tok = try TinyVocab.make(merges: ["a a", "aa aa"], extra: ["aa", "aaaa"])
    let ids = tok.encode(String(repeating: "a", count: 20_000))
    #expect(ids.count == 5_000)
  }
}

@Suite struct SpecialTokenSplitTests {
  @Test func controlTokensSplitOutOfText() throws {
    let tok = try TinyVocab.make(specials: ["<|im_start|>", "<|im_end|>"])
    let ids = tok.encode("<|im_start|>hi<|im_end|>")
    #expect(ids.first == tok.tokenID("<|im_start|>"))
    #expect(ids.last == tok.tokenID("<|im_end|>"))
    #expect(ids.count == 4)
  }

  @Test func longerSpecialWinsOverItsPrefix() throws {
    let tok = try TinyVocab.make(specials: ["<a>", "<a><b>"])
    #expect(tok.encode("<a><b><a>") == [tok.tokenID("<a><b>")!, tok.tokenID("<a>")!])
  }

  @Test func controlTokensStayTextWithoutParseSpecial() throws {
    let tok = try TinyVocab.make(specials: ["<s>"], userDefined: ["<u>"])
    let ids = tok.encode("<s><u>", parseSpecial: false)
    #expect(!ids.contains(tok.tokenID("<s>")!))
    #expect(ids.last == tok.tokenID("<u>"))
    #expect(ids.count == 4)
  }

  @Test func textAroundSpecialsIsPreTokenizedSeparately() throws {
    let tok = try TinyVocab.make(specials: ["<x>"], pre: "smollm")
    #expect(TinyVocab.texts(tok, tok.encode("a<x>1")) == ["a", "<x>", "1"])
  }

  @Test func endOfGenerationIncludesChatMarkupAndEOS() throws {
    let tok = try BPETokenizer(
      tokens: ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "a"], merges: [],
      tokenTypes: [3, 3, 3, 1], preTokenizer: "smollm", bos: 1, eos: 2)
    #expect(tok.isEndOfGeneration(0))
    #expect(tok.isEndOfGeneration(2))
    #expect(!tok.isEndOfGeneration(1))
    #expect(!tok.isEndOfGeneration(3))
  }

  @Test func mismatchedTokenTypesAreAnError() {
    #expect(throws: TokenizerError.self) {
      try BPETokenizer(tokens: ["a", "b"], merges: [], tokenTypes: [1], preTokenizer: "gpt-2")
    }
  }
}
