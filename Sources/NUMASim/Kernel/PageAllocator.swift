// SPDX-License-Identifier: MIT

/// The physical page allocator of a whole machine: memmap, buddy free lists, per-CPU lists.
///
/// Every page frame of every zone is a memmap record, and every allocation takes the path
/// Linux takes (`__alloc_pages` → `get_page_from_freelist` → `rmqueue`). State lives in flat
/// arrays indexed by small integers so that the hot path does no reference counting.
public struct PageAllocator: Sendable {
  public let kernel: KernelVersion
  public let architecture: Architecture
  public let sysctl: SysctlVM
  /// `MAX_NR_ZONES`.
  public let zonesPerNode: Int
  public let nodeCount: Int
  public let cpuCount: Int

  public var memmap: Memmap
  /// Flat: `node * zonesPerNode + zone_idx`.
  public var zones: ContiguousArray<ZoneState>
  /// `free_area[order].free_list[mt]`, flat: `(zone * orderCount + order) * MigrateType.modelled + mt`.
  public var freeLists: ContiguousArray<PageList>
  /// `free_area[order].nr_free`, flat: `zone * orderCount + order`.
  public var nrFree: ContiguousArray<Int>
  /// Pageblock migratetypes, all zones.
  public var pageblockType: ContiguousArray<UInt8>
  /// Flat: `cpu * zoneCount + zone`.
  public var pcp: ContiguousArray<PerCPUPages>
  /// Flat: `(cpu * zoneCount + zone) * PerCPU.listCount + pindex`.
  public var pcpLists: ContiguousArray<PageList>
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
  public var numaStats: ContiguousArray<UInt64>
  public var counters: VMCounters
  /// Whether each node's kswapd is running (for the 6.18 fast-path skip).
  public var kswapdActive: [Bool]

  /// Total zones (`nodeCount * zonesPerNode`).
  public var zoneCount: Int { zones.count }

  /// Builds the allocator for a machine as boot leaves it: every managed page free in the
  /// largest aligned blocks, every pageblock MIGRATE_MOVABLE, pcp lists empty.
  ///
  /// Mirrors: `memmap_init_range()` (pageblocks marked movable), `memblock_free_all()` →
  /// `__free_pages_core()` (free in `MAX_PAGE_ORDER` blocks) in mm/mm_init.c (Linux 6.18).
  /// - Deviation: within a zone, holes are placed at the end of the span and memblock
  ///   reservations at the start of the present range; the kernel has them where firmware
  ///   and early boot put them.
  public init(_ setup: MachineSetup) {
    let machine = setup.machine
    kernel = setup.kernel
    architecture = machine.architecture
    sysctl = setup.sysctl
    zonesPerNode = machine.architecture.zoneCount
    nodeCount = machine.nodes.count
    cpuCount = machine.onlineCPUs
    distances = machine.distances
    var zones: ContiguousArray<ZoneState> = []
    var memmapSize = 0
    var pageblocks = 0
    for node in setup.zones {
      for z in node {
        let span = z.span
        let start = span.startPFN
        let blocks =
          span.spanned.count == 0
          ? 0
          : ((start + span.spanned.count - 1) >> Buddy.pageblockOrder) - (start >> Buddy.pageblockOrder) + 1
        zones.append(
          ZoneState(
            id: z.id, type: span.type, flatIndex: zones.count, startPFN: start, spanned: span.spanned.count,
            present: span.present.count, managed: span.managed.count, memmapBase: memmapSize,
            pageblockBase: pageblocks, watermarks: z.watermarks, lowmemReserve: ZoneReserves(z.lowmemReserve)))
        memmapSize += span.spanned.count
        pageblocks += blocks
      }
    }
    precondition(memmapSize < Int(Memmap.none), "the machine has more page frames than the memmap can index")
    self.zones = zones
    memmap = Memmap(count: memmapSize)
    freeLists = ContiguousArray(repeating: PageList(), count: zones.count * Buddy.orderCount * MigrateType.modelled)
    nrFree = ContiguousArray(repeating: 0, count: zones.count * Buddy.orderCount)
    pageblockType = ContiguousArray(repeating: MigrateType.movable.rawValue, count: pageblocks)
    var pcp: ContiguousArray<PerCPUPages> = []
    cpuNode = Array(repeating: 0, count: machine.onlineCPUs)
    for node in machine.nodes { for c in node.cpus { cpuNode[c.index] = node.id.index } }
    for _ in 0..<machine.onlineCPUs {
      for node in setup.zones { for z in node { pcp.append(PerCPUPages(limits: z.pcp, kernel: setup.kernel)) } }
    }
    self.pcp = pcp
    pcpLists = ContiguousArray(repeating: PageList(), count: pcp.count * PerCPU.listCount)
    let zpn = zonesPerNode
    zonelists = setup.zonelists.map { list in list.zones.map { $0.node.index * zpn + $0.index } }
    nodeOrder = setup.zonelists.map { $0.nodeOrder.map(\.index) }
    (zonelistStorage, zonelistRanges) = Self.buildZonelistTable(zones: zones, zonelists: zonelists, zonesPerNode: zpn)
    memoryNodeMask = machine.nodes.filter(\.hasMemory).reduce(0) {
      $1.id.index < 64 ? $0 | (1 << UInt64($1.id.index)) : $0
    }
    dma32Index = machine.architecture.zoneIndex(of: .dma32)
    var table = InlineArray<16, Int>(repeating: 0)
    for bits in 0..<16 {
      table[bits] = GFPFlags(rawValue: UInt32(bits)).highestZoneIndex(on: machine.architecture)
    }
    gfpZoneTable = table
    numaStats = ContiguousArray(repeating: 0, count: zones.count * NUMAStat.allCases.count)
    counters = VMCounters(zoneCount: zpn)
    kswapdActive = Array(repeating: false, count: machine.nodes.count)
    for z in self.zones.indices { bootFree(zone: z) }
  }

  /// Marks holes and reservations and frees the rest of a zone in aligned blocks.
  mutating func bootFree(zone z: Int) {
    let zone = zones[z]
    let holes = zone.spanned - zone.present
    let reserved = zone.present - zone.managed
    let firstFree = zone.startPFN + reserved
    let endFree = zone.startPFN + zone.present
    for pfn in zone.startPFN..<firstFree { memmap.set(zone.page(pfn: pfn), .reserved) }
    if holes > 0 { for pfn in endFree..<(zone.startPFN + zone.spanned) { memmap.set(zone.page(pfn: pfn), .hole) } }
    var pfn = firstFree
    while pfn < endFree {
      var order = Buddy.maxPageOrder
      while order > 0 && (pfn & ((1 << order) - 1) != 0 || pfn + (1 << order) > endFree) { order -= 1 }
      freeOnePage(
        zone.page(pfn: pfn), pfn: pfn, zone: z, order: order, migratetype: pageblockMigratetype(zone: z, pfn: pfn))
      pfn += 1 << order
    }
  }

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
