// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

@Suite struct TaskGroupStateTests {
  let seeds = SeedSequence(masterSeed: 42)

  func group(
    _ name: String = "g", cpus: [Int] = [0], arrival: ArrivalProcess = .poisson(ratePerSecond: 10_000),
    kind: PageKind = .anon, lifetime: Lifetime = .untilReclaimed, access: AccessPattern = .untouched,
    shared: SharedMapping = .none, start: SimTime = .zero, stop: SimTime? = nil
  ) -> TaskGroup {
    TaskGroup(
      name: name, cpus: cpus.map(CPUID.init), arrival: arrival, kind: kind, lifetime: lifetime, access: access,
      shared: shared, start: start, stop: stop)
  }

  func run(_ state: inout TaskGroupState, count: Int) -> [WorkloadArrival] {
    var out: [WorkloadArrival] = []
    var now = SimTime.zero
    while out.count < count, let a = state.nextArrival(after: now) {
      out.append(a)
      now = a.time
    }
    return out
  }

  @Test func sameSeedSameSequence() {
    var a = TaskGroupState(group(cpus: [0, 1, 2]), seeds: seeds)
    var b = TaskGroupState(group(cpus: [0, 1, 2]), seeds: seeds)
    #expect(run(&a, count: 1000) == run(&b, count: 1000))
    #expect(a.drawOrder() == b.drawOrder())
  }

  @Test func groupNamesGiveIndependentStreams() {
    let solo = WorkloadConfig(groups: [group("a")])
    let pair = WorkloadConfig(groups: [group("b"), group("a")])
    var one = WorkloadGenerator(solo, seeds: seeds)
    var two = WorkloadGenerator(pair, seeds: seeds)
    // Adding group b does not perturb a.
    #expect(run(&one.groups[0], count: 500) == run(&two.groups[1], count: 500))
    // Two groups with the same settings but different names draw different times.
    var b = two.groups[0]
    var a = TaskGroupState(group("a"), seeds: seeds)
    #expect(run(&b, count: 50).map(\.time) != run(&a, count: 50).map(\.time))
    #expect(two.index(of: "a") == 1)
  }

