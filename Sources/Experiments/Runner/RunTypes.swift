import Foundation

/// How `raglab run` runs: prefix sharing, cache use, provenance (commit, threads).
public struct RunOptions: Sendable {
  /// Share prompt prefixes through one KV cache per question (default) or evaluate each prompt alone.
  public var prefixSharing: Bool
  /// Reuse stored generations for identical (generator identity, prompt, decoding) keys.
  public var useGenerationCache: Bool
  /// `git rev-parse HEAD`, or "unknown".
  public var gitCommit: String
  /// raglab's version.
  public var raglabVersion: String
  /// Compute threads the generator was loaded with (recorded in provenance).
  public var threads: Int

  /// Creates options.
  public init(
    prefixSharing: Bool = true, useGenerationCache: Bool = true, gitCommit: String = "unknown",
    raglabVersion: String = RaglabVersion.current, threads: Int = 1
  ) {
    self.prefixSharing = prefixSharing
    self.useGenerationCache = useGenerationCache
    self.gitCommit = gitCommit
    self.raglabVersion = raglabVersion
    self.threads = threads
  }
}

/// raglab's version string, stored with every experiment.
public enum RaglabVersion {
  /// The current version.
  public static let current = "0.1.0"
}

/// Where a run is, reported after every trial.
public struct RunProgress: Sendable {
  /// Trials stored so far (including those found done at start).
  public var completed: Int
  /// Trials the experiment has in all (questions × conditions).
  public var total: Int
  /// Trials found already stored when the run started.
  public var resumedFrom: Int
  /// Prompt tokens evaluated so far in this run, and the naive count.
  public var tokens: PromptTokenTally
  /// Trials the generator answered so far in this run (an HTTP server's requests).
  public var generated: Int
  /// Seconds since the run started.
  public var seconds: Double

  /// Creates a progress report.
  public init(
    completed: Int, total: Int, resumedFrom: Int, tokens: PromptTokenTally, generated: Int = 0,
    seconds: Double = 0
  ) {
    self.completed = completed
    self.total = total
    self.resumedFrom = resumedFrom
    self.tokens = tokens
    self.generated = generated
    self.seconds = seconds
  }
}

/// What a run did.
public struct RunSummary: Sendable {
  /// Row id of the experiment.
  public var experimentId: Int64
  /// True when an unchanged spec resumed a stored experiment.
  public var resumed: Bool
  /// Trials stored by this run (generated or from the cache).
  public var trialsRecorded: Int
  /// Of those, how many came from the generation cache.
  public var trialsFromCache: Int
  /// Trials already stored before this run.
  public var trialsAlreadyDone: Int
  /// questions × conditions.
  public var trialsTotal: Int
  /// Prompt-token accounting of the generations this run made.
  public var tokens: PromptTokenTally
  /// Wall-clock seconds.
  public var seconds: Double
  /// True when the run stopped early (interrupt) or left trials unstored (failed ones included);
  /// rerun to finish.
  public var interrupted: Bool
  /// (question, condition) pairs this run skipped because the module could not serve them (stored
  /// with their reason; counted in the notebook).
  public var trialsSkipped: Int = 0
  /// Re-ranking passes of the model strategies this run evaluated (stored passes it read back
  /// on resuming are not counted).
  public var rerankPasses: Int = 0
  /// Trials whose server request still failed after its retries: stored as failures with their
  /// reasons (not as trials), retried by the next run.
  public var trialsFailed: Int = 0

  /// `evaluated N prompt tokens, saved M (x.x×)`.
  public var tokenLine: String {
    "evaluated \(tokens.evaluated) prompt tokens, saved \(tokens.saved) (\(String(format: "%.1f", tokens.factor))×)"
  }
}

/// A problem that stops a run, with what to do about it.
public struct RunError: Error, CustomStringConvertible, Sendable {
  /// The message.
  public let description: String

  /// Creates an error.
  public init(_ description: String) {
    self.description = description
  }
}
