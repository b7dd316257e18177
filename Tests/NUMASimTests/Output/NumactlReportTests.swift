// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct NumactlReportTests {
  @Test func layoutMatchesNumactl() throws {
    let m = try TopologyBuilder().buildMachine(
      [NodeSpec(memoryBytes: 4 * ByteSize.gib, cpuCount: 2), NodeSpec(memoryBytes: 4 * ByteSize.gib, cpuCount: 2)],
      distances: try DistanceMatrix([[10, 21], [21, 10]]))
    let text = NumactlReport.render(KernelSetup.setUp(m))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "available: 2 nodes (0-1)")
    #expect(lines[1] == "node 0 cpus: 0 1")
    let size = Int(lines[2].dropFirst("node 0 size: ".count).dropLast(" MB".count)) ?? 0
    #expect(size > 3900 && size < 4096)
    #expect(lines[7] == "node distances:")
    #expect(lines[8] == "node   0   1 ")
    #expect(lines[9] == "  0:  10  21 ")
    #expect(lines[10] == "  1:  21  10 ")
    #expect(lines[11] == "Fallback order for Node 0: 0 1 ")
    #expect(lines[12] == "Fallback order for Node 1: 1 0 ")
  }

  @Test func memorylessNodeShowsZeroSizeAndNoOwnEntry() throws {
    let m = try TopologyBuilder().buildMachine([
      NodeSpec(memoryBytes: 2 * ByteSize.gib, cpuCount: 1), NodeSpec(memoryBytes: 0, cpuCount: 1),
      NodeSpec(memoryBytes: 2 * ByteSize.gib, cpuCount: 0),
    ])
    let text = NumactlReport.render(KernelSetup.setUp(m))
    #expect(text.contains("node 1 size: 0 MB\n"))
    #expect(text.contains("node 2 cpus:\n"))
    #expect(text.contains("Fallback order for Node 1: 2 0 \n") || text.contains("Fallback order for Node 1: 0 2 \n"))
  }

  @Test func nodeRanges() {
    #expect(NumactlReport.ranges([0, 1, 2, 3]) == "0-3")
    #expect(NumactlReport.ranges([0, 2, 3]) == "0,2-3")
    #expect(NumactlReport.ranges([5]) == "5")
  }
}
