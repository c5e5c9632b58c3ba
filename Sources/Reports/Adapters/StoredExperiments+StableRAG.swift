import Experiments
import Foundation
import Store

/// The reader's output head, for `centre_token`: maps a cluster centre to its top token.
public struct OutputHead: Sendable {
  /// The reader's transformer blocks (layer blockCount + 1 is the final-norm output).
  public let blockCount: Int
  /// The top token of a state at `layer`: through the final norm first unless the layer is the
  /// final-norm output already.
  public let topToken: @Sendable (_ state: [Float], _ layer: Int) throws -> Int32

  /// Creates a head.
  public init(
    blockCount: Int, topToken: @escaping @Sendable (_ state: [Float], _ layer: Int) throws -> Int32
  ) {
    self.blockCount = blockCount
    self.topToken = topToken
  }
}

extension StoredExperiments {
  /// The knobs of a stored `stable_rag` experiment, when its spec still reads as one.
  static func stableRAGKnobs(specYAML: String) -> StableRAGKnobs? {
    (try? SpecLoader.parse(yaml: specYAML))?.spec.module.knobs as? StableRAGKnobs
  }

  /// Every question of a `stable_rag` experiment whose orders are all answered and whose states
  /// are all stored, analysed (`StableRAGQuestion`), in question-id order.
  /// - Throws: `StoreError`, or `ClusteringError` for states the clustering refuses.
  public func stableRAGQuestions(experimentId: Int64, knobs: StableRAGKnobs) throws
    -> [StableRAGQuestion]
  {
    let layers = try store.hiddenStateLayers(experimentId: experimentId)
    guard !layers.isEmpty else { return [] }
    var answers: [String: [Int: OrderAnswer]] = [:]  // question → order → answer
    var placeOfTrial: [Int64: (question: String, order: Int)] = [:]  // trial → place
    var orderCount = 0
    for condition in try store.conditions(experimentId: experimentId) {
      guard
        let keys = try? JSONText.decode(PermutationsModule.Keys.self, from: condition.keysJSON)
      else {
        continue
      }
      orderCount = max(orderCount, keys.order + 1)
      for trial in try store.trials(conditionId: condition.id ?? -1) {
        let logprobs = (try? JSONText.decode([Double].self, from: trial.logprobsJSON)) ?? []
        let tokens = (try? JSONText.decode([Int32].self, from: trial.outputTokensJSON)) ?? []
        answers[trial.questionId, default: [:]][keys.order] = OrderAnswer(
          order: keys.order, answer: trial.answer,
          correct: StoredValues.metrics(trial.metricsJSON)["subem"] == 1,
          meanLogprob: logprobs.isEmpty
            ? -.infinity : logprobs.reduce(0, +) / Double(logprobs.count),
          firstToken: tokens.first, promptTokens: trial.promptTokenCount,
          prefillSeconds: trial.prefillSeconds, generateSeconds: trial.generateSeconds,
          passageIDs: StoredValues.passageIDs(trial.passageIdsJSON))
        if let id = trial.id { placeOfTrial[id] = (trial.questionId, keys.order) }
      }
    }
    var states: [String: [Int: [Int: [Float]]]] = [:]  // question → layer → order → state
    for layer in layers {
      for row in try store.hiddenStates(experimentId: experimentId, layer: layer) {
        guard let place = placeOfTrial[row.trialId] else { continue }
        states[place.question, default: [:]][layer, default: [:]][place.order] = row.vector
      }
    }
    return try answers.keys.sorted().compactMap { question in
      guard let byOrder = answers[question], byOrder.count == orderCount,
        let byLayer = states[question], byLayer.count == layers.count,
        byLayer.values.allSatisfy({ $0.count == orderCount })
      else { return nil }
      let orders = byOrder.keys.sorted()
      return try StableRAGQuestion(
        questionID: question, answers: orders.map { byOrder[$0]! },
        states: byLayer.mapValues { byOrder in orders.map { byOrder[$0]! } }, knobs: knobs)
    }
  }

