// SPDX-License-Identifier: MIT

/// One CPU's page cache for one zone.
///
/// Mirrors: `struct per_cpu_pages` in include/linux/mmzone.h (Linux 6.18).
public struct PerCPUPages: Sendable, BitwiseCopyable {
  public var count: Int32 = 0
  public var high: Int32 = 0
  public var highMin: Int32 = 0
  public var highMax: Int32 = 0
  public var batch: Int32 = 1
  public var freeCount: Int32 = 0
  public var allocFactor: Int32 = 0
  /// `PCPF_PREV_FREE_HIGH_ORDER`.
  public var previousFreeWasHighOrder = false

  public init(limits: PCPLimits, kernel: KernelVersion) {
    batch = Int32(limits.batch)
    highMin = Int32(limits.highMin)
    highMax = Int32(limits.highMax)
    // Before 6.7 `high` is stored directly; from 6.7 it floats and starts at 0.
    high = kernel.pcpHighRule == .highMinMax ? 0 : Int32(limits.highMin)
  }
}

/// Per-CPU page list layout.
public enum PerCPU {
  /// `NR_LOWORDER_PCP_LISTS` = `MIGRATE_PCPTYPES * (PAGE_ALLOC_COSTLY_ORDER + 1)`.
  public static let lowOrderListCount = MigrateType.pcpTypes * (Buddy.costlyOrder + 1)
  /// `NR_PCP_LISTS`: the low-order lists plus one for THP-sized blocks.
  public static let listCount = lowOrderListCount + 1
  /// `CONFIG_PCP_BATCH_SCALE_MAX`.
  public static let batchScaleMax: Int32 = 5

  /// Mirrors: `pcp_allowed_order()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always) public static func allowsOrder(_ order: Int) -> Bool {
    order <= Buddy.costlyOrder || order == Buddy.pageblockOrder
  }

  /// Mirrors: `order_to_pindex()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always) public static func listIndex(mt: Int, order: Int) -> Int {
    order > Buddy.costlyOrder ? lowOrderListCount : MigrateType.pcpTypes * order + mt
  }

  /// Mirrors: `pindex_to_order()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always) public static func order(ofList pindex: Int) -> Int {
    pindex == lowOrderListCount ? Buddy.pageblockOrder : pindex / MigrateType.pcpTypes
  }
}

extension PageAllocator {
  @inline(__always) func pcpIndex(cpu: Int, zone: Int) -> Int { cpu &* zones.count &+ zone }

  /// Takes a page from the CPU's list, refilling it from the buddy lists when empty.
  ///
  /// Mirrors: `rmqueue_pcplist()`, `__rmqueue_pcplist()`, `nr_pcp_alloc()` and
  /// `rmqueue_bulk()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always)
  mutating func rmqueuePCPList(cpu: Int, zone: Int, order: Int, mt: Int, flags: AllocFlags) -> PageIndex? {
    let pi = pcpIndex(cpu: cpu, zone: zone)
    let li = pi &* PerCPU.listCount &+ PerCPU.listIndex(mt: mt, order: order)
    if pcpLists[li].isEmpty {
      let batch = nrPCPAlloc(pi, zone: zone, order: order)
      let taken = Int32(rmqueueBulk(zone: zone, order: order, count: batch, mt: mt, list: li, flags: flags))
      pcp[pi].count &+= taken << Int32(order)
      if taken == 0 { return nil }
    }
    let page = pcpLists[li].head
    PageList.remove(&pcpLists[li], page, &memmap)
    memmap.clear(page, .pcp)
    pcp[pi].count &-= 1 << Int32(order)
    return page
  }

