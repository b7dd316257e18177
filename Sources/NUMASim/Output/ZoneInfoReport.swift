// SPDX-License-Identifier: MIT

/// Renders a machine in the layout of `/proc/zoneinfo`.
///
/// Mirrors: `zoneinfo_show_print()` in mm/vmstat.c (Linux 6.18). Every zone of every node is
/// printed; an unpopulated zone stops after its `protection:` line. `promo` and the pagesets'
/// `high_min`/`high_max` follow the selected release (``KernelVersion``).
/// - Deviation: the per-node and per-zone counter lists are 6.18's for every release.
public enum ZoneInfoReport {
  public static func render(_ snapshot: ZoneInfoSnapshot) -> String {
    var out = ""
    let setup = snapshot.setup
    let kernel = setup.kernel
    for (n, node) in setup.zones.enumerated() {
      let firstPopulated = node.firstIndex { $0.span.isPopulated }
      for (z, zone) in node.enumerated() {
        let state = snapshot.zones[n][z]
        out += "Node \(n), zone \(pad(zone.span.type.kernelName, 8))"
        if z == firstPopulated {
          out += "\n  per-node stats"
          for (i, stat) in NodeStat.allCases.enumerated() {
            out += "\n      \(padRight(stat.kernelName, 12)) \(snapshot.nodeStats[n][i])"
          }
        }
        let w = zone.watermarks
        out += "\n  pages free     \(state.freePages)"
        out += "\n        boost    \(state.boost)"
        out += "\n        min      \(w.unboosted(.min) + state.boost)"
        out += "\n        low      \(w.unboosted(.low) + state.boost)"
        out += "\n        high     \(w.unboosted(.high) + state.boost)"
        if kernel.printsPromoWatermark { out += "\n        promo    \(w.unboosted(.promo) + state.boost)" }
        out += "\n        spanned  \(zone.span.spanned)"
        out += "\n        present  \(zone.span.present)"
        out += "\n        managed  \(zone.span.managed)"
        out += "\n        cma      0"
        out += "\n        protection: (" + zone.lowmemReserve.map(String.init).joined(separator: ", ") + ")"
        guard zone.span.isPopulated else {
          out += "\n"
          continue
        }
        for (i, stat) in ZoneStat.allCases.enumerated() {
          out += "\n      \(padRight(stat.kernelName, 12)) \(state.zoneStats[i])"
        }
        for (i, stat) in NUMAStat.allCases.enumerated() {
          out += "\n      \(padRight(stat.kernelName, 12)) \(state.numaStats[i])"
        }
        out += "\n  pagesets"
        for cpu in 0..<setup.machine.onlineCPUs {
          out += "\n    cpu: \(cpu)"
          if kernel.printsPCPHighMinMax {
            out += "\n              count:    \(state.pcpCount[cpu])"
            out += "\n              high:     \(state.pcpHigh[cpu])"
            out += "\n              batch:    \(zone.pcp.batch)"
            out += "\n              high_min: \(zone.pcp.highMin)"
            out += "\n              high_max: \(zone.pcp.highMax)"
          } else {
            out += "\n              count: \(state.pcpCount[cpu])"
            out += "\n              high:  \(state.pcpHigh[cpu])"
            out += "\n              batch: \(zone.pcp.batch)"
          }
          out += "\n  vm stats threshold: \(zone.statThreshold)"
        }
        out += "\n  node_unreclaimable:  \(snapshot.nodeUnreclaimable[n] ? 1 : 0)"
        out += "\n  start_pfn:           \(zone.span.startPFN)"
        out += "\n"
      }
    }
    return out
  }

  /// `%Ns`: right-aligned in `width` columns.
  static func pad(_ s: String, _ width: Int) -> String {
    String(repeating: " ", count: Swift.max(0, width - s.count)) + s
  }

  /// `%-Ns`: left-aligned in `width` columns.
  static func padRight(_ s: String, _ width: Int) -> String {
    s + String(repeating: " ", count: Swift.max(0, width - s.count))
  }
}
