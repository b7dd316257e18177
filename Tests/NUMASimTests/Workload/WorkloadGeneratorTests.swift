// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct WorkloadGeneratorTests {
  static func group(_ name: String, _ arrival: ArrivalProcess, cpus: [Int] = [0]) -> TaskGroup {
    TaskGroup(name: name, cpus: cpus.map(CPUID.init), arrival: arrival)
  }

  @Test func oneStatePerGroupInConfigOrder() {
    let config = WorkloadConfig(groups: [
      Self.group("x", .poisson(ratePerSecond: 1)), Self.group("y", .poisson(ratePerSecond: 2)),
    ])
    let g = WorkloadGenerator(config, seeds: SeedSequence(masterSeed: 1))
    #expect(g.groups.map(\.group.name) == ["x", "y"])
    #expect(g.index(of: "y") == 1)
    #expect(g.index(of: "x") == 0)
    #expect(g.index(of: "z") == nil)
    #expect(g.lostNanoseconds == 0)
  }

  @Test func firstArrivalsFollowEachGroupsProcess() {
    let config = WorkloadConfig(groups: [
      Self.group("tick", .constant(interval: SimTime(nanoseconds: 1000)), cpus: [3]),
      Self.group("never", .poisson(ratePerSecond: 0)),
    ])
    var g = WorkloadGenerator(config, seeds: SeedSequence(masterSeed: 1))
    let first = g.firstArrivals()
    #expect(first.count == 2)
    #expect(first[0] == WorkloadArrival(time: SimTime(nanoseconds: 1000), cpu: CPUID(3)))
    #expect(first[1] == nil)
  }

  @Test func theSameSeedGivesTheSameArrivals() {
    let config = WorkloadConfig(groups: [
      Self.group("a", .poisson(ratePerSecond: 1000), cpus: [0, 1, 2]), Self.group("b", .poisson(ratePerSecond: 50)),
    ])
    var one = WorkloadGenerator(config, seeds: SeedSequence(masterSeed: 9))
    var two = WorkloadGenerator(config, seeds: SeedSequence(masterSeed: 9))
    var other = WorkloadGenerator(config, seeds: SeedSequence(masterSeed: 10))
    let a = one.firstArrivals()
    #expect(a == two.firstArrivals())
    #expect(a != other.firstArrivals())
    #expect(a.allSatisfy { $0 != nil })
  }
}
