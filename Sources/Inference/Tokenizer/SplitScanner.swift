/// Runs one pre-tokenizer split over one piece, a port of llama.cpp's `unicode_regex_split_custom_*`.
///
/// Positions outside `range` read as "no scalar", so lookaheads stop at the piece boundary exactly
/// as llama.cpp's `_get_cpt`/`_get_flags` do.
struct SplitScanner {
  let scalars: [UInt32]
  let classes: [ScalarClass]
  let range: Range<Int>
  private var tokenStart: Int

  init(scalars: [UInt32], classes: [ScalarClass], range: Range<Int>) {
    self.scalars = scalars
    self.classes = classes
    self.range = range
    self.tokenStart = range.lowerBound
  }

  /// Appends the pieces `split` cuts `range` into.
  mutating func run(_ split: PreTokenizer.Split, into out: inout [Range<Int>]) {
    switch split {
    case .gpt2: scanGPT2(into: &out)
    case .llama3: scanLlama3(digitGroup: 3, into: &out)
    case .qwen2: scanLlama3(digitGroup: 1, into: &out)
    case .isolatedNumbers: scanRuns(into: &out) { classes[$0].contains(.number) ? $0 + 1 : nil }
    case .numberRuns: scanRuns(into: &out) { run(from: $0) { classes[$0].contains(.number) } }
    case .punctuationRuns: scanRuns(into: &out) { run(from: $0, while: isPunctuationRunScalar) }
    case .asciiDigitTriples:
      scanRuns(into: &out) { pos in
        pos + 3 <= range.upperBound && (pos..<pos + 3).allSatisfy { isASCIIDigit(scalars[$0]) }
          ? pos + 3 : nil
      }
    }
  }

  // MARK: - Position helpers (out of range reads as nothing)

  private func scalar(_ pos: Int) -> UInt32? { range.contains(pos) ? scalars[pos] : nil }
  private func cls(_ pos: Int) -> ScalarClass { range.contains(pos) ? classes[pos] : [] }
  private func isOther(_ pos: Int) -> Bool {
    range.contains(pos) && classes[pos].isDisjoint(with: [.whitespace, .letter, .number])
  }

  /// Emits the piece from the previous cut to `end`, if not empty; returns its length.
  @discardableResult
  private mutating func cut(at end: Int, _ out: inout [Range<Int>]) -> Int {
    let length = end - tokenStart
    if length > 0 { out.append(tokenStart..<end) }
    tokenStart = end
    return length
  }

  private static let contractionLetters: Set<UInt32> = [0x73, 0x74, 0x6D, 0x64]  // s t m d

  /// Length of a contraction at `pos` (`'s`, `'re`, …), or 0; `foldCase` lower-cases A–Z first.
  private func contractionLength(at pos: Int, foldCase: Bool) -> Int {
    guard scalars[pos] == 0x27, pos + 1 < range.upperBound else { return 0 }
    let fold: (UInt32) -> UInt32 = { c in foldCase && (0x41...0x5A).contains(c) ? c + 32 : c }
    let next = fold(scalars[pos + 1])
    if Self.contractionLetters.contains(next) { return 2 }
    guard pos + 2 < range.upperBound else { return 0 }
    let after = fold(scalars[pos + 2])
    switch (next, after) {
    case (0x72, 0x65), (0x76, 0x65), (0x6C, 0x6C): return 3  // re ve ll
    default: return 0
    }
  }

  // MARK: - GPT-2

  private mutating func scanGPT2(into out: inout [Range<Int>]) {
    var pos = range.lowerBound
    while pos < range.upperBound {
      let cpt = scalars[pos]
      let contraction = contractionLength(at: pos, foldCase: false)
      if contraction > 0 {
        pos += cut(at: pos + contraction, &out)
        continue
      }
      let leadingSpace = cpt == 0x20 ? 1 : 0
      let probe = pos + leadingSpace
      if cls(probe).contains(.letter) {  // ?\p{L}+
        pos = run(from: probe) { cls($0).contains(.letter) }
        cut(at: pos, &out)
        continue
      }
      if cls(probe).contains(.number) {  // ?\p{N}+
        pos = run(from: probe) { cls($0).contains(.number) }
        cut(at: pos, &out)
        continue
      }
      if isOther(probe) {  // ?[^\s\p{L}\p{N}]+
        pos = run(from: probe, while: isOther)
        cut(at: pos, &out)
        continue
      }
      pos = scanWhitespace(at: pos, newlineRule: false, &out)
    }
  }

