// SPDX-License-Identifier: MIT

/// Constants of the buddy allocator.
public enum Buddy {
  /// `MAX_PAGE_ORDER` on x86-64.
  public static let maxPageOrder = 10
  /// `NR_PAGE_ORDERS`.
  public static let orderCount = maxPageOrder + 1
  /// `pageblock_order` (`HUGETLB_PAGE_ORDER` on x86-64).
  public static let pageblockOrder = 9
  /// `pageblock_nr_pages`.
  public static let pageblockPages = 1 << pageblockOrder
  /// `PAGE_ALLOC_COSTLY_ORDER`.
  public static let costlyOrder = 3
}

extension PageAllocator {
  @inline(__always) func freeListIndex(zone: Int, order: Int, mt: Int) -> Int {
    (zone &* Buddy.orderCount &+ order) &* MigrateType.modelled &+ mt
  }

  /// `get_pfnblock_migratetype()`.
  @inline(__always) public func pageblockMigratetype(zone: Int, pfn: Int) -> Int {
    Int(pageblockType[zones[zone].pageblock(pfn: pfn)])
  }

  /// Mirrors: `__add_to_free_list()` and `account_freepages()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always)
  mutating func addToFreeList(_ page: PageIndex, zone: Int, order: Int, mt: Int, tail: Bool = false) {
    let li = freeListIndex(zone: zone, order: order, mt: mt)
    if tail { PageList.addTail(&freeLists[li], page, &memmap) } else { PageList.addHead(&freeLists[li], page, &memmap) }
    memmap.set(page, .buddy)
    memmap[Int(page)].order = UInt8(order)
    nrFree[zone &* Buddy.orderCount &+ order] &+= 1
    zones[zone].freePages &+= 1 << order
    if mt == Int(MigrateType.highatomic.rawValue) { zones[zone].freeHighatomic &+= 1 << order }
  }

  /// Mirrors: `del_page_from_free_list()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always)
  mutating func deleteFromFreeList(_ page: PageIndex, zone: Int, order: Int, mt: Int) {
    PageList.remove(&freeLists[freeListIndex(zone: zone, order: order, mt: mt)], page, &memmap)
    memmap.clear(page, .buddy)
    memmap[Int(page)].order = 0
    nrFree[zone &* Buddy.orderCount &+ order] &-= 1
    zones[zone].freePages &-= 1 << order
    if mt == Int(MigrateType.highatomic.rawValue) { zones[zone].freeHighatomic &-= 1 << order }
  }

  /// Splits a free block of order `high` down to `low`, returning the upper halves.
  ///
  /// Mirrors: `expand()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always)
  mutating func expand(_ page: PageIndex, zone: Int, low: Int, high: Int, mt: Int) {
    var high = high
    var size = 1 << high
    while high > low {
      high -= 1
      size >>= 1
      addToFreeList(page &+ PageIndex(size), zone: zone, order: high, mt: mt)
    }
  }

  /// Takes the smallest free block of order ≥ `order` from the `mt` lists.
  ///
  /// Mirrors: `__rmqueue_smallest()` and `page_del_and_expand()` in mm/page_alloc.c (Linux 6.18).
  @inline(__always)
  mutating func rmqueueSmallest(zone: Int, order: Int, mt: Int) -> PageIndex? {
    guard let (head, current) = smallestFreeBlock(zone: zone, order: order, mt: mt) else { return nil }
    deleteFromFreeList(head, zone: zone, order: current, mt: mt)
    expand(head, zone: zone, low: order, high: current, mt: mt)
    return head
  }

  /// The head of the first free block on the smallest non-empty `mt` list of order ≥ `order`,
  /// and that order.
  @inline(__always) func smallestFreeBlock(zone: Int, order: Int, mt: Int) -> (PageIndex, Int)? {
    var current = order
    while current < Buddy.orderCount {
      let head = freeLists[freeListIndex(zone: zone, order: current, mt: mt)].head
      if head != Memmap.none { return (head, current) }
      current &+= 1
    }
    return nil
  }

