// SPDX-License-Identifier: MIT

/// What a fault allocates a folio for.
public enum FaultKind: Sendable, BitwiseCopyable {
  /// An anonymous page (`do_anonymous_page()`, `do_huge_pmd_anonymous_page()`).
  case anonymous
  /// Page cache (`filemap_fault()`, readahead).
  case pageCache
  /// Anything else (slab, kernel buffers): no fallback.
  case kernel
}

extension PageAllocator {
  /// Allocates a fault's folio; a large anonymous or page-cache folio that cannot be had falls
  /// back to a single page.
  ///
  /// Mirrors: the anonymous fault's fallback when a huge page cannot be allocated
  /// (`do_huge_pmd_anonymous_page()` → `VM_FAULT_FALLBACK`, counting `thp_fault_alloc` and
  /// `thp_fault_fallback` for PMD-order folios) and `page_cache_ra_order()` falling back to
  /// `do_page_cache_ra()` (mm/huge_memory.c, mm/readahead.c, Linux 6.18). A large page-cache
  /// folio is asked for with `__GFP_NORETRY | __GFP_NOWARN` added, as `readahead_gfp_mask()`
  /// adds them, so it gives up after one reclaim round; the page-cache retry keeps the group's
  /// mask, the anonymous one uses the VMA's `GFP_HIGHUSER_MOVABLE` (keeping `__GFP_THISNODE`).
  /// - Deviation: the fallback is one order-0 page, not the `2^order` base pages the kernel
  ///   goes on to fault or read; the group's next requests stand for the rest.
  public mutating func allocateFolio<H: ReclaimHooks & ~Copyable>(
    _ request: AllocationRequest, for kind: FaultKind, task: inout TaskContext, hooks: inout H
  ) -> AllocatedPage? {
    let isTHP = kind == .anonymous && request.order == Buddy.pageblockOrder
    var first = request
    if kind == .pageCache && request.order > 0 { first.gfp.formUnion([.noRetry, .noWarn]) }  // readahead_gfp_mask()
    if let page = allocate(first, task: &task, hooks: &hooks) {
      if isTHP { counters[.thpFaultAlloc] &+= 1 }
      return page
    }
    guard request.order > 0, kind != .kernel else { return nil }
    if isTHP { counters[.thpFaultFallback] &+= 1 }
    var single = request
    single.order = 0
    single.gfp.remove(.comp)
    if kind == .anonymous { single.gfp = GFPFlags.highUserMovable.union(request.gfp.intersection(.thisNode)) }
    return allocate(single, task: &task, hooks: &hooks)
  }
}
