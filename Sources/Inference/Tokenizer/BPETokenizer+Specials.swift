extension BPETokenizer {
  /// A piece of the input: raw text still to be tokenized, or a special token already found.
  enum Fragment: Equatable {
    case text(Range<Int>)
    case token(Int32)
  }

  /// Splits special tokens out of `bytes`, longest first, as llama.cpp's `tokenizer_st_partition`.
  ///
  /// With `parseSpecial` false only user-defined tokens are split out.
  func partitionSpecials(_ bytes: [UInt8], parseSpecial: Bool) -> [Fragment] {
    guard !bytes.isEmpty else { return [] }
    var fragments: [Fragment] = [.text(0..<bytes.count)]
    for special in vocabulary.specials {
      if !parseSpecial && special.type != .userDefined { continue }
      let needle = special.bytes
      guard let first = needle.first else { continue }
      guard Self.occurs(needle, in: bytes, fragments: fragments) else { continue }
      var next: [Fragment] = []
      next.reserveCapacity(fragments.count)
      for fragment in fragments {
        guard case .text(let range) = fragment else {
          next.append(fragment)
          continue
        }
        var start = range.lowerBound
        var pos = range.lowerBound
        while pos + needle.count <= range.upperBound {
          if bytes[pos] == first && bytes[pos..<pos + needle.count].elementsEqual(needle) {
            if pos > start { next.append(.text(start..<pos)) }
            next.append(.token(special.id))
            pos += needle.count
            start = pos
          } else {
            pos += 1
          }
        }
        if range.upperBound > start { next.append(.text(start..<range.upperBound)) }
      }
      fragments = next
    }
    return fragments
  }

  /// Whether `needle` occurs inside one of the raw-text fragments.
  private static func occurs(_ needle: [UInt8], in bytes: [UInt8], fragments: [Fragment]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      needle.withUnsafeBufferPointer { pattern in
        for case .text(let range) in fragments where range.count >= pattern.count {
          var pos = range.lowerBound
          let last = range.upperBound - pattern.count
          while pos <= last {
            if buffer[pos] == pattern[0] && memcmpEqual(buffer, pos, pattern) { return true }
            pos += 1
          }
        }
        return false
      }
    }
  }

  private static func memcmpEqual(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ pattern: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    for i in 1..<pattern.count where buffer[start + i] != pattern[i] { return false }
    return true
  }
}
