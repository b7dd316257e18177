// SPDX-License-Identifier: MIT
import Foundation

/// The pictures of a sweep folder: a heatmap of a metric over two swept keys, and the
/// trade-off between that metric and the free memory the settings keep.
public enum SweepFigures {
  /// What to plot.
  public struct Options: Sendable {
    /// The metric of the heatmap and the trade-off's vertical axis (a `sweep.csv` column or
    /// `allocstall`, the sum of the per-zone counters).
    public var metric = "allocstall"
    /// The trade-off's horizontal axis: what the settings cost.
    public var cost = "free_mean_mib"
    /// The heatmap's horizontal and vertical keys; nil for the first two swept keys.
    public var axes: [String]?
    public init() {}
  }

  /// At most this many heatmap panels (one per combination of the other swept keys).
  static let panelLimit = 16

  /// Every figure of the sweep folder `folder`.
  public static func figures(folder: String, options: Options) throws -> [Figure] {
    let sweep = try SweepSeries(folder: folder)
    for (option, metric) in [("--metric", options.metric), ("--cost", options.cost)]
    where !sweep.metrics.contains(metric) {
      throw InputErrors([
        InputError(
          file: "<command line>", keyPath: option,
          message:
            "'\(metric)' is not a metric of this sweep (try allocstall, direct_reclaim_stalls, stall_p99_us, free_mean_mib, pgscan_kswapd)"
        )
      ])
    }
    guard !sweep.axes.isEmpty else {
      throw InputErrors([InputError(file: AtomicFile.join(folder, "sweep.csv"), line: 1, message: "sweeps no key")])
    }
    return [try heatmap(sweep, options), try tradeoff(sweep, options)]
  }

  /// The distinct values of swept key `a` in plotting order: numerically when every value
  /// is a number, else as the plan gives them.
  static func levels(_ sweep: SweepSeries, _ a: Int) -> [String] {
    var out: [String] = []
    for p in sweep.points where !out.contains(p.values[a]) { out.append(p.values[a]) }
    let numbers = out.compactMap(Double.init)
    return numbers.count == out.count ? out.sorted { Double($0)! < Double($1)! } : out
  }

  static func tics(_ levels: [String]) -> String {
    "(" + levels.enumerated().map { "\(GnuplotScript.quoted($0.element)) \($0.offset)" }.joined(separator: ", ") + ")"
  }

  /// The chosen two keys' positions in `sweep.axes`, or the first two.
  static func chosenAxes(_ sweep: SweepSeries, _ options: Options) throws -> [Int] {
    guard let names = options.axes else { return Array(sweep.axes.indices.prefix(2)) }
    return try names.map { name in
      guard let axis = sweep.axis(named: name), let i = sweep.axes.firstIndex(of: axis) else {
        throw InputErrors([
          InputError(
            file: "<command line>", keyPath: "--axes",
            message:
              "'\(name)' is not a swept key (the sweep's: \(sweep.axes.map(SweepSeries.label).joined(separator: ", ")))"
          )
        ])
      }
      return i
    }
  }

  /// The metric's mean over two swept keys as coloured cells with their values written in,
  /// one panel per combination of any other swept keys; over a single key, the mean with its
  /// 95 % interval against the key.
  static func heatmap(_ sweep: SweepSeries, _ options: Options) throws -> Figure {
    let metric = options.metric
    let chosen = try chosenAxes(sweep, options)
    var data = PlotData()
    var series: [Figure.Series] = []
    if chosen.count == 1 || sweep.axes.count == 1 {
      let a = chosen[0]
      let levels = levels(sweep, a)
      var script = GnuplotScript(
        name: "heatmap", caption: "\(metric) against \(SweepSeries.label(sweep.axes[a])) with 95% intervals",
        dataColumns: "level_index mean ci95_low ci95_high", height: 500)
      data.beginBlock("\(metric) by \(sweep.axes[a])")
      for p in sweep.points {
        let e = try sweep.estimate(metric, at: p)
        data.row([Double(levels.firstIndex(of: p.values[a])!), e.mean, e.low, e.high])
      }
      series.append(.init(title: metric, style: .errorbars, points: sweep.points.count))
      script.add(
        "set title \(GnuplotScript.quoted("\(metric) (mean, 95% interval)"))",
        "set xlabel \(GnuplotScript.quoted(SweepSeries.label(sweep.axes[a])))",
        "set ylabel \(GnuplotScript.quoted(metric))", "set xtics \(tics(levels))",
        "set xrange [-0.5:\(levels.count)-0.5]", "set grid ytics lc rgb '#dddddd'",
        "plot 'heatmap.dat' using 1:2:3:4 with yerrorlines ls 1 pt 7 title \(GnuplotScript.quoted(metric))")
      return Figure(name: script.name, caption: script.caption, script: script.text, data: data.text, series: series)
    }
    let (x, y) = (chosen[0], chosen[1])
    let others = sweep.axes.indices.filter { $0 != x && $0 != y }
    var panels: [[String]] = []
    for p in sweep.points {
      let key = others.map { p.values[$0] }
      if !panels.contains(key) { panels.append(key) }
    }
    guard panels.count <= panelLimit else {
      throw InputErrors([
        InputError(
          file: "<command line>", keyPath: "--axes",
          message: "the other swept keys give \(panels.count) heatmaps; at most \(panelLimit) are drawn (choose --axes)"
        )
      ])
    }
    let (xs, ys) = (levels(sweep, x), levels(sweep, y))
    let columns = panels.count > 1 ? 2 : 1
    let rows = (panels.count + columns - 1) / columns
    var script = GnuplotScript(
      name: "heatmap",
      caption: "\(metric) over \(SweepSeries.label(sweep.axes[x])) × \(SweepSeries.label(sweep.axes[y]))",
      dataColumns: "per panel: x_index y_index mean, NaN where the grid has no point",
      width: columns == 1 ? 900 : 1200, height: 80 + 520 * rows)
    script.add(
      "set multiplot layout \(rows),\(columns) title \(GnuplotScript.quoted("\(metric), mean of each point's runs"))",
      "set xlabel \(GnuplotScript.quoted(SweepSeries.label(sweep.axes[x])))",
      "set ylabel \(GnuplotScript.quoted(SweepSeries.label(sweep.axes[y])))", "set xtics \(tics(xs))",
      "set ytics \(tics(ys))", "set xrange [-0.5:\(xs.count)-0.5]", "set yrange [-0.5:\(ys.count)-0.5]",
      "set palette defined (0 '#fff5eb', 0.5 '#fd8d3c', 1 '#a63603')", "set cblabel \(GnuplotScript.quoted(metric))",
      "unset key", "set tics nomirror out")
    for panel in panels {
      var cells = [[Double]](repeating: [Double](repeating: .nan, count: xs.count), count: ys.count)
      for p in sweep.points where others.map({ p.values[$0] }) == panel {
        cells[ys.firstIndex(of: p.values[y])!][xs.firstIndex(of: p.values[x])!] = try sweep.estimate(metric, at: p).mean
      }
      let name = zip(others, panel).map { "\(SweepSeries.label(sweep.axes[$0]))=\($1)" }.joined(separator: ", ")
      data.beginBlock(name.isEmpty ? metric : name)
      for (j, row) in cells.enumerated() { for (i, v) in row.enumerated() { data.row([Double(i), Double(j), v]) } }
      let block = "'heatmap.dat' index \(data.current)"
      let cellCount = xs.count * ys.count
      series += [
        .init(title: "", style: .image, points: cellCount),
        .init(title: "", style: .labels, points: cells.joined().filter { !$0.isNaN }.count),
      ]
      script.add(
        "set title \(GnuplotScript.quoted(name))",
        "plot \(block) using 1:2:3 with image, \\\n    \(block) using 1:2:($3 == $3 ? sprintf('%.3g', $3) : '') with labels font ',10'"
      )
    }
    script.add("unset multiplot")
    return Figure(name: script.name, caption: script.caption, script: script.text, data: data.text, series: series)
  }

