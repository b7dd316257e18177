// SPDX-License-Identifier: MIT

extension SimulationModel {
  /// One allocation request of an open-loop group: allocate (reclaiming if need be), set the
  /// folio up, account it, and schedule the group's next request.
  ///
  /// A group at its `limit` issues nothing until it has freed (or lost to reclaim) some pages.
  mutating func arrival(group g: Int, cpu: Int, _ s: inout Scheduler<Event>) {
    let now = s.now
    if reclaim.rmap.rss[g] < groupLimit[g] {
      let request = allocate(group: g, cpu: cpu, &s)
      let stall = request.stallNanoseconds
      if stall > 0 {
        workload.groups[g].delay(CPUID(cpu), from: now, until: now.saturatingAdding(.nanoseconds(stall)))
      }
      record(request, group: g, cpu: cpu, now: now, stallWall: stall)
    }
    if let next = workload.groups[g].nextArrival(after: now) {
      s.schedule(.arrival(group: Int32(g), cpu: Int32(next.cpu.index)), at: next.time)
    }
  }

  /// Allocates one folio for group `g` on `cpu` at the scheduler's time, waking the kswapds
  /// and writeback the allocation asked for, and sets it up for the group (its free, if the
  /// group's pages have a lifetime, is scheduled after the time spent in the allocator).
  mutating func allocate(group g: Int, cpu: Int, _ s: inout Scheduler<Event>) -> GroupRequest {
    let now = s.now
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
    if !task.nodeReclaimLocked.isEmpty {
      // PGDAT_RECLAIM_LOCKED is held while the task's node_reclaim() work runs.
      let until = now.saturatingAdding(.nanoseconds(costs.nanoseconds(of: task.nodeReclaim)))
      for node in task.nodeReclaimLocked { reclaim.nodes[Int(node)].nodeReclaimLockedUntil = until }
    }
    scheduleWriteback(&s)
    var out = GroupRequest(
      page: result, order: result?.order ?? order,
      stallNanoseconds: task.reclaim.isEmpty ? 0 : costs.nanoseconds(of: task.reclaim),
      pagesReclaimed: task.reclaimed, allocatorNanoseconds: costs.allocationNanoseconds())
    if let p = result {
      let node = allocator.zones[p.zone].id.node.index
      out.accessNanoseconds = CostModel.adding(
        UInt64(latency[from: NodeID(cpuNode[cpu]), to: NodeID(node)]), costs.accessJitterNanoseconds())
      out.isRemote = node != cpuNode[cpu]
      setUp(p, group: g, now: now.saturatingAdding(.nanoseconds(out.inAllocatorNanoseconds)), &s)
    }
    return out
  }

  /// Accounts a request in the run's statistics (after the warm-up); `stallWall` is the
  /// stall as the task saw it, waits for its CPU included.
  mutating func record(_ r: GroupRequest, group g: Int, cpu: Int, now: SimTime, stallWall: UInt64) {
    guard measuring else { return }
    if r.page != nil {
      stats.allocations &+= 1
      if r.isRemote { stats.remoteAllocations &+= 1 }
      stats.accessLatency.record(r.accessNanoseconds)
    } else {
      stats.failures &+= 1
    }
    if r.stallNanoseconds > 0 {
      stats.recordStall(
        StallRecord(
          start: now, nanoseconds: stallWall, pagesReclaimed: Int32(r.pagesReclaimed), order: Int8(r.order),
          cpu: Int32(cpu), group: Int32(g)))
    }
    stats.allocationLatency.record(CostModel.adding(r.inAllocatorNanoseconds, r.accessNanoseconds))
    stats.allocatorNanoseconds &+= r.allocatorNanoseconds
    stats.accessNanoseconds &+= r.accessNanoseconds
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

  /// One step of a node's kswapd, on a CPU of its node that it shares (``CPUShare``); the
  /// next is due when the cost model says this one's work took plus its waits for the CPU,
  /// or, once a run ends with the node balanced, the nap begins then (off the CPU). A kswapd
  /// that wakes onto a busy CPU does its first step after its wake-up wait.
  mutating func kswapdStep(node: Int, generation: UInt32, _ s: inout Scheduler<Event>) {
    guard generation == reclaim.nodes[node].kswapd.generation, reclaim.nodes[node].kswapd.isRunning else {
      if !reclaim.nodes[node].kswapd.isRunning { cpuShare.kswapdSleeps(node: node) }
      return
    }
    let waking = cpuShare.kswapdCPU[node] < 0
    let cpu = cpuShare.kswapdRuns(node: node)
    if waking {
      // On a busy CPU, kswapd first waits for the running entity's slice to end.
      let wait = cpuShare.wakeupWait(onCPU: cpu, stream: wakeupStream)
      if wait > 0 {
        if measuring { stats.kswapdWaitNanoseconds[node] &+= wait }
        return s.schedule(.kswapdStep(node: Int32(node), generation: generation), at: s.now + .nanoseconds(wait))
      }
    }
    let step = reclaim.balancePgdatStep(&allocator, node: node, now: s.now)
    let ns = costs.nanoseconds(of: step.work)
    kswapdRanSinceSlice[node] = CostModel.adding(kswapdRanSinceSlice[node], ns)
    let wait = cpuShare.preemptionWait(onCPU: cpu, ran: &kswapdRanSinceSlice[node])
    if measuring {
      stats.kswapdNanoseconds[node] &+= ns
      stats.kswapdWaitNanoseconds[node] &+= wait
      stats.cpuBusyNanoseconds[cpu] &+= ns
    }
    let wall = CostModel.adding(ns, wait)
    let current = reclaim.nodes[node].kswapd.generation
    if step.continues {
      // A step that found nothing at all still costs the scan of an empty list.
      s.schedule(
        .kswapdStep(node: Int32(node), generation: current),
        at: s.now.saturatingAdding(.nanoseconds(Swift.max(wall, 1_000))))
    } else {
      cpuShare.kswapdSleeps(node: node)
      s.schedule(
        .kswapdNapEnd(node: Int32(node), generation: current),
        at: s.now.saturatingAdding(.nanoseconds(wall)) + Kswapd.nap)
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
    var lru = 0
    for node in reclaim.nodes { for l in LRUList.allCases { lru += node.lruvec.size(l) } }
    let position = Double((now - measuredWindow.lowerBound).nanoseconds) / Double(measuredWindow.duration.nanoseconds)
    stats.steadyState.record(position: position, free: free, lru: lru)
  }
}

/// What one allocation request of a task group did.
struct GroupRequest {
  /// The folio, or nil if the allocation failed.
  var page: AllocatedPage?
  /// The order asked for, or the folio's.
  var order: Int
  /// Direct reclaim's CPU time for it (ns), 0 without a stall.
  var stallNanoseconds: UInt64
  var pagesReclaimed: Int
  /// The allocator's own time (`alloc_ns`).
  var allocatorNanoseconds: UInt64
  /// First-touch latency of the folio's memory (ns).
  var accessNanoseconds: UInt64 = 0
  var isRemote = false

  /// The task's time in the allocator, reclaim included (saturating: costs come from the config).
  var inAllocatorNanoseconds: UInt64 { CostModel.adding(allocatorNanoseconds, stallNanoseconds) }
}
