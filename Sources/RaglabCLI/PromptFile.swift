import Foundation
import Inference

/// One string of a JSON-lines prompt file and the line it came from.
struct PromptLine {
  /// 1-based line number in the file.
  let line: Int
  /// The decoded string.
  let text: String
}

/// Reads a file of one JSON string per line (blank lines skipped).
/// - Throws: `ModelCommandError` naming the file, or the file and line of a line that is not a
///   JSON string.
func readJSONLines(_ path: String) throws -> [PromptLine] {
  guard let data = FileManager.default.contents(atPath: path),
    let text = String(data: data, encoding: .utf8)
  else {
    throw ModelCommandError("cannot read \(path)")
  }
  var out: [PromptLine] = []
  for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
  where !line.trimmingCharacters(in: .whitespaces).isEmpty {
    let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed)
    guard let s = obj as? String else {
      throw ModelCommandError("\(path):\(i + 1): expected one JSON string per line")
    }
    out.append(PromptLine(line: i + 1, text: s))
  }
  return out
}

/// The prompts of `path` as `model`'s tokens (special tokens parsed, no BOS), each checked to
/// have at least one token and to fit the model's context.
/// - Throws: `ModelCommandError` naming the file and line of an empty or over-long prompt.
func tokenizedPrompts(_ path: String, model: LanguageModel) throws -> [[Int32]] {
  try readJSONLines(path).map { prompt in
    let tokens = model.tokenizer.encode(prompt.text, parseSpecial: true)
    guard !tokens.isEmpty else {
      throw ModelCommandError(
        "\(path):\(prompt.line): the prompt is empty; every line needs a non-empty JSON string")
    }
    guard tokens.count <= model.config.contextLength else {
      throw ModelCommandError(
        "\(path):\(prompt.line): the prompt has \(tokens.count) tokens, more than the model's "
          + "context length \(model.config.contextLength)")
    }
    return tokens
  }
}
