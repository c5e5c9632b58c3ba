import ArgumentParser
import Foundation
import Inference

/// `raglab model hidden --jsonl FILE --layers 1,30`: the last position's hidden states per prompt.
struct ModelHiddenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hidden",
    abstract: "Print the last token's hidden states at chosen layers for each JSON-string prompt.",
    discussion: """
      Layer 0 is the token embedding, layer L the residual stream after block L, and layer
      count+1 the final-norm output (the output head's input). Prints one JSON object per prompt:
      {"n_tokens": N, "layers": {"L": [floats…], …}}. Special tokens are parsed; no BOS is added.
      """)
  @OptionGroup var options: ModelOption
  @Option(help: "File with one JSON string per line.") var jsonl: String
  @Option(help: "Comma-separated layers (default: every layer, 0…count+1).") var layers: String?

  func run() throws {
    let m = try options.load()
    let all = 0...(m.config.layerCount + 1)
    let chosen =
      try layers.map { list in
        try list.split(separator: ",").map { item -> Int in
          guard let l = Int(item.trimmingCharacters(in: .whitespaces)), all.contains(l) else {
            throw ValidationError("--layers: '\(item)' is not a layer in \(all)")
          }
          return l
        }
      } ?? Array(all)
    let tokenized = try tokenizedPrompts(jsonl, model: m)
    let session = m.makeSession(
      contextLength: max(1, tokenized.map(\.count).max() ?? 1), kvCache: options.kvCache)
    session.captureHiddenLayers = Set(chosen)
    for tokens in tokenized {
      session.truncate(to: 0)
      try session.append(tokens)
      let states = Dictionary(
        uniqueKeysWithValues: chosen.map { l in
          (String(l), session.hiddenState(layer: l, position: tokens.count - 1).map(Double.init))
        })
      print(jsonText(["n_tokens": tokens.count, "layers": states]))
    }
  }
}
