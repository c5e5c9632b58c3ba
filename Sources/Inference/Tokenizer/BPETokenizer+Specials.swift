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
      var next: [Fragment] = []
      next.reserveCapacity(fragments.count)
      var changed = false
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
            changed = true
          } else {
            pos += 1
          }
        }
        if range.upperBound > start { next.append(.text(start..<range.upperBound)) }
      }
      if changed { fragments = next }
    }
    return fragments
  }
}
