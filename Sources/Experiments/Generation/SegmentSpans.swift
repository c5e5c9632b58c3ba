/// The token range of each segment appended to a context, kept in step with rewinds.
///
/// Generated tokens are not segments: a segment records where it really starts, so a segment
/// appended after an answer that was not rewound starts after the answer.
public struct SegmentSpans: Sendable, Equatable {
  /// Token ranges of the segments in the context, in order.
  public private(set) var ranges: [Range<Int>] = []

  /// Creates an empty record.
  public init() {}

  /// Records a segment occupying tokens `range`.
  public mutating func record(_ range: Range<Int>) {
    ranges.append(range)
  }

  /// Forgets every token from `position` on: segments starting at or after it are dropped, a
  /// segment straddling it is cut short.
  public mutating func truncate(to position: Int) {
    ranges.removeAll { $0.lowerBound >= position }
    if let last = ranges.last, last.upperBound > position {
      ranges[ranges.count - 1] = last.lowerBound..<position
    }
  }
}
