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
