// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct DefaultWorkloadTests {
  static func machine(cpus: [Int]) -> Machine {
    let nodes = cpus.enumerated().map { i, n in
      var first = cpus.prefix(i).reduce(0, +)
      return NodeLayout(
        id: NodeID(i),
        cpus: (0..<n).map { _ in
          defer { first += 1 }
          return CPUID(first)
        }, zones: [])
    }
    var m = try! MachineConfig.default.build(file: "t")
    m.nodes = nodes
    return m
  }

  @Test func fourGroupsOverTheMachinesCPUs() throws {
    let machine = try MachineConfig.default.build(file: "c.yaml")
    let w = WorkloadConfig.default(for: machine)
    #expect(w.groups.map(\.name) == ["app-heap", "page-cache", "io-bursts", "slab"])
    #expect(w.groups.map(\.kind) == [.anon, .fileClean, .fileDirty, .slab])
    #expect(w.groups[0].cpus.map(\.index) == Array(0..<8))
    #expect(w.groups[1].cpus.map(\.index) == [0, 1, 2, 3])
    #expect(w.groups[2].cpus.map(\.index) == [4, 5, 6, 7])
    #expect(w.groups[3].cpus.map(\.index) == Array(0..<8))
  }

  @Test func groupsHaveTheDocumentedRatesAndLifetimes() throws {
    let w = WorkloadConfig.default(for: try MachineConfig.default.build(file: "c.yaml"))
    #expect(w.groups[0].arrival == .poisson(ratePerSecond: 10_000))
    #expect(w.groups[0].lifetime == .drawn(.exponential(mean: 30)))
    #expect(w.groups[0].access == AccessPattern(referenceInterval: .exponential(mean: 1), hotFraction: 0.5))
    #expect(w.groups[0].shared == SharedMapping(fraction: 0.1, mapcount: .uniform(low: 2, high: 8)))
    #expect(w.groups[1].arrival == .poisson(ratePerSecond: 100_000))
    #expect(w.groups[1].lifetime == .untilReclaimed)
    #expect(w.groups[2].arrival == .onOff(rate: 200_000, on: .exponential(mean: 0.2), off: .exponential(mean: 2)))
    #expect(w.groups[2].access == .untouched)
    #expect(w.groups[3].arrival == .poisson(ratePerSecond: 2_000))
    #expect(w.groups[3].lifetime == .drawn(.exponential(mean: 10)))
    #expect(w.groups.allSatisfy { $0.arrival.problem == nil })
    #expect(w.groups.map(\.gfp) == w.groups.map(\.kind.defaultGFP))
  }

  @Test func nodesWithoutCPUsAreSkippedForTheNodeGroups() {
    let w = WorkloadConfig.default(for: Self.machine(cpus: [0, 2, 3, 0]))
    #expect(w.groups[0].cpus.map(\.index) == [0, 1, 2, 3, 4])
    #expect(w.groups[1].cpus.map(\.index) == [0, 1])
    #expect(w.groups[2].cpus.map(\.index) == [2, 3, 4])
  }

  @Test func aSingleNodeRunsEveryGroupOnItsCPUs() {
    let w = WorkloadConfig.default(for: Self.machine(cpus: [2]))
    #expect(w.groups.allSatisfy { $0.cpus.map(\.index) == [0, 1] })
  }
}
