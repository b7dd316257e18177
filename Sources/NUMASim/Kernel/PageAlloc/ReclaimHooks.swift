// SPDX-License-Identifier: MIT

/// The reclaim side of the allocator: kswapd, direct reclaim, compaction and the OOM killer.
///
/// The allocator calls these at the points `__alloc_pages_slowpath()` does, with the
/// allocating task's context; what they cost is the simulation's business. Each receives the
/// allocator to act on.
public protocol ReclaimHooks: ~Copyable {
  /// Whether the node's kswapd is running (6.18's `get_page_from_freelist()` skips such nodes first).
  func kswapdIsRunning(node: Int) -> Bool
  /// `wakeup_kswapd(zone, gfp, order, highest_zoneidx)`.
  mutating func wakeKswapd(
    _ allocator: inout PageAllocator, zone: Int, gfp: GFPFlags, order: Int, highestZoneIndex: Int,
    task: inout TaskContext)
  /// `node_reclaim(pgdat, gfp, order)` for `vm.zone_reclaim_mode`.
  mutating func nodeReclaim(
    _ allocator: inout PageAllocator, node: Int, gfp: GFPFlags, order: Int, task: inout TaskContext
  ) -> NodeReclaimResult
  /// `__perform_reclaim()` → `try_to_free_pages()`: returns the pages reclaimed.
  mutating func directReclaim(
    _ allocator: inout PageAllocator, request: AllocationRequest, context: AllocationContext,
    task: inout TaskContext
  ) -> Int
  /// `__alloc_pages_direct_compact()`: whether compaction made a block of `order` likely.
  mutating func directCompact(
    _ allocator: inout PageAllocator, request: AllocationRequest, context: AllocationContext,
    task: inout TaskContext
  ) -> Bool
  /// `out_of_memory()`: whether a victim was found (its memory is then on its way back).
  mutating func outOfMemory(
    _ allocator: inout PageAllocator, request: AllocationRequest, context: AllocationContext,
    task: inout TaskContext
  ) -> Bool
  /// `zone_reclaimable_pages(zone)`, for `should_reclaim_retry()`.
  func reclaimablePages(_ allocator: borrowing PageAllocator, zone: Int) -> Int
}

/// Hooks for an allocator with nothing to reclaim: kswapd wake-ups are counted, everything
/// else reports no progress.
public struct NoReclaim: ReclaimHooks {
  public var kswapdWakeups: [Int]

  public init(nodes: Int) { kswapdWakeups = Array(repeating: 0, count: nodes) }

  public func kswapdIsRunning(node: Int) -> Bool { false }
  public mutating func wakeKswapd(
    _ a: inout PageAllocator, zone: Int, gfp: GFPFlags, order: Int, highestZoneIndex: Int, task: inout TaskContext
  ) {
    kswapdWakeups[a.zones[zone].id.node.index] += 1
  }
  public mutating func nodeReclaim(
    _ a: inout PageAllocator, node: Int, gfp: GFPFlags, order: Int, task: inout TaskContext
  ) -> NodeReclaimResult {
    .noScan
  }
  public mutating func directReclaim(
    _ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext, task: inout TaskContext
  ) -> Int { 0 }
  public mutating func directCompact(
    _ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext, task: inout TaskContext
  ) -> Bool { false }
  public mutating func outOfMemory(
    _ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext, task: inout TaskContext
  ) -> Bool { false }
  public func reclaimablePages(_ a: borrowing PageAllocator, zone: Int) -> Int { 0 }
}
