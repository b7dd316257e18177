// SPDX-License-Identifier: MIT

/// The file one finished run leaves in `points/`: its metrics, exactly, one per line.
///
/// Layout: a `metric,type,value` header, then one line per metric in column order; `type` is
/// `int`, `double`, `text` or `missing`. Doubles are kept at full precision (Swift's shortest
/// round-trip form, `nan`, `inf`), so summaries built from these files are the same whether the
/// runs happened in one go, were resumed, or came from several shards. The last line,
/// `checksum,fnv1a64,HEX`, is ``ConfigHash/fnv1a64(_:)`` of every byte before it, so a value
/// edited by hand or a damaged file is refused on resume and merge.
enum PointRecord {
  static let header = "metric,type,value\n"
  static let checksumPrefix = "checksum,fnv1a64,"
  /// Why a file is refused.
  static let damaged =
    "not a whole run record (a metric,type,value table ending in its checksum): damaged or edited; remove it to run it again"

  /// The file's text for `row`.
  static func encode(_ row: MetricRow) -> String {
    var out = header
    for column in row.columns {
      let (type, value): (String, String) =
        switch column.value {
        case .int(let n): ("int", String(n))
        case .double(let d): ("double", d.description)
        case .text(let s): ("text", CSVWriter.quote(s))
        case .missing: ("missing", "")
        }
      out += CSVWriter.quote(column.name) + "," + type + "," + value + "\n"
    }
    return out + checksumPrefix + ConfigHash.hex(ConfigHash.fnv1a64(out)) + "\n"
  }

  /// The metrics in a file's text; nil when it is not such a file.
  static func decode(_ text: String) -> MetricRow? {
    guard text.hasPrefix(header), text.hasSuffix("\n") else { return nil }
    let body = text.dropLast()
    guard let cut = body.lastIndex(of: "\n") else { return nil }
    let content = String(text[...cut])
    guard text[text.index(after: cut)...] == checksumPrefix + ConfigHash.hex(ConfigHash.fnv1a64(content)) + "\n",
      let rows = CSVParser.parse(content)
    else { return nil }
    var row = MetricRow()
    for fields in rows.dropFirst() {
      guard fields.count == 3 else { return nil }
      let value: CSVValue
      switch fields[1] {
      case "int":
        guard let n = Int(fields[2]) else { return nil }
        value = .int(n)
      case "double":
        guard let d = Double(fields[2]) else { return nil }
        value = .double(d)
      case "text": value = .text(fields[2])
      case "missing": value = .missing
      default: return nil
      }
      row.append(fields[0], value)
    }
    return row
  }
}