  /// Moves up to `count` blocks of `order` from the buddy lists to the tail of pcp list `list`.
  ///
  /// Mirrors: `rmqueue_bulk()` in mm/page_alloc.c (Linux 6.18): `count` calls of `__rmqueue()`.
  /// Where the smallest free block of the type at or above `order` (every smaller list of the
  /// type being empty) is split by those calls, they hand out its pages in address order and
  /// leave the rest as its buddy decomposition, each piece the only one on its list; the
  /// block is then taken in one step with that outcome (``rmqueueBulkPerPage`` is the
  /// page-by-page reference the tests compare it with).
  @inline(__always)
  mutating func rmqueueBulk(zone: Int, order: Int, count: Int, mt: Int, list li: Int, flags: AllocFlags) -> Int {
    var taken = 0
    while taken < count {
      guard let (head, current) = smallestFreeBlock(zone: zone, order: order, mt: mt) else {
        // Nothing of the type: claim or steal, one block at a time.
        guard let page = rmqueue(zone: zone, order: order, mt: mt, flags: flags) else { break }
        addToPCPList(page, order: order, list: li)
        taken &+= 1
        continue
      }
      let blocks = Swift.min(count &- taken, 1 &<< (current &- order))
      deleteFromFreeList(head, zone: zone, order: current, mt: mt)
      for b in 0..<blocks { addToPCPList(head &+ PageIndex(b &<< order), order: order, list: li) }
      // What is left of the block after `blocks` blocks of `order`: its buddy decomposition
      // from the top down, as the splits left it.
      var piece = current
      var end = 1 &<< current
      let used = blocks &<< order
      while end > used {
        piece &-= 1
        let half = 1 &<< piece
        if end &- half >= used {
          addToFreeList(head &+ PageIndex(end &- half), zone: zone, order: piece, mt: mt)
          end &-= half
        }
      }
      taken &+= blocks
    }
    return taken
  }

  /// `rmqueue_bulk()` one `__rmqueue()` at a time (the reference for ``rmqueueBulk``).
  mutating func rmqueueBulkPerPage(zone: Int, order: Int, count: Int, mt: Int, list li: Int, flags: AllocFlags)
    -> Int
  {
    var taken = 0
    for _ in 0..<count {
      guard let page = rmqueue(zone: zone, order: order, mt: mt, flags: flags) else { break }
      addToPCPList(page, order: order, list: li)
      taken &+= 1
    }
    return taken
  }

  @inline(__always) mutating func addToPCPList(_ page: PageIndex, order: Int, list li: Int) {
    memmap.set(page, .pcp)
    memmap[page].order = UInt8(order)
    PageList.addTail(&pcpLists[li], page, &memmap)
  }

  /// Mirrors: `nr_pcp_alloc()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always)
  mutating func nrPCPAlloc(_ pi: Int, zone: Int, order: Int) -> Int {
    var p = pcp[pi]
    defer { pcp[pi] = p }
    let baseBatch = p.batch
    if kernel.pcpHighRule != .highMinMax {
      return p.high < baseBatch ? 1 : Int(order == 0 ? baseBatch : max(baseBatch >> Int32(order), 2))
    }
    p.high = min(max(p.high, p.highMin), p.highMax)
    var high = p.high
    if high < baseBatch { return 1 }
    var batch = order == 0 ? baseBatch << p.allocFactor : baseBatch
    if p.highMin != p.highMax, !zones[zone].flags.contains(.belowHigh) {
      high = min(high + batch, p.highMax)
      p.high = high
    }
    if order == 0 {
      let maxNrAlloc = max(high - p.count - baseBatch, baseBatch)
      if batch <= maxNrAlloc, p.allocFactor < PerCPU.batchScaleMax { p.allocFactor += 1 }
      batch = min(batch, maxNrAlloc)
    }
    if batch > 1 { batch = max(batch >> Int32(order), 2) }
    return Int(batch)
  }

