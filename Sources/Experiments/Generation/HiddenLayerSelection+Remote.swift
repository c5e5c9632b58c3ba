extension HiddenLayerSelection {
  /// The layer number a remote generator's final-norm state is stored under: its block count is
  /// unknown over HTTP, so it is numbered as Hugging Face indexes the last state
  /// (`hidden_states[-1]`).
  public static let remoteFinalLayer = -1

  /// The layers of a remote generator, which returns only the final-norm output
  /// (`[remoteFinalLayer]`).
  /// - Throws: `RunError` naming `module.layers` for anything but `last` (or `[last]`).
  public func resolveRemote() throws -> [Int] {
    switch self {
    case .last: return [Self.remoteFinalLayer]
    case .layers(let items) where items.allSatisfy({ $0 == .last }):
      return [Self.remoteFinalLayer]
    case .all, .layers:
      throw RunError(
        "module.layers: only the final layer is available remotely (llama-server's /embeddings "
          + "with --pooling last returns the last token's final-norm output); set layers: last, "
          + "or use generator.backend: inprocess for other layers")
    }
  }
}
