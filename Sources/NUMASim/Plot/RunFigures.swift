// SPDX-License-Identifier: MIT

/// The pictures of a run folder: free pages against the watermarks with kswapd's running
/// periods, the LRU lists, the direct-reclaim stalls and the latency distributions.
public enum RunFigures {
  /// At most this many points per drawn line (``Decimation/minMax(count:limit:value:)``).
  static let lineLimit = 4000
  /// At most this many stall markers; beyond it every k-th stall is drawn, as the title says.
  static let stallMarkerLimit = 20000
  /// Points of a stall CDF.
  static let cdfPoints = 2000

  /// Every figure of the run folder `folder`.
  public static func figures(folder: String) throws -> [Figure] {
    let run = try RunSeries(folder: folder)
    return [freePages(run), lruLists(run), stalls(run), latency(run)]
  }

  static func mib(_ pages: Double) -> Double { pages * Double(Pages.size) / 1_048_576 }

  static func grid(_ panels: Int) -> (rows: Int, columns: Int) {
    let columns = panels > 1 ? 2 : 1
    return ((panels + columns - 1) / columns, columns)
  }

  /// Free pages of every zone over time with `min`, `low`, `high` (and `high + boost` when a
  /// boost was raised), kswapd's running samples shaded.
  static func freePages(_ run: RunSeries) -> Figure {
    let zones = run.zones
    let (rows, columns) = grid(zones.count)
    var script = GnuplotScript(
      name: "free-pages", caption: "free memory of each zone against its watermarks; kswapd's running periods shaded",
      dataColumns: "per zone: time_s nr_free_pages min low high high+boost kswapd_running, pages in MiB",
      height: 60 + 280 * rows)
    var data = PlotData()
    var series: [Figure.Series] = []
    let interval = sampleInterval(run)
    script.add(
      "set multiplot layout \(rows),\(columns) title 'free memory and watermarks per zone (kswapd running: shaded)'",
      "set xlabel 'time (s)'", "set ylabel 'MiB'", "set key tmargin horizontal maxcols 6 samplen 2 font ',9'",
      "set autoscale xfix", "set boxwidth \(GnuplotScript.number(interval)) absolute", "set grid ytics lc rgb '#dddddd'"
    )
    for (node, zone) in zones {
      let samples = run.samples.filter { $0.node == node && $0.zone == zone }
      let kept = Decimation.minMax(count: samples.count, limit: lineLimit) { samples[$0].free }
      data.beginBlock("node \(node), zone \(zone)")
      var top = 0.0
      for s in kept.map({ samples[$0] }) {
        data.row([
          s.time, mib(s.free), mib(s.min), mib(s.low), mib(s.high), mib(s.high + s.boost), s.kswapdRunning ? 1 : 0,
        ])
        top = max(top, s.free, s.high + s.boost)
      }
      let ymax = top > 0 ? mib(top) * 1.08 : 1
      let block = "'free-pages.dat' index \(data.current)"
      var clauses: [String] = []
      let running = kept.filter { samples[$0].kswapdRunning }.count
      if running > 0 {
        clauses.append(
          "\(block) using 1:($7 > 0 ? \(GnuplotScript.number(ymax)) : 1/0) with boxes fs solid 0.3 noborder lc rgb '#f4b183' title 'kswapd running'"
        )
        series.append(.init(title: "kswapd running", style: .boxes, points: running))
      }
      for (column, title, style) in [(2, "nr_free_pages", 1), (3, "min", 2), (4, "low", 3), (5, "high", 4)] {
        clauses.append("\(block) using 1:\(column) with lines ls \(style) title \(GnuplotScript.quoted(title))")
        series.append(.init(title: title, style: .lines, points: kept.count))
      }
      if kept.contains(where: { samples[$0].boost > 0 }) {
        clauses.append("\(block) using 1:6 with lines ls 5 title 'high + boost'")
        series.append(.init(title: "high + boost", style: .lines, points: kept.count))
      }
      script.add(
        "set title \(GnuplotScript.quoted("node \(node), zone \(zone)"))",
        "set yrange [0:\(GnuplotScript.number(ymax))]", "plot " + clauses.joined(separator: ", \\\n    "))
    }
    script.add("unset multiplot")
    return Figure(
      name: script.name, caption: script.caption, script: script.text, data: data.text, series: series)
  }

