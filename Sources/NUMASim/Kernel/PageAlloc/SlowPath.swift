// SPDX-License-Identifier: MIT

extension PageAllocator {
  /// `MAX_RECLAIM_RETRIES`.
  public static let maxReclaimRetries = 16

  /// Allocates `2^order` pages for a request, taking the slow path when the fast one fails.
  ///
  /// Mirrors: `__alloc_pages_noprof()` in mm/page_alloc.c (Linux 6.18): `prepare_alloc_pages()`,
  /// one `get_page_from_freelist()` at the low watermark with `alloc_flags_nofragment()`, then
  /// `__alloc_pages_slowpath()`.
  public mutating func allocate<H: ReclaimHooks & ~Copyable>(
    _ request: AllocationRequest, task: inout TaskContext, hooks: inout H
  ) -> AllocatedPage? {
    let ac = context(for: request)
    let flags = AllocFlags.watermarkLow.union(noFragmentFlags(preferredZone: ac.preferredZone, gfp: request.gfp))
    if let page = getPageFromFreelist(request, ac, flags: flags, task: &task, hooks: &hooks) { return page }
    if let page = slowPath(request, ac, task: &task, hooks: &hooks) { return page }
    counters.allocFailures[request.order] &+= 1
    counters[.pgallocFail] &+= 1
    return nil
  }

  /// Allocates with no reclaim behind the allocator (tests, benchmarks, `buddyinfo --churn`).
  public mutating func allocate(_ request: AllocationRequest) -> AllocatedPage? {
    var hooks = NoReclaim(nodes: nodeCount)
    var task = TaskContext(cpu: request.cpu, now: .zero)
    return allocate(request, task: &task, hooks: &hooks)
  }

  /// Mirrors: `__alloc_pages_slowpath()` in mm/page_alloc.c (Linux 6.18): wake every kswapd
  /// of the zonelist; retry at the min watermark with `gfp_to_alloc_flags()`; for costly
  /// orders try compaction first; then loop: direct reclaim (draining pcp lists and releasing
  /// highatomic blocks before giving up on it), compaction, `should_reclaim_retry()` up to
  /// `MAX_RECLAIM_RETRIES` rounds without progress, and finally the OOM killer.
  /// - Deviation: compaction is a hook with no retry loop of its own
  ///   (`should_compact_retry()` is not modelled); no cpusets; `__GFP_NOFAIL` gives up after
  ///   `MAX_RECLAIM_RETRIES` OOM rounds instead of looping forever.
  mutating func slowPath<H: ReclaimHooks & ~Copyable>(
    _ request: AllocationRequest, _ ac: AllocationContext, task: inout TaskContext, hooks: inout H
  ) -> AllocatedPage? {
    let order = request.order
    let gfp = request.gfp
    var flags = AllocFlags.slowPath(gfp: gfp, order: order)
    let costly = order > Buddy.costlyOrder
    if flags.contains(.kswapd) { wakeAllKswapds(request, ac, task: &task, hooks: &hooks) }
    if let page = getPageFromFreelist(request, ac, flags: flags, task: &task, hooks: &hooks) { return page }
    if gfp.allowsBlocking, costly || (order > 0 && ac.migratetype != Int(MigrateType.movable.rawValue)) {
      if hooks.directCompact(&self, request: request, context: ac, task: &task),
        let page = getPageFromFreelist(request, ac, flags: flags, task: &task, hooks: &hooks)
      {
        return page
      }
      if costly, gfp.contains(.noRetry) { return nil }
    }
    var noProgressLoops = 0
    var oomRounds = 0
    while true {
      if flags.contains(.kswapd) { wakeAllKswapds(request, ac, task: &task, hooks: &hooks) }
      if gfp.contains(.memalloc) { flags = [.noWatermarks, flags.intersection(.kswapd)] }
      if let page = getPageFromFreelist(request, ac, flags: flags, task: &task, hooks: &hooks) { return page }
      if !gfp.allowsBlocking { return nil }
      let progress = hooks.directReclaim(&self, request: request, context: ac, task: &task)
      if progress > 0 {
        if let page = getPageFromFreelist(request, ac, flags: flags, task: &task, hooks: &hooks) { return page }
        unreserveHighatomicPageblock(
          zonelist: zones(of: ac), highestZoneIndex: ac.highestZoneIndex, mt: ac.migratetype, force: false)
        drainAllPages()
        if let page = getPageFromFreelist(request, ac, flags: flags, task: &task, hooks: &hooks) { return page }
      }
      if hooks.directCompact(&self, request: request, context: ac, task: &task),
        let page = getPageFromFreelist(request, ac, flags: flags, task: &task, hooks: &hooks)
      {
        return page
      }
      if gfp.contains(.noRetry) { return nil }
      if costly, !gfp.contains(.retryMayFail) { return nil }
      if shouldReclaimRetry(
        request, ac, flags: flags, progress: progress > 0, noProgressLoops: &noProgressLoops, hooks: hooks)
      {
        continue
      }
      // __alloc_pages_may_oom(): one last try at the high watermark, then the OOM killer.
      let high = AllocFlags([.watermarkHigh, .cpuset])
      var lastTry = request
      lastTry.gfp = gfp.union(.hardwall).subtracting(.directReclaim)
      if let page = getPageFromFreelist(lastTry, ac, flags: high, task: &task, hooks: &hooks) { return page }
      let oomAllowed =
        !costly && gfp.isDisjoint(with: [.retryMayFail, .thisNode])
        && ac.highestZoneIndex >= architecture.normalZoneIndex
      if oomAllowed || gfp.contains(.noFail), oomRounds < Self.maxReclaimRetries {
        oomRounds += 1
        if hooks.outOfMemory(&self, request: request, context: ac, task: &task) || gfp.contains(.noFail) {
          if gfp.contains(.noFail),
            let page = getPageFromFreelist(request, ac, flags: .noWatermarks, task: &task, hooks: &hooks)
          {
            return page
          }
          noProgressLoops = 0
          continue
        }
      }
      return nil
    }
  }

