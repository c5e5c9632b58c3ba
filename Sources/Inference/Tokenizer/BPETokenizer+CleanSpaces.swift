extension BPETokenizer {
  /// llama.cpp's `clean_spaces` detokenizer pass: drops the space before `?!.,`, around a lone
  /// apostrophe, and before `'s`, `'m`, `'re`, `'ve`.
  static func cleanSpaces(_ text: [UInt8]) -> [UInt8] {
    let space = UInt8(ascii: " ")
    let quote = UInt8(ascii: "'")
    // Pass 1: " ?", " !", " .", " ,"
    var a: [UInt8] = []
    a.reserveCapacity(text.count)
    for (i, x) in text.enumerated() {
      if i > 0 && text[i - 1] == space && "?!.,".utf8.contains(x) { a.removeLast() }
      a.append(x)
    }
    // Pass 2: " ' " becomes "'"
    var b: [UInt8] = []
    b.reserveCapacity(a.count)
    var i = 0
    while i < a.count {
      let x = a[i]
      if i > 0 && x == quote && i + 1 < a.count && a[i - 1] == space && a[i + 1] == space {
        b.removeLast()
        b.append(x)
        i += 2
        continue
      }
      b.append(x)
      i += 1
    }
    // Pass 3: " 's", " 'm", " 're", " 've"
    var c: [UInt8] = []
    c.reserveCapacity(b.count)
    for (i, x) in b.enumerated() {
      if i > 0 && b[i - 1] == space && x == quote && i + 1 < b.count {
        let x1 = b[i + 1]
        let x2: UInt8? = i + 2 < b.count ? b[i + 2] : nil
        let drop =
          x1 == UInt8(ascii: "s") || x1 == UInt8(ascii: "m")
          || (x2 == UInt8(ascii: "e") && (x1 == UInt8(ascii: "r") || x1 == UInt8(ascii: "v")))
        if drop && x1 != UInt8(ascii: "t") && x1 != UInt8(ascii: "d") { c.removeLast() }
      }
      c.append(x)
    }
    return c
  }
}
