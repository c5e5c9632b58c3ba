import Experiments
import Foundation
import Inference
import Reports

/// The reader of a stored `stable_rag` experiment as an `OutputHead`, for `centre_token`.
enum OutputHeadLoader {
  /// The head of the spec's in-process GGUF; nil (said on stderr) for other experiments, another
  /// backend, or a model that is not installed.
  static func head(specYAML: String) -> OutputHead? {
    guard let loaded = try? SpecLoader.parse(yaml: specYAML),
      loaded.spec.module.name == StableRAGModule.name
    else { return nil }
    let generator = loaded.spec.generator
    guard generator.backend == "inprocess",
      let path = try? AssetPaths.require(generator.model, what: "model"),
      let model = try? LanguageModel.load(path: path, threads: 2)
    else {
      FileHandle.standardError.write(
        Data(
          "centre_token not measured: the reader \(generator.model) is not an installed in-process GGUF\n"
            .utf8))
      return nil
    }
    let blocks = model.config.layerCount
    let width = model.config.embeddingLength
    let head = LockedSession(model.makeSession(contextLength: 1))
    return OutputHead(blockCount: blocks) { state, layer in
      guard state.count == width else {
        throw RunError("a state of \(state.count) values given to a reader of width \(width)")
      }
      let logits = head.logits(state, applyFinalNorm: layer != blocks + 1)
      return Int32(logits.indices.max { logits[$0] < logits[$1] } ?? 0)
    }
  }
}

/// One engine session used from one caller at a time (the lock makes the head `Sendable`).
private final class LockedSession: @unchecked Sendable {
  private let session: Session
  private let lock = NSLock()

  init(_ session: Session) { self.session = session }

  /// The session's logits of a state (through the final norm unless it is past it already).
  func logits(_ state: [Float], applyFinalNorm: Bool) -> [Float] {
    lock.withLock { session.logits(fromHidden: state, applyFinalNorm: applyFinalNorm) }
  }
}
