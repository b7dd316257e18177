// SPDX-License-Identifier: MIT

/// One reclaim request and what it did: the explicit state every reclaim function works on.
///
/// Mirrors: `struct scan_control` in mm/vmscan.c (Linux 6.18): `nr_to_reclaim`, `gfp_mask`,
/// `order`, `priority`, `reclaim_idx`, `may_writepage`, `may_unmap`, `may_swap`, the per-pass
/// `may_deactivate`, `cache_trim_mode`, `file_is_tiny`, `anon_cost` and `file_cost` that
/// ``Reclaim/prepareScanControl(_:node:_:)`` sets, and the results `nr_scanned`,
/// `nr_reclaimed` and `nr` (what the folios scanned turned out to be).
/// The reclaiming CPU and the time stand for `current`: where freed pages go and when the
/// reference model asks whether a folio was used.
/// - Deviation: no memory cgroups.
public struct ScanControl: Sendable {
  /// `nr_to_reclaim`.
  public var nrToReclaim: Int
  /// `gfp_mask`.
  public var gfpMask: GFPFlags
  /// `order`.
  public var order: Int
  /// `priority`: lists are scanned `size >> priority` at a time.
  public var priority: Int
  /// `reclaim_idx`: the highest zone index the request may use.
  public var reclaimIndex: Int
  /// `may_writepage`.
  public var mayWritepage = true
  /// `may_unmap`.
  public var mayUnmap = true
  /// `may_swap`.
  public var maySwap = true
  /// `may_deactivate & DEACTIVATE_ANON`: the active anon list may be aged this pass.
  public var mayDeactivateAnon = false
  /// `may_deactivate & DEACTIVATE_FILE`: the active file list may be aged this pass.
  public var mayDeactivateFile = false
  /// `cache_trim_mode`: plenty of inactive page cache that needs no aging: scan file only.
  public var cacheTrimMode = false
  /// `file_is_tiny`: page cache plus free pages are under the high marks: scan anon only.
  public var fileIsTiny = false
  /// `anon_cost` and `file_cost`: the lruvec's reclaim costs when the pass began.
  public var anonCost = 0
  public var fileCost = 0
  /// `current_is_kswapd()`.
  public var isKswapd: Bool
  /// The CPU reclaim runs on; pages it frees go to this CPU's lists.
  public var cpu: Int
  /// The time of the pass.
  public var now: SimTime

  /// `nr_scanned` (pages).
  public var nrScanned = 0
  /// `nr_reclaimed` (pages).
  public var nrReclaimed = 0
  /// What the scanned folios were and what was done with them.
  public var nr = ReclaimStat()

  public init(
    nrToReclaim: Int, gfpMask: GFPFlags = .kernel, order: Int = 0, priority: Int = Kswapd.defaultPriority,
    reclaimIndex: Int, isKswapd: Bool, cpu: Int, now: SimTime
  ) {
    self.nrToReclaim = nrToReclaim
    self.gfpMask = gfpMask
    self.order = order
    self.priority = priority
    self.reclaimIndex = reclaimIndex
    self.isKswapd = isKswapd
    self.cpu = cpu
    self.now = now
  }
}

/// The work a reclaim pass did, by kind: what the cost model turns into time.
///
/// Mirrors: `struct reclaim_stat` in include/linux/vmstat.h (Linux 6.18) and the `nr`
/// counts of `struct scan_control`, extended with the work the model costs.
public struct ReclaimStat: Sendable, Equatable {
  /// Pages isolated from the inactive lists.
  public var inactiveScanned = 0
  /// Folios isolated from the inactive lists.
  public var inactiveFoliosScanned = 0
  /// Folios isolated from the active lists (`shrink_active_list()`).
  public var activeFoliosScanned = 0
  /// Pages activated because they were referenced (`nr_activate`).
  public var activated = 0
  /// Pages moved from the active to the inactive lists (`nr_deactivate`).
  public var deactivated = 0
  /// Clean page-cache pages dropped.
  public var fileReclaimed = 0
  /// Clean page-cache folios dropped.
  public var fileFoliosReclaimed = 0
  /// Anonymous pages written to swap.
  public var swappedOut = 0
  /// Dirty pages for which `pageout()` started writeback.
  public var writebackStarted = 0
  /// Dirty or under-writeback pages passed over (`nr_dirty` + `nr_writeback` for direct reclaim).
  public var blockedOnWriteback = 0
  /// Page-table mappings removed (`try_to_unmap()` per mapping of a reclaimed folio).
  public var unmapped = 0
  /// Waits in `reclaim_throttle()` (`VMSCAN_THROTTLE_WRITEBACK`) or `throttle_direct_reclaim()`.
  public var throttled = 0

  public init() {}

  /// No work at all (most allocations): nothing to cost.
  @inline(__always) public var isEmpty: Bool {
    inactiveScanned | activeFoliosScanned | activated | deactivated | fileReclaimed | swappedOut
      | writebackStarted | blockedOnWriteback | unmapped | throttled == 0
  }

  /// Adds another pass's work.
  public static func += (a: inout ReclaimStat, b: ReclaimStat) {
    a.inactiveScanned += b.inactiveScanned
    a.inactiveFoliosScanned += b.inactiveFoliosScanned
    a.activeFoliosScanned += b.activeFoliosScanned
    a.activated += b.activated
    a.deactivated += b.deactivated
    a.fileReclaimed += b.fileReclaimed
    a.fileFoliosReclaimed += b.fileFoliosReclaimed
    a.swappedOut += b.swappedOut
    a.writebackStarted += b.writebackStarted
    a.blockedOnWriteback += b.blockedOnWriteback
    a.unmapped += b.unmapped
    a.throttled += b.throttled
  }
}
