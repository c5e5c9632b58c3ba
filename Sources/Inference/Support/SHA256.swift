import CKernels
import Foundation

/// SHA-256 digests (the C implementation in CKernels) of files, bytes and strings.
///
/// The one digest used across raglab: model and data checksums, spec, prompt and
/// decoding-parameter hashes. Foundation on Linux has no CryptoKit.
public enum SHA256 {
  /// Lowercase hex digest of the file at `path`, read in 4 MiB pieces.
  /// - Throws: `FileDigestError` naming the file when it cannot be opened or read.
  public static func hex(ofFile path: String) throws -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw FileDigestError(path: path, message: "cannot open the file to compute its SHA-256")
    }
    defer { try? handle.close() }
    var context = ck_sha256_ctx()
    ck_sha256_init(&context)
    do {
      while let data = try handle.read(upToCount: 4 << 20), !data.isEmpty {
        data.withUnsafeBytes { ck_sha256_update(&context, $0.baseAddress, $0.count) }
      }
    } catch {
      throw FileDigestError(path: path, message: "read failed: \(error.localizedDescription)")
    }
    return finish(&context)
  }

  /// Lowercase hex digest of `bytes`.
  public static func hex(of bytes: [UInt8]) -> String {
    var context = ck_sha256_ctx()
    ck_sha256_init(&context)
    bytes.withUnsafeBytes { ck_sha256_update(&context, $0.baseAddress, $0.count) }
    return finish(&context)
  }

  /// Lowercase hex digest of the UTF-8 bytes of `text`.
  public static func hex(of text: String) -> String { hex(of: Array(text.utf8)) }

  private static func finish(_ context: inout ck_sha256_ctx) -> String {
    var digest = [UInt8](repeating: 0, count: 32)
    ck_sha256_final(&context, &digest)
    let digits = Array("0123456789abcdef".utf8)
    var text = [UInt8]()
    text.reserveCapacity(64)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 15)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}

/// A file whose digest could not be computed: which file, and why.
public struct FileDigestError: Error, CustomStringConvertible {
  /// The file involved.
  public let path: String
  /// What went wrong.
  public let message: String

  public var description: String { "\(path): \(message)" }
}
