// SPDX-License-Identifier: MIT

extension PageAllocator {
  /// Takes a block from the zone, falling back to other migratetypes when `mt`'s lists are empty.
  ///
  /// Mirrors: `__rmqueue()` in mm/page_alloc.c (Linux 6.18): the requested lists, then
  /// `__rmqueue_claim()` (claim a whole pageblock of another type), then, unless
  /// `ALLOC_NOFRAGMENT`, `__rmqueue_steal()` (take one block, leave its pageblock's type).
  /// - Deviation: no CMA; the `rmqueue_mode` memo of `rmqueue_bulk()` is not kept.
  @inline(__always)
  mutating func rmqueue(zone: Int, order: Int, mt: Int, flags: AllocFlags) -> PageIndex? {
    if let p = rmqueueSmallest(zone: zone, order: order, mt: mt) { return p }
    if let p = rmqueueClaim(zone: zone, order: order, startMT: mt, flags: flags) { return p }
    if !flags.contains(.noFragment) { return rmqueueSteal(zone: zone, order: order, startMT: mt) }
    return nil
  }

  /// Mirrors: `can_steal_fallback()` in mm/page_alloc.c (Linux 6.18).
  static func canStealFallback(order: Int, startMT: Int) -> Bool {
    order >= Buddy.pageblockOrder / 2 || startMT == Int(MigrateType.reclaimable.rawValue)
      || startMT == Int(MigrateType.unmovable.rawValue)
  }

  /// Mirrors: `find_suitable_fallback()` in mm/page_alloc.c (Linux 6.18).
  func findSuitableFallback(zone: Int, order: Int, startMT: Int) -> Int? {
    guard nrFree[zone * Buddy.orderCount + order] > 0, let start = MigrateType(rawValue: UInt8(startMT)) else {
      return nil
    }
    for fallback in start.fallbacks {
      let mt = Int(fallback.rawValue)
      if !freeLists[freeListIndex(zone: zone, order: order, mt: mt)].isEmpty { return mt }
    }
    return nil
  }

  /// Mirrors: `__rmqueue_claim()` in mm/page_alloc.c (Linux 6.18): from the largest order
  /// down, find another type's free block and try to claim its whole pageblock.
  mutating func rmqueueClaim(zone: Int, order: Int, startMT: Int, flags: AllocFlags) -> PageIndex? {
    let minOrder = order < Buddy.pageblockOrder && flags.contains(.noFragment) ? Buddy.pageblockOrder : order
    var current = Buddy.maxPageOrder
    while current >= minOrder {
      defer { current -= 1 }
      guard let fallback = findSuitableFallback(zone: zone, order: current, startMT: startMT) else { continue }
      if current < Buddy.pageblockOrder, !Self.canStealFallback(order: current, startMT: startMT) { break }
      let page = freeLists[freeListIndex(zone: zone, order: current, mt: fallback)].head
      if let p = tryToClaimBlock(
        zone: zone, page: page, currentOrder: current, order: order, startMT: startMT, blockMT: fallback, flags: flags)
      {
        return p
      }
    }
    return nil
  }

  /// Mirrors: `try_to_claim_block()` in mm/page_alloc.c (Linux 6.18): a block of pageblock
  /// size or more is taken whole; a smaller one boosts the watermark and claims its pageblock
  /// if at least half of it is free or of a compatible type.
  mutating func tryToClaimBlock(
    zone z: Int, page: PageIndex, currentOrder: Int, order: Int, startMT: Int, blockMT: Int, flags: AllocFlags
  ) -> PageIndex? {
    let pfn = zones[z].pfn(page)
    let blockType = pageblockMigratetype(zone: z, pfn: pfn)
    if blockType == Int(MigrateType.highatomic.rawValue) { return nil }
    if currentOrder >= Buddy.pageblockOrder {
      deleteFromFreeList(page, zone: z, order: currentOrder, mt: blockMT)
      for b in 0..<(1 << (currentOrder - Buddy.pageblockOrder)) {
        pageblockType[zones[z].pageblock(pfn: pfn + b * Buddy.pageblockPages)] = UInt8(startMT)
      }
      expand(page, zone: z, low: order, high: currentOrder, mt: startMT)
      return page
    }
    if boostWatermark(zone: z), flags.contains(.kswapd) { zones[z].flags.insert(.boostedWatermark) }
    guard let counts = moveFreepagesBlock(zone: z, pfn: pfn, from: blockType, to: startMT, move: false) else {
      return nil
    }
    let alike: Int
    if startMT == Int(MigrateType.movable.rawValue) {
      alike = counts.movable
    } else if blockType == Int(MigrateType.movable.rawValue) {
      alike = Buddy.pageblockPages - (counts.free + counts.movable)
    } else {
      alike = 0
    }
    if counts.free + alike >= 1 << (Buddy.pageblockOrder - 1) {
      _ = moveFreepagesBlock(zone: z, pfn: pfn, from: blockType, to: startMT, move: true)
      return rmqueueSmallest(zone: z, order: order, mt: startMT)
    }
    return nil
  }

  /// Mirrors: `__rmqueue_steal()` in mm/page_alloc.c (Linux 6.18): the smallest fallback block,
  /// split without changing its pageblock's type.
  mutating func rmqueueSteal(zone: Int, order: Int, startMT: Int) -> PageIndex? {
    for current in order..<Buddy.orderCount {
      guard let fallback = findSuitableFallback(zone: zone, order: current, startMT: startMT) else { continue }
      let page = freeLists[freeListIndex(zone: zone, order: current, mt: fallback)].head
      deleteFromFreeList(page, zone: zone, order: current, mt: fallback)
      expand(page, zone: zone, low: order, high: current, mt: fallback)
      return page
    }
    return nil
  }
}
