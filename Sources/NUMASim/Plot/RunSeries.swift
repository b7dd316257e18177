// SPDX-License-Identifier: MIT

/// A run folder's series read back for plotting: `timeseries.csv`, `stalls.csv` and
/// `latency-histogram.csv`.
struct RunSeries {
  /// One zone's row of one sample of `timeseries.csv`.
  struct Sample {
    var time: Double
    var node: Int
    var zone: String
    /// `nr_free_pages`, `min`, `low`, `high`, `boost`, in pages.
    var free, min, low, high, boost: Double
    var kswapdRunning: Bool
    /// The node's `nr_inactive_anon`, `nr_active_anon`, `nr_inactive_file`,
    /// `nr_active_file`, `nr_unevictable`, in pages.
    var lru: [Double]
  }

  /// One row of `stalls.csv`.
  struct Stall {
    var start: Double
    var microseconds: Double
    var group: String
  }

  /// The LRU columns of `timeseries.csv`, in the kernel's `enum lru_list` order.
  static let lruColumns = [
    "nr_inactive_anon", "nr_active_anon", "nr_inactive_file", "nr_active_file", "nr_unevictable",
  ]

  var samples: [Sample] = []
  var stalls: [Stall] = []
  /// `latency-histogram.csv`: each bucket's largest value and its counts.
  var histogram: (bound: [Double], allocations: [Double], stalls: [Double], accesses: [Double]) = ([], [], [], [])

  static let kind = "a run's results (numasim run --output)"

  /// Reads the three files of the run folder `folder`.
  init(folder: String) throws {
    let series = try CSVFile(AtomicFile.join(folder, "timeseries.csv"), expectedIn: Self.kind)
    let time = try series.numbers("time_s")
    let node = try series.numbers("node")
    let zone = try series.texts("zone")
    let columns = try ["nr_free_pages", "min", "low", "high", "boost", "kswapd_running"].map(series.numbers)
    let lru = try Self.lruColumns.map(series.numbers)
    samples = time.indices.map { i in
      Sample(
        time: time[i], node: Int(node[i]), zone: zone[i], free: columns[0][i], min: columns[1][i], low: columns[2][i],
        high: columns[3][i], boost: columns[4][i], kswapdRunning: columns[5][i] > 0, lru: lru.map { $0[i] })
    }
    let stallFile = try CSVFile(AtomicFile.join(folder, "stalls.csv"), expectedIn: Self.kind)
    let start = try stallFile.numbers("start_s")
    let duration = try stallFile.numbers("duration_us")
    let group = try stallFile.texts("group")
    stalls = start.indices.map { Stall(start: start[$0], microseconds: duration[$0], group: group[$0]) }
    let h = try CSVFile(AtomicFile.join(folder, "latency-histogram.csv"), expectedIn: Self.kind)
    histogram = (
      try h.numbers("latency_ns"), try h.numbers("allocations"), try h.numbers("stalls"), try h.numbers("accesses")
    )
  }

  /// The (node, zone) pairs in the order the file first gives them.
  var zones: [(node: Int, zone: String)] {
    var seen = Set<String>()
    var out: [(Int, String)] = []
    for s in samples where seen.insert("\(s.node) \(s.zone)").inserted { out.append((s.node, s.zone)) }
    return out
  }

  /// The nodes in the order the file first gives them.
  var nodes: [Int] {
    var seen = Set<Int>()
    return samples.compactMap { seen.insert($0.node).inserted ? $0.node : nil }
  }
}
