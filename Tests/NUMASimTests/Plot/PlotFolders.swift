// SPDX-License-Identifier: MIT
import Foundation

@testable import NUMASim

/// Hand-made results folders for the plotting tests.
enum PlotFolders {
  static func fresh(_ label: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "numasim-plot-\(label)-\(UUID().uuidString)"
    )
    .path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func write(_ text: String, _ folder: String, _ name: String) throws {
    try text.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
  }

  static let timeseriesHeader =
    "time_s,node,zone,nr_free_pages,min,low,high,boost,kswapd_running,nr_inactive_anon,nr_active_anon,nr_inactive_file,nr_active_file,nr_unevictable"

  /// A run folder: `samples` samples of node 0 DMA32 and Normal and node 1 Normal; node 1's
  /// kswapd runs every third sample; Normal of node 0 is boosted in the first sample; the
  /// given stalls; a histogram of three allocation buckets and one stall bucket.
  static func run(samples: Int, stalls: [(Double, Double, String)]) throws -> String {
    let folder = try fresh("run")
    var rows = [timeseriesHeader]
    for i in 0..<samples {
      let t = 2 + Double(i) * 0.01
      rows.append("\(t),0,DMA32,\(1000 + i % 7),100,120,140,0,0,10,20,30,40,0")
      rows.append("\(t),0,Normal,\(2000 + i % 5),200,240,280,\(i == 0 ? 50 : 0),0,10,20,30,40,0")
      rows.append("\(t),1,Normal,\(3000 - i % 11),300,360,420,0,\(i % 3 == 0 ? 1 : 0),11,21,31,41,0")
    }
    try write(rows.joined(separator: "\n") + "\n", folder, "timeseries.csv")
    let stallRows =
      ["start_s,duration_us,pages_reclaimed,order,cpu,group"] + stalls.map { "\($0.0),\($0.1),32,0,0,\($0.2)" }
    try write(stallRows.joined(separator: "\n") + "\n", folder, "stalls.csv")
    try write(
      "latency_ns,allocations,stalls,accesses\n100,50,0,0\n200,30,0,0\n300,20,0,0\n150000,0,\(stalls.count),0\n",
      folder,
      "latency-histogram.csv")
    return folder
  }

  /// A finished two-key sweep: min_free_kbytes {1024, 4096} × watermark_scale_factor {10, 100},
  /// two replicates each, with allocstall_dma32 = point and allocstall_normal = 10 × point +
  /// replicate, and free_mean_mib = 100 − 10 × point.
  static func sweep(axes: [(String, [String])]? = nil) throws -> String {
    let folder = try fresh("sweep")
    let keys =
      axes ?? [("sysctl.vm.min_free_kbytes", ["1024", "4096"]), ("sysctl.vm.watermark_scale_factor", ["10", "100"])]
    var combos: [[String]] = [[]]
    for (_, levels) in keys { combos = combos.flatMap { c in levels.map { c + [$0] } } }
    var runs = [
      "point,replicate,seed," + keys.map(\.0).joined(separator: ",")
        + ",allocstall_dma32,allocstall_normal,free_mean_mib"
    ]
    for (p, combo) in combos.enumerated() {
      for r in 0..<2 {
        runs.append("\(p),\(r),\(p * 10 + r)," + combo.joined(separator: ",") + ",\(p),\(10 * p + r),\(100 - 10 * p)")
      }
    }
    try write(runs.joined(separator: "\n") + "\n", folder, "sweep.csv")
    try write(
      "point," + keys.map(\.0).joined(separator: ",") + ",replicates,free_mean_mib_mean\n", folder, "sweep-summary.csv")
    return folder
  }
}
