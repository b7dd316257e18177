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
    let node = a.zones[a.zoneIndex(of: page)].id.node.index
    nodes[node].lruvec.add(page, .inactive(file: file), nr: 1 << order, memmap: &a.memmap)
  }

  /// The owner frees a folio it holds: off the LRU, unmapped, back to the allocator.
  ///
  /// Mirrors: `munmap()`/truncation → `folio_remove_rmap_*()`, `lruvec_del_folio()` and
  /// `free_unref_folios()` (Linux 6.18).
  @inline(__always)
  public mutating func releaseFolio(_ a: inout PageAllocator, _ page: PageIndex, cpu: Int) {
    let order = a.memmap.folioOrder(page)
    if a.memmap.has(page, .lru) {
      let node = a.zones[a.zoneIndex(of: page)].id.node.index
      nodes[node].lruvec.remove(page, LRUVec.list(of: page, memmap: a.memmap), nr: 1 << order, memmap: &a.memmap)
    }
    rmap.unmap(page, order: order)
    a.free(page, order: order, cpu: cpu)
  }

  /// The pages of a zone reclaim could free: its share of the node's file LRU, and of the
  /// anon LRU while swap is free.
  ///
  /// Mirrors: `zone_reclaimable_pages()` in mm/vmscan.c (Linux 6.18).
  /// - Deviation: LRU sizes are per node, so a zone gets its managed share of them.
  public func zoneReclaimablePages(_ a: borrowing PageAllocator, zone z: Int) -> Int {
    let node = a.zones[z].id.node.index
    let lru = nodes[node].lruvec
    var pages = lru.size(.inactiveFile) + lru.size(.activeFile)
    if swap.hasFree { pages += lru.size(.inactiveAnon) + lru.size(.activeAnon) }
    let nodeManaged = a.nodeSum(node, \.managed)
    return nodeManaged == 0 ? 0 : Int(Double(pages) * Double(a.zones[z].managed) / Double(nodeManaged))
  }

  /// Checks that every node's LRU lists agree with the memmap and that the reverse map's
  /// resident counts match the folios it maps.
  public func checkInvariants(_ a: borrowing PageAllocator) throws(AllocatorInvariantViolation) {
    for node in nodes { try node.lruvec.checkInvariants(a.memmap) }
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
