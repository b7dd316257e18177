// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct DefaultConfigTests {
  static var path: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Configs/default.yaml").path
  }

  /// The default machine with its nodes' CPUs replaced by `cpus[i]` CPUs on node i.
  static func machine(cpus: [Int]) throws -> Machine {
    var first = 0
    var m = try MachineConfig.default.build(file: "t")
    m.nodes = cpus.enumerated().map { i, n in
      defer { first += n }
      return NodeLayout(id: NodeID(i), cpus: (first..<first + n).map(CPUID.init), zones: [])
    }
    return m
  }

  @Test func theBuiltInTextIsConfigsDefaultYAMLByteForByte() throws {
    let file = try String(contentsOfFile: Self.path, encoding: .utf8)
    #expect(file == SimulationConfig.defaultYAML)
  }

  @Test func theBuiltInIsConfigsDefaultYAMLRead() throws {
    let file = try SimulationConfig.load(path: Self.path)
    let builtIn = try SimulationConfig.builtIn()
    #expect(builtIn.name == "default" && builtIn.file == "<built-in>")
    #expect(file.name == builtIn.name && file.kernel == builtIn.kernel)
    let a = try file.setUp()
    let b = try builtIn.setUp()
    #expect(ZoneInfoReport.render(.boot(a)) == ZoneInfoReport.render(.boot(b)))
    #expect(NumactlReport.render(a) == NumactlReport.render(b))
    #expect(SysctlReport.render(a) == SysctlReport.render(b))
    #expect(file.workload == builtIn.workload)
    #expect(file.duration == builtIn.duration && file.warmup == builtIn.warmup && file.seed == builtIn.seed)
    #expect(file.sampleInterval == builtIn.sampleInterval)
  }

  @Test func fourGroupsOverTheDefaultMachinesCPUs() throws {
    let w = try #require(try SimulationConfig.builtIn().workload)
    #expect(w.groups.map(\.name) == ["app-heap", "page-cache", "io-bursts", "slab"])
    #expect(w.groups.map(\.kind) == [.anon, .fileClean, .fileDirty, .slab])
    #expect(w.groups.map { $0.cpus.map(\.index) } == [Array(0..<8), [0, 1, 2, 3], [4, 5, 6, 7], Array(0..<8)])
    #expect(w.groups[0].arrival == .poisson(ratePerSecond: 10_000))
    #expect(w.groups[0].lifetime == .drawn(.exponential(mean: 30)))
    #expect(w.groups[0].access == AccessPattern(referenceInterval: .exponential(mean: 1), hotFraction: 0.5))
    #expect(w.groups[0].shared == SharedMapping(fraction: 0.1, mapcount: .uniform(low: 2, high: 8)))
    #expect(w.groups[1].arrival == .poisson(ratePerSecond: 100_000) && w.groups[1].lifetime == .untilReclaimed)
    #expect(w.groups[2].arrival == .onOff(rate: 200_000, on: .exponential(mean: 0.2), off: .exponential(mean: 2)))
    #expect(w.groups[3].arrival == .poisson(ratePerSecond: 2_000))
    #expect(w.groups.map(\.gfp) == w.groups.map(\.kind.defaultGFP))
  }

  @Test func theBuiltInWorkloadSkipsNodesWithoutCPUs() throws {
    let w = try WorkloadConfig.builtIn(for: Self.machine(cpus: [0, 2, 3, 0]))
    #expect(w.groups[0].cpus.map(\.index) == [0, 1, 2, 3, 4])
    #expect(w.groups[1].cpus.map(\.index) == [0, 1])
    #expect(w.groups[2].cpus.map(\.index) == [2, 3, 4])
    let one = try WorkloadConfig.builtIn(for: Self.machine(cpus: [2]))
    #expect(one.groups.allSatisfy { $0.cpus.map(\.index) == [0, 1] })
  }

  @Test func aConfigWithoutAWorkloadRunsTheBuiltInOnesOnItsMachine() throws {
    let c = try SimulationConfig.parse(yaml: "machine: {nodes: [{memory: 1GiB, cpus: 3}]}", file: "c.yaml")
    let w = try #require(c.workload)
    #expect(w.groups.map(\.name) == ["app-heap", "page-cache", "io-bursts", "slab"])
    #expect(w.groups.allSatisfy { $0.cpus.map(\.index) == [0, 1, 2] })
  }

  @Test func overridesReachTheBuiltInWorkload() throws {
    let set = try SimulationConfig.builtIn(overrides: [ConfigOverride(path: "workload[0].arrival.poisson", value: "5")])
    #expect(set.workload?.groups.count == 4)
    #expect(set.workload?.groups[0].arrival == .poisson(ratePerSecond: 5))
  }

  @Test func theMachineIsBuiltOnceAndRebuiltWhenReplaced() throws {
    var c = try SimulationConfig.builtIn()
    #expect(c.builtMachine?.nodes.count == 2)
    c.machine = MachineConfig(source: .nodes([NodeSpec(memoryBytes: ByteSize.gib, cpuCount: 1)]))
    #expect(c.builtMachine == nil)
    try c.buildMachineAndReadWorkload()
    #expect(c.builtMachine?.nodes.count == 1)
    #expect(c.workload?.groups.allSatisfy { $0.cpus.map(\.index) == [0] } == true)
  }
}
