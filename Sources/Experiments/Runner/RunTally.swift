import Foundation

/// Mutable counters of one run.
struct RunState {
  /// Trials stored, those found stored at start included.
  var completed: Int
  /// Of this run's trials, those answered from the generation cache.
  var fromCache = 0
  /// Of this run's trials, the (question, condition) pairs the module skipped.
  var skipped = 0
  /// Of this run's trials, those the generator answered (an HTTP server's requests).
  var generated = 0
  /// Prompt tokens evaluated for the generated trials, and the naive count.
  var tokens = PromptTokenTally()
  /// Trials whose request failed after its retries (stored as failures, not as trials).
  var failed = 0
  /// Failed trials since the last generated one.
  var failedInARow = 0
}

/// A run's counters with its progress and stop callbacks, shared by the workers: every update
/// and every callback happens under one lock, so callbacks never overlap and see whole counts.
final class RunTally: @unchecked Sendable {
  /// How a trial came to be stored.
  enum Source {
    /// Answered by the generator.
    case generated
    /// Read from the generation cache.
    case cache
    /// Skipped by the module, with its reason.
    case skip
  }

  private let lock = NSLock()
  private var state: RunState
  private let total: Int
  private let resumedFrom: Int
  private let began: Date
  private let progress: (RunProgress) -> Void
  private let shouldStop: () -> Bool

  /// A tally of `total` trials of which `alreadyDone` were stored before the run `began`.
  init(
    total: Int, alreadyDone: Int, began: Date, progress: @escaping (RunProgress) -> Void,
    shouldStop: @escaping () -> Bool
  ) {
    state = RunState(completed: alreadyDone)
    self.total = total
    self.resumedFrom = alreadyDone
    self.began = began
    self.progress = progress
    self.shouldStop = shouldStop
  }

  /// Counts one stored trial and reports the progress.
  func stored(_ source: Source) {
    lock.withLock {
      state.completed += 1
      switch source {
      case .generated:
        state.generated += 1
        state.failedInARow = 0
      case .cache: state.fromCache += 1
      case .skip: state.skipped += 1
      }
      progress(
        RunProgress(
          completed: state.completed, total: total, resumedFrom: resumedFrom,
          tokens: state.tokens, generated: state.generated,
          seconds: Date().timeIntervalSince(began)))
    }
  }

  /// Counts one failed trial.
  /// - Returns: failed trials in a row (since the last generated one) and in all, this one included.
  func failed() -> (inARow: Int, total: Int) {
    lock.withLock {
      state.failed += 1
      state.failedInARow += 1
      return (state.failedInARow, state.failed)
    }
  }

  /// Adds one question's prompt-token tally.
  func add(_ tokens: PromptTokenTally) {
    lock.withLock { state.tokens += tokens }
  }

  /// The caller's stop callback, asked under the lock like the progress reports.
  func stopRequested() -> Bool {
    lock.withLock { shouldStop() }
  }

  /// The counters now.
  var snapshot: RunState {
    lock.withLock { state }
  }
}
