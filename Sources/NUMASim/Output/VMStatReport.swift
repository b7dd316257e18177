// SPDX-License-Identifier: MIT

/// `/proc/vmstat` at the end of a run: one `name value` line per counter the model keeps,
/// summed over zones and nodes, in the order Linux 6.18 prints them.
///
/// Mirrors: `vmstat_text[]` and `vmstat_start()` in mm/vmstat.c (Linux 6.18): zone
/// counters, NUMA counters, node counters, then `vm_event_item` events, each group in its
/// enum's order. Values count from boot, as the kernel's do; the measured window's changes
/// are `summary.csv`'s.
/// - Deviation: counters the model does not keep are left out rather than printed as 0.
public enum VMStatReport {
  /// The events the model counts, in `enum vm_event_item` order, after `pgalloc_*`,
  /// `allocstall_*` and `pgskip_*` (which come per zone type at their places).
  static let eventsAfterAllocstall: [VMEvent] = [
    .pgfree, .pgactivate, .pgdeactivate, .pgrefill, .pgstealKswapd, .pgstealDirect, .pgscanKswapd, .pgscanDirect,
    .pgscanDirectThrottle, .pgscanAnon, .pgscanFile, .pgstealAnon, .pgstealFile, .zoneReclaimSuccess,
    .zoneReclaimFailed, .kswapdLowWmarkHitQuickly, .kswapdHighWmarkHitQuickly, .pageoutrun, .oomKill, .thpFaultAlloc,
    .thpFaultFallback,
  ]

  /// The node counters the model keeps, in `enum node_stat_item` order.
  static let reportedNodeStats: [NodeStat] = [
    .nrInactiveAnon, .nrActiveAnon, .nrInactiveFile, .nrActiveFile, .nrUnevictable, .nrAnonPages, .nrMapped,
    .nrFilePages, .nrDirty, .nrWriteback,
  ]

  public static func render(_ r: RunSummary) -> String {
    var lines: [String] = []
    let snapshot = r.zoneinfo
    let zones = snapshot.zones.flatMap { $0 }
    lines.append("nr_free_pages \(zones.reduce(0) { $0 + $1.freePages })")
    for stat in NUMAStat.allCases {
      lines.append("\(stat.kernelName) \(zones.reduce(0) { $0 + $1.numaStats[stat.index] })")
    }
    for stat in reportedNodeStats {
      lines.append("\(stat.rawValue) \(snapshot.nodeStats.reduce(0) { $0 + $1[stat.index] })")
    }
    let c = r.counters
    lines.append("pswpout \(c[.pswpout])")
    let arch = r.setup.machine.architecture
    let types = arch.zoneTypes.filter { $0 != .device }
    for t in types { lines.append("pgalloc_\(t.counterSuffix) \(c.pgalloc[arch.zoneIndex(of: t) ?? 0])") }
    for t in types { lines.append("allocstall_\(t.counterSuffix) \(c.allocstall[arch.zoneIndex(of: t) ?? 0])") }
    for t in types { lines.append("pgskip_\(t.counterSuffix) \(c.pgskip[arch.zoneIndex(of: t) ?? 0])") }
    for e in eventsAfterAllocstall { lines.append("\(e.kernelName) \(c[e])") }
    return lines.joined(separator: "\n") + "\n"
  }
}