  /// Frees a page to the CPU's list, spilling to the buddy lists above `high`.
  ///
  /// Mirrors: `free_unref_page_commit()`, `nr_pcp_high()` and `nr_pcp_free()` in
  /// mm/page_alloc.c (Linux 6.18).
  /// - Deviation: the `PCPF_FREE_HIGH_BATCH` refinement of high-order frees is not kept.
  @inline(__always)
  mutating func freeToPCP(_ page: PageIndex, cpu: Int, zone: Int, order: Int, mt: Int) {
    let pi = pcpIndex(cpu: cpu, zone: zone)
    let pindex = PerCPU.listIndex(mt: mt, order: order)
    var p = pcp[pi]
    p.allocFactor >>= 1
    memmap.set(page, .pcp)
    memmap[Int(page)].order = UInt8(order)
    PageList.addHead(&pcpLists[pi &* PerCPU.listCount &+ pindex], page, &memmap)
    p.count &+= 1 << Int32(order)
    let batch = p.batch
    var freeHigh = false
    if order > 0 && order <= Buddy.costlyOrder {
      freeHigh = p.freeCount >= batch && p.previousFreeWasHighOrder
      p.previousFreeWasHighOrder = true
    } else {
      p.previousFreeWasHighOrder = false
    }
    if p.freeCount < batch << PerCPU.batchScaleMax { p.freeCount &+= 1 << Int32(order) }
    let high = nrPCPHigh(&p, zone: zone, batch: batch, freeHigh: freeHigh)
    pcp[pi] = p
    if pcp[pi].count >= high {
      let n = nrPCPFree(pcp[pi], batch: batch, high: high, freeHigh: freeHigh)
      freePCPPagesBulk(pi, zone: zone, count: n, pindex: pindex)
      if zones[zone].flags.contains(.belowHigh),
        Self.watermarkOK(
          zones[zone], zone, order: 0, mark: zones[zone].mark(.high), highestZoneIndex: zonesPerNode - 1, flags: [],
          freePages: zones[zone].freePages, freeHighatomicOnly: kernel.deductsFreeHighatomicOnly, nrFree: nrFree,
          freeLists: freeLists)
      {
        zones[zone].flags.remove(.belowHigh)
      }
    }
  }

  /// Mirrors: `nr_pcp_high()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always)
  func nrPCPHigh(_ p: inout PerCPUPages, zone: Int, batch: Int32, freeHigh: Bool) -> Int32 {
    if kernel.pcpHighRule != .highMinMax { return p.high }
    p.high = min(max(p.high, p.highMin), p.highMax)
    var high = p.high
    if high == 0 { return 0 }
    if freeHigh {
      p.high = max(high - (batch << PerCPU.batchScaleMax), p.highMin)
      return 0
    }
    if zones[zone].flags.contains(.reclaimActive) {
      p.high = max(high - max(p.freeCount, batch), p.highMin)
      return min(batch << 2, p.high)
    }
    if p.highMin == p.highMax { return high }
    if zones[zone].flags.contains(.belowHigh) {
      p.high = max(high - max(p.freeCount, batch), p.highMin)
      high = max(p.count, p.highMin)
    } else if p.count >= high {
      let need = p.freeCount + batch
      if p.high < need { p.high = min(max(need, p.highMin), p.highMax) }
    }
    return high
  }

  /// Mirrors: `nr_pcp_free()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always)
  func nrPCPFree(_ p: PerCPUPages, batch: Int32, high: Int32, freeHigh: Bool) -> Int {
    if freeHigh { return Int(min(p.count, batch << PerCPU.batchScaleMax)) }
    if high < batch { return 1 }
    if kernel.pcpHighRule != .highMinMax { return Int(batch) }
    return Int(min(max(p.freeCount, batch), high - batch))
  }

