// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

/// An allocator for `nodes` nodes of `memory` bytes and `cpus` CPUs each, 4 MiB reserved per node.
func makeAllocator(
  nodes: Int = 1, memory: Int = 256 * ByteSize.mib, cpus: Int = 2, distances: [[Int]]? = nil,
  sysctl: SysctlVM = SysctlVM()
) throws -> PageAllocator {
  var b = TopologyBuilder()
  b.kernelReservedBytes = 4 * ByteSize.mib
  let machine = try b.buildMachine(
    Array(repeating: NodeSpec(memoryBytes: memory, cpuCount: cpus), count: nodes),
    distances: try distances.map { try DistanceMatrix($0) })
  return PageAllocator(KernelSetup.setUp(machine, sysctl: sysctl))
}

/// Reclaim for an allocator: kswapd on each node's first CPU, `mms` address spaces whose hot
/// pages are always referenced, and `swapPages` of swap.
func makeReclaim(_ a: borrowing PageAllocator, mms: Int = 1, swapPages: Int = 0, swappiness: Int = 60) -> Reclaim<
  AccessModel
> {
  Reclaim(
    nodes: (0..<a.nodeCount).map { n in a.cpuNode.firstIndex(of: n) ?? 0 }, frames: a.memmap.count, mms: mms,
    swapPages: swapPages, swappiness: swappiness,
    access: AccessModel(
      referenceInterval: Array(repeating: 0, count: mms), nodes: a.nodeCount, stream: RandomStream(seed: 1)))
}

extension Reclaim {
  /// Allocates order-0 pages of `kind` on node `node` (from the zones `gfp` allows) until its
  /// free pages reach the min mark (no reclaim), maps them into mm 0 (`mapped`: into a page
  /// table too) and puts them on the LRU; returns how many.
  @discardableResult
  mutating func fill(
    _ a: inout PageAllocator, node: Int = 0, file: Bool = true, dirty: Bool = false, hot: Bool = false,
    mapped: Bool = false, gfp: GFPFlags = .highUserMovable, limit: Int = .max
  ) -> Int {
    var n = 0
    let cpu = a.cpuNode.firstIndex(of: node) ?? 0
    while n < limit, let p = a.allocate(AllocationRequest(order: 0, gfp: gfp.union(.thisNode), cpu: cpu)) {
      if !file { a.memmap.set(p.page, .swapBacked) }
      if dirty { a.memmap.set(p.page, .dirty) }
      if hot { a.memmap.set(p.page, .hot) }
      if mapped { a.memmap[Int(p.page)].mapcount = 1 }
      addNewFolio(&a, p.page, order: 0, mm: 0, file: file)
      n += 1
    }
    return n
  }
}

/// An allocator, its reclaim side and one value a test set-up found (a zone, say): tuples
/// cannot hold the noncopyable allocator.
/// A 256 MiB node whose memory is almost all clean page cache on the LRU; `value` is its
/// DMA32 zone.
func makeFilledNode() throws -> TestMachine {
  var a = try makeAllocator(memory: 256 * ByteSize.mib)
  var r = makeReclaim(a)
  r.fill(&a)
  let dma32 = try #require(a.zones.elements.first { $0.type == .dma32 }).flatIndex
  return TestMachine(a: a, r: r, value: dma32)
}

struct TestMachine: ~Copyable {
  var a: PageAllocator
  var r: Reclaim<AccessModel>
  var value = 0
}
