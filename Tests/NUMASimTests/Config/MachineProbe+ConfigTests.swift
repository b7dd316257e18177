// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct MachineProbeConfigTests {
  /// The zone headers and watermark lines of zoneinfo text.
  static func watermarkLines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix("Node ") || $0.range(of: #"^\s+(min|low|high) "#, options: .regularExpression) != nil
    }
  }

  static func setUp(_ text: String) throws -> MachineSetup {
    try SimulationConfig.parse(yaml: text, file: "probe.yaml").setUp()
  }

  @Test func theTwoNodeConfigGivesTheMachinesOwnWatermarks() throws {
    let root = Fixtures.path("probe/two-node")
    let (text, notes) = try MachineProbe(root: root).config()
    #expect(notes.isEmpty, "\(notes)")
    let setup = try Self.setUp(text)
    let real = try String(contentsOfFile: root + "/proc/zoneinfo", encoding: .utf8)
    #expect(Self.watermarkLines(ZoneInfoReport.render(.boot(setup))) == Self.watermarkLines(real))
    #expect(setup.machine.nodes.map(\.cpus.count) == [4, 4])
    #expect(text.contains("vm.min_free_kbytes: 90112   # as the boot rules compute it for this machine"))
    #expect(text.contains("gives the machine's own min/low/high for every zone"))
    #expect(text.contains("numbers CPUs node by node") && text.contains("# node 0: CPUs 0,2,4,6"))
    #expect(text.contains("transparent_hugepage: always") && text.contains("swap: {size: 2097148KiB}"))
    let config = try SimulationConfig.parse(yaml: text, file: "probe.yaml")
    #expect(config.name == "probe-db-2s" && config.kernel == KernelVersion(5, 14))
    #expect(config.workload?.groups.map(\.name) == ["heap", "page-cache", "slab"])
  }

  @Test func aHandSetMinFreeAndLateManagedPagesAreSaidInTheConfig() throws {
    let (text, notes) = try MachineProbe(root: Fixtures.path("probe/four-node-cxl")).config()
    #expect(text.contains("vm.min_free_kbytes: 262144   # set on the machine; the boot rules give 135168 here"))
    #expect(text.contains("differs from the machine's watermarks:"))
    // The drift note finds the 2048 pages node 0's Normal zone gained after the recompute.
    let verdict = try #require(notes.first { $0.contains("every dumped min/low/high is reproduced if") })
    #expect(verdict.contains("Node 0, zone Normal"))
    let range = try #require(verdict.firstMatch(of: /had (\d+)-(\d+) managed pages lower/))
    #expect(Int(range.1)! <= 2048 && 2048 <= Int(range.2)!)
    #expect(text.contains("#   " + verdict))
    let setup = try Self.setUp(text)
    #expect(setup.machine.nodes.map(\.cpus.count) == [8, 8, 8, 0])
    #expect(!text.contains("numbers CPUs node by node"))
  }

  @Test func sparseNodeNumbersAreRenumberedAndSaidSo() throws {
    let root = try MachineProbeTests.copy("two-node")
    let nodes = root + "/sys/devices/system/node"
    try FileManager.default.moveItem(atPath: nodes + "/node1", toPath: nodes + "/node2")
    try MachineProbeTests.write("0,2\n", "sys/devices/system/node/online", in: root)
    let zoneinfo = try String(contentsOfFile: root + "/proc/zoneinfo", encoding: .utf8)
    try MachineProbeTests.write(
      zoneinfo.replacingOccurrences(of: "Node 1,", with: "Node 2,"), "proc/zoneinfo", in: root)
    let (text, notes) = try MachineProbe(root: root).config()
    #expect(notes.isEmpty, "\(notes)")
    #expect(text.contains("# node 1 (node 2 on the machine): CPUs 1,3,5,7"))
    #expect(try Self.setUp(text).machine.nodes.count == 2)
  }

  @Test func aValueTheModelRefusesIsKeptAsACommentWithANote() throws {
    let root = try MachineProbeTests.copy("two-node")
    try MachineProbeTests.write("0\n", "proc/sys/vm/stat_interval", in: root)
    let (text, notes) = try MachineProbe(root: root).config()
    #expect(text.contains("# vm.stat_interval: 0   # not kept:"))
    #expect(notes.contains { $0.contains("stat_interval") && $0.contains("left at the model's default") })
    #expect(try Self.setUp(text).sysctl.statInterval == SysctlVM().statInterval)
  }

  @Test func theExampleSweepSpansTheMachinesMinFree() throws {
    let (text, _) = try MachineProbe(root: Fixtures.path("probe/two-node")).config()
    #expect(text.contains("sysctl.vm.min_free_kbytes: [45056, 90112, 180224, 360448]"))
    let grid = try #require(try SimulationConfig.parse(yaml: text, file: "probe.yaml").sweep?.child("grid"))
    #expect(grid.child("sysctl.vm.watermark_scale_factor") != nil)
  }

  @Test func ratesAreRoundedToTwoDigits() {
    #expect(MachineProbe.round(51_234) == 51_000 && MachineProbe.round(77_777) == 78_000)
    #expect(MachineProbe.round(99) == 99 && MachineProbe.round(12_345_678) == 12_000_000)
  }
}
