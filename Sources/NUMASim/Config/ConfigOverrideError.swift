// SPDX-License-Identifier: MIT

/// A key path or override that cannot be applied: which path, and what is wrong with it.
public struct ConfigOverrideError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The key path as written (`machine.nodes[3].memory`).
  public var path: String
  /// What is wrong, in words.
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

extension ConfigOverrideError {
  /// The error as one about a command-line `--set`.
  public var inputError: InputError {
    InputError(file: ConfigOverride.commandLine, keyPath: "--set \(path)", message: message)
  }
}
