extension GGUFFile {
  /// The chat template the file's `tokenizer.chat_template` names, when raglab recognises it
  /// (read from the metadata alone: no weights are loaded).
  public var chatTemplate: ChatTemplate? {
    ChatTemplate.recognise(metadata["tokenizer.chat_template"]?.string)
  }
}
