import Yams

/// Walks a composed YAML tree against `SpecShape`, collecting every problem with its key path and line.
struct SpecChecker {
  /// Problems found so far, in document order.
  private(set) var problems: [SpecProblem] = []

  /// Checks `node` against `shape`; `path` is the node's dotted key path.
  mutating func check(_ node: Node, _ shape: SpecShape, path: String) {
    let line = node.mark?.line
    switch shape {
    case .string:
      if node.scalar == nil || node.null != nil { wrongType(node, shape, path) }
    case .name:
      guard let value = node.scalar?.string, node.null == nil else {
        return wrongType(node, shape, path)
      }
      if let problem = NameRule.problem(value) { report(path, line, problem) }
    case .choice(let names, let what):
      guard let value = node.scalar?.string, node.null == nil else {
        return wrongType(node, shape, path)
      }
      if !names.contains(value) {
        let hint =
          EditDistance.suggestion(for: value, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        report(
          path, line, "unknown \(what) '\(value)'\(hint); known: \(names.joined(separator: ", "))")
      }
    case .integer(let minimum):
      guard let value = node.int else { return wrongType(node, shape, path) }
      if value < minimum { report(path, line, "must be at least \(minimum), got \(value)") }
    case .number(let minimum, let maximum):
      guard let value = node.float else { return wrongType(node, shape, path) }
      if !value.isFinite {
        report(path, line, "must be a finite number, got \(node.scalar?.string ?? "\(value)")")
      } else if value < minimum || value > maximum {
        report(path, line, "must be between \(minimum) and \(maximum), got \(value)")
      }
    case .boolean:
      if node.bool == nil { wrongType(node, shape, path) }
    case .list(let item, let nonEmpty):
      guard let sequence = node.sequence else { return wrongType(node, shape, path) }
      if nonEmpty && sequence.isEmpty { report(path, line, "must not be empty") }
      for (i, element) in sequence.enumerated() { check(element, item, path: "\(path)[\(i)]") }
      checkRepeats(sequence, path: path)
    case .object(let fields, let required):
      guard let mapping = node.mapping else { return wrongType(node, shape, path) }
      checkObject(mapping, fields: fields, required: required, path: path, line: line)
    case .kSweep:
      checkSweep(node, path: path)
    case .module:
      guard let mapping = node.mapping else { return wrongType(node, shape, path) }
      checkModule(mapping, path: path, line: line)
    case .either(let first, let second):
      var trial = SpecChecker()
      trial.check(node, first, path: path)
      if trial.problems.isEmpty { return }
      // A word that is not one of the choices gets the choice's own message (with suggestions).
      if case .choice = first, node.scalar != nil, node.int == nil {
        return check(node, first, path: path)
      }
      check(node, second, path: path)
    }
  }

  /// Checks `name` against the registered modules, then the knobs against that module's schema
  /// (for a misspelt name, against the module it most likely means).
  private mutating func checkModule(_ mapping: Node.Mapping, path: String, line: Int?) {
    let names = ModuleRegistry.names
    let written = mapping["name"]?.string
    let meant =
      written.flatMap { ModuleRegistry.entry(named: $0) != nil ? $0 : nil }
      ?? written.flatMap { EditDistance.suggestion(for: $0, among: names) }
    let entry = meant.flatMap(ModuleRegistry.entry(named:))
    var fields = entry?.fields ?? [:]
    fields["name"] = .choice(names, what: "module")
    if entry == nil {
      // Unknown module and no close name: only `name` can be checked.
      for (key, _) in mapping where key.string != "name" { fields[key.string ?? ""] = .string }
    }
    checkObject(
      mapping, fields: fields, required: (entry?.required ?? []).union(["name"]), path: path,
      line: line)
  }

  /// Checks the keys of a mapping: unknown ones (with a suggestion), missing required ones, then each value.
  private mutating func checkObject(
    _ mapping: Node.Mapping, fields: [String: SpecShape], required: Set<String>, path: String,
    line: Int?
  ) {
    var seen = Set<String>()
    for (keyNode, value) in mapping {
      guard let key = keyNode.string else { continue }
      let keyPath = path.isEmpty ? key : "\(path).\(key)"
      seen.insert(key)
      if let shape = fields[key] {
        check(value, shape, path: keyPath)
      } else {
        let hint =
          EditDistance.suggestion(for: key, among: Array(fields.keys)).map {
            " (did you mean '\($0)'?)"
          } ?? ""
        report(keyPath, keyNode.mark?.line, "unknown key\(hint)")
      }
    }
    for key in required.subtracting(seen).sorted() {
      report(path.isEmpty ? key : "\(path).\(key)", line, "missing required key")
    }
  }

  /// Checks a k sweep written as a list of integers or as `{from, to, step}`; it must not be empty.
  private mutating func checkSweep(_ node: Node, path: String) {
    let line = node.mark?.line
    if node.sequence != nil {
      check(node, .list(.integer(minimum: 1), nonEmpty: true), path: path)
    } else if let mapping = node.mapping {
      let before = problems.count
      checkObject(
        mapping,
        fields: [
          "from": .integer(minimum: 1), "to": .integer(minimum: 1), "step": .integer(minimum: 1),
        ],
        required: ["from", "to"], path: path, line: line)
      if problems.count == before, let from = mapping["from"]?.int, let to = mapping["to"]?.int,
        from > to
      {
        report(path, line, "empty sweep: 'from' (\(from)) is greater than 'to' (\(to))")
      }
    } else {
      wrongType(node, .kSweep, path)
    }
  }

  /// Reports every list item whose value an earlier item already has (`[bm25, bm25]`, `[1, 01]`).
  private mutating func checkRepeats(_ sequence: Node.Sequence, path: String) {
    var first: [String: Int] = [:]
    for (i, element) in sequence.enumerated() {
      guard let text = element.scalar?.string else { continue }
      let key = element.int.map { "integer \($0)" } ?? "string \(text)"
      if let earlier = first[key] {
        report(
          "\(path)[\(i)]", element.mark?.line,
          "duplicate value '\(text.debugDescription.dropFirst().dropLast())' "
            + "(already \(path)[\(earlier)]); list each value once")
      } else {
        first[key] = i
      }
    }
  }

  /// Records a problem.
  mutating func report(_ path: String, _ line: Int?, _ message: String) {
    problems.append(SpecProblem(keyPath: path, line: line, message: message))
  }

  /// Records "expected X, got Y".
  private mutating func wrongType(_ node: Node, _ shape: SpecShape, _ path: String) {
    let got: String
    switch node {
    case .scalar(let s): got = node.null != nil ? "nothing" : "'\(s.string)'"
    case .sequence: got = "a list"
    case .mapping: got = "a mapping"
    case .alias: got = "an alias"
    }
    report(path, node.mark?.line, "expected \(shape.expected), got \(got)")
  }
}
