import ArgumentParser
import Experiments
import Foundation
import Inference

/// `raglab model bench`: prefill and decode speed and peak memory, optionally beside llama.cpp.
struct ModelBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Measure prefill/decode tokens per second and peak RSS.")
  @OptionGroup var options: ModelOption
  @Option(help: "Comma-separated prompt sizes for prefill (each 1...1048576).")
  var promptTokens: String = "512,2048"
  @Option(help: "Tokens to decode (1...1048576).") var generate: Int = 32
  @Option(help: "Tokens already in the cache when decoding starts (llama-bench -d; 0...1048576).")
  var decodeDepth: Int = 0
  @Option(help: "KV cache size of the sessions (1 up to the model's context length).")
  var context: Int = 4096
  @Flag(help: "Print one JSON object.") var json = false
  @Flag(help: "Also run $RAGLAB_HOME/llama.cpp/build/bin/llama-bench and add ratios.")
  var vsLlamacpp = false

  func validate() throws {
    _ = try sizes()
    try OptionCheck.require(generate, in: 1...OptionCheck.countLimit, "--generate")
    try OptionCheck.require(decodeDepth, in: 0...OptionCheck.countLimit, "--decode-depth")
    try OptionCheck.require(context, in: 1...OptionCheck.countLimit, "--context")
  }

  /// The `--prompt-tokens` sizes.
  private func sizes() throws -> [Int] {
    try OptionCheck.integerList(
      promptTokens, in: 1...OptionCheck.countLimit, "--prompt-tokens", example: "512,2048")
  }

  func run() throws {
    let sizes = try sizes()
    let m = try options.load()
    let ctx = max(context, max(sizes.max() ?? 0, decodeDepth) + generate + 1)
    guard ctx <= m.config.contextLength else {
      throw ValidationError(
        "--context, --prompt-tokens, --decode-depth and --generate need \(ctx) cache positions, "
          + "more than the model's context length \(m.config.contextLength)")
    }
    let session = m.makeSession(contextLength: ctx, kvCache: options.kvCache)
    var rng = UInt64(0x2545_F491_4F6C_DD1D)
    // A deterministic pseudo-random prompt, like llama-bench's.
    func randomTokens(_ n: Int) -> [Int32] {
      (0..<n).map { _ in
        rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int32((rng >> 33) % UInt64(m.config.vocabularySize))
      }
    }
    try session.append(randomTokens(16))  // warm-up
    var prefill: [[String: Any]] = []
    for n in sizes {
      session.truncate(to: 0)
      let tokens = randomTokens(n)
      let t0 = DispatchTime.now().uptimeNanoseconds
      let c0 = processCPUSeconds()
      try session.append(tokens)
      let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
      prefill.append([
        "tokens": n, "tokens_per_s": (Double(n) / dt * 10).rounded() / 10,
        "cpu_s": ((processCPUSeconds() - c0) * 1000).rounded() / 1000,
      ])
    }
    session.truncate(to: 0)
    try session.append(randomTokens(decodeDepth + 1))
    let t0 = DispatchTime.now().uptimeNanoseconds
    let c0 = processCPUSeconds()
    for _ in 0..<generate {  // greedy decode without stop conditions
      let logits = session.lastLogits()
      var best = 0
      for i in logits.indices where logits[i] > logits[best] { best = i }
      try session.append([Int32(best)])
    }
    let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    var result: [String: Any] = [
      "prefill": prefill,
      "decode": [
        "tokens": generate, "tokens_per_s": (Double(generate) / dt * 10).rounded() / 10,
        "depth": decodeDepth, "cpu_s": ((processCPUSeconds() - c0) * 1000).rounded() / 1000,
      ],
      "peak_rss_mb": peakRSSMegabytes(), "threads": m.threads, "model": m.path,
      "kv_cache": options.kvCache.rawValue, "numerics": m.numerics.rawValue,
      "prefill_path": m.prefillPath,
    ]
    // Where the engine stands against the machine: prefill as equivalent GFLOP/s (2·params·tokens
    // / s, whatever the arithmetic) vs the F32 SGEMM peak measured now, decode as the weight
    // bandwidth it implies.
    let roof = m.measureRoofline()
    let bestPrefill = prefill.compactMap { $0["tokens_per_s"] as? Double }.max() ?? 0
    let decodeRate = Double(generate) / dt
    let prefillGFLOPS = bestPrefill * roof.prefillFLOPsPerToken / 1e9
    let share = prefillGFLOPS / roof.gemmGFLOPS
    let decodeMB = roof.decodeWeightBytesPerToken / 1e6
    let decodeGBps = decodeRate * roof.decodeWeightBytesPerToken / 1e9
    result["roofline"] = [
      "gemm_gflops": (roof.gemmGFLOPS * 10).rounded() / 10,
      "prefill_path_gflops": (roof.prefillPathGFLOPS * 10).rounded() / 10,
      "prefill_equivalent_gflops": (prefillGFLOPS * 10).rounded() / 10,
      "prefill_share_of_gemm_peak": (share * 100).rounded() / 100,
      "decode_weight_mb_per_token": (decodeMB * 10).rounded() / 10,
      "decode_weight_gb_per_s": (decodeGBps * 10).rounded() / 10,
    ]
    if vsLlamacpp {
      let ref = try LlamaBench.run(
        model: m.path, threads: m.threads, promptSizes: sizes, generate: generate,
        depth: decodeDepth)
      result["llamacpp"] = ref.json
      result["ratios"] = ref.ratios(prefill: prefill, decode: Double(generate) / dt)
    }
    if json {
      let data = try JSONSerialization.data(
        withJSONObject: result, options: [.sortedKeys, .withoutEscapingSlashes])
      print(String(decoding: data, as: UTF8.self))
    } else {
      print("prefill path: \(m.prefillPath) (--numerics \(m.numerics.rawValue))")
      for p in prefill { print("prefill \(p["tokens"]!) tokens: \(p["tokens_per_s"]!) tokens/s") }
      print("decode \(generate) tokens: \(String(format: "%.1f", Double(generate) / dt)) tokens/s")
      print("peak RSS: \(peakRSSMegabytes()) MB")
      print(
        String(
          format: "roofline: F32 SGEMM peak %.1f GFLOP/s, prefill path's kernel %.1f equivalent "
            + "GFLOP/s (largest matrix, 512 positions); prefill %.1f equivalent GFLOP/s "
            + "(2·params·tokens / s), %.2f of the SGEMM peak; decode %.1f MB of weights per "
            + "token, %.1f GB/s", roof.gemmGFLOPS, roof.prefillPathGFLOPS, prefillGFLOPS, share,
          decodeMB, decodeGBps))
      if let r = result["ratios"] { print("ratios vs llama.cpp: \(r)") }
    }
  }
}

