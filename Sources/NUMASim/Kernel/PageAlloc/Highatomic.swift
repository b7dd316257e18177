// SPDX-License-Identifier: MIT

extension PageAllocator {
  /// Turns the pageblock of a high-order atomic allocation into a highatomic reserve.
  ///
  /// Mirrors: `reserve_highatomic_pageblock()` in mm/page_alloc.c (Linux 6.18): while the
  /// zone's reserve is below `ALIGN(managed / 100, pageblock_nr_pages)`.
  mutating func reserveHighatomicPageblock(_ page: PageIndex, order: Int, zone z: Int) {
    let managed = zones[z].managed
    guard managed / 100 >= Buddy.pageblockPages else { return }
    let maxManaged = (managed / 100 + Buddy.pageblockPages - 1) / Buddy.pageblockPages * Buddy.pageblockPages
    guard zones[z].reservedHighatomic < maxManaged else { return }
    let pfn = zones[z].pfn(page)
    let mt = pageblockMigratetype(zone: z, pfn: pfn)
    guard Self.isMergeable(mt) else { return }
    let highatomic = Int(MigrateType.highatomic.rawValue)
    if order < Buddy.pageblockOrder {
      guard moveFreepagesBlock(zone: z, pfn: pfn, from: mt, to: highatomic, move: true) != nil else { return }
      zones[z].reservedHighatomic += Buddy.pageblockPages
    } else {
      for b in 0..<(1 << (order - Buddy.pageblockOrder)) {
        pageblockType[zones[z].pageblock(pfn: pfn + b * Buddy.pageblockPages)] = UInt8(highatomic)
      }
      zones[z].reservedHighatomic += 1 << order
    }
  }

  /// Gives highatomic pageblocks back to `mt` before the allocator declares OOM.
  ///
  /// Mirrors: `unreserve_highatomic_pageblock()` in mm/page_alloc.c (Linux 6.18): per zone of
  /// the zonelist (keeping one pageblock unless `force`), the first reserved block with a
  /// free page is converted.
  /// - Returns: whether a block was released.
  @discardableResult
  mutating func unreserveHighatomicPageblock(zonelist: some Sequence<Int>, highestZoneIndex: Int, mt: Int, force: Bool)
    -> Bool
  {
    let highatomic = Int(MigrateType.highatomic.rawValue)
    for z in zonelist where zones[z].id.index <= highestZoneIndex {
      if !force && zones[z].reservedHighatomic <= Buddy.pageblockPages { continue }
      for order in 0..<Buddy.orderCount {
        let head = freeLists[freeListIndex(zone: z, order: order, mt: highatomic)].head
        guard head != Memmap.none else { continue }
        let pfn = zones[z].pfn(head)
        if pageblockMigratetype(zone: z, pfn: pfn) == highatomic {
          let size = min(max(Buddy.pageblockPages, 1 << order), zones[z].reservedHighatomic)
          zones[z].reservedHighatomic -= size
        }
        if order < Buddy.pageblockOrder {
          _ = moveFreepagesBlock(zone: z, pfn: pfn, from: highatomic, to: mt, move: true)
        } else {
          deleteFromFreeList(head, zone: z, order: order, mt: highatomic)
          addToFreeList(head, zone: z, order: order, mt: mt)
          for b in 0..<(1 << (order - Buddy.pageblockOrder)) {
            pageblockType[zones[z].pageblock(pfn: pfn + b * Buddy.pageblockPages)] = UInt8(mt)
          }
        }
        return true
      }
    }
    return false
  }
}
