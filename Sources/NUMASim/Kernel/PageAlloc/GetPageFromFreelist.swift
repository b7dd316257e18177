// SPDX-License-Identifier: MIT

/// A page the allocator handed out.
public struct AllocatedPage: Sendable, Hashable {
  public var page: PageIndex
  public var zone: Int
  public var order: Int
}

extension PageAllocator {
  /// Walks the zones of the context and takes a page from the first that passes its watermark.
  ///
  /// Mirrors: `get_page_from_freelist()` in mm/page_alloc.c (Linux 6.18): `ALLOC_NOFRAGMENT`
  /// is dropped (and the walk restarted) on reaching a remote node; a zone below its high mark
  /// gets `ZONE_BELOW_HIGH` (6.7+); a zone failing its mark may be reclaimed by
  /// `node_reclaim()` when any bit of `vm.zone_reclaim_mode` is set (`node_reclaim_enabled()`) and it is within `RECLAIM_DISTANCE`;
  /// 6.18 first skips nodes whose kswapd is running, then retries without the skip.
  /// - Deviation: no cpusets, dirty-limit spreading, deferred struct-page init or unaccepted memory.
  mutating func getPageFromFreelist<H: ReclaimHooks & ~Copyable>(
    _ request: AllocationRequest, _ ac: AllocationContext, flags: AllocFlags, task: inout TaskContext,
    hooks: inout H
  ) -> AllocatedPage? {
    var flags = flags
    let skipBusyNodes = kernel.skipsKswapdActiveNodes && nodeCount > 1
    var skipping = skipBusyNodes
    while true {
      var restart = false
      var skipped = false
      var i = ac.listStart
      while i < ac.listEnd {
        let z = Int(zonelistStorage[i])
        i &+= 1
        let node = zones[z].id.node.index
        if !ac.allows(node: node) { continue }
        let pz = ac.preferredZone
        if flags.contains(.noFragment), nodeCount > 1, z != pz, node != zones[pz].id.node.index {
          flags.remove(.noFragment)
          restart = true
          break
        }
        if skipping, hooks.kswapdIsRunning(node: node), node != zones[pz].id.node.index {
          skipped = true
          continue
        }
        if kernel.pcpHighRule == .highMinMax, !zones[z].flags.contains(.belowHigh) {
          if !watermarkFast(
            zone: z, order: request.order, mark: zones[z].mark(.high), highestZoneIndex: ac.highestZoneIndex,
            flags: flags)
          {
            zones[z].flags.insert(.belowHigh)
          }
        }
        let mark = zones[z].mark(flags.watermark)
        if !watermarkFast(
          zone: z, order: request.order, mark: mark, highestZoneIndex: ac.highestZoneIndex, flags: flags)
        {
          if !flags.contains(.noWatermarks) {
            guard NodeReclaimMode(rawValue: sysctl.zoneReclaimMode).isEnabled,
              distances[NodeID(zones[pz].id.node.index), NodeID(node)] <= DistanceMatrix.reclaimDistance
            else { continue }
            switch hooks.nodeReclaim(&self, node: node, gfp: request.gfp, order: request.order, task: &task) {
            case .noScan, .full: continue
            case .some:
              if !watermarkOK(
                zone: z, order: request.order, mark: mark, highestZoneIndex: ac.highestZoneIndex, flags: flags)
              {
                continue
              }
            }
          }
        }
        if let page = rmqueue(
          preferredZone: ac.preferredZone, zone: z, request: request, ac: ac, flags: flags, task: &task,
          hooks: &hooks)
        {
          if flags.contains(.highatomic) { reserveHighatomicPageblock(page, order: request.order, zone: z) }
          return AllocatedPage(page: page, zone: z, order: request.order)
        }
      }
      if restart { continue }
      if skipping && skipped {
        skipping = false
        continue
      }
      if flags.contains(.noFragment) {
        flags.remove(.noFragment)
        continue
      }
      return nil
    }
  }

  /// Takes a page from one zone and accounts for it.
  ///
  /// Mirrors: `rmqueue()`, `rmqueue_buddy()`, `prep_new_page()` and `zone_statistics()` in
  /// mm/page_alloc.c (Linux 6.18).
  @inline(__always)
  mutating func rmqueue<H: ReclaimHooks & ~Copyable>(
    preferredZone: Int, zone z: Int, request: AllocationRequest, ac: AllocationContext, flags: AllocFlags,
    task: inout TaskContext, hooks: inout H
  ) -> PageIndex? {
    let order = request.order
    var page: PageIndex?
    if PerCPU.allowsOrder(order) {
      page = rmqueuePCPList(cpu: request.cpu, zone: z, order: order, mt: ac.migratetype, flags: flags)
    }
    if page == nil {
      let highatomic = Int(MigrateType.highatomic.rawValue)
      if flags.contains(.highatomic) { page = rmqueueSmallest(zone: z, order: order, mt: highatomic) }
      if page == nil { page = rmqueue(zone: z, order: order, mt: ac.migratetype, flags: flags) }
      if page == nil, !flags.isDisjoint(with: [.oom, .nonBlock]) {
        page = rmqueueSmallest(zone: z, order: order, mt: highatomic)
      }
    }
    guard let page else { return nil }
    prepNewPage(page, order: order, gfp: request.gfp)
    counters.pgalloc[zones[z].id.index] &+= UInt64(1) << UInt64(order)
    zoneStatistics(preferred: preferredZone, zone: z, cpuNode: ac.cpuNode, interleaveNode: ac.interleaveNode)
    if flags.contains(.kswapd), zones[z].flags.contains(.boostedWatermark) {
      zones[z].flags.remove(.boostedWatermark)
      hooks.wakeKswapd(&self, zone: z, gfp: request.gfp, order: 0, highestZoneIndex: zones[z].id.index, task: &task)
    }
    return page
  }

  /// Mirrors: `prep_new_page()` and `prep_compound_page()` in mm/page_alloc.c (Linux 6.18):
  /// refcount 1, and for `__GFP_COMP` a head page with its order and tails pointing at it.
  @inline(__always)
  mutating func prepNewPage(_ page: PageIndex, order: Int, gfp: GFPFlags) {
    memmap[Int(page)].refcount = 1
    if order > 0, gfp.contains(.comp) {
      memmap.set(page, .head)
      memmap[Int(page)].order = UInt8(order)
      for i in 1..<(1 << order) {
        let tail = page + PageIndex(i)
        memmap.set(tail, .tail)
        memmap[Int(tail)].next = page
      }
    }
  }

  /// Mirrors: `zone_statistics()` in mm/page_alloc.c (Linux 6.18), one count per allocation.
  @inline(__always)
  mutating func zoneStatistics(preferred: Int, zone z: Int, cpuNode: Int, interleaveNode: Int) {
    let n = NUMAStat.count
    let node = zones[z].id.node.index
    if node == zones[preferred].id.node.index {
      numaStats[z &* n &+ NUMAStat.numaHit.rawIndex] &+= 1
    } else {
      numaStats[z &* n &+ NUMAStat.numaMiss.rawIndex] &+= 1
      numaStats[preferred &* n &+ NUMAStat.numaForeign.rawIndex] &+= 1
    }
    numaStats[z &* n &+ (node == cpuNode ? NUMAStat.numaLocal.rawIndex : NUMAStat.numaOther.rawIndex)] &+= 1
    if interleaveNode == node { numaStats[z &* n &+ NUMAStat.numaInterleave.rawIndex] &+= 1 }
  }
}
