import Foundation
import Testing

@testable import Experiments

/// The message of the `MatrixFileError` `body` throws, or a recorded issue.
private func fileError(_ body: () throws -> Void) -> MatrixFileError? {
  do {
    try body()
    Issue.record("no error was thrown")
  } catch let error as MatrixFileError {
    return error
  } catch {
    Issue.record("unexpected \(error)")
  }
  return nil
}

/// A `.npy` file (format 1.0) holding `payload` under the header dict `header`, padded with
/// spaces and a newline so the data starts on a 64-byte boundary as NumPy writes it.
private func npy(header: String, payload: [UInt8]) -> [UInt8] {
  var dict = Array(header.utf8)
  while (10 + dict.count + 1) % 64 != 0 { dict.append(0x20) }
  dict.append(0x0A)
  let magic: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
  return magic + [UInt8(dict.count & 0xFF), UInt8(dict.count >> 8)] + dict + payload
}

/// Little-endian bytes of float32 values.
private func float32Bytes(_ values: [Float]) -> [UInt8] {
  values.flatMap { value in (0..<4).map { UInt8((value.bitPattern >> (8 * $0)) & 0xFF) } }
}

@Test func csvWithAHeaderRowParsesToARowMajorMatrix() throws {
  let matrix = try NumericMatrix.parseCSV("x,\"y\"\r\n1, 2.5\r\n\n-3,4e1\n", file: "m.csv")
  #expect(matrix == NumericMatrix(rows: 2, columns: 2, values: [1, 2.5, -3, 40]))
  let plain = try NumericMatrix.parseCSV("1,2,3\n4,5,6", file: "m.csv")
  #expect(plain == NumericMatrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6]))
}

@Test func csvRaggedRowsAndNonNumbersAreNamedByLineAndColumn() {
  let ragged = fileError { _ = try NumericMatrix.parseCSV("a,b\n1,2\n3,4,5\n", file: "m.csv") }
  #expect(ragged?.line == 3)
  #expect(ragged?.description.hasPrefix("m.csv: line 3: has 3 fields, but line 2 has 2") == true)
  let word = fileError { _ = try NumericMatrix.parseCSV("1,2\n3,four\n", file: "m.csv") }
  #expect(word?.line == 2 && word?.column == 2)
  let nan = fileError { _ = try NumericMatrix.parseCSV("1,nan\n3,4\n", file: "m.csv") }
  #expect(nan?.line == 1 && nan?.column == 2)
  let headerOnly = fileError { _ = try NumericMatrix.parseCSV("a,b\n", file: "m.csv") }
  #expect(headerOnly?.message == "holds no rows of numbers")
}

@Test func npyFloat32AndFloat64InCOrderAreRead() throws {
  let header32 = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"
  let values: [Float] = [1, -2.5, 3, 0.25, 5, 6]
  let matrix = try NumericMatrix.parseNPY(
    npy(header: header32, payload: float32Bytes(values)), file: "m.npy")
  #expect(matrix == NumericMatrix(rows: 2, columns: 3, values: values.map(Double.init)))

  let header64 = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 1), }"
  let doubles = [0.1, -7.0, 1e300]
  let payload = doubles.flatMap { value in
    (0..<8).map { UInt8((value.bitPattern >> (8 * UInt64($0))) & 0xFF) }
  }
  let column = try NumericMatrix.parseNPY(npy(header: header64, payload: payload), file: "m.npy")
  #expect(column == NumericMatrix(rows: 3, columns: 1, values: doubles))
}

@Test func npyOtherDtypesFortranOrderOtherShapesAndTruncationAreExplained() {
  let payload = float32Bytes([1, 2, 3, 4])
  let int64 = fileError {
    _ = try NumericMatrix.parseNPY(
      npy(header: "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 1), }", payload: payload),
      file: "m.npy")
  }
  #expect(int64?.message.contains("supported: little-endian float32 ('<f4')") == true)
  let bigEndian = fileError {
    _ = try NumericMatrix.parseNPY(
      npy(header: "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }", payload: payload),
      file: "m.npy")
  }
  #expect(bigEndian?.message.hasPrefix("has dtype '>f4'") == true)
  let fortran = fileError {
    _ = try NumericMatrix.parseNPY(
      npy(header: "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", payload: payload),
      file: "m.npy")
  }
  #expect(fortran?.message.contains("Fortran") == true)
  let vector = fileError {
    _ = try NumericMatrix.parseNPY(
      npy(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", payload: payload),
      file: "m.npy")
  }
  #expect(vector?.message.hasPrefix("has shape (4,)") == true)
  let truncated = fileError {
    _ = try NumericMatrix.parseNPY(
      npy(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", payload: payload),
      file: "m.npy")
  }
  #expect(truncated?.message.contains("truncated") == true)
  let notNpy = fileError { _ = try NumericMatrix.parseNPY(Array("1,2\n".utf8), file: "m.npy") }
  #expect(notNpy?.message.contains("not a NumPy .npy file") == true)
}

@Test func readingPicksTheFormatByExtensionAndNamesAMissingFile() throws {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("raglab-cluster-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let csv = directory.appendingPathComponent("m.csv")
  try Data("1,2\n3,4\n".utf8).write(to: csv)
  #expect(try NumericMatrix.read(path: csv.path).values == [1, 2, 3, 4])
  let npyFile = directory.appendingPathComponent("m.NPY")
  let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }"
  try Data(npy(header: header, payload: float32Bytes([7, 8]))).write(to: npyFile)
  #expect(try NumericMatrix.read(path: npyFile.path).values == [7, 8])
  let missing = fileError { _ = try NumericMatrix.read(path: directory.path + "/none.csv") }
  #expect(missing?.message == "no such file")
}
