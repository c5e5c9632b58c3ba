import Testing

@testable import Inference

@Suite struct GPT2PreTokenizerTests {
  @Test func wordsTakeOneLeadingSpace() throws {
    #expect(try preTokens("gpt-2", "Hello world") == ["Hello", " world"])
  }

  @Test func lowercaseContractionsSplitOff() throws {
    #expect(
      try preTokens("gpt-2", "I'm here, they'll go") == [
        "I", "'m", " here", ",", " they", "'ll", " go",
      ])
  }

  @Test func uppercaseContractionsAreNotContractions() throws {
    #expect(try preTokens("gpt-2", "DON'T") == ["DON", "'", "T"])
  }

  @Test func spaceRunLeavesItsLastSpaceToTheNextWord() throws {
    #expect(try preTokens("gpt-2", "a   b") == ["a", "  ", " b"])
  }

  @Test func trailingSpacesStayTogether() throws {
    #expect(try preTokens("gpt-2", "a  ") == ["a", "  "])
  }

  @Test func numbersRunTogether() throws {
    #expect(try preTokens("gpt-2", "abc 12345") == ["abc", " 12345"])
  }

  @Test func newlinesSplitOneByOneBeforeAWord() throws {
    #expect(try preTokens("gpt-2", "a\n\nb") == ["a", "\n", "\n", "b"])
  }

  @Test func punctuationRunsAreOnePiece() throws {
    #expect(try preTokens("gpt-2", "hi!!!\n\nthere") == ["hi", "!!!", "\n", "\n", "there"])
  }

  @Test func emojiZWJSequenceIsOneOtherRun() throws {
    #expect(try preTokens("gpt-2", "hi 👨‍👩‍👧") == ["hi", " 👨‍👩‍👧"])
  }

  @Test func thaiCombiningMarksAreNotLetters() throws {
    // ท is a letter; the two combining marks after it (Mn) form an "other" run.
    #expect(try preTokens("gpt-2", "ที่") == ["ท", "\u{0E35}\u{0E48}"])
  }

  @Test func cjkIsLetters() throws {
    #expect(try preTokens("gpt-2", "你好 世界") == ["你好", " 世界"])
  }
}

@Suite struct SmolLMPreTokenizerTests {
  @Test func digitsAreIsolatedBeforeTheGPT2Regex() throws {
    #expect(try preTokens("smollm", "abc 12345") == ["abc", " ", "1", "2", "3", "4", "5"])
  }

  @Test func nonASCIIDigitsAreIsolatedToo() throws {
    #expect(try preTokens("smollm", "x٣٤²") == ["x", "٣", "٤", "²"])
  }
}

@Suite struct Llama3PreTokenizerTests {
  @Test func contractionsAreCaseInsensitive() throws {
    #expect(try preTokens("llama-bpe", "DON'T I'M") == ["DON", "'T", " I", "'M"])
  }

  @Test func numbersGroupInThrees() throws {
    #expect(try preTokens("llama-bpe", "abc1234567") == ["abc", "123", "456", "7"])
  }

  @Test func anyNonLetterPrefixJoinsAWord() throws {
    #expect(try preTokens("llama-bpe", "a\tb(c") == ["a", "\tb", "(c"])
  }

  @Test func crlfEndsAtTheLastNewline() throws {
    #expect(try preTokens("llama-bpe", "x\r\n  y") == ["x", "\r\n", " ", " y"])
  }

  @Test func punctuationTakesTrailingNewlines() throws {
    #expect(try preTokens("llama-bpe", "hi!!!\n\nthere") == ["hi", "!!!\n\n", "there"])
  }

  @Test func spaceBeforePunctuationJoinsIt() throws {
    #expect(try preTokens("llama-bpe", "a ...b") == ["a", " ...", "b"])
  }
}

@Suite struct Qwen2PreTokenizerTests {
  @Test func digitsAreSingle() throws {
    #expect(try preTokens("qwen2", "v12 3") == ["v", "1", "2", " ", "3"])
  }

  @Test func contractionsAreCaseInsensitive() throws {
    #expect(try preTokens("qwen2", "WE'LL") == ["WE", "'LL"])
  }
}

@Suite struct DefaultPreTokenizerTests {
  @Test func punctuationThenGPT2ThenNumberRunsThenTriples() throws {
    #expect(try preTokens("default", "a,b 1234") == ["a", ",", "b", " ", "123", "4"])
  }
}

@Test func unknownPreTokenizerNameIsAnError() {
  #expect(throws: TokenizerError.self) { try PreTokenizer(named: "no-such-pre") }
}

@Suite struct ScalarClassTests {
  @Test func scalarsNewerThanUnicode15_1AreUnassignedLikeLlamaCpp() {
    #expect(ScalarClass.of(0xA7C0).contains(.letter))  // Unicode 14
    #expect(ScalarClass.of(0xA7CB) == [])  // Unicode 16 letter
  }

  @Test func whitespaceIsUnicodeWhiteSpaceOnly() {
    #expect(ScalarClass.of(0x85).contains(.whitespace))
    #expect(ScalarClass.of(0xA0).contains(.whitespace))
    #expect(ScalarClass.of(0x3000).contains(.whitespace))
    #expect(!ScalarClass.of(0x200B).contains(.whitespace))
  }

  @Test func asciiSymbolsAndPunctuationFollowUnicodeCategories() {
    #expect(ScalarClass.of(UInt32(("$" as Unicode.Scalar).value)) == .symbol)
    #expect(ScalarClass.of(UInt32(("`" as Unicode.Scalar).value)) == .symbol)
    #expect(ScalarClass.of(UInt32(("_" as Unicode.Scalar).value)) == .punctuation)
  }
}
