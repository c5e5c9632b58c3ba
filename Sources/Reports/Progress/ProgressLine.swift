/// The arithmetic and text of one progress report: done/total, rate, ETA, a bar.
public struct ProgressLine: Sendable, Equatable {
  /// Units finished.
  public var done: Int
  /// Units in all.
  public var total: Int
  /// Seconds since the work started.
  public var elapsed: Double
  /// Units already done when the work started (a resumed run); they do not count towards the rate.
  public var initial: Int
  /// Text shown after the counts (e.g. a server's request rate); empty for none.
  public var note: String

  /// Creates a snapshot.
  public init(done: Int, total: Int, elapsed: Double, initial: Int = 0, note: String = "") {
    self.done = done
    self.total = total
    self.elapsed = elapsed
    self.initial = initial
    self.note = note
  }

  /// Units per second done in this session (0 before the first unit or the first instant).
  public var rate: Double {
    elapsed > 0 ? Double(max(0, done - initial)) / elapsed : 0
  }

  /// Seconds left at the current rate, nil while the rate is unknown.
  public var eta: Double? {
    guard rate > 0 else { return nil }
    return Double(max(0, total - done)) / rate
  }

  /// Share finished, in 0…1.
  public var fraction: Double {
    total > 0 ? min(1, Double(done) / Double(total)) : 1
  }

  /// `[#####.....]` with `width` cells.
  public func bar(width: Int = 20) -> String {
    let filled = Int((fraction * Double(width)).rounded(.down))
    return "[" + String(repeating: "#", count: filled)
      + String(repeating: ".", count: width - filled) + "]"
  }

  /// `120/400 3.1/s ETA 1:30` (`ETA ?` before the rate is known, `in 2:10` once finished).
  public var counts: String {
    let rateText = rate >= 10 ? NumberFormat.fixed(rate, 0) : NumberFormat.fixed(rate, 1)
    let tail: String
    if done >= total {
      tail = "in \(NumberFormat.duration(elapsed))"
    } else {
      tail = "ETA " + (eta.map(NumberFormat.duration) ?? "?")
    }
    return "\(done)/\(total) \(rateText)/s \(tail)"
  }

  /// The full line: optional label, bar, counts, optional note.
  public func text(label: String, width: Int = 20) -> String {
    (label.isEmpty ? "" : label + " ") + bar(width: width) + " " + counts
      + (note.isEmpty ? "" : " " + note)
  }
}
