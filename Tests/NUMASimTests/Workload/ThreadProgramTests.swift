// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ThreadProgramTests {
  @Test func aProgramKeepsWhatItHoldsOnlyIfItGivesPagesBack() {
    #expect(!ThreadProgram(steps: [.touch(pages: 1), .hold(.constant(1))]).releasesPages)
    #expect(ThreadProgram(steps: [.touch(pages: 1), .unmap]).releasesPages)
    #expect(ThreadProgram(steps: [.read(pages: 1), .free(fraction: 0.5)]).releasesPages)
  }

  @Test func onlyTouchesAndReadsOfSomePagesCountAsWork() {
    #expect(!ThreadProgram(steps: [.barrier, .sleep(.constant(1)), .unmap]).doesWork)
    #expect(!ThreadProgram(steps: [.touch(pages: 0)]).doesWork)
    #expect(ThreadProgram(steps: [.barrier, .read(pages: 1)]).doesWork)
  }

  @Test func theEventEstimateCountsEveryPageAndStepOverThePassesThatFit() {
    // One pass: 1000 faults of 2 µs + 8 ms held = 10 ms and 1002 events; 1 s holds 100 passes.
    let p = ThreadProgram(
      threads: 2, steps: [.touch(pages: 1000), .hold(.constant(0.008)), .unmap], faultMicroseconds: .constant(2))
    #expect(abs(p.expectedEvents(from: .zero, to: .seconds(1)) - 2 * 100 * 1003) < 1e-6)
    var three = p
    three.iterations = 3
    #expect(three.expectedEvents(from: .zero, to: .seconds(1)) == 2 * 3 * 1003)
    #expect(p.expectedEvents(from: .seconds(2), to: .seconds(1)) == 0)
    // A read costs read_us per page: 100 pages of 10 µs = 1 ms a pass.
    let reader = ThreadProgram(steps: [.read(pages: 100)], readMicroseconds: .constant(10))
    #expect(abs(reader.expectedEvents(from: .zero, to: .seconds(1)) - 1000 * 101) < 1e-6)
  }
}
