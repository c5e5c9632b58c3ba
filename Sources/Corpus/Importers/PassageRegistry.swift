import Inference

/// The passages an import has seen, by id: tells a passage repeated on several lines (fine)
/// from an id reused for a different passage (an error).
struct PassageRegistry {
  /// Digests of one passage's title and text, and the line it was first seen on.
  struct Entry {
    /// 1-based line of the first occurrence.
    let line: Int
    /// First 16 hex digits of SHA-256 of the title.
    let title: Substring
    /// First 16 hex digits of SHA-256 of the text.
    let text: Substring

    /// The entry for a passage on `line`.
    init(line: Int, title: String, text: String) {
      self.line = line
      self.title = SHA256.hex(of: title).prefix(16)
      self.text = SHA256.hex(of: text).prefix(16)
    }

    /// What differs between two passages (`text`, `title`, `title and text`), nil if nothing.
    func difference(from other: Entry) -> String? {
      switch (title == other.title, text == other.text) {
      case (true, true): return nil
      case (true, false): return "text"
      case (false, true): return "title"
      case (false, false): return "title and text"
      }
    }
  }

  private var entries: [String: Entry] = [:]
  /// Entries of the line being read, kept apart until it is accepted.
  private var pending: [String: Entry] = [:]

  /// Notes that `id` names `title` and `text` on `line` (accepted with the line by `commit()`).
  /// - Throws: `FieldError` naming the id and the line it first appeared on when it named a
  ///   passage with another title or text there.
  mutating func check(id: String, title: String, text: String, line: Int) throws(FieldError) {
    let entry = Entry(line: line, title: title, text: text)
    guard let earlier = pending[id] ?? entries[id] else {
      pending[id] = entry
      return
    }
    if let difference = entry.difference(from: earlier) {
      throw FieldError(
        "passage id `\(id)` was first seen on line \(earlier.line) with a different "
          + "\(difference); one id must name one passage (fix the file, or drop the `id` fields "
          + "to key passages by title and text)")
    }
  }

  /// Accepts the checked entries of the current line.
  mutating func commit() {
    entries.merge(pending) { first, _ in first }
    pending.removeAll(keepingCapacity: true)
  }

  /// Drops the checked entries of a line that was rejected.
  mutating func discard() { pending.removeAll(keepingCapacity: true) }
}