/// CPU time (user + system, all threads) this process has used, in seconds; shows how contended a run was.
func processCPUSeconds() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Peak resident set size of this process in MB (`VmHWM` in /proc/self/status), 0 if unknown.
func peakRSSMegabytes() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return 0
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
    return kb / 1024
  }
  return 0
}

/// The llama.cpp reference benchmark (`llama-bench -o json`) built by the `ref` scripts under RAGLAB_HOME.
struct LlamaBench {
  /// Prompt size → tokens/s, and decode tokens/s.
  var prefill: [Int: Double] = [:]
  var decode: Double = 0
  /// llama-bench's flash-attention mode (`auto` turns it on for the CPU).
  var flashAttention = "unknown"

  /// Runs llama-bench on the same model and threads: prefill of each size from an empty cache,
  /// then decode of `generate` tokens after `depth` cached ones.
  static func run(model: String, threads: Int, promptSizes: [Int], generate: Int, depth: Int)
    throws -> LlamaBench
  {
    let common = ["-m", model, "-t", String(threads), "-o", "json"]
    let sizes = promptSizes.map(String.init).joined(separator: ",")
    let rows =
      try rows(common + ["-p", sizes, "-n", "0"])
      + rows(common + ["-p", "0", "-n", String(generate), "-d", String(depth)])
    var out = LlamaBench()
    switch rows.first?["flash_attn"] {  // an Int (-1 auto, 0 off, 1 on) in this version
    case let on as Bool: out.flashAttention = on ? "on" : "off"
    case let mode as Int: out.flashAttention = mode < 0 ? "auto" : mode == 0 ? "off" : "on"
    default: out.flashAttention = "unknown"
    }
    for row in rows {
      let np = row["n_prompt"] as? Int ?? 0
      let ng = row["n_gen"] as? Int ?? 0
      let ts = row["avg_ts"] as? Double ?? 0
      if np > 0 && ng == 0 { out.prefill[np] = ts } else if ng > 0 && np == 0 { out.decode = ts }
    }
    return out
  }

  /// The JSON rows `llama-bench ARGUMENTS` prints (one per test).
  private static func rows(_ arguments: [String]) throws -> [[String: Any]] {
    let exe = AssetPaths.resolve("llama.cpp/build/bin/llama-bench")
    guard FileManager.default.isExecutableFile(atPath: exe) else {
      throw ModelCommandError(
        "\(exe) not found; build the llama.cpp reference first: `make llamacpp`")
    }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = FileHandle.nullDevice
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0,
      let rows = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    else {
      throw ModelCommandError(
        "llama-bench failed (status \(p.terminationStatus)) or printed no JSON array")
    }
    return rows
  }

  /// llama.cpp's numbers in the same shape as raglab's.
  var json: [String: Any] {
    [
      "prefill": prefill.keys.sorted().map { ["tokens": $0, "tokens_per_s": prefill[$0]!] },
      "decode": ["tokens_per_s": decode],
      "flash_attn": flashAttention,
    ]
  }

  /// raglab ÷ llama.cpp speed ratios.
  func ratios(prefill ours: [[String: Any]], decode oursDecode: Double) -> [String: Any] {
    var r: [String: Any] = [:]
    for p in ours {
      if let n = p["tokens"] as? Int, let ts = p["tokens_per_s"] as? Double, let ref = prefill[n],
        ref > 0
      {
        r["prefill_\(n)"] = (ts / ref * 100).rounded() / 100
      }
    }
    if decode > 0 { r["decode"] = (oursDecode / decode * 100).rounded() / 100 }
    return r
  }
}
