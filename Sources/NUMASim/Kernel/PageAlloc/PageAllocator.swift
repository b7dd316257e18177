// SPDX-License-Identifier: MIT

/// The physical page allocator of a whole machine: memmap, buddy free lists, per-CPU lists.
///
/// Every page frame of every zone is a memmap record, and every allocation takes the path
/// Linux takes (`__alloc_pages` → `get_page_from_freelist` → `rmqueue`). State lives in flat
/// arrays indexed by small integers so that the hot path does no reference counting.
public struct PageAllocator: ~Copyable, Sendable {
  public let kernel: KernelVersion
  public let architecture: Architecture
  public let sysctl: SysctlVM
  /// `MAX_NR_ZONES`.
  public let zonesPerNode: Int
  public let nodeCount: Int
  public let cpuCount: Int

  public var memmap: Memmap
  /// Flat: `node * zonesPerNode + zone_idx`.
  public var zones: OwnedArray<ZoneState>
  /// `free_area[order].free_list[mt]`, flat: `(zone * orderCount + order) * MigrateType.modelled + mt`.
  public var freeLists: OwnedArray<PageList>
  /// `free_area[order].nr_free`, flat: `zone * orderCount + order`.
  public var nrFree: OwnedArray<Int>
  /// Pageblock migratetypes, all zones.
  public var pageblockType: OwnedArray<UInt8>
  /// Flat: `cpu * zoneCount + zone`.
  public var pcp: OwnedArray<PerCPUPages>
  /// Flat: `(cpu * zoneCount + zone) * PerCPU.listCount + pindex`.
  public var pcpLists: OwnedArray<PageList>
  /// Flat zone indices of each node's fallback zonelist (populated zones, highest first).
  public var zonelists: [[Int]]
  /// Each node's fallback node order.
  public var nodeOrder: [[Int]]
  /// The zones each (node, `__GFP_THISNODE`, highest zone) walks, flattened.
  public var zonelistStorage: ContiguousArray<Int32>
  /// Ranges of `zonelistStorage`, indexed `(node * 2 + thisNode) * zonesPerNode + highest`.
  public var zonelistRanges: [Range<Int>]
  /// Nodes with memory, as a mask of nodes 0...63.
  public var memoryNodeMask: UInt64
  /// `zone_idx(ZONE_DMA32)`, if the architecture has it.
  public let dma32Index: Int?
  /// `GFP_ZONE_TABLE`: `gfp_zone()` for each combination of the four zone modifier bits.
  public let gfpZoneTable: InlineArray<16, Int>
  /// The node of each CPU.
  public var cpuNode: [Int]
  public var distances: DistanceMatrix
  /// Per-zone NUMA counters, flat: `zone * NUMAStat.count + stat` (allocations).
  public var numaStats: OwnedArray<UInt64>
  public var counters: VMCounters

  /// Total zones (`nodeCount * zonesPerNode`).
  public var zoneCount: Int { zones.count }

  /// The zone a page belongs to.
  @inline(__always) public func zoneIndex(of page: PageIndex) -> Int {
    // Zones are few: a linear scan from the top beats a search on real machines.
    var z = zones.count - 1
    while z > 0 && Int(page) < zones[z].memmapBase { z -= 1 }
    return z
  }

  /// The flat index of zone `zoneIdx` of node `node`.
  @inline(__always) public func flatZone(node: Int, zoneIdx: Int) -> Int { node * zonesPerNode + zoneIdx }
}

extension PageAllocator {
  /// An independent allocator in the same state (tests that compare two paths from one state).
  public func copy() -> PageAllocator { PageAllocator(copying: self) }

  init(copying a: borrowing PageAllocator) {
    kernel = a.kernel
    architecture = a.architecture
    sysctl = a.sysctl
    zonesPerNode = a.zonesPerNode
    nodeCount = a.nodeCount
    cpuCount = a.cpuCount
    memmap = a.memmap.copy()
    zones = a.zones.copy()
    freeLists = a.freeLists.copy()
    nrFree = a.nrFree.copy()
    pageblockType = a.pageblockType.copy()
    pcp = a.pcp.copy()
    pcpLists = a.pcpLists.copy()
    zonelists = a.zonelists
    nodeOrder = a.nodeOrder
    zonelistStorage = a.zonelistStorage
    zonelistRanges = a.zonelistRanges
    memoryNodeMask = a.memoryNodeMask
    dma32Index = a.dma32Index
    gfpZoneTable = a.gfpZoneTable
    cpuNode = a.cpuNode
    distances = a.distances
    numaStats = a.numaStats.copy()
    counters = a.counters
  }
}
