// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct MachineProbeTests {
  /// A copy of a fixture tree in a fresh folder, to change a file of.
  static func copy(_ fixture: String) throws -> String {
    let dir = try Fixtures.temporaryFolder("probe") + "/root"
    try FileManager.default.copyItem(atPath: Fixtures.path("probe/\(fixture)"), toPath: dir)
    return dir
  }

  static func write(_ text: String, _ relative: String, in root: String) throws {
    try text.write(toFile: root + "/" + relative, atomically: true, encoding: .utf8)
  }

  @Test func readsATwoNodeMachineWithInterleavedCPUs() throws {
    let p = try MachineProbe(root: Fixtures.path("probe/two-node"))
    #expect(p.nodes.map(\.id) == [0, 1])
    #expect(p.nodes.map(\.cpus) == [[0, 2, 4, 6], [1, 3, 5, 7]])
    #expect(p.nodes.map(\.distances) == [[10, 21], [21, 10]])
    #expect(p.release == "5.14.0-362.8.1.el9_3.x86_64" && p.kernel.version == KernelVersion(5, 14) && p.kernel.modelled)
    #expect(p.transparentHugepage == "always")
    #expect(p.swapKiB == 2_097_148)
    #expect(p.hostname == "db-2s")
    #expect(p.zoneinfo.zones.count == 10)
    // Every /proc/sys/vm file numasim knows, in its order; numa_zonelist_order is not one.
    #expect(p.sysctls.map(\.key) == SysctlKey.allCases.filter { $0 != .transparentHugepage })
    #expect(p.sysctls.first { $0.key == .lowmemReserveRatio }?.value == "256 256 32 0 0")
  }

  @Test func readsACPULessNode() throws {
    let p = try MachineProbe(root: Fixtures.path("probe/four-node-cxl"))
    #expect(p.nodes.map(\.cpus.count) == [8, 8, 8, 0])
    #expect(p.nodes[3].distances == [24, 24, 24, 10])
    #expect(p.swapKiB == 0 && p.transparentHugepage == "madvise")
  }

  @Test func kernelListsAreRangesAndSingles() throws {
    #expect(try MachineProbe.list("0-3,8,10-11\n", file: "f") == [0, 1, 2, 3, 8, 10, 11])
    #expect(try MachineProbe.list("\n", file: "f").isEmpty)
    #expect(throws: InputError.self) { try MachineProbe.list("3-1", file: "f") }
    #expect(throws: InputError.self) { try MachineProbe.list("0,x", file: "f") }
    #expect(MachineProbe.listText([6, 0, 1, 2, 4]) == "0-2,4,6")
  }

  @Test func aMissingZoneinfoNamesTheFileAndTheRoot() throws {
    let root = try Fixtures.temporaryFolder("probe-empty")
    do {
      _ = try MachineProbe(root: root)
      Issue.record("an empty folder was probed")
    } catch {
      #expect(error.file == root + "/proc/zoneinfo")
      #expect(error.message.contains("root of a Linux machine"))
    }
  }

  @Test func aShortDistanceRowIsAnErrorAtItsFile() throws {
    let root = try Self.copy("two-node")
    try Self.write("10\n", "sys/devices/system/node/node1/distance", in: root)
    do {
      _ = try MachineProbe(root: root)
      Issue.record("a one-entry row of two nodes was read")
    } catch {
      #expect(error.file.hasSuffix("node1/distance") && error.line == 1)
      #expect(error.message.contains("expected 2 distances"))
    }
  }

  @Test func aMalformedSwapLineIsAnErrorAtItsLine() throws {
    let root = try Self.copy("two-node")
    try Self.write("Filename Type Size Used Priority\n/swapfile file lots 0 -2\n", "proc/swaps", in: root)
    do {
      _ = try MachineProbe(root: root)
      Issue.record("a swap size of 'lots' was read")
    } catch {
      #expect(error.file.hasSuffix("proc/swaps") && error.line == 2)
    }
  }

  @Test func aNodeWithZonesButOfflineIsNamed() throws {
    let root = try Self.copy("two-node")
    try Self.write("0\n", "sys/devices/system/node/online", in: root)
    try Self.write("10\n", "sys/devices/system/node/node0/distance", in: root)
    do {
      _ = try MachineProbe(root: root)
      Issue.record("node 1's zones were dropped silently")
    } catch {
      #expect(error.message.contains("node 1 has zones but is not in"))
      #expect(error.line != nil)
    }
  }

  @Test func withoutNUMAOneNodeHoldsTheOnlineCPUs() throws {
    let root = try Self.copy("two-node")
    try FileManager.default.removeItem(atPath: root + "/sys/devices/system/node")
    try FileManager.default.createDirectory(atPath: root + "/sys/devices/system/cpu", withIntermediateDirectories: true)
    try Self.write("0-5\n", "sys/devices/system/cpu/online", in: root)
    let p = try MachineProbe(root: root)
    #expect(p.nodes == [MachineProbe.Node(id: 0, cpus: Array(0...5), distances: [10])])
  }

  @Test func anUnmodelledReleaseTakesTheNearestModelledOne() throws {
    let root = try Self.copy("two-node")
    try Self.write("3.10.0-1160.el7.x86_64\n", "proc/sys/kernel/osrelease", in: root)
    let p = try MachineProbe(root: root)
    #expect(p.kernel.version == .oldestSupported && !p.kernel.modelled)
  }
}
