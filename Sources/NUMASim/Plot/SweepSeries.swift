// SPDX-License-Identifier: MIT

/// A finished sweep folder read back for plotting: its swept keys (from
/// `sweep-summary.csv`'s header) and every run's metrics (`sweep.csv`), summarised per point.
public struct SweepSeries {
  /// One grid point: the text of each swept key's value and its runs' rows.
  struct Point {
    var index: Int
    var values: [String]
    var rows: [Int]
  }

  /// The swept keys, as `sweep.csv` names them (`sysctl.vm.min_free_kbytes`).
  public let axes: [String]
  let points: [Point]
  let runs: CSVFile

  static let kind = "a finished sweep (numasim sweep --output)"

  /// A metric summed from a family of columns: `allocstall`, the kernel's pre-4.8 counter,
  /// is the sum of the per-zone `allocstall_<zone>`.
  static let derived = ["allocstall": "allocstall_"]

  /// Reads the sweep folder `folder`.
  public init(folder: String) throws {
    let summary = try CSVFile(AtomicFile.join(folder, "sweep-summary.csv"), expectedIn: Self.kind)
    guard summary.header.first == "point", let end = summary.header.firstIndex(of: "replicates") else {
      throw InputErrors([
        InputError(file: summary.path, line: 1, message: "is not a sweep summary (no point … replicates header)")
      ])
    }
    axes = Array(summary.header[1..<end])
    let runs = try CSVFile(AtomicFile.join(folder, "sweep.csv"), expectedIn: Self.kind)
    self.runs = runs
    let point = try runs.numbers("point")
    let axisColumns = try axes.map(runs.index)
    var points: [Point] = []
    for (row, p) in point.enumerated() {
      let index = Int(p)
      if let last = points.indices.last, points[last].index == index {
        points[last].rows.append(row)
      } else {
        points.append(Point(index: index, values: axisColumns.map { runs.rows[row][$0] }, rows: [row]))
      }
    }
    self.points = points
  }

  /// Every metric a figure may use: the numeric columns after the swept keys, and the
  /// derived sums.
  public var metrics: [String] {
    let first = (runs.header.firstIndex(of: "seed") ?? 0) + 1 + axes.count
    return Array(runs.header.dropFirst(first)) + Self.derived.keys.sorted()
  }

  /// The swept key that `name` names: the column itself, or it without `sysctl.` (so
  /// `vm.watermark_scale_factor` works).
  public func axis(named name: String) -> String? {
    axes.first { $0 == name || $0 == "sysctl." + name }
  }

  /// Each run's value of `metric` at `point`.
  func values(_ metric: String, at point: Point) throws -> [Double] {
    if let prefix = Self.derived[metric] {
      let columns = runs.header.indices.filter { runs.header[$0].hasPrefix(prefix) }
      return try point.rows.map { row in try columns.reduce(0) { $0 + (try runs.number(row, $1)) } }
    }
    let column = try runs.index(of: metric)
    return try point.rows.map { try runs.number($0, column) }
  }

  /// The mean of `metric` at `point` and its 95 % interval (the mean itself with one run).
  func estimate(_ metric: String, at point: Point) throws -> (mean: Double, low: Double, high: Double) {
    let stats = SummaryStatistics(try values(metric, at: point))
    let mean = stats.mean ?? .nan
    guard let ci = stats.confidenceInterval95 else { return (mean, mean, mean) }
    return (mean, ci.lower, ci.upper)
  }

  /// A swept key without its `sysctl.` prefix, as users write it.
  static func label(_ axis: String) -> String {
    axis.hasPrefix("sysctl.") ? String(axis.dropFirst("sysctl.".count)) : axis
  }
}
