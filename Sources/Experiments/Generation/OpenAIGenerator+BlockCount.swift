import Foundation
import Inference

/// The depth and width of a GGUF model, read from its metadata alone (no weights loaded).
struct GGUFShape: Equatable {
  /// `<arch>.block_count`: the transformer blocks.
  let blockCount: Int
  /// `<arch>.embedding_length`: the width of a hidden state.
  let width: Int

  /// The shape of the GGUF at `path`, or nil when it is not a readable GGUF with those keys.
  init?(path: String) {
    guard FileManager.default.isReadableFile(atPath: path),
      let file = try? GGUFFile(path: path),
      let arch = try? file.string("general.architecture"),
      let blocks = try? file.int("\(arch).block_count"),
      let width = try? file.int("\(arch).embedding_length")
    else { return nil }
    blockCount = blocks
    self.width = width
  }
}

/// The served model's block count, so that its final-norm state is stored as layer
/// blockCount + 1 — the number the in-process engine gives it — and a spec switched between
/// backends stores, resumes and reports the same layers.
extension OpenAIGenerator {
  /// `generator.block_count` when the spec gives it, else `<arch>.block_count` of the GGUF the
  /// server's `/props` names (`model_path`) when that file is readable here and as wide as the
  /// server's states.
  /// - Parameter stateWidth: the length of a state the server returned.
  /// - Throws: `RunError` naming `generator.block_count` when neither says, or when the spec's
  ///   value is not the file's.
  func servedBlockCount(stateWidth: Int) throws -> Int {
    let shape = serverModelPath.flatMap(GGUFShape.init(path:))
    let file = shape.flatMap { $0.width == stateWidth ? $0 : nil }
    switch (declaredBlockCount, file) {
    case (let declared?, let file?) where declared != file.blockCount:
      throw RunError(
        "generator.block_count is \(declared), but the server's model \(serverModelPath ?? "") "
          + "has \(file.blockCount) blocks (its GGUF's block_count); set block_count: "
          + "\(file.blockCount) or remove the key")
    case (let declared?, _): return declared
    case (nil, let file?): return file.blockCount
    case (nil, nil):
      let why: String
      if let path = serverModelPath, let shape {
        why =
          "its /props names \(path), a GGUF \(shape.width) wide, but its states are "
          + "\(stateWidth) wide"
      } else if let path = serverModelPath {
        why = "its /props names \(path), which is not a GGUF readable on this machine"
      } else {
        why = "it answers no llama.cpp /props with a model_path"
      }
      throw RunError(
        "module.layers: a remote final-norm state is stored as layer blocks + 1, as in process, "
          + "but the server at \(baseURL.absoluteString) does not say how many blocks its model "
          + "has (\(why)); set generator.block_count to the model's block count (`raglab model "
          + "info FILE` prints it as layers: 30 for SmolLM2-135M)")
    }
  }
}
