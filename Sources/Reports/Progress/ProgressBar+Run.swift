import Experiments

extension ProgressBar {
  /// Shows a run's progress; trials a resumed run found already stored count as done but not
  /// towards the rate and ETA. With `serverRates` (an `openai` run) the line ends with the
  /// requests and server-evaluated prompt tokens per second (`RunRates`).
  public func show(_ progress: RunProgress, serverRates: Bool = false) {
    update(
      done: progress.completed, total: progress.total, initial: progress.resumedFrom,
      note: serverRates
        ? RunRates(
          requests: progress.generated, promptTokens: progress.tokens.evaluated,
          seconds: progress.seconds
        ).text : nil)
  }
}
