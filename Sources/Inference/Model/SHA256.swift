import CKernels
import Foundation

/// SHA-256 digests of files (the C implementation in CKernels).
enum SHA256 {
  /// Lowercase hex digest of the file at `path`, read in 4 MiB pieces.
  static func hex(ofFile path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw GGUFError(.unreadable, file: path, "cannot open the file to compute its SHA-256")
    }
    defer { try? handle.close() }
    var ctx = ck_sha256_ctx()
    ck_sha256_init(&ctx)
    while let data = try handle.read(upToCount: 4 << 20), !data.isEmpty {
      data.withUnsafeBytes { ck_sha256_update(&ctx, $0.baseAddress, $0.count) }
    }
    var out = [UInt8](repeating: 0, count: 32)
    ck_sha256_final(&ctx, &out)
    return out.map { String(format: "%02x", $0) }.joined()
  }
}