  /// The metric against the cost metric (free memory kept), one marker per point with both
  /// 95 % intervals; the Pareto points (no other point is at most as costly and at most as
  /// stalling, and better in one) joined and labelled with their settings.
  static func tradeoff(_ sweep: SweepSeries, _ options: Options) throws -> Figure {
    let (metric, cost) = (options.metric, options.cost)
    var estimates: [(x: (mean: Double, low: Double, high: Double), y: (mean: Double, low: Double, high: Double))] = []
    for p in sweep.points { estimates.append((try sweep.estimate(cost, at: p), try sweep.estimate(metric, at: p))) }
    let front = Pareto.front(estimates.map { ($0.x.mean, $0.y.mean) }).sorted {
      estimates[$0].x.mean < estimates[$1].x.mean
    }
    var script = GnuplotScript(
      name: "tradeoff", caption: "\(metric) against \(cost) for every point; the Pareto points joined",
      dataColumns:
        "block 0: cost cost_low cost_high metric metric_low metric_high; block 1: the Pareto points with their settings",
      height: 600)
    var data = PlotData()
    data.beginBlock("every point: \(cost) mean low high, \(metric) mean low high")
    for e in estimates { data.row([e.x.mean, e.x.low, e.x.high, e.y.mean, e.y.low, e.y.high]) }
    data.beginBlock("the Pareto points, cheapest first; settings as a quoted label")
    var frontText = ""
    for i in front {
      let e = estimates[i]
      let label = sweep.points[i].values.joined(separator: ", ").replacingOccurrences(of: "\"", with: "'")
      frontText += "\(GnuplotScript.number(e.x.mean)) \(GnuplotScript.number(e.y.mean)) \"\(label)\"\n"
    }
    let text = data.text + frontText
    let means = estimates.map(\.y.mean).filter { $0.isFinite }
    let logY = (means.min() ?? 0) > 0 && (means.max() ?? 0) / (means.min() ?? 1) > 20
    script.add(
      "set title \(GnuplotScript.quoted("\(metric) against \(cost): mean and 95% intervals; Pareto points joined, labelled \(sweep.axes.map(shortLabel).joined(separator: ", "))"))",
      "set xlabel \(GnuplotScript.quoted(cost))", "set ylabel \(GnuplotScript.quoted(metric))",
      logY ? "set logscale y" : "set yrange [0:*]", "set grid lc rgb '#dddddd'", "set key top right",
      "set offsets graph 0.05, graph 0.15, graph 0.05, graph 0.05",
      "plot 'tradeoff.dat' index 0 using 1:4:2:3:5:6 with xyerrorbars ls 1 pt 7 ps 0.8 title 'sweep point', \\\n    'tradeoff.dat' index 1 using 1:2 with linespoints ls 2 dt 1 pt 6 ps 1.6 lw 1.5 title 'Pareto', \\\n    'tradeoff.dat' index 1 using 1:2:3 with labels left offset 1.2,0.6 font ',9' noenhanced notitle"
    )
    return Figure(
      name: script.name, caption: script.caption, script: script.text, data: text,
      series: [
        .init(title: "sweep point", style: .errorbars, points: estimates.count),
        .init(title: "Pareto", style: .points, points: front.count),
        .init(title: "", style: .labels, points: front.count),
      ])
  }

  /// A swept key's last component, for point labels (`min_free_kbytes`).
  static func shortLabel(_ axis: String) -> String {
    String(axis.split(separator: ".").last ?? Substring(axis))
  }
}
