// SPDX-License-Identifier: MIT

extension PageAllocator {
  /// The free pages this request may not count.
  ///
  /// Mirrors: `__zone_watermark_unusable_free()` in mm/page_alloc.c (Linux 6.18):
  /// `(1 << order) - 1`, plus the free highatomic pages unless `ALLOC_RESERVES`.
  /// Before 6.12 the whole reserve (`nr_reserved_highatomic`) is deducted.
  /// - Deviation: no CMA pages to deduct.
  @inline(__always)
  func unusableFree(zone z: Int, order: Int, flags: AllocFlags) -> Int {
    var unusable = (1 << order) - 1
    if flags.isDisjoint(with: .reserves) {
      unusable += kernel.deductsFreeHighatomicOnly ? zones[z].freeHighatomic : zones[z].reservedHighatomic
    }
    return unusable
  }

  /// Whether an order-`order` request may take pages from the zone at `mark`.
  ///
  /// Mirrors: `__zone_watermark_ok()` in mm/page_alloc.c (Linux 6.18):
  ///
  ///     free -= unusable;  min = mark
  ///     ALLOC_MIN_RESERVE: min -= min/2;  and ALLOC_NON_BLOCK: min -= min/4
  ///     ALLOC_OOM: min -= min/2
  ///     free <= min + lowmem_reserve[highest_zoneidx]  →  false
  ///     order 0 → true; else true iff a free list of order ≥ `order` of a usable type is non-empty
  public func watermarkOK(
    zone z: Int, order: Int, mark: Int, highestZoneIndex: Int, flags: AllocFlags, freePages: Int? = nil
  ) -> Bool {
    let free = (freePages ?? zones[z].freePages) - unusableFree(zone: z, order: order, flags: flags)
    var min = mark
    if !flags.isDisjoint(with: .reserves) {
      if flags.contains(.minReserve) {
        min -= min / 2
        if flags.contains(.nonBlock) { min -= min / 4 }
      }
      if flags.contains(.oom) { min -= min / 2 }
    }
    let reserve = zones[z].lowmemReserve[highestZoneIndex]
    if free <= min + reserve { return false }
    if order == 0 { return true }
    for o in order..<Buddy.orderCount where nrFree[z * Buddy.orderCount + o] > 0 {
      for mt in 0..<MigrateType.pcpTypes where !freeLists[freeListIndex(zone: z, order: o, mt: mt)].isEmpty {
        return true
      }
      if !flags.isDisjoint(with: [.highatomic, .oom]),
        !freeLists[freeListIndex(zone: z, order: o, mt: Int(MigrateType.highatomic.rawValue))].isEmpty
      {
        return true
      }
    }
    return false
  }

  /// The fast-path check.
  ///
  /// Mirrors: `zone_watermark_fast()` in mm/page_alloc.c (Linux 6.18): an order-0 pre-check
  /// without reserves arithmetic, the full check, then for `ALLOC_MIN_RESERVE` order-0
  /// requests failing only because of a boost, a re-check against the unboosted min.
  @inline(__always)
  public func watermarkFast(zone z: Int, order: Int, mark: Int, highestZoneIndex: Int, flags: AllocFlags) -> Bool {
    let free = zones[z].freePages
    if order == 0 {
      let reserved = unusableFree(zone: z, order: 0, flags: flags)
      let usable = free - Swift.min(free, reserved)
      if usable > mark + zones[z].lowmemReserve[highestZoneIndex] { return true }
    }
    if watermarkOK(zone: z, order: order, mark: mark, highestZoneIndex: highestZoneIndex, flags: flags) {
      return true
    }
    if order == 0, flags.contains(.minReserve), zones[z].watermarks.boost > 0, flags.watermark == .min {
      return watermarkOK(
        zone: z, order: 0, mark: zones[z].watermarks.min, highestZoneIndex: highestZoneIndex, flags: flags)
    }
    return false
  }
}