  @Test func generatorGivesEachGroupItsFirstArrival() {
    let config = WorkloadConfig(groups: [
      group("early", arrival: .constant(interval: .milliseconds(2))),
      group("late", cpus: [1], arrival: .constant(interval: .milliseconds(1)), start: .seconds(1)),
      group("gone", arrival: .constant(interval: .seconds(2)), stop: .seconds(1)),
    ])
    var generator = WorkloadGenerator(config, seeds: seeds)
    #expect(
      generator.firstArrivals() == [
        WorkloadArrival(time: .milliseconds(2), cpu: CPUID(0)),
        WorkloadArrival(time: .milliseconds(1001), cpu: CPUID(1)), nil,
      ])
    generator.groups[1].delay(CPUID(1), from: .seconds(1), until: .seconds(2))
    generator.groups[0].delay(CPUID(0), from: .zero, until: .milliseconds(1))
    #expect(generator.lostNanoseconds == 1_001_000_000)
  }

  @Test func arrivalFitsInAnEventPayload() {
    #expect(MemoryLayout<WorkloadArrival>.size <= 16)
  }

  @Test func startAndStopBoundTheArrivals() {
    var s = TaskGroupState(
      group(arrival: .constant(interval: .milliseconds(1)), start: .milliseconds(5), stop: .milliseconds(9)),
      seeds: seeds)
    #expect(run(&s, count: 100).map(\.time) == [6, 7, 8].map { SimTime.milliseconds($0) })
    #expect(s.isFinished && s.issued == 3)
    #expect(s.nextArrival(after: .zero) == nil)
  }

  @Test func stalledSingleCPUResumesWhenTheStallEnds() {
    var s = TaskGroupState(group(cpus: [3], arrival: .constant(interval: .milliseconds(1))), seeds: seeds)
    let first = s.nextArrival(after: .zero)
    #expect(first == WorkloadArrival(time: .milliseconds(1), cpu: CPUID(3)))
    s.delay(CPUID(3), from: .milliseconds(1), until: .microseconds(5500))
    #expect(s.isBlocked(CPUID(3), at: .milliseconds(5)))
    #expect(s.nextArrival(after: .milliseconds(1))?.time == .microseconds(6500))
    #expect(s.lostNanoseconds == 4_500_000)
    // An overlapping report counts only the new part.
    s.delay(CPUID(3), from: .milliseconds(5), until: .milliseconds(8))
    #expect(s.lostNanoseconds == 7_000_000)
  }

  @Test func stalledCPUIssuesNothingWhileOthersGoOn() {
    var s = TaskGroupState(group(cpus: [0, 1], arrival: .poisson(ratePerSecond: 100_000)), seeds: seeds)
    s.delay(CPUID(0), from: .zero, until: .milliseconds(100))
    var now = SimTime.zero
    var before: [WorkloadArrival] = []
    var after: [WorkloadArrival] = []
    while let a = s.nextArrival(after: now), a.time < .milliseconds(200) {
      if a.time < .milliseconds(100) { before.append(a) } else { after.append(a) }
      now = a.time
    }
    #expect(before.allSatisfy { $0.cpu == CPUID(1) })
    #expect(Double(before.count).isApproximatelyEqual(to: 5000, relativeTolerance: 0.1), "\(before.count)")
    #expect(Double(s.lostArrivals).isApproximatelyEqual(to: 5000, relativeTolerance: 0.1), "\(s.lostArrivals)")
    #expect(after.contains { $0.cpu == CPUID(0) } && after.contains { $0.cpu == CPUID(1) })
    #expect(s.lostNanoseconds == 100_000_000)
  }

  @Test func cpusAreChosenUniformly() {
    var s = TaskGroupState(group(cpus: [4, 5, 6, 7]), seeds: seeds)
    var counts: [CPUID: Int] = [:]
    for a in run(&s, count: 40_000) { counts[a.cpu, default: 0] += 1 }
    #expect(Set(counts.keys) == Set([4, 5, 6, 7].map(CPUID.init)))
    #expect(counts.values.allSatisfy { Double($0).isApproximatelyEqual(to: 10_000, relativeTolerance: 0.05) })
    #expect((0..<100).allSatisfy { _ in (4...7).contains(s.drawCPU().index) })
  }

  @Test func lifetimesFollowTheirDistribution() {
    var s = TaskGroupState(group(lifetime: .drawn(.uniform(low: 1, high: 2))), seeds: seeds)
    for _ in 0..<1000 {
      let l = s.drawLifetime() ?? .zero
      #expect(l >= .seconds(1) && l <= .seconds(2))
    }
    var untilReclaimed = TaskGroupState(group(), seeds: seeds)
    let none = untilReclaimed.drawLifetime()
    #expect(none == nil)
  }

  @Test func mapcountsOfSharedPages() {
    var s = TaskGroupState(
      group(shared: SharedMapping(fraction: 0.25, mapcount: .uniform(low: 2, high: 8))), seeds: seeds)
    let counts = (0..<20_000).map { _ in s.drawMapcount() }
    #expect(counts.allSatisfy { $0 == 1 || (2...8).contains($0) })
    let share = Double(counts.filter { $0 > 1 }.count) / 20_000
    #expect(share.isApproximatelyEqual(to: 0.25, relativeTolerance: 0.05), "\(share)")
    var unshared = TaskGroupState(group(), seeds: seeds)
    var slab = TaskGroupState(group(kind: .slab), seeds: seeds)
    let one = unshared.drawMapcount()
    let zero = slab.drawMapcount()
    #expect(one == 1 && zero == 0)
    var always = TaskGroupState(group(shared: SharedMapping(fraction: 1, mapcount: .constant(1))), seeds: seeds)
    #expect(always.drawMapcount() == 2)
  }

  @Test func hotPagesKeepBeingReferenced() {
    let access = AccessPattern(referenceInterval: .exponential(mean: 0.05), hotFraction: 0.3)
    var s = TaskGroupState(group(access: access, stop: .seconds(10)), seeds: seeds)
    let hot = (0..<20_000).filter { _ in s.isHot() }.count
    #expect(Double(hot).isApproximatelyEqual(to: 6000, relativeTolerance: 0.05), "\(hot)")
    var gaps = 0.0
    for _ in 0..<10_000 {
      let next = s.nextReference(after: .seconds(1))
      #expect(next.map { $0 >= .seconds(1) } == true)
      gaps += (next ?? .seconds(1)).seconds - 1
    }
    #expect((gaps / 10_000).isApproximatelyEqual(to: 0.05, relativeTolerance: 0.05))
    #expect(s.nextReference(after: .seconds(10)) == nil)
    var cold = TaskGroupState(group(), seeds: seeds)
    #expect(!cold.isHot() && cold.nextReference(after: .zero) == nil)
  }
}
