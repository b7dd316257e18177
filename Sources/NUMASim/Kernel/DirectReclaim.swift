// SPDX-License-Identifier: MIT

extension ReclaimState: ReclaimHooks {
  public mutating func wakeKswapd(_ a: inout PageAllocator, zone: Int, gfp: GFPFlags, order: Int, highestZoneIndex: Int)
  {
    wake(&a, zone: zone, order: order, highestZoneIndex: highestZoneIndex)
  }

  /// Reclaims for the allocating task; the time it takes stalls the CPU.
  ///
  /// Mirrors: `try_to_free_pages()` → `throttle_direct_reclaim()` and
  /// `do_try_to_free_pages()` in mm/vmscan.c (Linux 6.18): `allocstall_<zone>` for the
  /// request's zone limit; a task is throttled (`pgscan_direct_throttle`) while the first
  /// node's lowmem free pages are at or below half the sum of its min watermarks; then
  /// priority 12 → 0 over the zonelist's nodes until `SWAP_CLUSTER_MAX` pages are reclaimed,
  /// waiting on writeback when a pass found only pages under I/O.
  /// - Deviation: a throttled task waits one `throttle_ms` draw instead of until kswapd wakes it.
  public mutating func directReclaim(
    _ a: inout PageAllocator, request: AllocationRequest, context ac: AllocationContext
  ) -> Int {
    a.counters.allocstall[ac.highestZoneIndex] &+= 1
    let zones = a.zones(of: ac)
    var nodes: [Int] = []
    for z in zones where !nodes.contains(a.zones[z].id.node.index) { nodes.append(a.zones[z].id.node.index) }
    if let first = nodes.first, pfmemallocReserveLow(a, node: first) {
      a.counters[.pgscanDirectThrottle] &+= 1
      stallNanoseconds &+= draw(costs.throttleMilliseconds, scale: 1e6)
    }
    var reclaimed = 0
    var priority = Kswapd.defaultPriority
    while priority >= 0 && reclaimed < Kswapd.swapClusterMax {
      var blocked = 0
      for node in nodes {
        let p = shrinkNode(
          &a, node: node, nrToReclaim: Kswapd.swapClusterMax - reclaimed, priority: priority, isKswapd: false)
        a.counters[.pgscanDirect] &+= UInt64(p.scanned)
        a.counters[.pgstealDirect] &+= UInt64(p.reclaimed)
        stallNanoseconds &+= p.nanoseconds
        reclaimed += p.reclaimed
        blocked += p.blockedOnWriteback
        if reclaimed >= Kswapd.swapClusterMax { break }
      }
      if reclaimed == 0 && blocked > 0 {
        stallNanoseconds &+= draw(costs.throttleMilliseconds, scale: 1e6)
        finishWriteback(&a)
      }
      priority -= 1
    }
    stallReclaimed += reclaimed
    return reclaimed
  }

  /// `allow_direct_reclaim()` inverted: free lowmem pages at or below half the min watermarks.
  func pfmemallocReserveLow(_ a: PageAllocator, node: Int) -> Bool {
    var reserve = 0
    var free = 0
    for zi in 0...a.architecture.normalZoneIndex {
      let z = a.zones[a.flatZone(node: node, zoneIdx: zi)]
      guard z.isManaged else { continue }
      reserve += z.watermarks.min
      free += z.freePages
    }
    return reserve > 0 && free <= reserve / 2
  }

  /// Completes the writeback of every page queued for it: they become clean and reclaimable.
  ///
  /// Mirrors: `folio_end_writeback()` in mm/filemap.c (Linux 6.18): `PG_writeback` is cleared.
  /// - Deviation: every folio queued so far completes at once, one `writeback_ms` draw after
  ///   the first was queued, instead of each when its own I/O ends.
  public mutating func finishWriteback(_ a: inout PageAllocator) {
    for node in writebackQueue.indices where !writebackQueue[node].isEmpty {
      for p in writebackQueue[node] { a.memmap.clear(p, .writeback) }
      writebackQueue[node].removeAll(keepingCapacity: true)
      writebackPending[node] = 0
    }
  }

  public mutating func directCompact(_ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext)
    -> Bool
  {
    false
  }

  /// Kills the group that holds the most memory and frees what it held.
  ///
  /// Mirrors: `out_of_memory()` → `select_bad_process()` (`oom_badness()` by resident
  /// pages) → `oom_kill_process()` in mm/oom_kill.c (Linux 6.18); `oom_kill` is counted.
  /// - Deviation: the victim is a task group, its memory is freed at once (no oom_reaper
  ///   delay), and the group goes on issuing requests as a restarted service would.
  public mutating func outOfMemory(_ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext)
    -> Bool
  {
    guard let victim = groupPages.indices.max(by: { groupPages[$0] < groupPages[$1] }), groupPages[victim] > 0 else {
      return false
    }
    let owner = UInt32(victim + 1)
    var page = 0
    while page < a.memmap.count {
      let p = PageIndex(page)
      let order = a.memmap.has(p, .head) ? Int(a.memmap.order[page]) : 0
      if a.memmap.refcount[page] > 0, a.memmap.mapping[page] >> 1 == owner, !a.memmap.has(p, .tail) {
        if a.memmap.has(p, .lru) {
          lru.remove(
            p, node: a.zones[a.zoneIndex(of: p)].id.node.index, LRUVecs.list(of: p, memmap: a.memmap), nr: 1 << order,
            memmap: &a.memmap)
        }
        releaseOwned(&a, page: p, order: order)
      }
      page += 1 << order
    }
    groupPages[victim] = 0
    oomKills[victim] += 1
    lastVictim = victim
    a.counters[.oomKill] &+= 1
    return true
  }

  public func reclaimablePages(_ a: PageAllocator, zone: Int) -> Int { reclaimable(a, zone: zone) }

  /// Reclaims locally before the allocator falls back to another node.
  ///
  /// Mirrors: `node_reclaim()` → `__node_reclaim()` in mm/vmscan.c (Linux 6.18): only when the
  /// node's unmapped page cache exceeds `min_unmapped_ratio` of it, at priority 4
  /// (`NODE_RECLAIM_PRIORITY`), for `max(1 << order, SWAP_CLUSTER_MAX)` pages;
  /// counts `zone_reclaim_success` / `zone_reclaim_failed`.
  public mutating func nodeReclaim(_ a: inout PageAllocator, node: Int, gfp: GFPFlags, order: Int) -> NodeReclaimResult
  {
    let managed = (0..<a.zonesPerNode).reduce(0) { $0 + a.zones[a.flatZone(node: node, zoneIdx: $1)].managed }
    let file = lru.size(node: node, .inactiveFile) + lru.size(node: node, .activeFile)
    guard file * 100 > managed * a.sysctl.minUnmappedRatio, gfp.allowsBlocking else { return .full }
    let p = shrinkNode(
      &a, node: node, nrToReclaim: Swift.max(1 << order, Kswapd.swapClusterMax), priority: 4, isKswapd: false)
    stallNanoseconds &+= p.nanoseconds
    a.counters[.pgscanDirect] &+= UInt64(p.scanned)
    a.counters[.pgstealDirect] &+= UInt64(p.reclaimed)
    if p.reclaimed > 0 {
      a.counters[.zoneReclaimSuccess] &+= 1
      return .some
    }
    a.counters[.zoneReclaimFailed] &+= 1
    return .full
  }
}
