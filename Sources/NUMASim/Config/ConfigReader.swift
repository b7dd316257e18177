// SPDX-License-Identifier: MIT

import Foundation

/// Reads typed values out of a ``ConfigValue`` tree, collecting every problem with its place.
///
/// Each accessor returns `nil` after recording an error, so one pass reports all problems.
public struct ConfigReader {
  public let file: String
  public private(set) var errors: [InputError] = []

  public init(file: String) { self.file = file }

  /// Records a problem at a value.
  public mutating func fail(_ value: ConfigValue, _ path: String, _ message: String) {
    errors.append(
      InputError(file: file, line: value.position.line, column: value.position.column, keyPath: path, message: message))
  }

  /// Records an error found elsewhere (an included file).
  public mutating func record(_ error: InputError) { errors.append(error) }

  /// Records a problem at a position.
  public mutating func fail(at p: ConfigValue.Position, _ path: String, _ message: String) {
    errors.append(InputError(file: file, line: p.line, column: p.column, keyPath: path, message: message))
  }

  /// The entries of a mapping; unknown keys are errors with a suggestion.
  public mutating func mapping(
    _ value: ConfigValue, _ path: String, allowed: [String]
  ) -> [String: ConfigValue]? {
    guard case .mapping(let entries, _) = value else {
      fail(
        value, path,
        "expected a mapping of keys (\(allowed.prefix(6).joined(separator: ", "))\(allowed.count > 6 ? ", ..." : ""))")
      return nil
    }
    var result: [String: ConfigValue] = [:]
    for e in entries {
      let child = path.isEmpty ? e.key : "\(path).\(e.key)"
      guard allowed.contains(e.key) else {
        var message = "unknown key"
        if let best = allowed.min(by: { EditDistance.between($0, e.key) < EditDistance.between($1, e.key) }),
          EditDistance.between(best, e.key) <= Swift.max(2, e.key.count / 3)
        {
          message += "; did you mean \(best)?"
        } else {
          message += "; expected one of \(allowed.joined(separator: ", "))"
        }
        fail(at: e.keyPosition, child, message)
        continue
      }
      result[e.key] = e.value
    }
    return result
  }

  /// The entries of a mapping in file order, any keys allowed.
  public mutating func entries(_ value: ConfigValue, _ path: String) -> [(
    key: String, keyPosition: ConfigValue.Position, value: ConfigValue
  )]? {
    guard case .mapping(let entries, _) = value else {
      fail(value, path, "expected a mapping")
      return nil
    }
    return entries
  }

  public mutating func sequence(_ value: ConfigValue, _ path: String) -> [ConfigValue]? {
    guard case .sequence(let items, _) = value else {
      fail(value, path, "expected a list")
      return nil
    }
    return items
  }

  public mutating func string(_ value: ConfigValue, _ path: String) -> String? {
    guard case .scalar(let s, _) = value else {
      fail(value, path, "expected a value, found \(kind(value))")
      return nil
    }
    return s
  }

  public mutating func int(_ value: ConfigValue, _ path: String, in range: ClosedRange<Int>? = nil) -> Int? {
    guard let s = string(value, path) else { return nil }
    guard let n = Int(s.replacingOccurrences(of: "_", with: "")) else {
      fail(value, path, "expected an integer, found '\(s)'")
      return nil
    }
    if let range, !range.contains(n) {
      fail(value, path, "\(n) is out of range \(range.lowerBound)...\(range.upperBound)")
      return nil
    }
    return n
  }

  public mutating func double(_ value: ConfigValue, _ path: String) -> Double? {
    guard let s = string(value, path) else { return nil }
    guard let d = Double(s), d.isFinite else {
      fail(value, path, "expected a number, found '\(s)'")
      return nil
    }
    return d
  }

  public mutating func bool(_ value: ConfigValue, _ path: String) -> Bool? {
    guard let s = string(value, path) else { return nil }
    switch s.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      fail(value, path, "expected true or false, found '\(s)'")
      return nil
    }
  }

  /// A size in bytes: an integer, or a number with `K`/`KiB`, `M`/`MiB`, `G`/`GiB`, `T`/`TiB`
  /// (binary, as the kernel's `memparse()` reads them; `KB`/`MB`/`GB` are read the same way).
  public mutating func size(_ value: ConfigValue, _ path: String) -> Int? {
    guard let s = string(value, path) else { return nil }
    guard let bytes = ConfigReader.parseSize(s) else {
      fail(value, path, "expected a size such as 16GiB, 512MiB or 4096 (bytes), found '\(s)'")
      return nil
    }
    return bytes
  }

  /// Parses `16GiB`, `512M`, `4096`; `nil` when malformed, negative or too large.
  public static func parseSize(_ text: String) -> Int? {
    let t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "_", with: "")
    let digits = t.prefix { $0.isNumber || $0 == "." }
    let unit = t.dropFirst(digits.count).lowercased()
    guard let number = Double(digits), number >= 0 else { return nil }
    let shift: Int
    switch unit {
    case "", "b": shift = 0
    case "k", "kb", "kib": shift = 10
    case "m", "mb", "mib": shift = 20
    case "g", "gb", "gib": shift = 30
    case "t", "tb", "tib": shift = 40
    default: return nil
    }
    let bytes = number * Double(1 << shift)
    guard bytes < Double(1 << 52) else { return nil }
    return Int(bytes)
  }

  /// A square matrix of integers with one row per node.
  public mutating func intMatrix(_ value: ConfigValue, _ path: String, size n: Int) -> [[Int]]? {
    guard let rows = sequence(value, path) else { return nil }
    guard rows.count == n else {
      fail(value, path, "expected \(n) rows (one per node), found \(rows.count)")
      return nil
    }
    var result: [[Int]] = []
    for (i, row) in rows.enumerated() {
      guard let cells = sequence(row, "\(path)[\(i)]") else { return nil }
      guard cells.count == n else {
        fail(row, "\(path)[\(i)]", "expected \(n) entries (one per node), found \(cells.count)")
        return nil
      }
      var r: [Int] = []
      for (j, c) in cells.enumerated() {
        guard let v = int(c, "\(path)[\(i)][\(j)]") else { return nil }
        r.append(v)
      }
      result.append(r)
    }
    return result
  }

  func kind(_ v: ConfigValue) -> String {
    switch v {
    case .scalar: "a value"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .null: "nothing"
    }
  }
}
