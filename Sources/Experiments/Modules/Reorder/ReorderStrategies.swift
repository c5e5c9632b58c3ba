/// The reordering strategies the lab knows, by name.
public enum ReorderStrategies {
  /// Every strategy a `reorder` spec may list, in the order tables show them.
  public static let all: [any ReorderStrategy] = [
    RetrievalOrder(), ReverseOrder(), RandomOrder(), InterleaveOrder(), LongContextReorder(),
    GoldOrder.first, GoldOrder.last,
  ]

  /// Names of the model re-rankers (ICR `attention`, FIRST `first_token`): reserved, rejected with
  /// an explanation until the in-process scoring passes are wired in.
  public static let reserved = ["attention", "first_token"]

  /// The names of `all`.
  public static var names: [String] { all.map(\.name) }

  /// The strategy called `name`, if the lab has it.
  public static func named(_ name: String) -> (any ReorderStrategy)? {
    all.first { $0.name == name }
  }

  /// Why a reserved name cannot be used yet (nil for any other name).
  public static func reservedReason(_ name: String) -> String? {
    guard reserved.contains(name) else { return nil }
    return "strategy '\(name)' re-ranks the passages with the reader model, so it needs the "
      + "in-process reader (backend: inprocess) and depends on the question; it is not wired "
      + "yet"
  }

  /// How strategy `name` reads in tables and plot legends (`gold_first (oracle)`).
  public static func label(_ name: String) -> String { named(name)?.label ?? name }
}
