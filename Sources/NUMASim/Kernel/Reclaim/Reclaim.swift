// SPDX-License-Identifier: MIT

/// The reclaim side of the machine: each node's kswapd, LRU lists and writeback, swap, the
/// reverse map and the OOM killer's record.
///
/// It is the allocator's ``ReclaimHooks``: the allocator calls it where the kernel calls
/// `wakeup_kswapd()`, `node_reclaim()`, `try_to_free_pages()` and `out_of_memory()`, passing
/// the allocating task's ``TaskContext``. Which folios were referenced is an input, asked of
/// `Access` (``AccessedBits``); what reclaim costs in time is not reclaim's business (the counts it
/// leaves in ``ScanControl`` go to the cost model).
public struct Reclaim<Access: AccessedBits>: ~Copyable {
  /// `NODE_DATA(nid)`'s reclaim side, per node.
  public var nodes: ContiguousArray<PGData>
  public var swap: SwapSpace
  public var rmap: ReverseMap
  /// `vm.swappiness`.
  public let swappiness: Int
  /// The accessed bits `folio_referenced()` reads.
  public var access: Access
  /// OOM kills per mm.
  public var oomKills: [Int]

  public init(nodes kswapdCPUs: [Int], frames: Int, mms: Int, swapPages: Int, swappiness: Int, access: Access) {
    nodes = ContiguousArray(kswapdCPUs.map { PGData(kswapdCPU: $0) })
    swap = SwapSpace(pages: swapPages)
    rmap = ReverseMap(frames: frames, mms: mms)
    self.swappiness = swappiness
    self.access = access
    oomKills = Array(repeating: 0, count: mms)
  }

  /// Reclaim for a machine: one node per allocator node, kswapd on each node's first CPU.
  public init(for a: borrowing PageAllocator, setup: MachineSetup, mms: Int, swapPages: Int, access: Access) {
    self.init(
      nodes: setup.machine.nodes.map { $0.cpus.first?.index ?? 0 }, frames: a.memmap.count, mms: mms,
      swapPages: swapPages, swappiness: setup.sysctl.swappiness, access: access)
  }

  /// Puts a new folio on its node's LRU and maps it into `mm`.
  ///
  /// Mirrors: `folio_add_lru()` in mm/swap.c (new anon and file folios start inactive,
  /// Linux 6.18) with the fault's `folio_add_new_anon_rmap()` or `filemap_add_folio()`.
  @inline(__always)
  public mutating func addNewFolio(
    _ a: inout PageAllocator, _ page: PageIndex, order: Int, mm: Int, file: Bool?
  ) {
    rmap.map(page, order: order, mm: mm)
    guard let file else { return }
    let id = a.zones[a.zoneIndex(of: page)].id
    let nr = 1 << order
    nodes[id.node.index].lruvec.add(page, .inactive(file: file), nr: nr, zone: id.index, memmap: &a.memmap)
    guard file else { return }
    if a.memmap[Int(page)].mapcount > 0 { nodes[id.node.index].fileMapped += nr }
    if a.memmap.has(page, .dirty) { nodes[id.node.index].fileDirty += nr }
  }

  /// Moves a folio on an inactive list to the head of its active list.
  ///
  /// Mirrors: `folio_activate()` in mm/swap.c (Linux 6.18), counting `pgactivate`.
  public mutating func activate(_ a: inout PageAllocator, _ page: PageIndex) {
    let list = LRUVec.list(of: page, memmap: a.memmap)
    guard a.memmap.has(page, .lru), !list.isActive, list != .unevictable else { return }
    let id = a.zones[a.zoneIndex(of: page)].id
    let nr = 1 << a.memmap.folioOrder(page)
    nodes[id.node.index].lruvec.remove(page, list, nr: nr, zone: id.index, memmap: &a.memmap)
    nodes[id.node.index].lruvec.add(page, .active(file: list.isFile), nr: nr, zone: id.index, memmap: &a.memmap)
    a.counters[.pgactivate] &+= UInt64(nr)
  }

  /// The last mapping of a page-cache folio goes (`munmap()`, or a `read(2)` that never
  /// mapped it); the folio stays cached.
  ///
  /// Mirrors: `folio_remove_rmap_ptes()` → `NR_FILE_MAPPED` in mm/rmap.c (Linux 6.18).
  public mutating func unmapFileFolio(_ a: inout PageAllocator, _ page: PageIndex) {
    guard a.memmap[Int(page)].mapcount > 0 else { return }
    a.memmap[Int(page)].mapcount = 0
    guard a.memmap.has(page, .lru), !a.memmap.has(page, .swapBacked) else { return }
    nodes[a.zones[a.zoneIndex(of: page)].id.node.index].fileMapped -= 1 << a.memmap.folioOrder(page)
  }

  /// A page-cache folio leaves the page cache: its share of `NR_FILE_MAPPED` and
  /// `NR_FILE_DIRTY` goes with it.
  @inline(__always)
  mutating func dropFileCounts(_ a: borrowing PageAllocator, node: Int, _ page: PageIndex, nr: Int) {
    if a.memmap[Int(page)].mapcount > 0 { nodes[node].fileMapped -= nr }
    if a.memmap.has(page, .dirty) { nodes[node].fileDirty -= nr }
  }

