/// The reordering strategies the lab knows, by name.
public enum ReorderStrategies {
  /// Every strategy a `reorder` spec may list, in the order tables show them.
  public static let all: [any ReorderStrategy] = [
    RetrievalOrder(), ReverseOrder(), RandomOrder(), InterleaveOrder(), LongContextReorder(),
    GoldOrder.first, GoldOrder.last, ModelScoredOrder.attention, ModelScoredOrder.firstToken,
  ]

  /// The names of `all`.
  public static var names: [String] { all.map(\.name) }

  /// The strategy called `name`, if the lab has it.
  public static func named(_ name: String) -> (any ReorderStrategy)? {
    all.first { $0.name == name }
  }

  /// How strategy `name` reads in tables and plot legends (`gold_first (oracle)`).
  public static func label(_ name: String) -> String { named(name)?.label ?? name }
}
