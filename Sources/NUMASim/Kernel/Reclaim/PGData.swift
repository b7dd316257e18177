// SPDX-License-Identifier: MIT

/// The run-time reclaim state of one node: its kswapd, its LRU lists and its writeback.
///
/// Mirrors: the run-time fields of `struct pglist_data` in include/linux/mmzone.h
/// (Linux 6.18): `kswapd_order`, `kswapd_highest_zoneidx`, `kswapd_failures`, the `kswapd`
/// thread, `__lruvec`, the node's `NR_WRITEBACK`, `NR_FILE_MAPPED` and `NR_FILE_DIRTY`, and
/// `PGDAT_RECLAIM_LOCKED`. The node's zones (`node_zones[]`) are
/// the allocator's ``PageAllocator/zones``; per-node sums over them are
/// ``PageAllocator/nodeSum(_:_:)``.
public struct PGData: Sendable {
  /// `kswapd_order`: the largest order wakers asked for since kswapd last took it.
  public var kswapdOrder = 0
  /// `kswapd_highest_zoneidx`; −1 when unset (`MAX_NR_ZONES`).
  public var kswapdHighestZoneIndex = -1
  /// `kswapd_failures`: `balance_pgdat()` runs in a row that reclaimed nothing.
  public var kswapdFailures = 0
  /// The node's kswapd thread.
  public var kswapd = KswapdState()
  /// The CPU kswapd runs on (the node's first CPU, else CPU 0).
  public let kswapdCPU: Int
  /// `__lruvec`.
  public var lruvec = LRUVec()
  /// Folios whose writeback reclaim started.
  public var writeback = WritebackQueue()
  /// `NR_FILE_MAPPED` (`nr_mapped`): page-cache pages on the LRU that some process maps.
  public var fileMapped = 0
  /// `NR_FILE_DIRTY` (`nr_dirty`): dirty page-cache pages.
  public var fileDirty = 0
  /// `PGDAT_RECLAIM_LOCKED`: a `node_reclaim()` holds the node until this time.
  public var nodeReclaimLockedUntil = SimTime.zero

  public init(kswapdCPU: Int) { self.kswapdCPU = kswapdCPU }

  /// Whether kswapd has given up on the node (`kswapd_failures >= MAX_RECLAIM_RETRIES`).
  @inline(__always) public var isHopeless: Bool { kswapdFailures >= Kswapd.maxFailures }
}

extension PageAllocator {
  /// The flat indices of a node's zones (`pgdat->node_zones`).
  @inline(__always) public func zones(ofNode node: Int) -> Range<Int> {
    node * zonesPerNode..<(node + 1) * zonesPerNode
  }

  /// A sum over a node's zones, such as its managed or free pages.
  @inline(__always) public func nodeSum(_ node: Int, _ value: (ZoneState) -> Int) -> Int {
    var sum = 0
    for z in zones(ofNode: node) { sum += value(zones[z]) }
    return sum
  }
}
