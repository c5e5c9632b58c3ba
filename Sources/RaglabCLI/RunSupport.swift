import Corpus
import Experiments
import Foundation
import Inference
import Reports
import Store
import Synchronization

/// Retrievers beyond BM25: `dense` is all-MiniLM-L6-v2 from `RAGLAB_HOME/models` (passages embedded on first use).
enum RetrieverFactory {
  /// The MiniLM folder, relative to `RAGLAB_HOME`.
  static let denseModel = SpecFiles.denseModel

  /// The retriever named `name` for `dataset`, or nil when this build has none.
  /// - Throws: `MissingAssetError` (naming `make quickstart`) when the MiniLM files are absent.
  static func make(_ name: String, _ store: CorpusStore, _ dataset: String) throws -> (
    any Retriever
  )? {
    guard name == "dense" else { return nil }
    let directory = try AssetPaths.require(
      denseModel, what: "dense retriever model (all-MiniLM-L6-v2)")
    _ = try AssetPaths.require(denseModel + "/model.safetensors", what: "dense retriever weights")
    let encoder = try SentenceEncoder.load(directory: directory)
    let bar = ProgressBar(total: 0, label: "embedding \(dataset)")
    defer { bar.finish() }
    return try DenseRetriever.open(store: store, dataset: dataset, encoder: encoder) {
      done, total in
      bar.update(done: done, total: total)
    }
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
