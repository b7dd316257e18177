// SPDX-License-Identifier: MIT

import Foundation

/// One swept key set to one value at a point.
public struct SweepAssignment: Hashable, Sendable, CustomStringConvertible {
  /// The key path, as written under `sweep.grid` (also the CSV column name).
  public var path: String
  /// The value at this point.
  public var value: SweepValue

  public init(path: String, value: SweepValue) {
    self.path = path
    self.value = value
  }

  /// The setting that puts this value into a config.
  public var override: ConfigOverride { ConfigOverride(path: path, value: value.description) }

  /// `path=value` on one line; a value with spaces, quotes, `=` or line breaks is double-quoted,
  /// with `\"`, `\\` and `\n` escapes.
  public var description: String {
    let text = value.description
    let plain =
      !text.isEmpty
      && !text.contains { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "=" || $0 == "\\" || $0.isNewline }
    if plain { return "\(path)=\(text)" }
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
      .replacingOccurrences(of: "\r", with: "\\n")
    return "\(path)=\"\(escaped)\""
  }
}
