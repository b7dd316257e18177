// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct CPUShareTests {
  @Test(arguments: [(1, 750_000), (2, 1_500_000), (3, 1_500_000), (4, 2_250_000), (8, 3_000_000), (256, 3_000_000)])
  func theBaseSliceScalesWithTheLogOfTheCPUsUpToEight(cpus: Int, slice: UInt64) {
    #expect(CPUShare.baseSlice(onlineCPUs: cpus) == slice)
  }

  @Test func aWakingEntityGoesToTheLeastLoadedCPUItsPreviousOneWinningTies() {
    var s = CPUShare(cpuCount: 4, cpusOfNode: [[0, 1], [2, 3]])
    #expect(s.place(allowed: [0, 1, 2, 3], previous: 2) == 2)
    #expect(s.place(allowed: [0, 1, 2, 3], previous: 2) == 0)  // 2 is busier now; lowest free one
    #expect(s.place(allowed: [0, 1, 2, 3], previous: 3) == 3)
    #expect(s.place(allowed: [0, 1, 2, 3], previous: 0) == 1)
    #expect(s.load == [1, 1, 1, 1])
    #expect(s.place(allowed: [1, 2], previous: 9) == 1)  // a previous CPU it may not use counts for nothing
    s.remove(cpu: 1)
    s.remove(cpu: 1)
    #expect(s.load == [1, 0, 1, 1])
  }

  @Test func kswapdIsPlacedOnceOnItsNodeAndLeavesWhenItSleeps() {
    var s = CPUShare(cpuCount: 4, cpusOfNode: [[0, 1], [2, 3], []])
    _ = s.place(allowed: [0], previous: 0)
    #expect(s.kswapdRuns(node: 0) == 1)
    #expect(s.kswapdRuns(node: 0) == 1)  // already running: not placed again
    #expect(s.load == [1, 1, 0, 0])
    s.kswapdSleeps(node: 0)
    s.kswapdSleeps(node: 0)  // asleep already: nothing to remove
    #expect(s.load == [1, 0, 0, 0] && s.kswapdCPU == [-1, -1, -1])
    // A node without CPUs has its kswapd on any CPU.
    #expect(s.kswapdRuns(node: 2) == 1)
    #expect(s.kswapdCPU == [-1, -1, 1])
  }

  @Test func anEntityWaitsOneSliceOfEachOtherForEverySliceItRuns() {
    var s = CPUShare(cpuCount: 2, cpusOfNode: [[0, 1]])
    let slice = s.slice
    #expect(slice == 1_500_000)
    _ = s.place(allowed: [0], previous: 0)
    var ran = slice - 1
    #expect(s.preemptionWait(onCPU: 0, ran: &ran) == 0)  // alone: never waits
    #expect(ran == slice - 1)
    _ = s.place(allowed: [0], previous: 0)
    _ = s.place(allowed: [0], previous: 0)
    #expect(s.preemptionWait(onCPU: 0, ran: &ran) == 0)  // the slice is not over yet
    ran += 1 + 2 * slice + 7
    #expect(s.preemptionWait(onCPU: 0, ran: &ran) == 3 * slice * 2)  // three slices, two others
    #expect(ran == 7)
  }

  @Test func aWakingEntityWaitsForTheRestOfTheRunningSliceOnlyOnABusyCPU() {
    var s = CPUShare(cpuCount: 2, cpusOfNode: [[0, 1]])
    let stream = SeedSequence(masterSeed: 3).makeStream("sched/wakeup")
    let copy = stream.copy()
    _ = s.place(allowed: [0], previous: 0)
    #expect(s.wakeupWait(onCPU: 0, stream: stream) == 0)  // alone: runs at once, draws nothing
    _ = s.place(allowed: [0], previous: 0)
    let waits = (0..<1000).map { _ in s.wakeupWait(onCPU: 0, stream: stream) }
    #expect(waits.allSatisfy { $0 < s.slice })
    #expect(waits[0] == UInt64(copy.uniformHalfOpen() * Double(s.slice)))
    let mean = Double(waits.reduce(0, +)) / 1000
    #expect(abs(mean - Double(s.slice) / 2) < Double(s.slice) * 0.05)
  }
}
