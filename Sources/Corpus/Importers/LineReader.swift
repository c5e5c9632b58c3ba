import CZlib
import Foundation

/// Reads a text file line by line, decompressing it on the fly when it is gzip (zlib's `gzread`
/// passes plain files through unchanged), so JSONL and JSONL.gz stream the same way.
final class LineReader {
  /// The path as given, for error messages.
  let path: String
  /// Number of the line `nextLine()` returned last (1-based).
  private(set) var lineNumber = 0
  private let file: gzFile
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false

  /// Opens `path` for reading.
  /// - Throws: `ImportError` when the file is missing or unreadable.
  init(path: String) throws {
    guard FileManager.default.isReadableFile(atPath: path), let file = gzopen(path, "rb") else {
      throw ImportError(file: path, message: "cannot open the file (missing or unreadable)")
    }
    self.path = path
    self.file = file
    gzbuffer(file, 1 << 17)
  }

  deinit { gzclose(file) }

  /// The next line without its `\n` (and `\r`), or nil at the end of the file.
  /// - Throws: `ImportError` when the data is corrupt or a .gz is truncated (even at a line end).
  func nextLine() throws -> [UInt8]? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        var end = newline
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[start..<end])
        start = newline + 1
        lineNumber += 1
        return line
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = Array(buffer[start...])
        start = buffer.count
        lineNumber += 1
        return line
      }
      try fill()
    }
  }

  /// Appends up to 256 KiB of decompressed bytes to the buffer.
  private func fill() throws {
    if start > 0 {
      buffer.removeFirst(start)
      start = 0
    }
    let chunk = 1 << 18
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: chunk))
    let read = buffer.withUnsafeMutableBufferPointer { pointer in
      gzread(file, pointer.baseAddress! + old, UInt32(chunk))
    }
    if read < 0 {
      throw ImportError(
        file: path, line: lineNumber + 1, message: "cannot decompress: \(zlibError().message)")
    }
    buffer.removeLast(chunk - Int(read))
    if read == 0 {
      try checkCompleteStream()
      atEnd = true
    }
  }

  /// At the end of the input, checks that a gzip stream ended with its trailer: zlib returns the
  /// bytes it could decompress and only flags the missing end (`Z_BUF_ERROR`), even when the
  /// file was cut exactly after a line.
  /// - Throws: `ImportError` naming the file when the stream is truncated.
  private func checkCompleteStream() throws {
    let (code, message) = zlibError()
    guard code == Z_BUF_ERROR else { return }
    throw ImportError(
      file: path,
      message:
        "the gzip stream is truncated after line \(lineNumber) (zlib: \(message)); the file is "
        + "incomplete: download or copy it again")
  }

  /// zlib's error code and message for this file, without the file name zlib puts first.
  private func zlibError() -> (code: Int32, message: String) {
    var code: Int32 = 0
    var message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown zlib error"
    if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }
    return (code, message)
  }
}