  /// The owner frees a folio it holds: off the LRU, unmapped, back to the allocator.
  ///
  /// Mirrors: `munmap()`/truncation → `folio_remove_rmap_*()`, `lruvec_del_folio()` and
  /// `free_unref_folios()` (Linux 6.18).
  @inline(__always)
  public mutating func releaseFolio(_ a: inout PageAllocator, _ page: PageIndex, cpu: Int) {
    let order = a.memmap.folioOrder(page)
    if a.memmap.has(page, .lru) {
      let id = a.zones[a.zoneIndex(of: page)].id
      let list = LRUVec.list(of: page, memmap: a.memmap)
      nodes[id.node.index].lruvec.remove(page, list, nr: 1 << order, zone: id.index, memmap: &a.memmap)
      if list.isFile { dropFileCounts(a, node: id.node.index, page, nr: 1 << order) }
    }
    rmap.unmap(page, order: order)
    a.free(page, order: order, cpu: cpu)
  }

  /// The pages of a zone reclaim could free: its page cache, and its anonymous memory while
  /// swap is free; a zone with neither counts its free pages.
  ///
  /// Mirrors: `zone_reclaimable_pages()` in mm/vmscan.c (Linux 6.12+, with the free-page
  /// fallback for zones such as DMA32 that hold no LRU folios).
  public func zoneReclaimablePages(_ a: borrowing PageAllocator, zone z: Int) -> Int {
    let id = a.zones[z].id
    let lru = nodes[id.node.index].lruvec
    var pages = lru.size(.inactiveFile, zone: id.index) + lru.size(.activeFile, zone: id.index)
    if swap.hasFree { pages += lru.size(.inactiveAnon, zone: id.index) + lru.size(.activeAnon, zone: id.index) }
    return pages == 0 ? a.zones[z].freePages : pages
  }

  /// `NR_ZONE_WRITE_PENDING` of each zone of a node: its dirty and under-writeback page cache,
  /// counted folio by folio (for the end-of-run views).
  public func writePending(_ a: borrowing PageAllocator, node: Int) -> [Int] {
    var pages = Array(repeating: 0, count: a.zonesPerNode)
    for l in [LRUList.inactiveFile, .activeFile] {
      var p = nodes[node].lruvec.lists[l.rawValue].head
      while p != Memmap.none {
        if a.memmap.has(p, .dirty) || a.memmap.has(p, .writeback) {
          pages[a.zones[a.zoneIndex(of: p)].id.index] += 1 << a.memmap.folioOrder(p)
        }
        p = a.memmap[Int(p)].next
      }
    }
    return pages
  }

  /// Checks that every node's LRU lists agree with the memmap and that the reverse map's
  /// resident counts match the folios it maps.
  public func checkInvariants(_ a: borrowing PageAllocator) throws(AllocatorInvariantViolation) {
    let bases = a.zones.elements.map { (base: $0.memmapBase, zone: $0.id.index) }
    for (n, node) in nodes.enumerated() {
      try node.lruvec.checkInvariants(a.memmap) { page in
        bases.last { Int(page) >= $0.base }?.zone ?? 0
      }
      let (mapped, dirty) = node.lruvec.fileCounts(a.memmap)
      guard mapped == node.fileMapped, dirty == node.fileDirty else {
        throw AllocatorInvariantViolation(
          description:
            "node \(n): nr_mapped \(node.fileMapped), nr_dirty \(node.fileDirty); its page cache holds \(mapped) and \(dirty)"
        )
      }
    }
    var rss = Array(repeating: 0, count: rmap.rss.count)
    for p in 0..<a.memmap.count {
      guard let mm = rmap.owner(of: PageIndex(p)) else { continue }
      guard a.memmap[p].refcount > 0 else {
        throw AllocatorInvariantViolation(description: "page \(p) is mapped by mm \(mm) but free")
      }
      rss[mm] += a.memmap.has(PageIndex(p), .head) ? 1 << Int(a.memmap[p].order) : 1
    }
    guard rss == rmap.rss else {
      throw AllocatorInvariantViolation(description: "rss counts \(rmap.rss) but the reverse map holds \(rss)")
    }
  }
}

extension Reclaim: ReclaimHooks {
  public func kswapdIsRunning(node: Int) -> Bool { nodes[node].kswapd.isRunning }

  public mutating func wakeKswapd(
    _ a: inout PageAllocator, zone: Int, gfp: GFPFlags, order: Int, highestZoneIndex: Int, task: inout TaskContext
  ) {
    if wakeKswapd(&a, zone: zone, order: order, highestZoneIndex: highestZoneIndex) {
      task.wokenKswapds.append(Int32(a.zones[zone].id.node.index))
    }
  }

  public mutating func directCompact(
    _ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext, task: inout TaskContext
  ) -> Bool {
    false
  }

  public func reclaimablePages(_ a: borrowing PageAllocator, zone: Int) -> Int { zoneReclaimablePages(a, zone: zone) }
}
