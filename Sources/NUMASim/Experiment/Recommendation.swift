// SPDX-License-Identifier: MIT

import Foundation

/// The search of `numasim recommend`: the smallest value of one integer knob in a range whose
/// runs meet a target, by bisection over a metric assumed monotone in the knob.
///
/// Every probe is a one-point sweep folder (`probes/<knob>=<value>/`, R replicates with the
/// sweep's seeds), so `numasim plot` and `merge` work on it. A probe meets the target when
/// the whole 95% interval of the metric's mean does (its upper end for `<=`, lower for
/// `>=`; the mean itself with one replicate): the answer is one the evidence supports.
public struct Recommendation: Sendable {
  /// One probed value and what its replicates measured.
  public struct Probe: Sendable {
    public var value: Int
    public var folder: String
    /// The metric's mean and 95% interval over the replicates (the interval is the mean
    /// with one replicate).
    public var mean: Double
    public var low: Double
    public var high: Double
    public var meets: Bool
    /// What the value costs: machine-wide free memory and kswapd's CPU, means.
    public var freeMeanMiB: Double
    public var kswapdCPUPercent: Double
  }

  public var knob: String
  public var target: RecommendTarget
  /// Probes in the order they ran.
  public var probes: [Probe]
  /// The smallest probed value that meets the target, nil when none in the range does.
  public var answer: Probe?
  /// Whether the probes bear out that the metric improves as the knob rises (else the answer
  /// is only where the bisection ended).
  public var monotone: Bool

  /// The knob's key path as a sweep grid takes it (`sysctl.vm.watermark_scale_factor` for a
  /// sysctl given by its name alone).
  public static func keyPath(_ knob: String) -> String {
    knob.hasPrefix("vm.") || knob == "transparent_hugepage" ? "sysctl." + knob : knob
  }

  /// Searches `range` of `knob` in the config tree `root` (the file at `path`, `overrides`
  /// applied). `runProbe` runs a probe's sweep into its folder and returns its rows.
  public static func search(
    root: ConfigValue, path: String, overrides: [ConfigOverride], knob: String, range: ClosedRange<Int>,
    replicates: Int, seed: UInt64, target: RecommendTarget, outputDirectory: String,
    runProbe: (ConfigSweep, String) throws -> [MetricRow]
  ) throws -> Recommendation {
    let key = keyPath(knob)
    var probes: [Probe] = []
    func probe(_ value: Int) throws -> Probe {
      if let done = probes.first(where: { $0.value == value }) { return done }
      let sweep = try ConfigSweep.load(
        document: withSweep(root, key: key, value: value, replicates: replicates, seed: seed), path: path,
        overrides: overrides)
      let folder = AtomicFile.join(AtomicFile.join(outputDirectory, "probes"), "\(knob)=\(value)")
      let rows = try runProbe(sweep, folder)
      let p = try summarize(rows, value: value, folder: folder, target: target)
      probes.append(p)
      return p
    }
    // The knob must move the metric the target's way: a larger value is assumed better
    // (more reserves, fewer stalls); the two ends say whether that holds.
    var lo = range.lowerBound
    var hi = range.upperBound
    let first = try probe(lo)
    var answer: Probe?
    if first.meets {
      answer = first
    } else {
      let last = try probe(hi)
      if last.meets {
        answer = last
        while hi - lo > 1 {
          let mid = midpoint(lo, hi)
          let p = try probe(mid)
          if p.meets {
            hi = mid
            answer = p
          } else {
            lo = mid
          }
        }
      }
    }
    return Recommendation(
      knob: knob, target: target, probes: probes, answer: answer, monotone: isMonotone(probes, target))
  }

  /// Whether the probes bear out the search's assumption: no larger value measured clearly
  /// worse than a smaller one (its whole 95% interval on the wrong side of the other's).
  static func isMonotone(_ probes: [Probe], _ target: RecommendTarget) -> Bool {
    let ordered = probes.sorted { $0.value < $1.value }
    for (i, a) in ordered.enumerated() {
      for b in ordered[(i + 1)...] where target.wantsLess ? b.low > a.high : b.high < a.low { return false }
    }
    return true
  }

  /// The next value to probe: geometric over a wide positive range (watermark_scale_factor
  /// 10…3000 in ten probes), arithmetic otherwise; always strictly inside.
  static func midpoint(_ lo: Int, _ hi: Int) -> Int {
    let mid = lo > 0 && hi > 4 * lo ? Int((Double(lo) * Double(hi)).squareRoot()) : lo + (hi - lo) / 2
    return Swift.min(hi - 1, Swift.max(lo + 1, mid))
  }

