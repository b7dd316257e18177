// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct MachineLimitsTests {
  static func layouts(nodes: Int, cpusPerNode: Int, frames: Int = 1 << 18) -> [NodeLayout] {
    (0..<nodes).map { n in
      var zones = Architecture.x86_64.zoneTypes.map(ZoneSpan.empty)
      zones[2] = ZoneSpan(
        type: .normal, startPFN: n * frames, spanned: Pages(frames), present: Pages(frames), managed: Pages(frames))
      return NodeLayout(
        id: NodeID(n), cpus: (0..<cpusPerNode).map { CPUID(n * cpusPerNode + $0) }, zones: zones)
    }
  }

  @Test func theKernelsCeilingsAreKept() throws {
    _ = try Machine(nodes: Self.layouts(nodes: MachineLimits.nodes, cpusPerNode: 1, frames: 512))
    #expect(throws: TopologyError.self) { try Machine(nodes: Self.layouts(nodes: 1025, cpusPerNode: 0, frames: 512)) }
    #expect(throws: TopologyError.self) { try Machine(nodes: Self.layouts(nodes: 2, cpusPerNode: 4097)) }
    _ = try Machine(nodes: Self.layouts(nodes: 2, cpusPerNode: 4096))
  }

  @Test func theMemmapIndexBoundsTheFrames() throws {
    #expect(MachineLimits.frames == 4_294_967_294)
    #expect(MachineLimits.bytes == MachineLimits.frames * 4096)
    #expect(throws: TopologyError.self) {
      try Machine(nodes: Self.layouts(nodes: 2, cpusPerNode: 1, frames: MachineLimits.frames / 2 + 1))
    }
  }
}