  /// The node's four evictable LRU lists (and the unevictable one when it holds pages).
  static func lruLists(_ run: RunSeries) -> Figure {
    let nodes = run.nodes
    let (rows, columns) = grid(nodes.count)
    var script = GnuplotScript(
      name: "lru", caption: "each node's LRU lists over time",
      dataColumns: "per node: time_s " + RunSeries.lruColumns.joined(separator: " ") + ", in MiB",
      height: 60 + 280 * rows)
    var data = PlotData()
    var series: [Figure.Series] = []
    script.add(
      "set multiplot layout \(rows),\(columns) title 'LRU lists per node'", "set xlabel 'time (s)'",
      "set ylabel 'MiB'", "set key tmargin horizontal maxcols 6 samplen 2 font ',9'",
      "set grid ytics lc rgb '#dddddd'", "set yrange [0:*]", "set autoscale xfix")
    for node in nodes {
      // The LRU columns are the node's: one zone's row of each sample is enough.
      var seen = Set<Double>()
      let samples = run.samples.filter { $0.node == node && seen.insert($0.time).inserted }
      let kept = Decimation.minMax(count: samples.count, limit: lineLimit) { samples[$0].lru.reduce(0, +) }
      data.beginBlock("node \(node)")
      for s in kept.map({ samples[$0] }) { data.row([s.time] + s.lru.map(mib)) }
      let block = "'lru.dat' index \(data.current)"
      var lists = Array(RunSeries.lruColumns.enumerated().prefix(4))
      if kept.contains(where: { samples[$0].lru[4] > 0 }) { lists.append((4, RunSeries.lruColumns[4])) }
      let clauses = lists.map { i, name in
        "\(block) using 1:\(i + 2) with lines ls \(i + 6) title \(GnuplotScript.quoted(name))"
      }
      series += lists.map { .init(title: $0.1, style: .lines, points: kept.count) }
      script.add(
        "set title \(GnuplotScript.quoted("node \(node)"))", "plot " + clauses.joined(separator: ", \\\n    "))
    }
    script.add("unset multiplot")
    return Figure(
      name: script.name, caption: script.caption, script: script.text, data: data.text, series: series)
  }

  /// A marker per direct-reclaim stall (when it began, how long it took) by task group, and
  /// the distribution of the durations.
  static func stalls(_ run: RunSeries) -> Figure {
    var script = GnuplotScript(
      name: "stalls", caption: "direct-reclaim stalls over time and the CDF of their durations",
      dataColumns: "per task group: start_s duration_us; last block: duration_us fraction_of_stalls", height: 460)
    var data = PlotData()
    var series: [Figure.Series] = []
    let all = run.stalls
    let stride = max(1, (all.count + stallMarkerLimit - 1) / stallMarkerLimit)
    // The window's samples and every stall, so that no stall falls outside the axis.
    let times = run.samples.map(\.time) + all.map(\.start)
    let (first, last) = (times.min() ?? 0, times.max() ?? 1)
    let range = "[\(GnuplotScript.number(first)):\(GnuplotScript.number(max(last, first + 1e-3)))]"
    let header =
      stride > 1
      ? "\(all.count) direct-reclaim stalls (1 in \(stride) drawn)" : "\(all.count) direct-reclaim stalls"
    script.add(
      "set multiplot layout 1,2 title \(GnuplotScript.quoted(header))", "set grid lc rgb '#dddddd'",
      "set key tmargin horizontal font ',9'")
    guard !all.isEmpty else {
      for title in ["stalls over time", "stall duration CDF"] {
        script.add(
          "set title \(GnuplotScript.quoted(title))",
          "set label 1 'no direct-reclaim stalls in the measured window' at graph 0.5,0.5 center",
          "plot [0:1][0:1] 2 notitle")
      }
      script.add("unset multiplot")
      return Figure(name: script.name, caption: script.caption, script: script.text, data: "", series: [])
    }
    var groups: [String] = []
    for s in all where !groups.contains(s.group) { groups.append(s.group) }
    var clauses: [String] = []
    for (g, group) in groups.enumerated() {
      let drawn = all.enumerated().filter { $0.offset % stride == 0 && $0.element.group == group }.map(\.element)
      guard !drawn.isEmpty else { continue }
      data.beginBlock("group \(group)")
      for s in drawn { data.row([s.start, s.microseconds]) }
      clauses.append(
        "'stalls.dat' index \(data.current) using 1:2 with points pt 7 ps 0.5 lc rgb \(color(g)) title \(GnuplotScript.quoted(group))"
      )
      series.append(.init(title: group, style: .points, points: drawn.count))
    }
    script.add(
      "set title 'stalls over time'", "set xlabel 'time (s)'", "set ylabel 'stall (µs)'", "set logscale y",
      "set xrange \(range)", "plot " + clauses.joined(separator: ", \\\n    "))
    let sorted = all.map(\.microseconds).sorted()
    let ranks = Decimation.ranks(of: sorted.count, count: cdfPoints)
    data.beginBlock("CDF of stall durations")
    for r in ranks { data.row([sorted[r], Double(r + 1) / Double(sorted.count)]) }
    series.append(.init(title: "all stalls", style: .steps, points: ranks.count))
    script.add(
      "set title 'stall duration CDF'", "set xlabel 'stall (µs)'", "set ylabel 'fraction of stalls'",
      "unset logscale y", "set logscale x", "set xrange [*:*]", "set yrange [0:1.02]",
      "plot 'stalls.dat' index \(data.current) using 1:2 with steps ls 1 title 'all stalls'", "unset multiplot")
    return Figure(
      name: script.name, caption: script.caption, script: script.text, data: data.text, series: series)
  }

