// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct ProgramThreadTests {
  @Test func aNewThreadHoldsNothingAndHasNotBegun() {
    let t = ProgramThread(group: 2, number: 1, cpu: 3)
    #expect(t.group == 2 && t.number == 1 && t.cpu == 3)
    #expect(!t.isRunnable && !t.isFinished && t.step == 0 && t.iteration == 0 && t.heldCount == 0)
  }

  @Test func costsScaleWithThePagesTheyCover() {
    let program = ThreadProgram(
      steps: [.read(pages: 1)], faultMicroseconds: .constant(1.5), readMicroseconds: .constant(6.5),
      munmapMicroseconds: .constant(0.14))
    let g = ProgramGroupState(program, name: "g", seeds: SeedSequence(masterSeed: 1))
    #expect(g.faultNanoseconds() == 1500)
    #expect(g.readNanoseconds(pages: 512) == 3_328_000)  // a 2 MiB folio read: 512 pages
    #expect(g.munmapNanoseconds(pages: 262_144) == 36_700_160)  // 1 GiB unmapped
    #expect(g.waitTime(.constant(0.2)) == .milliseconds(200))
  }

  @Test func eachGroupDrawsItsCostsFromStreamsOfItsOwnName() {
    let program = ThreadProgram(steps: [.touch(pages: 1)], faultMicroseconds: .exponential(mean: 2))
    let seeds = SeedSequence(masterSeed: 7)
    let a = ProgramGroupState(program, name: "a", seeds: seeds)
    let a2 = ProgramGroupState(program, name: "a", seeds: seeds)
    let b = ProgramGroupState(program, name: "b", seeds: seeds)
    let drawsA = (0..<8).map { _ in a.faultNanoseconds() }
    #expect(drawsA == (0..<8).map { _ in a2.faultNanoseconds() })
    #expect(drawsA != (0..<8).map { _ in b.faultNanoseconds() })
  }
}
