// SPDX-License-Identifier: MIT

extension SimulationModel {
  /// One allocation request: allocate (reclaiming if need be), set the page up, schedule its
  /// free, account the latency, and schedule the group's next request.
  ///
  /// A group at its `limit` issues nothing until it has freed (or lost to reclaim) some pages.
  mutating func arrival(group g: Int, cpu: Int, _ s: inout Scheduler<Event>) {
    let now = s.now
    if reclaim.groupPages[g] >= groupLimit[g] {
      if let next = workload.groups[g].nextArrival(after: now) {
        s.schedule(.arrival(group: Int32(g), cpu: Int32(next.cpu.index)), at: next.time)
      }
      return
    }
    var order = workload.groups[g].drawOrder()
    var gfp = groupGFP[g]
    if order > 0 && groupKind[g].isOnLRU { gfp.insert(.comp) }
    if order > Buddy.maxPageOrder { order = Buddy.maxPageOrder }
    let request = AllocationRequest(
      order: order, gfp: gfp, cpu: cpu, nodePolicy: groupPolicy[g], interleaveIndex: interleave[g])
    interleave[g] &+= 1
    reclaim.now = now
    reclaim.cpu = cpu
    reclaim.stallNanoseconds = 0
    reclaim.stallReclaimed = 0
    let result = allocateFolio(request, kind: groupKind[g])
    for node in reclaim.pendingWakeups {
      s.schedule(.kswapdStep(node: Int32(node), generation: reclaim.kswapd[node].generation), at: now)
    }
    reclaim.pendingWakeups.removeAll(keepingCapacity: true)
    scheduleWriteback(&s)
    let stall = reclaim.stallNanoseconds
    let allocNs = UInt64(Swift.max(0, costs.allocNanoseconds.sample(stream)))
    var accessNs: UInt64 = 0
    if let p = result {
      let node = allocator.zones[p.zone].id.node.index
      accessNs =
        UInt64(latency[from: NodeID(cpuNode[cpu]), to: NodeID(node)])
        + UInt64(Swift.max(0, costs.accessJitterNanoseconds.sample(stream)))
      setUp(p, group: g, now: now + .nanoseconds(allocNs + stall), &s)
      if measuring {
        stats.allocations &+= 1
        if node != cpuNode[cpu] { stats.remoteAllocations &+= 1 }
      }
    } else if measuring {
      stats.failures &+= 1
    }
    if stall > 0 {
      workload.groups[g].delay(CPUID(cpu), from: now, until: now + .nanoseconds(stall))
      if measuring {
        stats.stallLog.append(
          StallRecord(
            start: now, nanoseconds: stall, pagesReclaimed: Int32(reclaim.stallReclaimed),
            order: Int8(result?.order ?? order),
            cpu: Int32(cpu), group: Int32(g)))
        stats.stalls.record(stall)
        stats.stallPages.record(UInt64(reclaim.stallReclaimed))
        stats.stallNanoseconds &+= stall
      }
    }
    if measuring {
      stats.allocationLatency.record(allocNs + stall + accessNs)
      stats.allocatorNanoseconds &+= allocNs
      stats.accessNanoseconds &+= accessNs
      if result != nil { stats.accessLatency.record(accessNs) }
    }
    if let next = workload.groups[g].nextArrival(after: now) {
      s.schedule(.arrival(group: Int32(g), cpu: Int32(next.cpu.index)), at: next.time)
    }
  }

  /// Allocates a request's folio; a large anonymous or page-cache folio that cannot be had
  /// falls back to a single page.
  ///
  /// Mirrors: the anonymous fault's fallback when a huge page cannot be allocated
  /// (`do_huge_pmd_anonymous_page()` → `VM_FAULT_FALLBACK`, counting `thp_fault_alloc` and
  /// `thp_fault_fallback` for PMD-order folios) and `page_cache_ra_order()` falling back to
  /// `do_page_cache_ra()` (mm/huge_memory.c, mm/readahead.c, Linux 6.18). A large page-cache
  /// folio is asked for with `__GFP_NORETRY | __GFP_NOWARN` added, as `readahead_gfp_mask()`
  /// adds them, so it gives up after one reclaim round; the page-cache retry keeps the group's
  /// mask, the anonymous one uses the VMA's `GFP_HIGHUSER_MOVABLE` (keeping `__GFP_THISNODE`).
  /// - Deviation: the fallback is one order-0 page, not the `2^order` base pages the kernel
  ///   goes on to fault or read; the group's next requests stand for the rest.
  mutating func allocateFolio(_ request: AllocationRequest, kind: PageKind) -> AllocatedPage? {
    let isTHP = kind == .anon && request.order == Buddy.pageblockOrder
    var first = request
    if kind.isFile && request.order > 0 { first.gfp.formUnion([.noRetry, .noWarn]) }  // readahead_gfp_mask()
    if let page = allocator.allocate(first, hooks: &reclaim) {
      if isTHP { allocator.counters[.thpFaultAlloc] &+= 1 }
      return page
    }
    guard request.order > 0, kind.isOnLRU else { return nil }
    if isTHP { allocator.counters[.thpFaultFallback] &+= 1 }
    var single = request
    single.order = 0
    single.gfp.remove(.comp)
    if kind == .anon { single.gfp = GFPFlags.highUserMovable.union(request.gfp.intersection(.thisNode)) }
    return allocator.allocate(single, hooks: &reclaim)
  }

