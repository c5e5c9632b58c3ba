import Foundation

/// Runs questions on a few workers: a free worker takes the next question (nothing is queued
/// ahead of the workers), answers it whole, and comes back for another; a stop request or the
/// first error ends the taking, and `run` returns once every worker is idle.
///
/// A single worker runs on the calling thread, so one worker is exactly the serial loop.
final class QuestionWorkers: @unchecked Sendable {
  /// Workers asked for (at least 1; never more threads than questions).
  let count: Int
  /// Questions to hand out, as indices `0..<questions`.
  let questions: Int
  private let lock = NSLock()
  private let group = DispatchGroup()
  private var next = 0
  private var stopping = false
  private var interrupted = false
  private var firstError: (any Error)?
  // Set before the workers start and cleared after they stop, so they read them unlocked.
  private var body: ((_ worker: Int, _ question: Int) throws -> Void)?
  private var shouldStop: (() -> Bool)?

  /// Workers for `questions` questions, `count` at a time.
  init(count: Int, questions: Int) {
    self.count = max(1, count)
    self.questions = max(0, questions)
  }

  /// Calls `body(worker, question)` once for every question index until all are done, a stop is
  /// requested or one fails.
  /// - Parameter shouldStop: asked before each question is taken; true ends the run cleanly.
  /// - Returns: true when `shouldStop` ended the run before every question was taken.
  /// - Throws: the first error a question threw (the other workers finish the question they hold).
  func run(
    shouldStop: @escaping () -> Bool,
    body: @escaping (_ worker: Int, _ question: Int) throws -> Void
  ) throws -> Bool {
    self.body = body
    self.shouldStop = shouldStop
    defer {
      self.body = nil
      self.shouldStop = nil
    }
    let workers = min(count, max(1, questions))
    if workers == 1 {
      work(0)
    } else {
      for worker in 0..<workers {
        group.enter()
        let thread = Thread { [self] in
          work(worker)
          group.leave()
        }
        thread.stackSize = 8 << 20  // the main thread's size: questions run the same code there
        thread.start()
      }
      group.wait()
    }
    if let firstError { throw firstError }
    return interrupted
  }

  /// Takes and answers questions until none is left or the run is stopping.
  private func work(_ worker: Int) {
    while let question = take() {
      do {
        try body?(worker, question)
      } catch {
        lock.withLock {
          if firstError == nil { firstError = error }
          stopping = true
        }
      }
    }
  }

  /// The next question index, or nil when none is left, a stop was requested or a worker failed.
  private func take() -> Int? {
    lock.withLock {
      guard !stopping, next < questions else { return nil }
      if shouldStop?() == true {
        stopping = true
        interrupted = true
        return nil
      }
      next += 1
      return next - 1
    }
  }
}
