// SPDX-License-Identifier: MIT

/// The results of one run: named values in a fixed column order.
///
/// Write it as a literal, `["pgscan_kswapd": .int(1234), "latency_ns": .double(107.5)]`; the order
/// written is the column order in `sweep.csv`.
public struct MetricRow: Hashable, Sendable, ExpressibleByDictionaryLiteral {
  /// One named value.
  public struct Column: Hashable, Sendable {
    public var name: String
    public var value: CSVValue

    public init(name: String, value: CSVValue) {
      self.name = name
      self.value = value
    }
  }

  /// The values in column order.
  public var columns: [Column]

  public init(_ columns: [Column] = []) { self.columns = columns }

  public init(dictionaryLiteral elements: (String, CSVValue)...) {
    columns = elements.map { Column(name: $0.0, value: $0.1) }
  }

  /// Adds a column at the end.
  public mutating func append(_ name: String, _ value: CSVValue) {
    columns.append(Column(name: name, value: value))
  }

  /// The value of column `name`, or nil.
  public subscript(name: String) -> CSVValue? { columns.first { $0.name == name }?.value }
}
