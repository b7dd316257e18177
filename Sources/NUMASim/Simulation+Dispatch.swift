// SPDX-License-Identifier: MIT

extension SimulationModel {
  /// One allocation request: allocate (reclaiming if need be), set the folio up, schedule its
  /// free, account the latency, and schedule the group's next request.
  ///
  /// A group at its `limit` issues nothing until it has freed (or lost to reclaim) some pages.
  mutating func arrival(group g: Int, cpu: Int, _ s: inout Scheduler<Event>) {
    let now = s.now
    if reclaim.rmap.rss[g] >= groupLimit[g] {
      if let next = workload.groups[g].nextArrival(after: now) {
        s.schedule(.arrival(group: Int32(g), cpu: Int32(next.cpu.index)), at: next.time)
      }
      return
    }
    var order = workload.groups[g].drawOrder()
    var gfp = groupGFP[g]
    let kind = groupKind[g]
    if order > 0 && kind.isOnLRU { gfp.insert(.comp) }
    if order > Buddy.maxPageOrder { order = Buddy.maxPageOrder }
    let request = AllocationRequest(
      order: order, gfp: gfp, cpu: cpu, nodePolicy: groupPolicy[g], interleaveIndex: interleave[g])
    interleave[g] &+= 1
    var task = TaskContext(cpu: cpu, now: now)
    let fault: FaultKind = kind == .anon ? .anonymous : kind.isFile ? .pageCache : .kernel
    let result = allocator.allocateFolio(request, for: fault, task: &task, hooks: &reclaim)
    for node in task.wokenKswapds {
      s.schedule(.kswapdStep(node: node, generation: reclaim.nodes[Int(node)].kswapd.generation), at: now)
    }
    scheduleWriteback(&s)
    let stall = task.reclaim.isEmpty ? 0 : costs.nanoseconds(of: task.reclaim)
    let allocNs = costs.allocationNanoseconds()
    // The task's time in the allocator, reclaim included (saturating: costs come from the config).
    let inAllocator = CostModel.adding(allocNs, stall)
    var accessNs: UInt64 = 0
    if let p = result {
      let node = allocator.zones[p.zone].id.node.index
      accessNs = CostModel.adding(
        UInt64(latency[from: NodeID(cpuNode[cpu]), to: NodeID(node)]), costs.accessJitterNanoseconds())
      setUp(p, group: g, now: now.saturatingAdding(.nanoseconds(inAllocator)), &s)
      if measuring {
        stats.allocations &+= 1
        if node != cpuNode[cpu] { stats.remoteAllocations &+= 1 }
      }
    } else if measuring {
      stats.failures &+= 1
    }
    if stall > 0 {
      workload.groups[g].delay(CPUID(cpu), from: now, until: now.saturatingAdding(.nanoseconds(stall)))
      if measuring {
        stats.recordStall(
          StallRecord(
            start: now, nanoseconds: stall, pagesReclaimed: Int32(task.reclaimed),
            order: Int8(result?.order ?? order), cpu: Int32(cpu), group: Int32(g)))
      }
    }
    if measuring {
      stats.allocationLatency.record(CostModel.adding(inAllocator, accessNs))
      stats.allocatorNanoseconds &+= allocNs
      stats.accessNanoseconds &+= accessNs
      if result != nil { stats.accessLatency.record(accessNs) }
    }
    if let next = workload.groups[g].nextArrival(after: now) {
      s.schedule(.arrival(group: Int32(g), cpu: Int32(next.cpu.index)), at: next.time)
    }
  }

