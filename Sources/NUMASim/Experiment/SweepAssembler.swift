// SPDX-License-Identifier: MIT

/// Builds `sweep.csv` and `sweep-summary.csv` from a plan and its runs' metrics.
///
/// `sweep.csv` is tidy: one row per run, `point,replicate,seed,<swept keys>,<metrics>`.
/// `sweep-summary.csv` has one row per grid point: `point,<swept keys>,replicates`, then for each
/// numeric metric `<m>_mean,<m>_ci95_low,<m>_ci95_high` (the Student-t interval of
/// ``SummaryStatistics/confidenceInterval95``; empty with fewer than 2 values).
///
/// Metric columns are all names any run reported, in the order they first appear (runs in plan
/// order); a run without one has an empty cell. A metric is numeric when every value it has is an
/// integer or a double; text metrics appear in `sweep.csv` only.
enum SweepAssembler {
  static let sweepFile = "sweep.csv"
  static let summaryFile = "sweep-summary.csv"

  /// Both tables; `records[i]` holds the metrics of `plan.rows[i]`.
  static func tables(plan: SweepPlan, records: [MetricRow]) throws(SweepError) -> (sweep: CSVTable, summary: CSVTable) {
    precondition(records.count == plan.rows.count)
    var names: [String] = []
    var known = Set(plan.header)
    var metricNames = Set<String>()
    for record in records {
      var inRow = Set<String>()
      for column in record.columns {
        guard inRow.insert(column.name).inserted else { throw .duplicateColumn(column.name) }
        if metricNames.contains(column.name) { continue }
        guard known.insert(column.name).inserted else { throw .duplicateColumn(column.name) }
        metricNames.insert(column.name)
        names.append(column.name)
      }
    }
    let values: [[String: CSVValue]] = records.map { r in
      Dictionary(r.columns.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    }
    var sweep = CSVTable(header: plan.header + names)
    for (i, row) in plan.rows.enumerated() {
      sweep.append(row.map(CSVValue.text) + names.map { values[i][$0] ?? .missing })
    }
    let numeric = names.filter { name in
      var any = false
      for v in values {
        switch v[name] ?? .missing {
        case .int, .double: any = true
        case .text: return false
        case .missing: break
        }
      }
      return any
    }
    var header = ["point"] + plan.paths + ["replicates"]
    for name in numeric { header += ["\(name)_mean", "\(name)_ci95_low", "\(name)_ci95_high"] }
    guard Set(header).count == header.count else {
      throw .duplicateColumn(header.first { h in header.filter { $0 == h }.count > 1 } ?? "")
    }
    var summary = CSVTable(header: header)
    var start = 0
    while start < plan.rows.count {
      var end = start + 1
      while end < plan.rows.count, plan.pointIndex(ofRow: end) == plan.pointIndex(ofRow: start) { end += 1 }
      let first = plan.rows[start]
      var row: [CSVValue] = [.text(first[0])] + first.dropFirst(SweepPlan.fixedColumns.count).map(CSVValue.text)
      row.append(.int(end - start))
      for name in numeric {
        let stats = SummaryStatistics(values[start..<end].compactMap { $0[name]?.number })
        row.append(stats.mean.map(CSVValue.double) ?? .missing)
        if let ci = stats.confidenceInterval95 {
          row += [.double(ci.lower), .double(ci.upper)]
        } else {
          row += [.missing, .missing]
        }
      }
      summary.append(row)
      start = end
    }
    return (sweep, summary)
  }
}
