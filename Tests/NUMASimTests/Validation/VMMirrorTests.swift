// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

/// `Configs/vm-mirror.yaml` against the real kernel's measurements of the same scenario
/// (`Validation/fixtures/vm-6.18-firecracker.csv`, 30 s windows), at the boot
/// `min_free_kbytes` with two faulting threads, for each `watermark_scale_factor` of the grid.
@Suite struct VMMirrorTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The fixture's row for `wsf` at the boot min_free_kbytes with two threads.
  static func real(wsf: Int) throws -> [String: Double] {
    let text = try String(
      contentsOf: root.appendingPathComponent("Validation/fixtures/vm-6.18-firecracker.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let header = lines[0].map(String.init)
    for line in lines.dropFirst() {
      var row: [String: Double] = [:]
      for (k, v) in zip(header, line) { row[k] = Double(v) }
      if row["watermark_scale_factor"] == Double(wsf), row["min_free_kbytes"] == 67584, row["threads"] == 2 {
        return row
      }
    }
    throw InputErrors([InputError(file: "fixture", message: "no row for watermark_scale_factor \(wsf)")])
  }

  static func simulated(wsf: Int) throws -> RunReport {
    let config = try SimulationConfig.load(
      path: root.appendingPathComponent("Configs/vm-mirror.yaml").path,
      overrides: [
        ConfigOverride(path: "sysctl.vm.watermark_scale_factor", value: "\(wsf)"),
        // Half the fixture's window: what is compared is a mean and the direction of counts.
        ConfigOverride(path: "duration", value: "15s"),
      ])
    var sim = try Simulation(config)
    return sim.run()
  }

  @Test func theMirrorFollowsTheRealKernelAcrossWatermarkScaleFactors() throws {
    let settings = [10, 100, 1000]
    let real = try settings.map { try Self.real(wsf: $0) }
    let sim = try settings.map { try Self.simulated(wsf: $0) }
    for (i, wsf) in settings.enumerated() {
      // Free memory within ±25 % of the real kernel's at every setting.
      let ratio = sim[i]["free_mean_mib"] / real[i]["free_mean_mib"]!
      #expect(
        ratio > 0.75 && ratio < 1.25, "wsf \(wsf): free mean \(sim[i]["free_mean_mib"]) vs \(real[i]["free_mean_mib"]!)"
      )
      // Faults cost what they cost on the real machine (within a bucket or two of its median).
      let p50 = sim[i]["fault_p50_ns"] / real[i]["fault_p50_ns"]!
      #expect(p50 > 0.7 && p50 < 1.3)
    }
    // kswapd runs less often, and wakes during its nap less often, as the gap widens.
    for key in ["pageoutrun", "kswapd_low_wmark_hit_quickly"] {
      #expect(real[0][key]! > real[1][key]! && real[1][key]! > real[2][key]!)
      #expect(sim[0][key] > sim[1][key] && sim[1][key] > sim[2][key], "\(key)")
    }
    // At 1000 kswapd's runs end mostly unbalanced after its nap, as on the real kernel.
    #expect(real[2]["kswapd_high_wmark_hit_quickly"]! > real[2]["kswapd_low_wmark_hit_quickly"]!)
    #expect(sim[2]["kswapd_high_wmark_hit_quickly"] > sim[2]["kswapd_low_wmark_hit_quickly"])
    // No stalls at 100 or 1000, as on the real kernel.
    #expect(real[1]["allocstall_movable"]! == 0 && real[2]["allocstall_movable"]! == 0)
    #expect(sim[1]["allocstall_movable"] == 0 && sim[2]["allocstall_movable"] == 0)
    // The two threads stall at 10 (163 times in 30 s on the real kernel): kswapd, woken onto a
    // CPU busy with the threads and the reader, waits for the running one's slice to end.
    #expect(real[0]["allocstall_movable"]! > 0)
    #expect(sim[0]["allocstall_movable"] > 0)
  }
}
