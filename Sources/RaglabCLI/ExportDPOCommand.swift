import ArgumentParser
import Experiments
import Foundation
import Inference
import Reports

/// `raglab export-dpo NAME --out FILE.jsonl`: Stable-RAG's preference pairs of a `stable_rag`
/// experiment, in TRL's DPO format.
struct ExportDPOCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-dpo",
    abstract: "Write a stable_rag experiment's DPO preference pairs as TRL JSON lines.",
    discussion: """
      Each question's orders are clustered at the deepest captured layer (the experiment's
      clustering knobs), each cluster answered by its representative, and Stable-RAG's four rules
      (github.com/zqc1023/Stable-RAG, data_construction/) turn the cluster answers, labelled by a
      lenient lowercase substring match either way, into pairs:
        all_correct             every cluster right: no pair
        partially_correct       two pairs, most common right answer over most common wrong one,
                                shown with the wrong and with the right order's prompt
        all_wrong_with_gold     a gold answer occurs in the passages: gold over "I don't know."
        all_wrong_without_gold  "I don't know." over the dominant wrong answer
      One JSON object per line with exactly `prompt` (the chat-formatted prompt of the pair's
      order, rendered with the reader's chat template), `chosen` and `rejected`. Prints the
      questions and pairs per rule. The file is written whole or not at all.

      Example: raglab export-dpo stable-rag --out runs/stable-rag-dpo.jsonl
      """)

  @Argument(help: "The stable_rag experiment's name (from its spec).")
  var name: String

  @OptionGroup var options: ReportOptions

  @Option(name: .long, help: "The JSONL file to write.")
  var out: String

  func run() throws {
    let experiments = try options.experiments()
    let record = try options.select(name, from: experiments)
    let loaded = try SpecLoader.parse(yaml: record.specYAML)
    guard let knobs = loaded.spec.module.knobs as? StableRAGKnobs, let id = record.id else {
      throw RunError(
        "\(name) is a \(record.module ?? "unknown") experiment; export-dpo reads stable_rag "
          + "experiments (module: {name: stable_rag})")
    }
    let questions = try experiments.stableRAGQuestions(experimentId: id, knobs: knobs)
    guard !questions.isEmpty, let catalog = experiments.catalog else {
      throw RunError(
        "\(name) has no question with every order answered and every hidden state stored; "
          + "finish it with `raglab run` first")
    }
    let builder = try promptBuilder(loaded.spec)
    let outcomes = try StableRAGDPO.outcomes(
      questions, catalog: catalog, dataset: record.datasetNameOrStored ?? loaded.spec.dataset.name
    ) { question, passages in
      builder.segments(
        question: Question(id: question.id, text: question.text, answers: question.answers),
        passages: passages.map { Passage(id: $0.id, title: $0.title, text: $0.text) }
      ).text
    }
    let pairs = outcomes.flatMap { $0.outcome.pairs }
    try DPOJSONL.write(pairs, to: URL(fileURLWithPath: out))
    print("wrote \(out): \(pairs.count) pairs from \(outcomes.count) questions")
    for count in StableRAGDPO.counts(outcomes) {
      print("  \(count.rule): \(count.questions) questions, \(count.pairs) pairs")
    }
  }

  /// The spec's prompt builder with the reader's own chat template (from the GGUF's metadata).
  private func promptBuilder(_ spec: ExperimentSpec) throws -> PromptBuilder {
    guard spec.prompt.chat else { return try PromptBuilder(spec: spec.prompt, chatFormat: nil) }
    guard spec.generator.backend == "inprocess" else {
      throw RunError(
        "the prompts are rendered with the reader's chat template, read from its GGUF; this "
          + "experiment's generator is \(spec.generator.backend)")
    }
    let file = try GGUFFile(path: try AssetPaths.require(spec.generator.model, what: "model"))
    return try PromptBuilder(spec: spec.prompt, chatFormat: file.chatTemplate.map(ChatFormat.init))
  }
}
