// SPDX-License-Identifier: MIT

/// A problem in a file a user gave: where it is and what is wrong.
///
/// Prints as `FILE:LINE:COLUMN: key.path: message`, the form compilers use, so editors can
/// jump to it.
public struct InputError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var keyPath: String?
  public var message: String

  public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.keyPath = keyPath
    self.message = message
  }

  public var description: String {
    var s = file
    if let line { s += ":\(line)" }
    if let column { s += ":\(column)" }
    s += ": "
    if let keyPath, !keyPath.isEmpty { s += "\(keyPath): " }
    return s + message
  }
}

/// Several input errors, reported together.
public struct InputErrors: Error, CustomStringConvertible {
  public var errors: [InputError]
  public init(_ errors: [InputError]) { self.errors = errors }
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
