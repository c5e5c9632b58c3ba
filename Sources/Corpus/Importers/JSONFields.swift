import Foundation

/// Field access on parsed JSON objects, with the "expected …" wording of import errors.
struct JSONFields {
  /// The object being read.
  let object: [String: Any]

  /// Parses one line (or file) as a JSON object.
  /// - Throws: a message naming what was expected.
  static func parseObject(_ bytes: [UInt8], expecting: String) throws(FieldError) -> JSONFields {
    let value: Any
    do {
      value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
      throw FieldError("invalid JSON; expected \(expecting)")
    }
    guard let object = value as? [String: Any] else {
      throw FieldError("expected \(expecting), found \(JSONFields.kind(of: value))")
    }
    return JSONFields(object: object)
  }

  /// A required string field.
  func string(_ key: String, in what: String) throws(FieldError) -> String {
    guard let value = object[key] as? String else {
      throw FieldError("expected \(what) with a string field `\(key)`\(found(key))")
    }
    return value
  }

  /// An optional field that may be a string or a number, rendered as a string.
  func stringOrNumber(_ key: String) -> String? {
    switch object[key] {
    case let string as String: return string
    case let number as NSNumber: return number.stringValue
    default: return nil
    }
  }

  /// An optional boolean (also accepts 0/1 and "true"/"false").
  func bool(_ key: String) -> Bool? {
    switch object[key] {
    case let number as NSNumber: return number.boolValue
    case let string as String: return ["true", "1"].contains(string.lowercased())
    default: return nil
    }
  }

  /// A required array of strings (numbers are rendered as strings).
  func strings(_ key: String, in what: String) throws(FieldError) -> [String] {
    guard let array = object[key] as? [Any] else {
      throw FieldError("expected \(what) with an array field `\(key)`\(found(key))")
    }
    var result: [String] = []
    for (index, element) in array.enumerated() {
      switch element {
      case let string as String: result.append(string)
      case let number as NSNumber: result.append(number.stringValue)
      default:
        throw FieldError(
          "expected `\(key)[\(index)]` to be a string, found \(JSONFields.kind(of: element))")
      }
    }
    return result
  }

  /// A required array of objects.
  func objects(_ key: String, in what: String) throws(FieldError) -> [JSONFields] {
    guard let array = object[key] as? [Any] else {
      throw FieldError("expected \(what) with an array field `\(key)`\(found(key))")
    }
    var result: [JSONFields] = []
    for (index, element) in array.enumerated() {
      guard let object = element as? [String: Any] else {
        throw FieldError(
          "expected `\(key)[\(index)]` to be an object, found \(JSONFields.kind(of: element))")
      }
      result.append(JSONFields(object: object))
    }
    return result
  }

  private func found(_ key: String) -> String {
    guard let value = object[key] else { return " (it is missing)" }
    return " (found \(JSONFields.kind(of: value)))"
  }

  /// A JSON type name for messages.
  static func kind(of value: Any) -> String {
    switch value {
    case is String: return "a string"
    case is NSNull: return "null"
    case is [Any]: return "an array"
    case is [String: Any]: return "an object"
    case is NSNumber: return "a number or boolean"
    default: return "\(type(of: value))"
    }
  }
}

/// A field-level problem, before the importer adds file and line.
struct FieldError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}