  /// Returns `count` pages from the CPU's lists to the buddy lists, round-robin from the
  /// list after `pindex`, oldest first.
  ///
  /// Mirrors: `free_pcppages_bulk()` in mm/page_alloc.c (Linux 6.18).
  mutating func freePCPPagesBulk(_ pi: Int, zone: Int, count: Int, pindex: Int) {
    var count = min(Int(pcp[pi].count), count)
    var pindex = pindex - 1
    let base = pi &* PerCPU.listCount
    while count > 0 {
      repeat {
        pindex += 1
        if pindex > PerCPU.listCount - 1 { pindex = 0 }
      } while pcpLists[base + pindex].isEmpty
      let order = PerCPU.order(ofList: pindex)
      repeat {
        let page = pcpLists[base + pindex].tail
        PageList.remove(&pcpLists[base + pindex], page, &memmap)
        memmap.clear(page, .pcp)
        memmap[Int(page)].order = 0
        count -= 1 << order
        pcp[pi].count &-= 1 << Int32(order)
        let pfn = zones[zone].pfn(page)
        freeOnePage(page, pfn: pfn, zone: zone, order: order, migratetype: pageblockMigratetype(zone: zone, pfn: pfn))
      } while count > 0 && !pcpLists[base + pindex].isEmpty
    }
  }

  /// Lowers one CPU's `high` for a zone towards `high_min` and frees the pages above it.
  ///
  /// Mirrors: `decay_pcp_high()` in mm/page_alloc.c (Linux 6.18): while `high > high_min`,
  /// `high = max3(count − (batch << CONFIG_PCP_BATCH_SCALE_MAX), high − high/8, high_min)`;
  /// then the pages above `high` go back `batch` at a time by `free_pcppages_bulk()` from
  /// list 0. Kernels before 6.7 have a fixed `high` and no decay.
  /// - Returns: `todo`: whether `high` is still above `high_min` or pages were freed.
  @discardableResult
  public mutating func decayPCPHigh(cpu: Int, zone: Int) -> Bool {
    guard kernel.pcpHighRule == .highMinMax else { return false }
    let pi = pcpIndex(cpu: cpu, zone: zone)
    var todo = false
    let p = pcp[pi]
    if p.high > p.highMin {
      pcp[pi].high = max(p.count - (p.batch << PerCPU.batchScaleMax), p.high - (p.high >> 3), p.highMin)
      todo = pcp[pi].high > p.highMin
    }
    var toDrain = Int(pcp[pi].count - pcp[pi].high)
    while toDrain > 0 {
      let batch = min(toDrain, Int(p.batch))
      freePCPPagesBulk(pi, zone: zone, count: batch, pindex: 0)
      todo = true
      toDrain -= batch
    }
    return todo
  }

  /// The per-CPU pageset work of every CPU's vmstat update.
  ///
  /// Mirrors: `vmstat_update()` → `refresh_cpu_vm_stats(true)` in mm/vmstat.c (Linux 6.18):
  /// ``decayPCPHigh(cpu:zone:)`` for every populated zone.
  /// - Deviation: every CPU's update runs on the same `stat_interval` tick, whether or not
  ///   its counters changed (`need_update()`, the per-CPU `round_jiffies` skew); the NUMA
  ///   drain of remote pagesets idle for three updates (`pcp->expire`) is not modelled.
  public mutating func refreshCPUVMStats() {
    for cpu in 0..<cpuCount {
      for z in zones.indices where zones[z].isPopulated { decayPCPHigh(cpu: cpu, zone: z) }
    }
  }

  /// Empties every CPU's lists for every zone (`drain_all_pages(NULL)`).
  ///
  /// Mirrors: `drain_all_pages()` → `drain_pages_zone()` in mm/page_alloc.c (Linux 6.18).
  public mutating func drainAllPages() {
    for cpu in 0..<cpuCount {
      for z in zones.indices {
        let pi = pcpIndex(cpu: cpu, zone: z)
        if pcp[pi].count > 0 { freePCPPagesBulk(pi, zone: z, count: Int(pcp[pi].count), pindex: 0) }
      }
    }
  }

  /// Pages on all CPUs' lists of a zone.
  public func pcpPages(zone: Int) -> Int {
    (0..<cpuCount).reduce(0) { $0 + Int(pcp[pcpIndex(cpu: $1, zone: zone)].count) }
  }
}
