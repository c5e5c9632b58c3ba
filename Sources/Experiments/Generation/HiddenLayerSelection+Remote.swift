extension HiddenLayerSelection {
  /// The layer number remote runs stored the final-norm state under before they learned the
  /// served model's block count (Hugging Face's `hidden_states[-1]`): still read by the reports,
  /// renumbered to blockCount + 1 when such an experiment is resumed.
  public static let legacyRemoteFinalLayer = -1

  /// The layers of a remote generator, which returns only the final-norm output: blockCount + 1,
  /// numbered as the in-process engine numbers it.
  /// - Throws: `RunError` naming `module.layers` for anything but `last` (or `[last]`).
  public func resolveRemote(blockCount: Int) throws -> [Int] {
    switch self {
    case .last: return [blockCount + 1]
    case .layers(let items) where items.allSatisfy({ $0 == .last }):
      return [blockCount + 1]
    case .all, .layers:
      throw RunError(
        "module.layers: only the final layer is available remotely (llama-server's /embeddings "
          + "with --pooling last returns the last token's final-norm output); set layers: last, "
          + "or use generator.backend: inprocess for other layers")
    }
  }
}
