// SPDX-License-Identifier: MIT

extension PageAllocator {
  /// Takes a block of `order` straight from one zone's free lists and prepares it: how the
  /// pages a machine allocated long before a run began (``WarmStart``) are put in place.
  ///
  /// Mirrors: `rmqueue_buddy()` → `__rmqueue()` and `prep_new_page()` in mm/page_alloc.c
  /// (Linux 6.18), with the zone's `pgalloc_<zone>` count.
  /// - Deviation: no watermark check, per-CPU lists or NUMA counters: the caller chooses the
  ///   zone and how far to fill it.
  public mutating func allocateFromZone(_ z: Int, order: Int, gfp: GFPFlags) -> PageIndex? {
    var gfp = gfp
    if order > 0 { gfp.insert(.comp) }
    guard let page = rmqueue(zone: z, order: order, mt: Int(gfp.migratetype.rawValue), flags: []) else { return nil }
    prepNewPage(page, order: order, gfp: gfp)
    counters.pgalloc[zones[z].id.index] &+= UInt64(1) << UInt64(order)
    return page
  }
}
