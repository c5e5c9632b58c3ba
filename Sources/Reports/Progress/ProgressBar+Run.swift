import Experiments

extension ProgressBar {
  /// Shows a run's progress; trials a resumed run found already stored count as done but not
  /// towards the rate and ETA.
  public func show(_ progress: RunProgress) {
    update(done: progress.completed, total: progress.total, initial: progress.resumedFrom)
  }
}
