/// A safetensors file that cannot be read: which file, which tensor (if any), and what was expected.
public struct SafeTensorsError: Error, CustomStringConvertible {
  /// The file being read.
  public let path: String
  /// The tensor involved, when the problem concerns one tensor.
  public let tensor: String?
  /// What went wrong, in words.
  public let message: String

  public init(path: String, tensor: String? = nil, message: String) {
    self.path = path
    self.tensor = tensor
    self.message = message
  }

  public var description: String {
    if let tensor { return "safetensors \(path): tensor '\(tensor)': \(message)" }
    return "safetensors \(path): \(message)"
  }
}
