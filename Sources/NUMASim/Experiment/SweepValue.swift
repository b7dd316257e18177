// SPDX-License-Identifier: MIT

/// One value a swept key takes: an integer, a number or a text.
public enum SweepValue: Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case double(Double)
  case text(String)

  /// Reads a config scalar: an integer, else a decimal number (`0.5`, `1e-3`), else text as written.
  public init(scalar text: String) {
    if let n = Int(text) {
      self = .int(n)
    } else if Self.isDecimal(text), let d = Double(text), d.isFinite {
      self = .double(Self.canonical(d))
    } else {
      self = .text(text)
    }
  }

  /// The text put into the config, the same as the CSV shows (numbers in ``CSVWriter`` format).
  public var description: String {
    switch self {
    case .int(let n): String(n)
    case .double(let d): CSVWriter.format(d)
    case .text(let s): s
    }
  }

  /// The value as a CSV cell.
  public var csvValue: CSVValue {
    switch self {
    case .int(let n): .int(n)
    case .double(let d): .double(d)
    case .text(let s): .text(s)
    }
  }

  /// `d` rounded to the digits ``CSVWriter`` prints, so the config, the CSV and the point agree.
  static func canonical(_ d: Double) -> Double { Double(CSVWriter.format(d)) ?? d }

  /// Whether `text` is a plain decimal number: sign, digits, optional fraction and exponent.
  static func isDecimal(_ text: String) -> Bool {
    var s = Substring(text)
    if s.first == "+" || s.first == "-" { s = s.dropFirst() }
    let mantissa = s.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    guard mantissa.contains(where: \.isNumber), mantissa.filter({ $0 == "." }).count <= 1 else { return false }
    var exponent = s.dropFirst(mantissa.count)
    if exponent.isEmpty { return true }
    guard exponent.first == "e" || exponent.first == "E" else { return false }
    exponent = exponent.dropFirst()
    if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
    return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
  }
}
