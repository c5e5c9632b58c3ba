import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Shows progress of long work on stderr: one redrawn line on a terminal, plain lines otherwise.
///
/// On a TTY it redraws `label [#####.....] 120/400 3.1/s ETA 1:30` at most every 0.1 s; elsewhere
/// (logs, CI) it prints a line each time another 5 % is done or 10 s have passed. Safe to call from
/// any thread (a runner's callback): every method takes a lock.
public final class ProgressBar: @unchecked Sendable {
  /// What the bar prints to, without a trailing newline handled for it.
  public typealias Sink = @Sendable (String) -> Void

  private let lock = NSLock()
  private let label: String
  private let interactive: Bool
  private let sink: Sink
  private let clock: @Sendable () -> Double
  private let start: Double
  private var total: Int
  private var done: Int
  private var initial: Int
  private var note = ""
  private var lastDraw = -Double.infinity
  private var lastStep = -1
  private var lastPrinted = -1
  private var finished = false

  /// Creates a bar for `total` units.
  /// - Parameters:
  ///   - initial: units already done (a resumed run); excluded from the rate and ETA.
  ///   - label: text before the bar (`bm25`, `trials`).
  ///   - interactive: redraw one line (true) or print plain lines; defaults to `isatty(stderr)`.
  ///   - sink: where text goes; defaults to stderr.
  ///   - clock: seconds from any fixed origin; defaults to the monotonic clock.
  public init(
    total: Int, initial: Int = 0, label: String = "", interactive: Bool? = nil,
    sink: Sink? = nil, clock: (@Sendable () -> Double)? = nil
  ) {
    self.total = max(0, total)
    self.done = max(0, initial)
    self.initial = max(0, initial)
    self.label = label
    self.interactive = interactive ?? (isatty(STDERR_FILENO) == 1)
    self.sink = sink ?? { text in FileHandle.standardError.write(Data(text.utf8)) }
    self.clock = clock ?? { ProcessInfo.processInfo.systemUptime }
    self.start = self.clock()
  }

  /// Marks `count` more units done and redraws if due.
  public func advance(by count: Int = 1) {
    lock.withLock {
      done += count
      draw(force: false)
    }
  }

  /// Sets the number of units done (for callbacks that report absolute progress); `initial`
  /// names the units a resumed run found done, which the rate and ETA leave out; `note` replaces
  /// the text shown after the counts.
  public func update(done: Int, total: Int? = nil, initial: Int? = nil, note: String? = nil) {
    lock.withLock {
      self.done = done
      if let total { self.total = max(0, total) }
      if let initial { self.initial = max(0, initial) }
      if let note { self.note = note }
      draw(force: false)
    }
  }

  /// Draws the final state and ends the line; later calls do nothing.
  public func finish() {
    lock.withLock {
      guard !finished else { return }
      draw(force: true)
      if interactive { sink("\n") }
      finished = true
    }
  }

  /// The current snapshot.
  public var snapshot: ProgressLine {
    lock.withLock {
      ProgressLine(
        done: done, total: total, elapsed: clock() - start, initial: initial, note: note)
    }
  }

  /// Emits a line when due; called with the lock held.
  private func draw(force: Bool) {
    guard !finished else { return }
    let now = clock()
    let line = ProgressLine(
      done: done, total: total, elapsed: now - start, initial: initial, note: note)
    if interactive {
      guard force || now - lastDraw >= 0.1 || done >= total else { return }
      sink("\r" + line.text(label: label) + "\u{1B}[K")
    } else {
      let step = Int((line.fraction * 20).rounded(.down))  // one step = 5 %
      let due = step > lastStep || now - lastDraw >= 10 || (force && done != lastPrinted)
      guard due else { return }
      lastStep = step
      lastPrinted = done
      sink(line.text(label: label) + "\n")
    }
    lastDraw = now
  }
}