  /// Wakes the kswapd of every node in the zonelist once.
  ///
  /// Mirrors: `wake_all_kswapds()` in mm/page_alloc.c (Linux 6.18).
  mutating func wakeAllKswapds<H: ReclaimHooks & ~Copyable>(
    _ request: AllocationRequest, _ ac: AllocationContext, task: inout TaskContext, hooks: inout H
  ) {
    var last = -1
    for z in zones(of: ac) {
      let node = zones[z].id.node.index
      if node != last {
        hooks.wakeKswapd(
          &self, zone: z, gfp: request.gfp, order: request.order, highestZoneIndex: ac.highestZoneIndex,
          task: &task)
        last = node
      }
    }
  }

  /// Whether another reclaim round could succeed.
  ///
  /// Mirrors: `should_reclaim_retry()` in mm/page_alloc.c (Linux 6.18): give up after
  /// `MAX_RECLAIM_RETRIES` rounds without progress (progress counts only up to
  /// `PAGE_ALLOC_COSTLY_ORDER`), releasing highatomic blocks first; otherwise retry if any
  /// zone would pass its min watermark with its reclaimable pages counted as free.
  mutating func shouldReclaimRetry<H: ReclaimHooks & ~Copyable>(
    _ request: AllocationRequest, _ ac: AllocationContext, flags: AllocFlags, progress: Bool,
    noProgressLoops: inout Int, hooks: borrowing H
  ) -> Bool {
    if progress && request.order <= Buddy.costlyOrder { noProgressLoops = 0 } else { noProgressLoops += 1 }
    if noProgressLoops > Self.maxReclaimRetries {
      // Before the OOM killer, hand the highatomic reserves back and try once more.
      return unreserveHighatomicPageblock(
        zonelist: zones(of: ac), highestZoneIndex: ac.highestZoneIndex, mt: ac.migratetype, force: true)
    }
    for z in zones(of: ac) {
      let available = hooks.reclaimablePages(self, zone: z) + zones[z].freePages
      if watermarkOK(
        zone: z, order: request.order, mark: zones[z].watermarks.min + zones[z].watermarks.boost,
        highestZoneIndex: ac.highestZoneIndex, flags: flags, freePages: available)
      {
        return true
      }
    }
    return false
  }
}
