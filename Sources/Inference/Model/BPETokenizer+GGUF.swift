extension BPETokenizer {
  /// Builds the tokenizer from a GGUF file's `tokenizer.ggml.*` metadata.
  /// - Throws: `GGUFError` naming the key that is missing or unusable.
  init(gguf file: GGUFFile) throws {
    let kind = try file.string("tokenizer.ggml.model")
    guard kind == "gpt2" else {
      throw GGUFError(
        .corrupt, file: file.path,
        "metadata key `tokenizer.ggml.model` is \"\(kind)\", expected \"gpt2\" (byte-level BPE)")
    }
    func strings(_ key: String) throws -> [String] {
      guard let items = try file.value(key).array else {
        throw GGUFError(
          .wrongKeyType, file: file.path, "metadata key `\(key)` is not an array, expected strings")
      }
      return items.compactMap(\.string)
    }
    func id(_ key: String) -> Int32? { file.metadata[key]?.int.map(Int32.init) }
    let types =
      file.metadata["tokenizer.ggml.token_type"]?.array?.compactMap { $0.int.map(Int32.init) } ?? []
    let addBOS: Bool
    if case .bool(let b)? = file.metadata["tokenizer.ggml.add_bos_token"] {
      addBOS = b
    } else {
      addBOS = false
    }
    do {
      try self.init(
        tokens: try strings("tokenizer.ggml.tokens"),
        merges: file.metadata["tokenizer.ggml.merges"] == nil
          ? [] : try strings("tokenizer.ggml.merges"),
        tokenTypes: types, preTokenizer: file.metadata["tokenizer.ggml.pre"]?.string ?? "default",
        bos: id("tokenizer.ggml.bos_token_id"), eos: id("tokenizer.ggml.eos_token_id"),
        eot: id("tokenizer.ggml.eot_token_id"),
        eog: Set([id("tokenizer.ggml.eom_token_id")].compactMap { $0 }),
        addBOS: addBOS)
    } catch let error as GGUFError {
      throw error
    } catch {
      throw GGUFError(
        .corrupt, file: file.path, "tokenizer metadata (`tokenizer.ggml.*`) is unusable: \(error)")
    }
  }
}