  /// `root` with its `sweep:` section replaced by one point: `key` at `value`.
  static func withSweep(_ root: ConfigValue, key: String, value: Int, replicates: Int, seed: UInt64) throws
    -> ConfigValue
  {
    let text = "sweep:\n  grid:\n    \"\(key)\": [\(value)]\n  replicates: \(replicates)\n  seed: \(seed)\n"
    guard case .mapping(let entries, let position) = root,
      case .mapping(let added, _) = try ConfigValue.parse(yaml: text, file: "<command line>")
    else {
      throw InputErrors([InputError(file: "<command line>", message: "the config is not a mapping")])
    }
    return .mapping(entries.filter { $0.key != "sweep" } + added, position)
  }

  /// A probe's rows reduced to the target's metric and the costs.
  static func summarize(_ rows: [MetricRow], value: Int, folder: String, target: RecommendTarget) throws -> Probe {
    func values(_ pick: (MetricRow) -> Double?) -> [Double] { rows.compactMap(pick) }
    let metric = values { row in
      if target.metric == "allocstall" {
        let parts = row.columns.filter { $0.name.hasPrefix("allocstall_") }.compactMap(\.value.number)
        return parts.isEmpty ? nil : parts.reduce(0, +)
      }
      return row[target.metric]?.number
    }
    guard metric.count == rows.count, !rows.isEmpty else {
      let names = rows.first.map { $0.columns.filter { $0.value.number != nil }.map(\.name) } ?? []
      let hint = ["allocstall", "direct_reclaim_stalls", "stall_p99_us", "free_mean_mib"].filter {
        $0 == "allocstall" || names.contains($0)
      }
      throw InputErrors([
        InputError(
          file: "<command line>", keyPath: "--target",
          message: "'\(target.metric)' is not a numeric column of summary.csv (try \(hint.joined(separator: ", ")))")
      ])
    }
    let stats = SummaryStatistics(metric)
    let mean = stats.mean ?? .nan
    let interval = stats.confidenceInterval95
    let low = interval?.lower ?? mean
    let high = interval?.upper ?? mean
    let meets = target.holds(target.wantsLess ? high : low)
    let free = SummaryStatistics(values { $0["free_mean_mib"]?.number }).mean ?? .nan
    let kswapd =
      SummaryStatistics(
        values { row in
          let parts = row.columns.filter { $0.name.hasPrefix("kswapd_cpu_pct_node") }.compactMap(\.value.number)
          return parts.isEmpty ? nil : parts.reduce(0, +)
        }
      ).mean ?? .nan
    return Probe(
      value: value, folder: folder, mean: mean, low: low, high: high, meets: meets, freeMeanMiB: free,
      kswapdCPUPercent: kswapd)
  }

  /// Runs a probe's one-point sweep into `folder` (resuming what is there) and returns its
  /// replicates' metrics, in replicate order.
  public static func runSweep(
    _ sweep: ConfigSweep, into folder: String, jobs: Int, control: @escaping @Sendable () -> RunControl
  ) throws -> [MetricRow] {
    try sweep.claim(directory: folder)
    try SweepRunner(showsProgress: false).run(
      points: sweep.points, jobs: jobs, outputDirectory: folder, runPoint: { try sweep.run($0, control: control()) })
    return try sweep.points.map { point in
      let path = AtomicFile.join(AtomicFile.join(folder, "points"), point.fileName)
      guard let data = FileManager.default.contents(atPath: path),
        let row = PointRecord.decode(String(decoding: data, as: UTF8.self))
      else { throw SweepError.badRecord(path: path, problem: PointRecord.damaged) }
      return row
    }
  }

  /// `recommend.csv`: every probe by value.
  public var table: CSVTable {
    var t = CSVTable(header: [
      knob, "probe_folder", "\(target.metric)_mean", "\(target.metric)_ci95_low", "\(target.metric)_ci95_high",
      "meets", "free_mean_mib_mean", "kswapd_cpu_pct_mean",
    ])
    for p in probes.sorted(by: { $0.value < $1.value }) {
      t.append([
        .int(p.value), .text(p.folder), .double(p.mean), .double(p.low), .double(p.high), .int(p.meets ? 1 : 0),
        .double(p.freeMeanMiB), .double(p.kswapdCPUPercent),
      ])
    }
    return t
  }
}
