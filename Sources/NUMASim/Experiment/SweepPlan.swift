// SPDX-License-Identifier: MIT

/// The list of runs of a sweep as saved in `sweep-plan.csv`: `point,replicate,seed,<swept keys>`.
///
/// Every run folder of a sweep (each shard's, a resumed one's) holds the same plan, byte for
/// byte; a resume or a merge checks it before trusting the run files next to it. The swept
/// values are kept as the text they were written with, so `sweep.csv` built from a plan read
/// back is the same as one built from the points.
struct SweepPlan: Hashable, Sendable {
  static let fileName = "sweep-plan.csv"
  static let fixedColumns = ["point", "replicate", "seed"]

  /// Column names: the fixed columns, then the swept key paths.
  let header: [String]
  /// One row per run, in (point, replicate) order, as text fields.
  let rows: [[String]]

  /// The plan of `points`, sorted by point then replicate.
  init(points: [SweepPoint]) throws(SweepError) {
    let sorted = points.sorted { ($0.index, $0.replicate) < ($1.index, $1.replicate) }
    let paths = sorted.first?.assignments.map(\.path) ?? []
    var rows: [[String]] = []
    for (i, p) in sorted.enumerated() {
      if i > 0, sorted[i - 1].index == p.index, sorted[i - 1].replicate == p.replicate {
        throw .inconsistentPoints("point \(p.index) replicate \(p.replicate) is given twice")
      }
      guard p.assignments.map(\.path) == paths else {
        throw .inconsistentPoints("point \(p.index) sets \(p.assignments.map(\.path)), others set \(paths)")
      }
      rows.append([String(p.index), String(p.replicate), String(p.seed)] + p.assignments.map(\.value.description))
    }
    let header = Self.fixedColumns + paths
    guard Set(header).count == header.count else {
      throw .inconsistentPoints("a swept key is named like a fixed column or is given twice: \(paths)")
    }
    self.header = header
    self.rows = rows
  }

  /// A plan read back from `sweep-plan.csv`; nil when the text is not one.
  init?(parsing text: String) {
    guard let table = CSVParser.parse(text), let header = table.first, header.starts(with: Self.fixedColumns)
    else { return nil }
    let rows = Array(table.dropFirst())
    guard rows.allSatisfy({ $0.count == header.count && Int($0[0]) != nil && Int($0[1]) != nil }) else { return nil }
    self.header = header
    self.rows = rows
  }

  /// The swept key paths.
  var paths: ArraySlice<String> { header.dropFirst(Self.fixedColumns.count) }

  /// The grid point number of row `i`.
  func pointIndex(ofRow i: Int) -> Int { Int(rows[i][0]) ?? 0 }

  /// The file name of row `i`'s run in `points/`.
  func fileName(ofRow i: Int) -> String { "\(rows[i][0])-\(rows[i][1]).csv" }

  /// The plan as CSV text.
  func render() -> String {
    CSVWriter.render(CSVTable(header: header, rows: rows.map { $0.map(CSVValue.text) }))
  }
}