  /// The Stable-RAG summary of a stored experiment (nil when it stored no hidden states or its
  /// spec is not a `stable_rag` one); `centre_token` needs `outputHead`.
  func stableRAGSummary(experimentId: Int64, specYAML: String, dataset: String?) throws
    -> StableRAGSummary?
  {
    guard let knobs = Self.stableRAGKnobs(specYAML: specYAML) else { return nil }
    let began = Date()
    let questions = try stableRAGQuestions(experimentId: experimentId, knobs: knobs)
    guard let first = questions.first else { return nil }
    let seconds = Date().timeIntervalSince(began)
    let seed = bootstrapSeed
    func estimate(_ values: [Double]) -> Estimate {
      Estimate(Bootstrap.meanInterval(values, seed: seed))
    }
    let methods = StableRAGMethod.allCases.map { method in
      let costs = questions.map { $0.cost(of: method) }
      let n = Double(questions.count)
      return StableRAGMethodResult(
        name: method.rawValue,
        accuracy: estimate(questions.map { $0.correct(method) ? 1 : 0 }), n: questions.count,
        prefills: Double(costs.reduce(0) { $0 + $1.prefills }) / n,
        decodes: Double(costs.reduce(0) { $0 + $1.decodes }) / n,
        seconds: costs.reduce(0) { $0 + $1.seconds } / n)
    }
    let sensitive = questions.map(\.sensitive)
    let layers = first.layers.keys.sorted().map { layer -> StableRAGLayerResult in
      let analyses = questions.compactMap { $0.layers[layer] }
      func quality(_ pick: (QuestionLayerAnalysis) -> Double?) -> Estimate {
        estimate(analyses.compactMap(pick).filter(\.isFinite))
      }
      func auroc(_ name: String, _ score: (QuestionLayerAnalysis) -> Double?) -> StableRAGScoreAUROC
      {
        let pairs = zip(analyses, sensitive).compactMap { analysis, label in
          score(analysis).flatMap { $0.isFinite ? ($0, label) : nil }
        }
        let interval = try? AUROC.interval(
          scores: pairs.map(\.0), labels: pairs.map(\.1), seed: seed)
        return StableRAGScoreAUROC(score: name, auroc: interval.flatMap { $0 }.map(Estimate.init))
      }
      return StableRAGLayerResult(
        layer: layer,
        meanK: Double(analyses.reduce(0) { $0 + $1.k }) / Double(max(1, analyses.count)),
        purityCorrectness: quality { $0.qualityCorrectness?.purity },
        f1Correctness: quality { $0.qualityCorrectness?.pairF1 },
        purityAnswers: quality { $0.qualityAnswers?.purity },
        f1Answers: quality { $0.qualityAnswers?.pairF1 },
        auroc: [
          auroc("K") { Double($0.k) }, auroc("spread") { $0.spread },
          auroc("silhouette") { $0.silhouette },
        ])
    }
    let centre = try centreAgreement(questions)
    var rules: [StableRAGRuleCount] = []
    if let catalog, let dataset {
      rules = StableRAGDPO.counts(
        try StableRAGDPO.outcomes(questions, catalog: catalog, dataset: dataset))
    }
    return StableRAGSummary(
      questions: questions.count, orders: first.answers.count, methodLayer: first.methodLayer,
      methodLayerIsFinalNorm: outputHead.map { first.methodLayer == $0.blockCount + 1 }
        ?? (StoredSpecNames.generatorBackend(in: specYAML) == "openai"),  // remote: final only
      methods: methods, clusterCounts: questions.compactMap { $0.method?.k },
      centreAgreement: centre?.estimate, centreClusters: centre?.clusters ?? 0,
      layers: layers, dpoRules: rules, clusteringSeconds: seconds)
  }

  /// `centre_token`: per question, the share of its clusters whose centre's top token is the
  /// representative's first answer token; nil without `outputHead`.
  private func centreAgreement(_ questions: [StableRAGQuestion]) throws
    -> (estimate: Estimate, clusters: Int)?
  {
    guard let head = outputHead else { return nil }
    var shares: [Double] = []
    var clusters = 0
    for question in questions {
      guard let method = question.method else { continue }
      var agree = 0
      for (centre, row) in zip(method.centreStates, method.representatives) {
        let top = try head.topToken(centre.map(Float.init), question.methodLayer)
        if top == question.answers[row].firstToken { agree += 1 }
      }
      clusters += method.representatives.count
      shares.append(Double(agree) / Double(max(1, method.representatives.count)))
    }
    return (Estimate(Bootstrap.meanInterval(shares, seed: bootstrapSeed)), clusters)
  }
}
