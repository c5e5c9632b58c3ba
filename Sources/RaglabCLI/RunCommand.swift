import ArgumentParser
import Experiments
import Foundation
import Inference
import Reports
import Store

/// `raglab run SPEC`: runs or resumes an experiment, one committed trial at a time.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run (or resume) the experiment a spec describes.",
    discussion: """
      Every trial is committed as soon as it exists: stop with Ctrl-C (or kill) at any time and run
      the same command again to finish. An unchanged spec resumes; a changed spec is a new experiment.
      """)

  @Argument(help: "The experiment spec (YAML).")
  var spec: String

  @Option(help: "The lab database file.")
  var db = "runs/lab.sqlite"

  @Option(
    help: "Use only the first N sampled questions (a separate experiment with its own spec hash).")
  var limit: Int?

  @Flag(
    help: "Evaluate every prompt from scratch instead of sharing prefixes (to measure the saving).")
  var noPrefixSharing = false

  @Flag(
    help: "Do not reuse stored generations (same generator identity, prompt and decoding options).")
  var noCache = false

  @Option(
    help: ArgumentHelp(
      "Compute threads of the in-process engine (default: this machine's cores).",
      discussion: "Recorded in the experiment's provenance; it does not change the answers."))
  var threads: Int?

  func validate() throws {
    if let limit, limit < 1 {
      throw ValidationError(
        "--limit must be at least 1 (got \(limit)); leave it out to run every sampled question")
    }
  }

  func run() throws {
    var loaded: LoadedSpec
    do {
      loaded = try SpecLoader.load(path: spec)
      if let limit { loaded = try SpecLoader.overriding(loaded, limit: limit) }
    } catch let error as SpecError {
      print(error.description)
      throw ExitCode.failure
    }
    if loaded.spec.generator.backend == "inprocess" {
      _ = try AssetPaths.require(loaded.spec.generator.model, what: "model")
    }
    let database = try LabDatabase.open(path: db)
    let inputs = try CorpusInputs.load(
      spec: loaded.spec, database: database, makeRetriever: RetrieverFactory.make)
    let threadCount = ThreadCount.resolve(threads)
    let generator = try makeGenerator(loaded.spec.generator, threads: threadCount)
    let store = ResultsStore(database: database)
    let runner = ExperimentRunner(
      loaded: loaded, inputs: inputs, generator: generator, store: store,
      options: RunOptions(
        prefixSharing: !noPrefixSharing, useGenerationCache: !noCache, gitCommit: Self.gitCommit(),
        threads: threadCount))
    print(
      "\(loaded.spec.name): \(inputs.questions.count) questions, spec \(loaded.hash.prefix(12)), "
        + "model \(generator.modelSHA256.prefix(12)), data \(inputs.dataChecksum.prefix(12)), db \(db)"
    )
    if let server = generator as? OpenAIGenerator { print("generator: \(server.requestPlan)") }
    Interrupt.install()
    let isServer = loaded.spec.generator.backend == "openai"
    let bar = ProgressBar(
      total: inputs.questions.count * conditionCount(loaded.spec), label: "trials")
    let summary = try runner.run(
      progress: { bar.show($0, serverRates: isServer) }, shouldStop: Interrupt.requested
    )
    bar.finish()
    let state =
      summary.trialsFailed > 0
      ? "incomplete — the failed trials are stored with their reasons; run the same command to retry them"
      : summary.interrupted ? "interrupted — run the same command to resume" : "complete"
    print(
      "experiment \(summary.experimentId) \(summary.resumed ? "resumed" : "started"): \(summary.trialsRecorded) trials "
        + "recorded (\(summary.trialsFromCache) from cache), \(summary.trialsAlreadyDone) already done, "
        + "\(summary.trialsFailed) failed, \(summary.trialsAlreadyDone + summary.trialsRecorded)/\(summary.trialsTotal) \(state), "
        + String(format: "%.1f s", summary.seconds))
    print(summary.tokenLine)
    if isServer {
      let requests = summary.trialsRecorded - summary.trialsFromCache - summary.trialsSkipped
      let rates = RunRates(
        requests: requests, promptTokens: summary.tokens.evaluated, seconds: summary.seconds)
      print("\(requests) requests to the server: \(rates.text)")
    }
    for cost in try store.rerankCost(experimentId: summary.experimentId) {
      print(
        "re-ranking \(cost.strategy): \(cost.passes) passes, \(cost.promptTokens) prompt tokens, "
          + String(format: "%.1f s", cost.seconds) + " (all runs of this experiment)")
    }
    if summary.trialsFailed > 0 { throw ExitCode.failure }
    if summary.interrupted { throw ExitCode(130) }
  }

  /// The generator the spec asks for.
  private func makeGenerator(_ spec: GeneratorSpec, threads: Int) throws -> any Generator {
    switch spec.backend {
    case "openai":
      return try OpenAIGenerator(spec: spec)
    default:  // validated: kv_cache is f32 or f16, numerics fast or f32
      return try InProcessGenerator.load(
        path: spec.model, threads: threads,
        kvCache: spec.kvCache.flatMap(KVCacheType.init(rawValue:)) ?? .f32,
        numerics: spec.engineNumerics)
    }
  }

  /// questions × this many conditions is the trial total.
  private func conditionCount(_ spec: ExperimentSpec) -> Int {
    ((try? ModuleRegistry.module(for: spec).conditions()) ?? []).count
  }

  /// `git rev-parse HEAD` in the current folder, or "unknown".
  static func gitCommit() -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "rev-parse", "HEAD"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return "unknown" }
    process.waitUntilExit()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    return process.terminationStatus == 0 && !text.isEmpty ? text : "unknown"
  }
}
