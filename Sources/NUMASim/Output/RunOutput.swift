// SPDX-License-Identifier: MIT

import Foundation

/// Writes a run's results folder: every file written to a temporary name and renamed, so a
/// killed run never leaves a half-written result.
///
/// Files: `summary.csv` (one row of metrics), `timeseries.csv` (one row per sample per zone),
/// `stalls.csv` (one row per direct-reclaim stall), `latency.csv` (quantiles), `zoneinfo.txt`
/// and `vmstat.txt` (the machine at the end, in the kernel's layouts) and `metadata.json`.
/// Only `metadata.json` holds wall-clock figures; the CSV files are byte-identical for the
/// same config and seed.
public enum RunOutput {
  /// `summary.csv`: the header of metric names and one row of values.
  public static func summary(_ report: RunReport) -> String {
    var summary = CSVTable(header: report.metrics.map(\.0))
    summary.append(report.metrics.map(\.1))
    return CSVWriter.render(summary)
  }

  public static func write(_ report: RunReport, config: SimulationConfig, to directory: String) throws(FileWriteError) {
    var latency = CSVTable(header: ["quantile", "alloc_latency_ns", "stall_us", "access_latency_ns"])
    for q in [0.5, 0.9, 0.99, 0.999, 1.0] {
      latency.append([
        .double(q), .int(Int(report.allocationLatency.quantile(q))),
        .double(Double(report.stallLatency.quantile(q)) / 1e3),
        .int(Int(report.accessLatency.quantile(q))),
      ])
    }
    let hash = config.document.map { ConfigHash.hex(ConfigHash.of($0)) } ?? "built-in"
    let metadata = """
      {
        "numasim_version": "\(NUMASimVersion.string)",
        "config": "\(escape(config.file))",
        "config_name": "\(escape(config.name))",
        "config_hash": "\(hash)",
        "seed": \(config.seed),
        "gsl_generator": "mt19937",
        "kernel_modelled": "\(config.kernel)",
        "warmup_seconds": \(config.warmup.seconds),
        "duration_seconds": \(config.duration.seconds),
        "events": \(report.events),
        "wall_seconds": \(String(format: "%.3f", report.wallSeconds))
      }

      """
    try AtomicFile.createDirectory(directory)
    try AtomicFile.writeFiles(
      [
        ("summary.csv", summary(report)), ("timeseries.csv", CSVWriter.render(report.timeseries)),
        ("stalls.csv", CSVWriter.render(report.stalls)), ("latency.csv", CSVWriter.render(latency)),
        ("zoneinfo.txt", report.zoneinfo), ("vmstat.txt", report.vmstat), ("metadata.json", metadata),
      ], in: directory, marker: nil)
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }
}
