import Foundation
import Inference

/// What a run records beside its spec so a result can be reproduced or distrusted: versions of
/// raglab, its engine and its dependencies, the generator identity, threads and the machine.
public struct RunProvenance: Codable, Sendable, Equatable {
  /// raglab's version string.
  public var raglabVersion: String
  /// The engine's numerics version (`EngineVersion.current`).
  public var engineVersion: String
  /// `git rev-parse HEAD` of the checkout that ran it, or "unknown".
  public var gitCommit: String
  /// Compute threads the generator ran on.
  public var threads: Int
  /// Swift package dependencies and their versions, as pinned in Package.resolved.
  public var dependencies: [String: String]
  /// The generator's cache identity (backend, model, engine version, KV cache, numerics, server).
  public var generator: GeneratorIdentity
  /// The in-process engine's prefill path on this machine (`LanguageModel.prefillPath`, e.g.
  /// `f32 SGEMM`); nil for a server and for runs recorded before it was.
  public var prefillPath: String?
  /// CPU, cores, architecture and operating system.
  public var machine: String

  /// Creates a provenance record.
  public init(
    raglabVersion: String = RaglabVersion.current, engineVersion: String = EngineVersion.current,
    gitCommit: String, threads: Int, dependencies: [String: String] = DependencyVersions.pinned,
    generator: GeneratorIdentity, prefillPath: String? = nil,
    machine: String = MachineDescription.current
  ) {
    self.raglabVersion = raglabVersion
    self.engineVersion = engineVersion
    self.gitCommit = gitCommit
    self.threads = threads
    self.dependencies = dependencies
    self.generator = generator
    self.prefillPath = prefillPath
    self.machine = machine
  }

  /// Canonical JSON, as stored in the experiment's `provenanceJSON` column.
  public var json: String { JSONText.encode(self) }
}

/// A one-line description of this machine: CPU model, core count, architecture, OS.
public enum MachineDescription {
  /// e.g. `AMD EPYC 7B13, 2 cores, x86_64, Linux 6.1.0`.
  public static var current: String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    return "\(cpuModel() ?? "unknown CPU"), \(cores) cores, \(architecture), "
      + ProcessInfo.processInfo.operatingSystemVersionString
  }

  /// The CPU architecture this binary was built for.
  static var architecture: String {
    #if arch(x86_64)
      return "x86_64"
    #elseif arch(arm64)
      return "arm64"
    #else
      return "other"
    #endif
  }

  /// `model name` from /proc/cpuinfo (Linux), nil elsewhere.
  static func cpuModel() -> String? {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix("model name") {
      if let colon = line.firstIndex(of: ":") {
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
    }
    return nil
  }
}
