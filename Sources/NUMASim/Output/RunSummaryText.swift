// SPDX-License-Identifier: MIT

import Foundation

/// The run's summary as `numasim run` prints it: the watermarks the run is about, then each
/// block of measurements with one unit per block, kernel counters exact with their rate
/// beside them, other numbers to three significant digits; then what to try next.
public enum RunSummaryText {
  /// Where to point the next steps: the config given (nil for the built-in default), the
  /// results folder, and whether the run's pictures were drawn.
  public struct Context: Sendable {
    public var config: String?
    public var folder: String
    public var plotted: Bool
    public var hasSweep: Bool

    public init(config: String?, folder: String, plotted: Bool, hasSweep: Bool) {
      self.config = config
      self.folder = folder
      self.plotted = plotted
      self.hasSweep = hasSweep
    }
  }

  /// The summary of `r`, which ran for `wall` seconds.
  static func render(_ r: RunSummary, wall: Double) -> String {
    let c = r.countersMeasured
    let s = r.stats
    let arch = r.setup.machine.architecture
    let seconds = r.duration.seconds
    func n(_ v: Double) -> String { significant(v) }
    func rated(_ name: String, _ count: UInt64) -> String { "\(name) \(count) (\(n(Double(count) / seconds))/s)" }
    func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + String(format: "%.1f", v) }
    let indent = "                 "
    var out = "numasim run '\(r.name)': Linux \(r.setup.kernel), \(r.setup.machine.nodes.count) nodes, "
    out += "\(r.setup.machine.onlineCPUs) CPUs, seed \(r.seed)\n"
    out +=
      "simulated \(n(r.warmup.seconds)) s warm-up + \(n(seconds)) s measured in \(String(format: "%.2f", wall)) s wall "
    out += "(\(r.events) events, \(n((r.warmup.seconds + seconds) / Swift.max(wall, 1e-9)))x real time)\n\n"

    out += "watermarks       vm.min_free_kbytes \(r.setup.minFreeKbytes), "
    out += "vm.watermark_scale_factor \(r.setup.sysctl.watermarkScaleFactor); min/low/high in MiB:\n"
    for (index, node) in r.setup.zones.enumerated() {
      let zones = node.filter { $0.span.managed.count > 0 }.map { z in
        let w = z.watermarks
        let mib = [w.min, w.low, w.high].map { n(Double($0) * Double(Pages.size) / 1_048_576) }
        return "node\(index)_\(z.span.type.counterSuffix) " + mib.joined(separator: "/")
      }
      if !zones.isEmpty { out += indent + zones.joined(separator: "  ") + "\n" }
    }

