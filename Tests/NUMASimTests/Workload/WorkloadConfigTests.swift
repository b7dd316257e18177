// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct WorkloadConfigTests {
  @Test func keepsGroupsInOrder() {
    let a = TaskGroup(name: "a", cpus: [CPUID(0)], arrival: .poisson(ratePerSecond: 1))
    let b = TaskGroup(name: "b", cpus: [CPUID(1)], arrival: .poisson(ratePerSecond: 2))
    let w = WorkloadConfig(groups: [b, a])
    #expect(w.groups.map(\.name) == ["b", "a"])
    #expect(w != WorkloadConfig(groups: [a, b]))
    #expect(w == WorkloadConfig(groups: [b, a]))
    #expect(WorkloadConfig(groups: []).groups.isEmpty)
  }
}
