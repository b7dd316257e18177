// SPDX-License-Identifier: MIT

extension Reclaim {
  /// Reclaims for the allocating task; returns the pages reclaimed.
  ///
  /// Mirrors: `try_to_free_pages()` → `throttle_direct_reclaim()` and
  /// `do_try_to_free_pages()` in mm/vmscan.c (Linux 6.18): `allocstall_<zone>` for the
  /// request's zone limit; a task is throttled (`pgscan_direct_throttle`) while the first
  /// node's lowmem free pages are at or below half the sum of its min watermarks; then one
  /// `scan_control` for `SWAP_CLUSTER_MAX` pages, priority 12 → 0, each priority a
  /// `shrink_node()` of every node of the zonelist (`shrink_zones()`), stopping after the
  /// priority that met the target, and waiting on writeback
  /// (`reclaim_throttle(VMSCAN_THROTTLE_WRITEBACK)`) when a priority found only folios under
  /// I/O. The work done is added to `task.reclaim`.
  /// - Deviation: a throttled task waits one `throttle_ms` draw instead of until kswapd wakes
  ///   it; a writeback wait completes all writeback queued so far.
  public mutating func tryToFreePages(
    _ a: inout PageAllocator, request: AllocationRequest, context ac: AllocationContext, task: inout TaskContext
  ) -> Int {
    a.counters.allocstall[ac.highestZoneIndex] &+= 1
    var nodeList: [Int] = []
    for z in a.zones(of: ac) where !nodeList.contains(a.zones[z].id.node.index) {
      nodeList.append(a.zones[z].id.node.index)
    }
    if let first = nodeList.first, !allowDirectReclaim(a, node: first) {
      a.counters[.pgscanDirectThrottle] &+= 1
      task.reclaim.throttled += 1
    }
    var sc = ScanControl(
      nrToReclaim: Kswapd.swapClusterMax, gfpMask: request.gfp, order: request.order,
      priority: Kswapd.defaultPriority, reclaimIndex: ac.highestZoneIndex, isKswapd: false, cpu: task.cpu,
      now: task.now)
    repeat {
      let blockedBefore = sc.nr.blockedOnWriteback
      for node in nodeList { shrinkNode(&a, node: node, &sc) }
      if sc.nrReclaimed >= sc.nrToReclaim { break }
      if sc.nrReclaimed == 0 && sc.nr.blockedOnWriteback > blockedBefore {
        sc.nr.throttled += 1
        endWriteback(&a)
      }
      sc.priority -= 1
    } while sc.priority >= 0
    task.reclaim += sc.nr
    task.reclaimed += sc.nrReclaimed
    return sc.nrReclaimed
  }

  /// Whether the node's lowmem free pages are above half its min watermarks.
  ///
  /// Mirrors: `allow_direct_reclaim()` in mm/vmscan.c (Linux 6.18).
  func allowDirectReclaim(_ a: borrowing PageAllocator, node: Int) -> Bool {
    var reserve = 0
    var free = 0
    for zi in 0...a.architecture.normalZoneIndex {
      let z = a.zones[a.flatZone(node: node, zoneIdx: zi)]
      guard z.isManaged else { continue }
      reserve += z.watermarks.min
      free += z.freePages
    }
    return !(reserve > 0 && free <= reserve / 2)
  }

  /// Completes the writeback reclaim started on every node (``WritebackQueue/endAll(_:)``).
  public mutating func endWriteback(_ a: inout PageAllocator) {
    for n in nodes.indices where !nodes[n].writeback.isEmpty { nodes[n].writeback.endAll(&a.memmap) }
  }

  /// Whether any node has writeback in flight.
  public var hasWriteback: Bool { nodes.contains { !$0.writeback.isEmpty } }

  public mutating func directReclaim(
    _ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext, task: inout TaskContext
  ) -> Int {
    tryToFreePages(&a, request: request, context: context, task: &task)
  }
}