  // MARK: - Llama 3 / Qwen2

  private mutating func scanLlama3(digitGroup: Int, into out: inout [Range<Int>]) {
    var pos = range.lowerBound
    while pos < range.upperBound {
      let cpt = scalars[pos]
      let flags = classes[pos]
      let contraction = contractionLength(at: pos, foldCase: true)
      if contraction > 0 {
        pos += cut(at: pos + contraction, &out)
        continue
      }
      // [^\r\n\p{L}\p{N}]?\p{L}+
      if !(cpt == 0x0D || cpt == 0x0A || flags.contains(.number)) {
        if flags.contains(.letter) || cls(pos + 1).contains(.letter) {
          pos = run(from: pos + 1) { cls($0).contains(.letter) }
          cut(at: pos, &out)
          continue
        }
      }
      // \p{N}{1,3} (llama3) or \p{N} (qwen2)
      if flags.contains(.number) {
        var groupStart = pos
        while cls(pos).contains(.number) {
          pos += 1
          if pos - groupStart >= digitGroup {
            cut(at: pos, &out)
            groupStart = pos
          }
        }
        cut(at: pos, &out)
        continue
      }
      // ?[^\s\p{L}\p{N}]+[\r\n]*  (llama.cpp tests the class at pos+1 but "defined" at pos)
      let probe = cpt == 0x20 ? pos + 1 : pos
      let probeClass = cls(probe)
      if probeClass.isDisjoint(with: [.whitespace, .letter, .number]) {
        pos = run(from: probe, while: isOther)
        while let next = scalar(pos), next == 0x0D || next == 0x0A { pos += 1 }
        cut(at: pos, &out)
        continue
      }
      pos = scanWhitespace(at: pos, newlineRule: true, &out)
    }
  }

  // MARK: - Shared rules

  /// `\s*[\r\n]+` (when `newlineRule`), then `\s+(?!\S)`, then `\s+`, else a single scalar.
  private mutating func scanWhitespace(at start: Int, newlineRule: Bool, _ out: inout [Range<Int>])
    -> Int
  {
    var count = 0
    var lastNewlineEnd = 0
    while cls(start + count).contains(.whitespace) {
      let c = scalars[start + count]
      if c == 0x0D || c == 0x0A { lastNewlineEnd = start + count + 1 }
      count += 1
    }
    if newlineRule && lastNewlineEnd > 0 {
      cut(at: lastNewlineEnd, &out)
      return lastNewlineEnd
    }
    if count > 1 && scalar(start + count) != nil {
      cut(at: start + count - 1, &out)
      return start + count - 1
    }
    let end = start + max(count, 1)
    cut(at: end, &out)
    return end
  }

  /// First position at or after `pos` where `predicate` fails.
  private func run(from pos: Int, while predicate: (Int) -> Bool) -> Int {
    var end = pos
    while end < range.upperBound && predicate(end) { end += 1 }
    return end
  }

  /// `std::regex` splitting: each leftmost match is a piece, and so is each gap between matches.
  /// `match(pos)` returns the end of a match starting at `pos`, or nil.
  private func scanRuns(into out: inout [Range<Int>], match: (Int) -> Int?) {
    var pos = range.lowerBound
    var gapStart = pos
    while pos < range.upperBound {
      if let end = match(pos), end > pos {
        if pos > gapStart { out.append(gapStart..<pos) }
        out.append(pos..<end)
        pos = end
        gapStart = end
      } else {
        pos += 1
      }
    }
    if range.upperBound > gapStart { out.append(gapStart..<range.upperBound) }
  }

  private func isPunctuationRunScalar(_ pos: Int) -> Bool {
    let c = scalars[pos]
    if c < 128 {
      // ASCII \p{P} per llama.cpp's collapsed class, plus $ + < = > ^ ~ |
      return classes[pos].contains(.punctuation) || "$+<=>^~|".unicodeScalars.contains { $0.value == c }
    }
    return classes[pos] == .punctuation
  }

  private func isASCIIDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
}
