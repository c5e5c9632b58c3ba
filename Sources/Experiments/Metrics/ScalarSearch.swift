/// Substring search on Unicode scalars, as Python's `in` on `str` (no canonical equivalence).
enum ScalarSearch {
  /// Whether `needle` occurs in `haystack` as a contiguous run of scalars (an empty needle always does).
  static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    if needle.isEmpty { return true }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return true
    }
    return false
  }
}
