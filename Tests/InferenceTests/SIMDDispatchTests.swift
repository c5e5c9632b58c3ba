import CKernels
import Foundation
import Testing

@testable import Inference

extension Trait where Self == ConditionTrait {
  /// Runs a test only where the kernels take their AVX2 paths (skipped, with the reason, elsewhere).
  static var requiresAVX2: Self {
    .enabled(
      if: ck_use_avx2() == 1,
      "the CPU lacks AVX2/FMA/F16C (or is not x86), or RAGLAB_NO_SIMD turns SIMD off")
  }
}

/// RAGLAB_NO_SIMD as this process received it, read here independently of the kernels.
private var noSIMDRequested: Bool {
  guard let value = ProcessInfo.processInfo.environment["RAGLAB_NO_SIMD"] else { return false }
  return !value.isEmpty && value != "0"
}

@Test func noSIMDSwitchIsOnForAnyNonEmptyValueOtherThanZero() {
  #expect(ck_no_simd_requested("1") == 1)
  #expect(ck_no_simd_requested("yes") == 1)
  #expect(ck_no_simd_requested("0") == 0)
  #expect(ck_no_simd_requested("") == 0)
  #expect(ck_no_simd_requested(nil) == 0)
}

#if os(Linux)
  @Test func cpuFeatureReportMatchesProcCpuinfo() throws {
    let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
    let flagsLine = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
    let flags = Set(flagsLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init))
    #if arch(x86_64) || arch(i386)
      let expected = flags.isSuperset(of: ["avx2", "fma", "f16c"])
    #else
      let expected = false  // no x86 SIMD code is compiled here
    #endif
    #expect(
      ck_cpu_has_avx2() == (expected ? 1 : 0),
      "x86 flags present: \(flags.intersection(["avx2", "fma", "f16c"]).sorted())")
  }
#endif

@Test func dispatchTakesAVX2OnlyWhenTheCPUHasItAndNoSIMDIsUnset() {
  let expected = ck_cpu_has_avx2() == 1 && !noSIMDRequested
  #expect(ck_use_avx2() == (expected ? 1 : 0), "RAGLAB_NO_SIMD requested: \(noSIMDRequested)")
}

@Test(.enabled(if: ck_use_avx2() == 0, "the AVX2 paths are in use on this machine"))
func explicitAVX2RequestsAreRefusedWhenDispatchIsScalar() {
  let unsupported = Int32(CK_ERR_UNSUPPORTED_PATH)
  let avx2 = Int32(CK_PATH_AVX2)
  let x = [Float](repeating: 0.5, count: 32)
  var q8 = [UInt8](repeating: 0, count: 34)
  var y = [Float](repeating: 0, count: 32)
  var dot: Float = .nan
  #expect(ck_quantize_row_path(GGMLType.q8_0.rawValue, x, &q8, 32, avx2) == unsupported)
  #expect(ck_dequantize_row_path(GGMLType.q8_0.rawValue, q8, &y, 32, avx2) == unsupported)
  #expect(ck_vec_dot_path(GGMLType.q8_0.rawValue, 32, q8, q8, &dot, avx2) == unsupported)
  #expect(dot.isNaN)
}
