// SPDX-License-Identifier: MIT

/// Reads RFC 4180 CSV text back into rows of fields, as ``CSVWriter`` writes it.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; lines end in LF or CRLF; a
/// final line break is optional; a bare CR outside quotes is malformed. Fields come back as text: the caller knows the types.
enum CSVParser {
  /// The rows of `text`; nil when a quoted field is not closed or a quote is misplaced.
  static func parse(_ text: String) -> [[String]]? {
    let scalars = Array(text.unicodeScalars)
    var rows: [[String]] = []
    var row: [String] = []
    var field = String.UnicodeScalarView()
    var i = 0
    var fieldStarted = false
    while i < scalars.count {
      let c = scalars[i]
      i += 1
      switch c {
      case "\"":
        guard !fieldStarted else { return nil }
        while true {
          guard i < scalars.count else { return nil }
          let q = scalars[i]
          i += 1
          if q == "\"" {
            guard i < scalars.count, scalars[i] == "\"" else { break }
            i += 1
          }
          field.append(q)
        }
        fieldStarted = true
        if i < scalars.count, !(scalars[i] == "," || scalars[i] == "\n" || scalars[i] == "\r") { return nil }
      case ",":
        row.append(String(field))
        field = String.UnicodeScalarView()
        fieldStarted = false
      case "\r" where i < scalars.count && scalars[i] == "\n":
        continue
      case "\r":
        return nil  // a bare CR outside quotes: not a line end RFC 4180 knows, nor field text
      case "\n":
        row.append(String(field))
        rows.append(row)
        row = []
        field = String.UnicodeScalarView()
        fieldStarted = false
      default:
        field.append(c)
        fieldStarted = true
      }
    }
    if fieldStarted || !row.isEmpty {
      row.append(String(field))
      rows.append(row)
    }
    return rows
  }
}
