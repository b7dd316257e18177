// SPDX-License-Identifier: MIT

extension PageAllocator {
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
    self.zones = OwnedArray(zones)
    memmap = Memmap(count: memmapSize)
    freeLists = OwnedArray(repeating: PageList(), count: zones.count * Buddy.orderCount * MigrateType.modelled)
    nrFree = OwnedArray(repeating: 0, count: zones.count * Buddy.orderCount)
    pageblockType = OwnedArray(repeating: MigrateType.movable.rawValue, count: pageblocks)
    var pcp: ContiguousArray<PerCPUPages> = []
    cpuNode = Array(repeating: 0, count: machine.onlineCPUs)
    for node in machine.nodes { for c in node.cpus { cpuNode[c.index] = node.id.index } }
    for _ in 0..<machine.onlineCPUs {
      for node in setup.zones { for z in node { pcp.append(PerCPUPages(limits: z.pcp, kernel: setup.kernel)) } }
    }
    self.pcp = OwnedArray(pcp)
    pcpLists = OwnedArray(repeating: PageList(), count: pcp.count * PerCPU.listCount)
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
    numaStats = OwnedArray(repeating: 0, count: zones.count * NUMAStat.allCases.count)
    counters = VMCounters(zoneCount: zpn)
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

  /// Precomputes, for every node, zone limit and `__GFP_THISNODE`, the zones a request walks.
  static func buildZonelistTable(zones: ContiguousArray<ZoneState>, zonelists: [[Int]], zonesPerNode: Int)
    -> (storage: ContiguousArray<Int32>, ranges: [Range<Int>])
  {
    var storage: ContiguousArray<Int32> = []
    var ranges: [Range<Int>] = []
    for (node, list) in zonelists.enumerated() {
      for thisNode in [false, true] {
        let base = thisNode ? list.filter { zones[$0].id.node.index == node } : list
        for highest in 0..<zonesPerNode {
          let start = storage.count
          storage += base.filter { zones[$0].id.index <= highest }.map(Int32.init)
          ranges.append(start..<storage.count)
        }
      }
    }
    return (storage, ranges)
  }
}
