// SPDX-License-Identifier: MIT
import Foundation

/// A results file read back for plotting: its header and rows, with errors that name the file,
/// the line and the column.
struct CSVFile {
  let path: String
  let header: [String]
  let rows: [[String]]

  /// Reads `path`; a missing file is an error that says which folder it expected.
  init(_ path: String, expectedIn kind: String) throws {
    self.path = path
    guard FileManager.default.fileExists(atPath: path) else {
      throw InputErrors([InputError(file: path, message: "missing: is the folder \(kind)?")])
    }
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
    else { throw InputErrors([InputError(file: path, message: "cannot be read as UTF-8 text")]) }
    guard let parsed = CSVParser.parse(text), let first = parsed.first else {
      throw InputErrors([InputError(file: path, line: 1, message: "is not a CSV file with a header")])
    }
    header = first
    rows = Array(parsed.dropFirst())
    for (i, row) in rows.enumerated() where row.count != header.count {
      throw InputErrors([
        InputError(file: path, line: i + 2, message: "has \(row.count) fields where the header has \(header.count)")
      ])
    }
  }

  /// The position of `column` in the header.
  func index(of column: String) throws -> Int {
    guard let i = header.firstIndex(of: column) else {
      throw InputErrors([InputError(file: path, line: 1, keyPath: column, message: "no such column")])
    }
    return i
  }

  /// Row `row`'s field `column` as a number (an empty field is NaN).
  func number(_ row: Int, _ column: Int) throws -> Double {
    let text = rows[row][column]
    if text.isEmpty { return .nan }
    guard let value = Double(text) else {
      throw InputErrors([
        InputError(
          file: path, line: row + 2, column: column + 1, keyPath: header[column], message: "'\(text)' is not a number")
      ])
    }
    return value
  }

  /// Every row's value of `column` as numbers.
  func numbers(_ column: String) throws -> [Double] {
    let c = try index(of: column)
    return try rows.indices.map { try number($0, c) }
  }

  /// Every row's value of `column` as text.
  func texts(_ column: String) throws -> [String] {
    let c = try index(of: column)
    return rows.map { $0[c] }
  }
}
