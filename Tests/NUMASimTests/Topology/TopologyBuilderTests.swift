// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct TopologyBuilderTests {
  @Test func x86LowMemoryMatchesARealMachine() throws {
    // The reference VM's low zones: DMA spanned 4095 present 3998 managed 3840 start 1;
    // DMA32 spanned 1044480 present 782336 start 4096.
    let nodes = try TopologyBuilder().buildNodes([NodeSpec(memoryBytes: 24 * ByteSize.gib, cpuCount: 2)])
    let z = nodes[0].zones
    #expect(z[0] == ZoneSpan(type: .dma, startPFN: 1, spanned: Pages(4095), present: Pages(3998), managed: Pages(3840)))
    #expect(z[1].startPFN == 4096 && z[1].spanned == Pages(1_044_480) && z[1].present == Pages(782_336))
    #expect(z[1].present.count - z[1].managed.count == 9528)
    #expect(z[2].startPFN == 1_048_576)
    // All RAM is present except the 98 firmware-hole frames.
    #expect(nodes[0].presentPages.count == 24 * 262_144 - 98)
  }

  @Test(arguments: [MemoryModel.sparsemem, .discontigmem, .flatmem])
  func memmapCostsSixtyFourBytesPerFrame(model: MemoryModel) throws {
    var b = TopologyBuilder()
    b.memoryModel = model
    let n = try b.buildNodes([NodeSpec(memoryBytes: 24 * ByteSize.gib, cpuCount: 2)])
    let normal = n[0].zones[2]
    let memmap = normal.present.count - normal.managed.count
    switch model {
    case .sparsemem:
      // 192 sections of RAM + the hole-split section: 24 GiB present in sections 0-23 and 32-... .
      #expect(memmap % 512 == 0)
      #expect(memmap == 192 * 512)
    case .discontigmem, .flatmem:
      // One array over the node's span, the 1 GiB PCI hole included: 25 GiB of frames.
      #expect(memmap == MemoryModel.memmapPages(forFrames: normal.endPFN - 1))
    }
  }

  @Test func flatmemCannotDescribeTwoMemoryNodes() {
    var b = TopologyBuilder()
    b.memoryModel = .flatmem
    #expect(throws: TopologyError.self) {
      try b.buildNodes([
        NodeSpec(memoryBytes: ByteSize.gib, cpuCount: 1), NodeSpec(memoryBytes: ByteSize.gib, cpuCount: 1),
      ])
    }
  }

  @Test func secondNodeStartsOnASectionBoundaryAboveTheFirst() throws {
    let n = try TopologyBuilder().buildNodes([
      NodeSpec(memoryBytes: 4 * ByteSize.gib, cpuCount: 2), NodeSpec(memoryBytes: 4 * ByteSize.gib, cpuCount: 2),
    ])
    let n0Normal = n[0].zones[2]
    #expect(n0Normal.startPFN == 1_048_576)
    #expect(n[1].zones[0].present == .zero && n[1].zones[1].present == .zero)
    #expect(n[1].zones[2].startPFN % MemoryModel.sectionPages == 0)
    #expect(n[1].zones[2].startPFN >= n0Normal.endPFN)
    #expect(n[1].zones[2].present.count == 4 * 262_144)
    // Node 1 pays only its own memmap: 32 sections of 512 pages.
    #expect(n[1].zones[2].present.count - n[1].zones[2].managed.count == 32 * 512)
    #expect(n[1].cpus == [CPUID(2), CPUID(3)])
  }

  @Test func memorylessAndCPULessNodesAreValid() throws {
    let m = try TopologyBuilder().buildMachine([
      NodeSpec(memoryBytes: 2 * ByteSize.gib, cpuCount: 2), NodeSpec(memoryBytes: 0, cpuCount: 2),
      NodeSpec(memoryBytes: 2 * ByteSize.gib, cpuCount: 0),
    ])
    #expect(!m.nodes[1].hasMemory && m.nodes[1].hasCPUs)
    #expect(m.nodes[2].hasMemory && !m.nodes[2].hasCPUs)
    #expect(m.onlineCPUs == 4)
  }

  @Test func movableMemoryIsTakenFromTheTopOfTheNode() throws {
    let n = try TopologyBuilder().buildNodes([
      NodeSpec(memoryBytes: 8 * ByteSize.gib, cpuCount: 1, movableBytes: 2 * ByteSize.gib)
    ])
    let normal = n[0].zones[2]
    let movable = n[0].zones[3]
    #expect(movable.present.count == 2 * 262_144)
    #expect(movable.managed == movable.present)  // no memmap in ZONE_MOVABLE
    #expect(movable.startPFN == normal.endPFN)
  }

  @Test func i386HasHighMemAbove896MiB() throws {
    var b = TopologyBuilder()
    b.architecture = .i386
    b.pciHoleBytes = 0
    let n = try b.buildNodes([NodeSpec(memoryBytes: 2 * ByteSize.gib, cpuCount: 1)])
    #expect(n[0].zones.map(\.type) == [.dma, .normal, .highMem, .movable])
    #expect(n[0].zones[2].startPFN == 229_376)
    #expect(n[0].zones[2].managed == n[0].zones[2].present)
  }

  @Test func negativeOrOversizedRequestsAreErrors() {
    #expect(throws: TopologyError.self) { try TopologyBuilder().buildNodes([NodeSpec(memoryBytes: -1, cpuCount: 1)]) }
    #expect(throws: TopologyError.self) {
      try TopologyBuilder().buildNodes([
        NodeSpec(memoryBytes: ByteSize.gib, cpuCount: 1, movableBytes: 2 * ByteSize.gib)
      ])
    }
    #expect(throws: TopologyError.self) {
      try TopologyBuilder().buildNodes([NodeSpec(memoryBytes: 8 * ByteSize.mib, cpuCount: 1)])
    }
  }
}
