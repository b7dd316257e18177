// SPDX-License-Identifier: MIT

extension PageAllocator {
  /// The free pages this request may not count.
  ///
  /// Mirrors: `__zone_watermark_unusable_free()` in mm/page_alloc.c (Linux 6.18):
  /// `(1 << order) - 1`, plus the free highatomic pages unless `ALLOC_RESERVES`.
  /// Before 6.12 the whole reserve (`nr_reserved_highatomic`) is deducted.
  /// - Deviation: no CMA pages to deduct.
  @inline(__always)
  static func unusableFree(_ zone: ZoneState, order: Int, flags: AllocFlags, freeHighatomicOnly: Bool) -> Int {
    var unusable = (1 << order) - 1
    if flags.isDisjoint(with: .reserves) {
      unusable += freeHighatomicOnly ? zone.freeHighatomic : zone.reservedHighatomic
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
    Self.watermarkOK(
      zones[z], z, order: order, mark: mark, highestZoneIndex: highestZoneIndex, flags: flags,
      freePages: freePages ?? zones[z].freePages, freeHighatomicOnly: kernel.deductsFreeHighatomicOnly,
      nrFree: nrFree, freeLists: freeLists)
  }

  /// The fast-path check.
  ///
  /// Mirrors: `zone_watermark_fast()` in mm/page_alloc.c (Linux 6.18): an order-0 pre-check
  /// without reserves arithmetic, the full check, then for `ALLOC_MIN_RESERVE` order-0
  /// requests failing only because of a boost, a re-check against the unboosted min.
  public func watermarkFast(zone z: Int, order: Int, mark: Int, highestZoneIndex: Int, flags: AllocFlags) -> Bool {
    Self.watermarkFast(
      zones[z], z, order: order, mark: mark, highestZoneIndex: highestZoneIndex, flags: flags,
      freeHighatomicOnly: kernel.deductsFreeHighatomicOnly, nrFree: nrFree, freeLists: freeLists)
  }

  /// `watermarkOK(zone:...)` over explicit state, so mutating callers pass fields, not `self`.
  @inline(__always)
  static func watermarkOK(
    _ zone: ZoneState, _ z: Int, order: Int, mark: Int, highestZoneIndex: Int, flags: AllocFlags, freePages: Int,
    freeHighatomicOnly: Bool, nrFree: borrowing OwnedArray<Int>, freeLists: borrowing OwnedArray<PageList>
  ) -> Bool {
    let free = freePages - unusableFree(zone, order: order, flags: flags, freeHighatomicOnly: freeHighatomicOnly)
    var min = mark
    if !flags.isDisjoint(with: .reserves) {
      if flags.contains(.minReserve) {
        min -= min / 2
        if flags.contains(.nonBlock) { min -= min / 4 }
      }
      if flags.contains(.oom) { min -= min / 2 }
    }
    if free <= min + zone.lowmemReserve[highestZoneIndex] { return false }
    if order == 0 { return true }
    let highatomic = Int(MigrateType.highatomic.rawValue)
    for o in order..<Buddy.orderCount where nrFree[z &* Buddy.orderCount &+ o] > 0 {
      let base = (z &* Buddy.orderCount &+ o) &* MigrateType.modelled
      for mt in 0..<MigrateType.pcpTypes where !freeLists[base &+ mt].isEmpty { return true }
      if !flags.isDisjoint(with: [.highatomic, .oom]), !freeLists[base &+ highatomic].isEmpty { return true }
    }
    return false
  }

  /// `watermarkFast(zone:...)` over explicit state.
  @inline(__always)
  static func watermarkFast(
    _ zone: ZoneState, _ z: Int, order: Int, mark: Int, highestZoneIndex: Int, flags: AllocFlags,
    freeHighatomicOnly: Bool, nrFree: borrowing OwnedArray<Int>, freeLists: borrowing OwnedArray<PageList>
  ) -> Bool {
    let free = zone.freePages
    if order == 0 {
      let reserved = unusableFree(zone, order: 0, flags: flags, freeHighatomicOnly: freeHighatomicOnly)
      if free - Swift.min(free, reserved) > mark + zone.lowmemReserve[highestZoneIndex] { return true }
    }
    if watermarkOK(
      zone, z, order: order, mark: mark, highestZoneIndex: highestZoneIndex, flags: flags, freePages: free,
      freeHighatomicOnly: freeHighatomicOnly, nrFree: nrFree, freeLists: freeLists)
    {
      return true
    }
    if order == 0, flags.contains(.minReserve), zone.watermarks.boost > 0, flags.watermark == .min {
      return watermarkOK(
        zone, z, order: 0, mark: zone.watermarks.min, highestZoneIndex: highestZoneIndex, flags: flags,
        freePages: free, freeHighatomicOnly: freeHighatomicOnly, nrFree: nrFree, freeLists: freeLists)
    }
    return false
  }
}
