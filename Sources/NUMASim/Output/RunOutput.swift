// SPDX-License-Identifier: MIT

import Foundation

/// Writes a run's results folder whole: the files go into a ``StagedFolder`` that is renamed
/// into place, so a killed run leaves the old folder or none, never a part of a new one.
///
/// Files: `summary.csv` (one row of metrics), `timeseries.csv` (one row per sample per zone),
/// `stalls.csv` (one row per direct-reclaim stall), `threads.csv` (one row per closed-loop
/// group), `latency.csv` (quantiles), `latency-histogram.csv` (the histograms behind them),
/// `zoneinfo.txt`
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

  /// Writes every file of `report` into a fresh folder and puts it in place of `directory`.
  public static func write(_ report: RunReport, config: SimulationConfig, to directory: String) throws(FileWriteError) {
    let folder = try StagedFolder(target: directory)
    do {
      try write(report, config: config, into: folder, includingSeries: true)
      try folder.commit()
    } catch {
      folder.abandon()
      throw error
    }
  }

  /// Writes the files of `report` into `folder` (not yet committed).
  /// - Parameter includingSeries: also `timeseries.csv` and `stalls.csv`; false when
  ///   ``SeriesFiles`` streamed them there during the run.
  public static func write(
    _ report: RunReport, config: SimulationConfig, into folder: StagedFolder, includingSeries: Bool
  ) throws(FileWriteError) {
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
    var files = [("summary.csv", summary(report))]
    if includingSeries {
      files += [
        ("timeseries.csv", CSVWriter.render(report.timeseries)), ("stalls.csv", CSVWriter.render(report.stalls)),
      ]
    }
    files += [
      ("threads.csv", CSVWriter.render(report.threads)), ("latency.csv", CSVWriter.render(latency)),
      ("latency-histogram.csv", CSVWriter.render(histogram(report))),
      ("zoneinfo.txt", report.zoneinfo), ("vmstat.txt", report.vmstat),
      ("metadata.json", metadata),
    ]
    try AtomicFile.writeFiles(files, in: folder.staging, marker: nil)
  }

  /// `latency-histogram.csv`: for every histogram bucket that any of the three holds, its
  /// largest value in nanoseconds and how many allocations, direct-reclaim stalls and page
  /// accesses fell in it (the distributions `latency.csv` gives quantiles of).
  static func histogram(_ report: RunReport) -> CSVTable {
    let columns = [report.allocationLatency, report.stallLatency, report.accessLatency].map { h in
      Dictionary(h.buckets.map { ($0.upperBound, $0.count) }, uniquingKeysWith: +)
    }
    var table = CSVTable(header: ["latency_ns", "allocations", "stalls", "accesses"])
    for bound in Set(columns.flatMap(\.keys)).sorted() {
      table.append([.int(Int(bound))] + columns.map { .int(Int($0[bound] ?? 0)) })
    }
    return table
  }

  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }
}