    out += "allocations      \(s.allocations) (\(n(Double(s.allocations) / seconds))/s), \(s.failures) failed, "
    out += "\(n(r.remoteFraction * 100))% remote\n"
    let lat = s.allocationLatency
    out += "latency ns       p50 \(lat.quantile(0.5))  p90 \(lat.quantile(0.9))  p99 \(lat.quantile(0.99))"
    out += "  p99.9 \(lat.quantile(0.999))  max \(lat.count == 0 ? 0 : lat.max)\n"
    let stallCount = UInt64(s.stalls.count)
    out += "direct reclaim   \(stallCount) stalls (\(n(Double(stallCount) / seconds))/s), "
    out += "\(n(Double(s.stallNanoseconds) / 1e6)) ms in all; in us p50 \(n(Double(s.stalls.quantile(0.5)) / 1e3))"
    out += "  p99 \(n(Double(s.stalls.quantile(0.99)) / 1e3))"
    out += "  max \(n(s.stalls.count == 0 ? 0 : Double(s.stalls.max) / 1e3))\n"
    let stallNames = arch.zoneTypes.filter { $0 != .device }.map {
      "allocstall_\($0.counterSuffix) \(c.allocstall[arch.zoneIndex(of: $0) ?? 0])"
    }
    out += indent + stallNames.joined(separator: "  ") + "\n"
    out +=
      "kswapd           \(rated("pgscan_kswapd", c[.pgscanKswapd])), \(rated("pgsteal_kswapd", c[.pgstealKswapd]))\n"
    out += indent + "pageoutrun \(c[.pageoutrun]), low_wmark_hit_quickly \(c[.kswapdLowWmarkHitQuickly]), "
    out += "high_wmark_hit_quickly \(c[.kswapdHighWmarkHitQuickly])\n"
    out +=
      indent + "CPU % " + r.kswapdCPUPercent.enumerated().map { "node\($0) \(n($1))" }.joined(separator: "  ") + "\n"
    out +=
      "direct scans     \(rated("pgscan_direct", c[.pgscanDirect])), \(rated("pgsteal_direct", c[.pgstealDirect])), "
    out += "throttled \(c[.pgscanDirectThrottle]), oom_kill \(c[.oomKill])\n"
    let faults = s.programs.allFaults
    if faults.count > 0 {
      out +=
        "faults           \(faults.count) (\(n(Double(faults.count) / seconds))/s); in ns p50 \(faults.quantile(0.5))"
      out += "  p99 \(faults.quantile(0.99))  p99.9 \(faults.quantile(0.999))  max \(faults.max)\n"
      out +=
        "CPUs             % busy "
        + s.cpuBusyNanoseconds.enumerated().map { "cpu\($0) \(n(Double($1) / 1e9 / seconds * 100))" }.joined(
          separator: "  ")
        + "; kswapd waited for a CPU, in ms: "
        + s.kswapdWaitNanoseconds.enumerated().map { "node\($0) \(n(Double($1) / 1e6))" }.joined(separator: "  ")
        + "\n"
    }
    let numa = r.numaMeasured
    out += "NUMA             numa_hit \(numa[NUMAStat.numaHit.rawIndex]), numa_miss \(numa[NUMAStat.numaMiss.rawIndex])"
    out += ", numa_foreign \(numa[NUMAStat.numaForeign.rawIndex]), numa_local \(numa[NUMAStat.numaLocal.rawIndex])"
    out += ", numa_other \(numa[NUMAStat.numaOther.rawIndex])\n"
    out += "free memory      in MiB mean \(n(r.freeMeanMiB))  min \(n(r.freeMinMiB))\n"
    out += "time lost        \(n(Double(r.lostNanoseconds) / 1e6)) ms of the workload's CPUs idle in stalls "
    out += "(a CPU's overlapping stalls once; the \(n(Double(s.stallNanoseconds) / 1e6)) ms above sums every stall)\n"
    let steady = s.steadyState
    out +=
      "steady state     free \(signed(steady.freeDriftPercent))% (\(signed(steady.freeDriftOfMemoryPercent))% of memory), "
    out += "LRU \(signed(steady.lruDriftPercent))% "
    out += "from the first to the last quarter of the window: "
    out +=
      steady.isSteady
      ? "steady\n" : "still changing (a warm start, initial_state:, or a longer warm-up measures steady state)\n"
    out +=
      "below low        % of samples "
      + r.zones.map { "node\($0.node)_\($0.type.counterSuffix) \(n($0.belowLowPercent))" }.joined(separator: "  ")
      + "\n"
    return out
  }

  /// What to try after a run: the watermark knob with a value to try, a sweep, the pictures.
  public static func nextSteps(_ r: RunSummary, _ context: Context) -> String {
    let config = context.config.map { $0.contains(" ") ? "'\($0)'" : $0 } ?? ""
    let run = config.isEmpty ? "numasim run" : "numasim run \(config)"
    let wsf = r.setup.sysctl.watermarkScaleFactor
    var lines: [String] = []
    if r.stats.stalls.count > 0 {
      let wider = Swift.min(3000, wsf * 10)
      lines.append(
        "\(run) --set vm.watermark_scale_factor=\(wider)   (wake kswapd earlier: does it take the stalls?)")
    } else {
      lines.append(
        "\(run) --set vm.min_free_kbytes=\(Swift.max(128, r.setup.minFreeKbytes / 2))   (no stalls: do smaller reserves keep it so?)"
      )
    }
    if context.hasSweep {
      lines.append("numasim sweep \(config) --plot   (this config's sweep: section, pictured)")
    } else {
      lines.append("numasim sweep Configs/sweep-watermarks.yaml --plot   (min_free_kbytes × watermark_scale_factor)")
    }
    if !context.plotted {
      lines.append("numasim plot \(context.folder)   (this run's pictures; or run with --plot)")
    }
    return "try next         " + lines.joined(separator: "\n                 ") + "\n"
  }

  /// `v` to three significant digits, without an exponent: 0.0586, 1.15, 17.2, 141, 3150000.
  public static func significant(_ v: Double) -> String {
    guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
    if v == 0 { return "0" }
    let magnitude = Int(floor(log10(abs(v))))
    if magnitude > 15 { return String(format: "%.3g", v) }
    if magnitude >= 2 {
      let scale = pow(10, Double(magnitude - 2))
      return String(Int64((v / scale).rounded()) * Int64(scale))
    }
    var text = String(format: "%.\(2 - magnitude)f", v)
    // A value that rounds up to the next decade (9.996 → 10.00) keeps three digits.
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }
}