  /// Gives a new page its owner, kind, mappings and LRU list, and schedules its free.
  ///
  /// Mirrors: `folio_add_lru()` in mm/swap.c (new anon and file folios start inactive,
  /// Linux 6.18) and the `mapping`/`_mapcount` set-up of `folio_add_new_anon_rmap()` and
  /// `filemap_add_folio()`.
  mutating func setUp(_ p: AllocatedPage, group g: Int, now: SimTime, _ s: inout Scheduler<Event>) {
    let kind = groupKind[g]
    let page = p.page
    generation &+= 1
    if generation == 0 { generation = 1 }
    allocator.memmap.mapping[Int(page)] = UInt32(g + 1) << 1 | (kind == .anon ? 1 : 0)
    allocator.memmap.index[Int(page)] = generation
    let nr = 1 << p.order
    reclaim.groupPages[g] += nr
    switch kind {
    case .anon: allocator.memmap.set(page, .swapBacked)
    case .fileDirty: allocator.memmap.set(page, .dirty)
    case .slab: allocator.memmap.set(page, .slab)
    case .fileClean, .kernel: break
    }
    if kind.isOnLRU {
      allocator.memmap.mapcount[Int(page)] = Int16(Swift.min(workload.groups[g].drawMapcount(), Int(Int16.max)))
      if workload.groups[g].isHot() { allocator.memmap.set(page, .hot) }
      let node = allocator.zones[p.zone].id.node.index
      reclaim.lru.add(page, node: node, .inactive(file: kind.isFile), nr: nr, memmap: &allocator.memmap)
    }
    if let life = workload.groups[g].drawLifetime() {
      s.schedule(.free(page: page, generation: generation), at: now + life)
    }
  }

  /// The owner frees a page, unless reclaim or the OOM killer took it first.
  mutating func free(page: PageIndex, generation g: UInt32) {
    guard allocator.memmap.index[Int(page)] == g, allocator.memmap.refcount[Int(page)] > 0 else { return }
    let order = allocator.memmap.has(page, .head) ? Int(allocator.memmap.order[Int(page)]) : 0
    if allocator.memmap.has(page, .lru) {
      let node = allocator.zones[allocator.zoneIndex(of: page)].id.node.index
      let list = LRUVecs.list(of: page, memmap: allocator.memmap)
      reclaim.lru.remove(page, node: node, list, nr: 1 << order, memmap: &allocator.memmap)
    }
    let owner = ReclaimState.owner(page, allocator.memmap)
    if owner >= 0 { reclaim.cpu = workload.groups[owner].drawCPU().index }
    reclaim.releaseOwned(&allocator, page: page, order: order)
    if measuring { stats.frees &+= 1 }
  }

  mutating func kswapdStep(node: Int, generation: UInt32, _ s: inout Scheduler<Event>) {
    guard generation == reclaim.kswapd[node].generation, reclaim.kswapd[node].phase == .running else { return }
    reclaim.now = s.now
    if let cost = reclaim.kswapdStep(&allocator, node: node) {
      s.schedule(.kswapdStep(node: Int32(node), generation: generation), at: s.now + cost)
    } else {
      s.schedule(.kswapdNapEnd(node: Int32(node), generation: reclaim.kswapd[node].generation), at: s.now + Kswapd.nap)
    }
    scheduleWriteback(&s)
  }

  /// Writeback queued by kswapd completes one `writeback_ms` draw later.
  mutating func scheduleWriteback(_ s: inout Scheduler<Event>) {
    guard !writebackScheduled, reclaim.writebackPending.contains(where: { $0 > 0 }) else { return }
    writebackScheduled = true
    let ms = Swift.max(0, costs.writebackMilliseconds.sample(stream))
    s.schedule(.writebackDone, at: s.now + .nanoseconds(UInt64(ms * 1e6)))
  }

  /// Samples watermark occupancy, free memory and the time series.
  mutating func sample(_ now: SimTime) {
    guard measuring else { return }
    stats.samples += 1
    var free = 0
    for (z, zone) in allocator.zones.enumerated() where zone.isManaged {
      free += zone.freePages
      if zone.freePages < zone.mark(.min) { stats.belowMin[z] += 1 }
      if zone.freePages < zone.mark(.low) { stats.belowLow[z] += 1 }
      if zone.freePages < zone.mark(.high) { stats.belowHigh[z] += 1 }
      let node = zone.id.node.index
      stats.timeseries.append(
        TimeseriesRow(
          time: now, zone: z, freePages: zone.freePages, min: zone.mark(.min), low: zone.mark(.low),
          high: zone.mark(.high), boost: zone.watermarks.boost, kswapdRunning: reclaim.kswapd[node].phase == .running,
          lru: LRUList.allCases.map { reclaim.lru.size(node: node, $0) }))
    }
    stats.freePagesSum += Double(free)
    stats.freePagesMin = Swift.min(stats.freePagesMin, free)
  }
}