  /// Gives a new folio its owner, kind, mappings and LRU list, and schedules its free.
  mutating func setUp(_ p: AllocatedPage, group g: Int, now: SimTime, _ s: inout Scheduler<Event>) {
    let kind = groupKind[g]
    let page = p.page
    generation &+= 1
    if generation == 0 { generation = 1 }
    freeGeneration[Int(page)] = generation
    switch kind {
    case .anon: allocator.memmap.set(page, .swapBacked)
    case .fileDirty: allocator.memmap.set(page, .dirty)
    case .slab: allocator.memmap.set(page, .slab)
    case .fileClean, .kernel: break
    }
    if kind.isOnLRU {
      allocator.memmap[Int(page)].mapcount = Int16(Swift.min(workload.groups[g].drawMapcount(), Int(Int16.max)))
      if workload.groups[g].isHot() { allocator.memmap.set(page, .hot) }
    }
    reclaim.addNewFolio(&allocator, page, order: p.order, mm: g, file: kind.isOnLRU ? kind.isFile : nil)
    if let life = workload.groups[g].drawLifetime() {
      s.schedule(.free(page: page, generation: generation), at: now.saturatingAdding(life))
    }
  }

  /// The owner frees a folio, unless reclaim or the OOM killer took it first.
  mutating func free(page: PageIndex, generation g: UInt32) {
    guard freeGeneration[Int(page)] == g, let owner = reclaim.rmap.owner(of: page) else { return }
    freeGeneration[Int(page)] = 0
    reclaim.releaseFolio(&allocator, page, cpu: workload.groups[owner].drawCPU().index)
    if measuring { stats.frees &+= 1 }
  }

  /// One step of a node's kswapd; the next is due when the cost model says this one's work
  /// took, or, once a run ends with the node balanced, the nap begins then.
  mutating func kswapdStep(node: Int, generation: UInt32, _ s: inout Scheduler<Event>) {
    guard generation == reclaim.nodes[node].kswapd.generation, reclaim.nodes[node].kswapd.isRunning else { return }
    let step = reclaim.balancePgdatStep(&allocator, node: node, now: s.now)
    let ns = costs.nanoseconds(of: step.work)
    if measuring { stats.kswapdNanoseconds[node] &+= ns }
    let current = reclaim.nodes[node].kswapd.generation
    if step.continues {
      // A step that found nothing at all still costs the scan of an empty list.
      s.schedule(
        .kswapdStep(node: Int32(node), generation: current),
        at: s.now.saturatingAdding(.nanoseconds(Swift.max(ns, 1_000))))
    } else {
      s.schedule(
        .kswapdNapEnd(node: Int32(node), generation: current), at: s.now.saturatingAdding(.nanoseconds(ns)) + Kswapd.nap
      )
    }
    scheduleWriteback(&s)
  }

  /// Writeback queued by kswapd completes one `writeback_ms` draw later.
  mutating func scheduleWriteback(_ s: inout Scheduler<Event>) {
    guard !writebackScheduled, reclaim.hasWriteback else { return }
    writebackScheduled = true
    s.schedule(.writebackDone, at: s.now.saturatingAdding(costs.writebackCompletion()))
  }

  /// Samples watermark occupancy, free memory and the time series.
  mutating func sample(_ now: SimTime) {
    guard measuring else { return }
    stats.samples += 1
    var free = 0
    for z in allocator.zones.indices where allocator.zones[z].isManaged {
      let zone = allocator.zones[z]
      free += zone.freePages
      if zone.freePages < zone.mark(.min) { stats.belowMin[z] += 1 }
      if zone.freePages < zone.mark(.low) { stats.belowLow[z] += 1 }
      if zone.freePages < zone.mark(.high) { stats.belowHigh[z] += 1 }
      let node = reclaim.nodes[zone.id.node.index]
      stats.timeseries.append(
        TimeseriesRow(
          time: now, zone: z, freePages: zone.freePages, min: zone.mark(.min), low: zone.mark(.low),
          high: zone.mark(.high), boost: zone.watermarks.boost, kswapdRunning: node.kswapd.isRunning,
          lru: LRUList.allCases.map { node.lruvec.size($0) }))
    }
    stats.freePagesSum += Double(free)
    stats.freePagesMin = Swift.min(stats.freePagesMin, free)
  }
}
