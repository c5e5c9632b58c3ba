import Corpus
import Experiments
import Foundation
import Inference
import Store
import Synchronization

/// Retrievers beyond BM25 (dense MiniLM once the dense branch is merged).
enum RetrieverFactory {
  /// The retriever named `name` for `dataset`, or nil when this build has none.
  static func make(_ name: String, _ store: CorpusStore, _ dataset: String) throws -> (
    any Retriever
  )? {
    nil
  }
}

/// Ctrl-C handling: the first SIGINT asks the run to stop after the trial in flight; a second one exits at once.
enum Interrupt {
  private static let flag = Atomic<Bool>(false)

  /// Installs the SIGINT handler.
  static func install() {
    signal(SIGINT) { _ in
      if Interrupt.flag.exchange(true, ordering: .relaxed) { _exit(130) }
      let message = "\ninterrupt: finishing the trial in flight (Ctrl-C again to quit now)\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
    }
  }

  /// Whether an interrupt was requested.
  static func requested() -> Bool { flag.load(ordering: .relaxed) }
}

/// Plain progress lines (every 5 % or 10 s) with rate and ETA.
final class ProgressPrinter {
  private let started = Date()
  private var lastPrint = Date.distantPast
  private var lastPercent = -1
  private var firstCompleted: Int?

  /// Reports progress after a trial.
  func update(_ p: RunProgress) {
    if firstCompleted == nil { firstCompleted = p.completed - 1 }
    let percent = p.total == 0 ? 100 : p.completed * 100 / p.total
    guard
      percent / 5 != lastPercent / 5 || Date().timeIntervalSince(lastPrint) >= 10
        || p.completed == p.total
    else { return }
    lastPercent = percent
    lastPrint = Date()
    let elapsed = Date().timeIntervalSince(started)
    let doneHere = p.completed - (firstCompleted ?? 0)
    let rate = elapsed > 0 ? Double(doneHere) / elapsed : 0
    let eta = rate > 0 ? Double(p.total - p.completed) / rate : 0
    print(
      "[\(p.completed)/\(p.total)] \(percent)%  " + String(format: "%.2f", rate)
        + " trials/s  ETA \(Self.clock(eta))  "
        + "prompt tokens \(p.tokens.evaluated) (naive \(p.tokens.naive))")
    fflush(nil)
  }

  /// Ends the progress display.
  func finish() {}

  private static func clock(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
  }
}
