// SPDX-License-Identifier: MIT

/// Machine-wide event counters, named as `/proc/vmstat` names them.
///
/// Mirrors: `enum vm_event_item` in include/linux/vm_event_item.h (Linux 6.18). Per-zone
/// counters (`pgalloc_<zone>`, `allocstall_<zone>`) are kept per zone type.
public enum VMEvent: Int, CaseIterable, Sendable {
  case pgfree
  case pgscanKswapd, pgscanDirect, pgscanDirectThrottle, pgscanAnon, pgscanFile
  case pgstealKswapd, pgstealDirect, pgstealAnon, pgstealFile
  case pgactivate, pgdeactivate, pgrefill
  case kswapdLowWmarkHitQuickly, kswapdHighWmarkHitQuickly, pageoutrun
  case oomKill
  case zoneReclaimSuccess, zoneReclaimFailed
  /// Allocations that returned no page (the kernel's `warn_alloc()` reports; not in /proc/vmstat).
  case pgallocFail
  case pswpout
  case thpFaultAlloc, thpFaultFallback

  /// The `/proc/vmstat` name.
  public var kernelName: String {
    switch self {
    case .pgfree: "pgfree"
    case .pgscanKswapd: "pgscan_kswapd"
    case .pgscanDirect: "pgscan_direct"
    case .pgscanDirectThrottle: "pgscan_direct_throttle"
    case .pgscanAnon: "pgscan_anon"
    case .pgscanFile: "pgscan_file"
    case .pgstealKswapd: "pgsteal_kswapd"
    case .pgstealDirect: "pgsteal_direct"
    case .pgstealAnon: "pgsteal_anon"
    case .pgstealFile: "pgsteal_file"
    case .pgactivate: "pgactivate"
    case .pgdeactivate: "pgdeactivate"
    case .pgrefill: "pgrefill"
    case .kswapdLowWmarkHitQuickly: "kswapd_low_wmark_hit_quickly"
    case .kswapdHighWmarkHitQuickly: "kswapd_high_wmark_hit_quickly"
    case .pageoutrun: "pageoutrun"
    case .oomKill: "oom_kill"
    case .zoneReclaimSuccess: "zone_reclaim_success"
    case .zoneReclaimFailed: "zone_reclaim_failed"
    case .pgallocFail: "pgalloc_fail"
    case .pswpout: "pswpout"
    case .thpFaultAlloc: "thp_fault_alloc"
    case .thpFaultFallback: "thp_fault_fallback"
    }
  }
}

/// The counters of a run: machine-wide events, per-zone-type and per-order ones.
public struct VMCounters: Sendable {
  public var events: [UInt64] = Array(repeating: 0, count: VMEvent.allCases.count)
  /// `pgalloc_<zone>`, indexed by zone index (pages).
  public var pgalloc: [UInt64]
  /// `allocstall_<zone>`, indexed by zone index.
  public var allocstall: [UInt64]
  /// `pgskip_<zone>`: pages isolation passed over for being above `reclaim_idx`, by zone index.
  public var pgskip: [UInt64]
  /// Failed allocations per order (the `page allocation failure: order:N` reports).
  public var allocFailures: [UInt64] = Array(repeating: 0, count: Buddy.orderCount)

  public init(zoneCount: Int) {
    pgalloc = Array(repeating: 0, count: zoneCount)
    allocstall = Array(repeating: 0, count: zoneCount)
    pgskip = Array(repeating: 0, count: zoneCount)
  }

  @inline(__always) public subscript(_ e: VMEvent) -> UInt64 {
    get { events[e.rawValue] }
    set { events[e.rawValue] = newValue }
  }

  /// The change from `baseline` to these counters.
  public func since(_ baseline: VMCounters) -> VMCounters {
    var d = self
    for i in events.indices { d.events[i] = events[i] &- baseline.events[i] }
    for i in pgalloc.indices { d.pgalloc[i] = pgalloc[i] &- baseline.pgalloc[i] }
    for i in allocstall.indices { d.allocstall[i] = allocstall[i] &- baseline.allocstall[i] }
    for i in pgskip.indices { d.pgskip[i] = pgskip[i] &- baseline.pgskip[i] }
    for i in allocFailures.indices { d.allocFailures[i] = allocFailures[i] &- baseline.allocFailures[i] }
    return d
  }
}
