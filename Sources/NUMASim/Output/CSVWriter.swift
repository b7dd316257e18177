// SPDX-License-Identifier: MIT

/// One cell of a result table.
public enum CSVValue: Hashable, Sendable {
  case int(Int)
  case double(Double)
  case text(String)
  /// An empty field: no value for this row.
  case missing

  /// The value as a number, for statistics; nil for text and missing cells.
  public var number: Double? {
    switch self {
    case .int(let n): Double(n)
    case .double(let d): d
    case .text, .missing: nil
    }
  }
}

/// A result table: a header and rows of the same width, in a fixed column order.
///
/// - Invariant: every row has `header.count` cells.
public struct CSVTable: Hashable, Sendable {
  /// The column names, in output order.
  public let header: [String]
  /// The rows, each with one cell per column.
  public private(set) var rows: [[CSVValue]]

  /// An empty table with the given columns.
  public init(header: [String], rows: [[CSVValue]] = []) {
    self.header = header
    self.rows = []
    for row in rows { append(row) }
  }

  /// Appends a row; it must have one cell per column.
  public mutating func append(_ row: [CSVValue]) {
    precondition(row.count == header.count, "a row of \(row.count) cells in a table of \(header.count) columns")
    rows.append(row)
  }
}

/// The only place that turns result values into text: RFC 4180 CSV with a fixed number format.
///
/// Format, chosen so that files are byte-identical across runs, platforms and locales:
/// - lines end in `\n` (RFC 4180 says CRLF; every CSV reader accepts LF, and diffs stay clean);
/// - a field is quoted with `"` only when it holds `,`, `"`, CR or LF; an inner `"` is doubled;
/// - integers are printed as they are (`-12`, no grouping);
/// - doubles are printed with at most ``significantDigits`` significant digits, rounded half
///   away from zero from the shortest decimal that reads back as the same `Double` (Swift's
///   own `description`, which is locale-free), without trailing zeros; plain positional
///   notation for decimal exponents −5 …14, otherwise `1.5e+20` / `2.5e-07` (exponent at least
///   two digits, as C's `%g`); `-0.0` prints as `0`, NaN as `nan`, infinities as `inf`/`-inf`;
/// - missing cells are empty fields.
public enum CSVWriter {
  /// The most significant digits a double is printed with.
  public static let significantDigits = 12

  /// The whole table as CSV text, header first, each line ending in `\n`.
  public static func render(_ table: CSVTable) -> String {
    var out = line(table.header.map(quote))
    for row in table.rows { out += line(row.map(field)) }
    return out
  }

  /// One cell as a CSV field (quoted when needed).
  public static func field(_ value: CSVValue) -> String {
    switch value {
    case .int(let n): String(n)
    case .double(let d): format(d)
    case .text(let s): quote(s)
    case .missing: ""
    }
  }

  /// `text` as an RFC 4180 field: quoted only when it holds a comma, a quote, CR or LF.
  public static func quote(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// A double in the fixed format described on ``CSVWriter``.
  public static func format(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == 0 { return "0" }
    var (digits, exponent) = decimalDigits(of: value.magnitude)
    if digits.count > significantDigits {
      let roundUp = digits[significantDigits] >= 5
      digits.removeSubrange(significantDigits...)
      if roundUp {
        var i = digits.count - 1
        while i >= 0 {
          if digits[i] == 9 {
            digits[i] = 0
            i -= 1
          } else {
            digits[i] += 1
            break
          }
        }
        if i < 0 {
          digits.insert(1, at: 0)
          digits.removeLast()
          exponent += 1
        }
      }
    }
    while digits.count > 1, digits.last == 0 { digits.removeLast() }
    let sign = value < 0 ? "-" : ""
    let text = digits.map { String($0) }.joined()
    // `exponent` is the power of ten of the first digit.
    if exponent >= -5, exponent < 15 {
      if exponent < 0 { return sign + "0." + String(repeating: "0", count: -exponent - 1) + text }
      if digits.count <= exponent + 1 {
        return sign + text + String(repeating: "0", count: exponent + 1 - digits.count)
      }
      let split = text.index(text.startIndex, offsetBy: exponent + 1)
      return sign + text[..<split] + "." + text[split...]
    }
    let mantissa = digits.count == 1 ? text : String(text.prefix(1)) + "." + text.dropFirst()
    let magnitude = String(abs(exponent))
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
  }

  /// The shortest round-trip decimal digits of a finite positive `value` and the power of ten of
  /// the first digit, read from Swift's locale-free `description`.
  static func decimalDigits(of value: Double) -> (digits: [Int], exponent: Int) {
    let text = value.description
    var mantissa = Substring(text)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      mantissa = text[..<e]
      exponent = Int(text[text.index(after: e)...]) ?? 0
    }
    let point = mantissa.firstIndex(of: ".")
    let integerPart = point.map { mantissa[..<$0] } ?? mantissa
    let fractionPart = point.map { mantissa[mantissa.index(after: $0)...] } ?? ""
    var digits = (integerPart + fractionPart).compactMap(\.wholeNumberValue)
    exponent += integerPart.count - 1
    while digits.first == 0, digits.count > 1 {
      digits.removeFirst()
      exponent -= 1
    }
    return (digits, exponent)
  }

  private static func line(_ fields: [String]) -> String { fields.joined(separator: ",") + "\n" }

  /// One row as a CSV line ending in `\n`, as ``render(_:)`` writes it.
  public static func renderRow(_ row: [CSVValue]) -> String { line(row.map(field)) }

  /// The header as a CSV line ending in `\n`, as ``render(_:)`` writes it.
  public static func renderHeader(_ header: [String]) -> String { line(header.map(quote)) }
}
