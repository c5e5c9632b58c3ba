import Foundation
import Yams

/// The typed knobs of one module: the keys of a spec's `module` mapping other than `name`.
///
/// They encode into the same mapping as `name`, so a module's canonical spec encoding (and the
/// spec hash) is `{"name": …, knob: …}` with sorted keys.
public protocol ModuleKnobs: Codable, Sendable {}

extension ModuleKnobs {
  /// The knobs as JSON with sorted keys (how they enter the spec hash).
  public var canonicalJSON: String { JSONText.encode(self) }
}

/// What the lab knows about a module: its name, how its knobs are validated and decoded, and how
/// to build it. One entry per module, listed in `ModuleRegistry.entries`.
struct ModuleEntry: Sendable {
  /// The module's name in specs.
  let name: String
  /// The shapes of its knobs (besides `name`).
  let fields: [String: SpecShape]
  /// Knobs that must be present.
  let required: Set<String>
  /// Decodes the knobs from the `module` mapping.
  let decode: @Sendable (any Decoder) throws -> any ModuleKnobs
  /// Checks that need more than shapes (values against each other or against the rest of the
  /// spec); must read the nodes defensively, since wrong shapes are reported separately.
  let check: @Sendable (_ module: Node, _ root: Node, _ checker: inout SpecChecker) -> Void
  /// Builds the module for a decoded spec.
  let make: @Sendable (ExperimentSpec) throws -> any ExperimentModule
  /// The report of an experiment whose spec today's code no longer reads.
  let defaultReport: ModuleReport

  /// An entry whose knobs are `Knobs`.
  init<Knobs: ModuleKnobs>(
    name: String, knobs: Knobs.Type, fields: [String: SpecShape], required: Set<String>,
    check: @escaping @Sendable (Node, Node, inout SpecChecker) -> Void = { _, _, _ in },
    defaultReport: ModuleReport,
    make: @escaping @Sendable (ExperimentSpec, Knobs) throws -> any ExperimentModule
  ) {
    self.name = name
    self.defaultReport = defaultReport
    self.fields = fields
    self.required = required
    self.decode = { try Knobs(from: $0) }
    self.check = check
    self.make = { spec in
      guard let knobs = spec.module.knobs as? Knobs else {
        throw RunError("module \(name) was given the knobs of another module")
      }
      return try make(spec, knobs)
    }
  }
}

/// Looks modules up by their spec name.
public enum ModuleRegistry {
  /// Every module the lab has; adding a module adds one line here.
  static let entries: [ModuleEntry] = [
    PassageCountModule.entry,
    GoldPositionModule.entry,
    HardNegativesModule.entry,
    PermutationsModule.entry,
    ConflictModule.entry,
    ReorderModule.entry,
    StableRAGModule.entry,
  ]

  /// The names specs may use.
  public static var names: [String] { entries.map(\.name) }

  /// The entry named `name`.
  static func entry(named name: String) -> ModuleEntry? { entries.first { $0.name == name } }

  /// The report of a stored experiment's module: built from its stored spec when today's code still
  /// reads it, else the module's report for default knobs; nil for a module this build lacks.
  public static func report(module name: String, specYAML: String) -> ModuleReport? {
    if let loaded = try? SpecLoader.parse(yaml: specYAML), loaded.spec.module.name == name,
      let module = try? Self.module(for: loaded.spec)
    {
      return module.report
    }
    return entry(named: name)?.defaultReport
  }

  /// The module a spec asks for, built from its knobs.
  /// - Throws: `RunError` for an unknown module, or the module's own error for knobs it cannot
  ///   turn into conditions.
  public static func module(for spec: ExperimentSpec) throws -> any ExperimentModule {
    guard let entry = entry(named: spec.module.name) else {
      throw RunError(
        "unknown module '\(spec.module.name)'; known: \(names.joined(separator: ", "))")
    }
    return try entry.make(spec)
  }
}
