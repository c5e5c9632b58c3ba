import Foundation

/// What a run settles before anything is stored: the module and its conditions, the prompt
/// builder, the model re-rankers, the hidden-state layers and whether the generation cache may answer.
struct RunPreparation {
  /// The spec's module (or the runner's `moduleOverride`).
  let module: any ExperimentModule
  /// Its conditions (never empty).
  let conditions: [Condition]
  /// The prompt builder for the spec and the generator's chat format.
  let builder: PromptBuilder
  /// The re-rankers the module scores passages with, by name.
  let scorers: [String: any PassageScorer]
  /// Layers whose last-prompt-token states every generated trial stores (empty: none).
  let hiddenLayers: [Int]
  /// Whether stored generations may answer: not when trials need measurements a cached answer
  /// lacks (attention diagnostics, hidden states).
  let readsCache: Bool
}

extension ExperimentRunner {
  /// Builds the module and checks what the spec, the inputs and the generator can get wrong, so a
  /// run that cannot succeed leaves nothing behind.
  /// - Throws: `RunError` naming the spec key and the fix, `PromptError`, re-ranker errors.
  func prepare() throws -> RunPreparation {
    let spec = loaded.spec
    let module = try moduleOverride ?? ModuleRegistry.module(for: spec)
    let conditions = try module.conditions()
    guard !conditions.isEmpty else {
      throw RunError("module \(spec.module.name) built no conditions from the spec")
    }
    try module.checkInputs(questions: inputs.questions)
    for name in Set(conditions.compactMap(\.retriever)) where inputs.rankers[name] == nil {
      throw RunError(
        "retriever '\(name)' is not available (known: \(inputs.rankers.keys.sorted()))")
    }
    if spec.measuresAttention && !generator.measuresAttention {
      throw RunError(
        "diagnostics: [attention] needs the in-process generator (generator.backend: inprocess)")
    }
    let hiddenLayers = try resolvedHiddenLayers(module)
    let builder = try PromptBuilder(spec: spec.prompt, chatFormat: generator.chatFormat)
    var scorers: [String: any PassageScorer] = [:]
    for name in module.scorerNames {
      scorers[name] = try Rerankers.scorer(named: name, generator: generator, prompt: spec.prompt)
    }
    return RunPreparation(
      module: module, conditions: conditions, builder: builder, scorers: scorers,
      hiddenLayers: hiddenLayers,
      readsCache: options.useGenerationCache && !spec.measuresAttention && hiddenLayers.isEmpty)
  }

  /// The module's hidden-state selection as layer numbers of the generator's model ([] for none).
  /// - Throws: `RunError` when the generator reports no hidden states or not those layers.
  private func resolvedHiddenLayers(_ module: any ExperimentModule) throws -> [Int] {
    guard let selection = module.hiddenStateLayers else { return [] }
    guard let layers = try generator.hiddenLayers(for: selection) else {
      throw RunError(
        "module \(loaded.spec.module.name) reads hidden states, which needs "
          + "generator.backend: inprocess")
    }
    return layers
  }
}