  /// Frees a block, merging it with free buddies as far as it goes.
  ///
  /// Mirrors: `__free_one_page()` with `page_is_buddy()` and `buddy_merge_likely()` in
  /// mm/page_alloc.c (Linux 6.18): `buddy_pfn = pfn ^ (1 << order)`; blocks of pageblock size
  /// and above merge only between mergeable migratetypes.
  mutating func freeOnePage(_ page: PageIndex, pfn: Int, zone z: Int, order: Int, migratetype: Int) {
    var page = page
    var pfn = pfn
    var order = order
    let zone = zones[z]
    var buddyPFN = pfn
    while order < Buddy.maxPageOrder {
      buddyPFN = pfn ^ (1 << order)
      guard zone.spans(pfn: buddyPFN) else { break }
      let buddy = zone.page(pfn: buddyPFN)
      guard memmap.has(buddy, .buddy), Int(memmap[Int(buddy)].order) == order else { break }
      let buddyMT = pageblockMigratetype(zone: z, pfn: buddyPFN)
      if order >= Buddy.pageblockOrder, buddyMT != migratetype,
        !Self.isMergeable(migratetype) || !Self.isMergeable(buddyMT)
      {
        break
      }
      deleteFromFreeList(buddy, zone: z, order: order, mt: buddyMT)
      let combined = buddyPFN & pfn
      page = zone.page(pfn: combined)
      pfn = combined
      order += 1
    }
    // buddy_merge_likely(): if the next-larger buddy is free, this block will likely merge
    // soon, so queue it at the tail where it is allocated last.
    var toTail = false
    if order < Buddy.maxPageOrder - 1 {
      let higherBuddyPFN = (pfn & buddyPFN) ^ (1 << (order + 1))
      let hb = higherBuddyPFN
      if zone.spans(pfn: hb) {
        let hp = zone.page(pfn: hb)
        toTail = memmap.has(hp, .buddy) && Int(memmap[Int(hp)].order) == order + 1
      }
    }
    addToFreeList(page, zone: z, order: order, mt: pageblockMigratetype(zone: z, pfn: pfn), tail: toTail)
  }

  /// `migratetype_is_mergeable()`: `mt < MIGRATE_PCPTYPES`.
  @inline(__always) static func isMergeable(_ mt: Int) -> Bool { mt < MigrateType.pcpTypes }

  /// Moves every free block of a pageblock to another migratetype's lists and retypes it.
  ///
  /// Mirrors: `prep_move_freepages_block()` and `__move_freepages_block()` in
  /// mm/page_alloc.c (Linux 6.18).
  /// - Returns: free pages and movable (LRU) pages in the block, or `nil` when the block
  ///   crosses the zone boundary.
  mutating func moveFreepagesBlock(zone z: Int, pfn: Int, from old: Int, to new: Int, move: Bool) -> (
    free: Int, movable: Int
  )? {
    let zone = zones[z]
    let start = pfn & ~(Buddy.pageblockPages - 1)
    let end = start + Buddy.pageblockPages
    guard zone.spans(pfn: start), zone.spans(pfn: end - 1) else { return nil }
    var p = start
    var free = 0
    var movable = 0
    while p < end {
      let page = zone.page(pfn: p)
      if memmap.has(page, .buddy) {
        let o = Int(memmap[Int(page)].order)
        if move {
          deleteFromFreeList(page, zone: z, order: o, mt: old)
          addToFreeList(page, zone: z, order: o, mt: new)
        }
        free += 1 << o
        p += 1 << o
        continue
      }
      if memmap.has(page, .lru) { movable += 1 }
      p += 1
    }
    if move { pageblockType[zone.pageblock(pfn: start)] = UInt8(new) }
    return (free, movable)
  }
}
