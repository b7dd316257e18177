// SPDX-License-Identifier: MIT

/// One `shrink_lruvec()` in progress: the scan targets of `get_scan_count()` and what is left
/// of them.
///
/// kswapd runs a scan a step at a time (``Reclaim/continueShrinkLruvec(_:node:_:_:budget:)``),
/// so the loop's locals live here rather than on a stack.
public struct LRUScan: Sendable {
  /// `targets[]`: the scan targets as `get_scan_count()` gave them.
  public let targets: ScanCount
  /// `nr[]`: what is left to scan of each list.
  public var nr: ScanCount
  /// `nr_to_reclaim`.
  public let nrToReclaim: Int
  /// `nr_reclaimed`: pages this scan reclaimed.
  public var reclaimed = 0
  /// `proportional_reclaim`: global direct reclaim at `DEF_PRIORITY` scans its whole target.
  public let proportionalReclaim: Bool

  public init(targets: ScanCount, nrToReclaim: Int, proportionalReclaim: Bool) {
    self.targets = targets
    nr = targets
    self.nrToReclaim = nrToReclaim
    self.proportionalReclaim = proportionalReclaim
  }

  /// The loop's condition: `nr[LRU_INACTIVE_ANON] || nr[LRU_ACTIVE_FILE] || nr[LRU_INACTIVE_FILE]`.
  @inline(__always) public var hasWork: Bool {
    nr[.inactiveAnon] | nr[.activeFile] | nr[.inactiveFile] != 0
  }

  /// Once `nr_to_reclaim` is met, stops the smaller of anon and file and cuts the larger's
  /// remaining scan to the share of its target that the smaller left unscanned; returns
  /// false when one type has nothing left (the loop ends).
  ///
  /// Mirrors: the proportional adjustment at the end of the loop in `shrink_lruvec()` in
  /// mm/vmscan.c (Linux 6.18).
  mutating func adjustProportionally() -> Bool {
    let nrFile = nr[.inactiveFile] + nr[.activeFile]
    let nrAnon = nr[.inactiveAnon] + nr[.activeAnon]
    guard nrFile > 0, nrAnon > 0 else { return false }
    let smallerIsFile = nrFile <= nrAnon
    let percentage =
      smallerIsFile
      ? nrFile * 100 / (targets[.inactiveFile] + targets[.activeFile] + 1)
      : nrAnon * 100 / (targets[.inactiveAnon] + targets[.activeAnon] + 1)
    nr[.inactive(file: smallerIsFile)] = 0
    nr[.active(file: smallerIsFile)] = 0
    for l in [LRUList.inactive(file: !smallerIsFile), .active(file: !smallerIsFile)] {
      let scanned = targets[l] - nr[l]
      nr[l] = targets[l] * (100 - percentage) / 100
      nr[l] -= Swift.min(nr[l], scanned)
    }
    return true
  }
}

extension LRUList {
  /// `for_each_evictable_lru()`: the order `shrink_lruvec()` visits the lists in.
  static let evictable: [LRUList] = [.inactiveAnon, .activeAnon, .inactiveFile, .activeFile]
}

extension Reclaim {
  /// Starts a `shrink_lruvec()` pass over a node's lists at `sc.priority`.
  ///
  /// Mirrors: the set-up of `shrink_lruvec()` in mm/vmscan.c (Linux 6.18): the targets of
  /// `get_scan_count()`; `proportional_reclaim` for direct reclaim at `DEF_PRIORITY`.
  public func beginShrinkLruvec(_ a: borrowing PageAllocator, node: Int, _ sc: ScanControl) -> LRUScan {
    LRUScan(
      targets: getScanCount(a, node: node, sc), nrToReclaim: sc.nrToReclaim,
      proportionalReclaim: !sc.isKswapd && sc.priority == Kswapd.defaultPriority)
  }

  /// Runs rounds of `shrink_lruvec()`'s loop until it ends or the round that uses up `budget`
  /// (pages asked of the lists) is done; returns whether the loop is over.
  ///
  /// Mirrors: the loop of `shrink_lruvec()` in mm/vmscan.c (Linux 6.18): each round takes
  /// `min(nr[lru], SWAP_CLUSTER_MAX)` of every evictable list in turn (an active list only
  /// when `may_deactivate` allows its type, else nothing); kswapd and direct reclaim below
  /// `DEF_PRIORITY` stop once `nr_to_reclaim` is met, after one proportional adjustment
  /// (``LRUScan/adjustProportionally()``).
  /// - Deviation: `budget` is the model's: it cuts kswapd's pass into steps so that
  ///   allocations interleave with it in simulated time. The kernel's loop runs unbroken.
  public mutating func continueShrinkLruvec(
    _ a: inout PageAllocator, node: Int, _ scan: inout LRUScan, _ sc: inout ScanControl, budget: inout Int
  ) -> Bool {
    while scan.hasWork {
      if budget <= 0 { return false }
      for l in LRUList.evictable where scan.nr[l] > 0 {
        let n = Swift.min(scan.nr[l], Kswapd.swapClusterMax)
        scan.nr[l] -= n
        budget -= n
        let before = sc.nrReclaimed
        shrinkList(&a, node: node, l, count: n, &sc)
        scan.reclaimed += sc.nrReclaimed - before
      }
      if scan.reclaimed < scan.nrToReclaim || scan.proportionalReclaim { continue }
      if !scan.adjustProportionally() { break }
    }
    scan.nr = ScanCount()
    return true
  }

  /// Scans `count` pages of one list.
  ///
  /// Mirrors: `shrink_list()` in mm/vmscan.c (Linux 6.18): an active list is aged only if
  /// `sc.may_deactivate` allows its type.
  mutating func shrinkList(_ a: inout PageAllocator, node: Int, _ l: LRUList, count: Int, _ sc: inout ScanControl) {
    guard l.isActive else {
      shrinkInactiveList(&a, node: node, file: l.isFile, count: count, &sc)
      return
    }
    if l.isFile ? sc.mayDeactivateFile : sc.mayDeactivateAnon {
      shrinkActiveList(&a, node: node, file: l.isFile, count: count, &sc)
    }
  }

  /// Ages `SWAP_CLUSTER_MAX` active anon pages when swap is present and the inactive anon list
  /// is low.
  ///
  /// Mirrors: `can_age_anon_pages()` and `inactive_is_low(lruvec, LRU_INACTIVE_ANON)` before
  /// `shrink_active_list(SWAP_CLUSTER_MAX, …, LRU_ACTIVE_ANON)` in mm/vmscan.c (Linux 6.18),
  /// as `shrink_lruvec()` and `kswapd_age_node()` do it.
  /// - Deviation: no demotion, so only swap makes anon pages worth aging.
  mutating func ageAnonIfLow(_ a: inout PageAllocator, node: Int, _ sc: inout ScanControl) {
    guard swap.totalPages > 0, nodes[node].lruvec.inactiveIsLow(file: false) else { return }
    shrinkActiveList(&a, node: node, file: false, count: Kswapd.swapClusterMax, &sc)
  }
}