  /// The complementary CDFs (the share slower than x) of allocation latency, stall duration
  /// and access latency, on log-log axes.
  static func latency(_ run: RunSeries) -> Figure {
    var script = GnuplotScript(
      name: "latency", caption: "the share of allocations, stalls and accesses slower than each latency",
      dataColumns: "per distribution: latency_ns fraction_slower", height: 500)
    var data = PlotData()
    var series: [Figure.Series] = []
    var clauses: [String] = []
    let h = run.histogram
    for (i, (name, counts)) in [
      ("allocations", h.allocations), ("direct-reclaim stalls", h.stalls), ("page accesses", h.accesses),
    ]
    .enumerated() {
      let total = counts.reduce(0, +)
      guard total > 0 else { continue }
      var seen = 0.0
      var points: [(Double, Double)] = []
      for (bound, count) in zip(h.bound, counts) where count > 0 {
        seen += count
        let slower = (total - seen) / total
        if slower > 0 { points.append((bound, slower)) }
      }
      guard !points.isEmpty else { continue }
      data.beginBlock(name)
      for (x, y) in points { data.row([x, y]) }
      clauses.append(
        "'latency.dat' index \(data.current) using 1:2 with steps ls \([1, 2, 4][i]) dt 1 title \(GnuplotScript.quoted(name))"
      )
      series.append(.init(title: name, style: .steps, points: points.count))
    }
    script.add(
      "set title 'latency distributions (share slower than x)'", "set xlabel 'latency (ns)'",
      "set ylabel 'fraction slower'", "set logscale xy", "set grid lc rgb '#dddddd'", "set format y '10^{%L}'",
      "set format x '10^{%L}'", "set key top right")
    if clauses.isEmpty {
      script.add("set label 1 'no latencies recorded' at graph 0.5,0.5 center", "plot [1:10][0.1:1] 2 notitle")
    } else {
      script.add("plot " + clauses.joined(separator: ", \\\n    "))
    }
    return Figure(
      name: script.name, caption: script.caption, script: script.text, data: data.text, series: series)
  }

  /// The interval between the first two samples of a zone (the run's `sample_interval`).
  static func sampleInterval(_ run: RunSeries) -> Double {
    let times = run.samples.map(\.time)
    guard let first = times.first, let next = times.first(where: { $0 > first }) else { return 0.01 }
    return next - first
  }

  /// The colour of the `i`th series of markers.
  static func color(_ i: Int) -> String {
    let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]
    return "'\(palette[i % palette.count])'"
  }
}
