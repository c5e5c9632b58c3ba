import Foundation

/// A dense matrix read from a file for clustering: one row per sample, row-major doubles.
public struct NumericMatrix: Sendable, Equatable {
  /// Samples.
  public let rows: Int
  /// Values per sample.
  public let columns: Int
  /// `rows × columns` values, row-major.
  public let values: [Double]

  /// Creates a matrix from row-major values.
  public init(rows: Int, columns: Int, values: [Double]) {
    self.rows = rows
    self.columns = columns
    self.values = values
  }

  /// Reads `path`: a NumPy `.npy` file when it ends in `.npy`, else CSV.
  /// - Throws: `MatrixFileError` naming the file (and line and column for CSV).
  public static func read(path: String) throws -> NumericMatrix {
    guard FileManager.default.fileExists(atPath: path) else {
      throw MatrixFileError(file: path, message: "no such file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw MatrixFileError(file: path, message: "cannot be read (is it a readable file?)")
    }
    if path.lowercased().hasSuffix(".npy") {
      return try parseNPY([UInt8](data), file: path)
    }
    return try parseCSV(String(decoding: data, as: UTF8.self), file: path)
  }
}
