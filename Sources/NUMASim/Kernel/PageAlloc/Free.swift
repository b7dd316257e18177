// SPDX-License-Identifier: MIT

extension PageAllocator {
  /// Frees a block the caller allocated.
  ///
  /// Mirrors: `__free_pages()` → `free_unref_page()` (pcp orders) or `__free_pages_ok()`
  /// in mm/page_alloc.c (Linux 6.18). Highatomic and isolated pageblocks bypass the pcp lists.
  public mutating func free(_ page: PageIndex, order: Int, cpu: Int, zone z: Int? = nil) {
    let z = z ?? zoneIndex(of: page)
    precondition(memmap[Int(page)].refcount > 0, "freeing a free page")
    clearForFree(page, order: order)
    counters[.pgfree] &+= UInt64(1) << UInt64(order)
    let pfn = zones[z].pfn(page)
    let mt = pageblockMigratetype(zone: z, pfn: pfn)
    if PerCPU.allowsOrder(order), mt < MigrateType.pcpTypes {
      freeToPCP(page, cpu: cpu, zone: z, order: order, mt: mt)
    } else {
      freeOnePage(page, pfn: pfn, zone: z, order: order, migratetype: mt)
    }
  }

  /// Resets the `struct page` fields of an allocated block (`free_pages_prepare()`).
  @inline(__always)
  mutating func clearForFree(_ page: PageIndex, order: Int) {
    let count = 1 << order
    for i in 0..<count {
      let p = Int(page) + i
      memmap[p].flags = 0
      memmap[p].refcount = 0
      memmap[p].mapcount = 0
      if i > 0 { memmap[p].next = Memmap.none }
    }
    memmap[Int(page)].order = 0
  }
}
