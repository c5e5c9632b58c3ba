import Experiments
import Store

extension ExperimentRecord {
  /// The dataset the questions came from: the stored column, or for experiments stored before it
  /// existed the name read from the stored YAML without validation.
  public var datasetNameOrStored: String? { datasetName ?? StoredSpecNames.dataset(in: specYAML) }

  /// The spec's module, the same way.
  var moduleNameOrStored: String? { module ?? StoredSpecNames.module(in: specYAML) }
}
