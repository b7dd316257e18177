// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

@Suite struct ArrivalStateTests {
  /// Every arrival of `process` before `horizon`, drawn from a stream seeded with `seed`.
  func arrivals(_ process: ArrivalProcess, until horizon: SimTime, seed: UInt64 = 7, limit: Int = 1_000_000)
    -> [SimTime]
  {
    var state = ArrivalState(process)
    let stream = RandomStream(seed: seed)
    var result: [SimTime] = []
    var now = SimTime.zero
    while result.count < limit, let next = state.next(after: now, stream: stream), next < horizon {
      #expect(next >= now)
      result.append(next)
      now = next
    }
    return result
  }

  @Test func poissonMeanGapWithinTwoPercent() {
    let times = arrivals(.poisson(ratePerSecond: 20_000), until: .max, limit: 200_000)
    #expect(times.count == 200_000)
    let meanGap = times.last!.seconds / Double(times.count)
    #expect(meanGap.isApproximatelyEqual(to: 1.0 / 20_000, relativeTolerance: 0.02), "\(meanGap)")
  }

  @Test func constantIsExact() {
    let times = arrivals(.constant(interval: .microseconds(250)), until: .milliseconds(2))
    #expect(times == (1...7).map { SimTime.microseconds($0 * 250) })
  }

  @Test func onOffLongRunRateIsRateTimesOnShare() {
    let process = ArrivalProcess.onOff(
      rate: 1000, on: .exponential(mean: 0.01), off: .exponential(mean: 0.03))
    let horizon = SimTime.seconds(400)
    let times = arrivals(process, until: horizon)
    let rate = Double(times.count) / horizon.seconds
    #expect(process.meanRatePerSecond == 250)
    #expect(rate.isApproximatelyEqual(to: 250, relativeTolerance: 0.05), "\(rate)")
  }

  @Test func onOffIssuesNothingDuringOffPeriods() {
    let process = ArrivalProcess.onOff(rate: 100_000, on: .constant(0.01), off: .constant(0.03))
    let times = arrivals(process, until: .seconds(1))
    #expect(times.count > 20_000)
    #expect(times.allSatisfy { $0.nanoseconds % 40_000_000 < 10_000_000 })
  }

  @Test func phasesSwitchAtTheirBoundaries() {
    let process = ArrivalProcess.phases([
      ArrivalPhase(start: .zero, process: .constant(interval: .milliseconds(1))),
      ArrivalPhase(start: .milliseconds(10), process: .constant(interval: .microseconds(100))),
      ArrivalPhase(start: .milliseconds(20), process: .poisson(ratePerSecond: 0)),
      ArrivalPhase(start: .milliseconds(30), process: .constant(interval: .milliseconds(5))),
    ])
    let times = arrivals(process, until: .milliseconds(46))
    let expected =
      (1...9).map { SimTime.milliseconds($0) } + (101...199).map { SimTime.microseconds($0 * 100) }
      + [35, 40, 45].map { SimTime.milliseconds($0) }
    #expect(times == expected)
  }

  @Test func poissonPhasesChangeRate() {
    let process = ArrivalProcess.phases([
      ArrivalPhase(start: .seconds(1), process: .poisson(ratePerSecond: 1000)),
      ArrivalPhase(start: .seconds(2), process: .poisson(ratePerSecond: 50_000)),
    ])
    let times = arrivals(process, until: .seconds(3))
    #expect(times.first! >= .seconds(1))
    let early = times.filter { $0 < .seconds(2) }.count
    let late = times.count - early
    #expect(Double(early).isApproximatelyEqual(to: 1000, relativeTolerance: 0.15), "\(early)")
    #expect(Double(late).isApproximatelyEqual(to: 50_000, relativeTolerance: 0.03), "\(late)")
  }

  @Test func lastQuietPhaseEndsTheProcess() {
    var state = ArrivalState(
      .phases([
        ArrivalPhase(start: .zero, process: .constant(interval: .seconds(1))),
        ArrivalPhase(start: .milliseconds(1500), process: .poisson(ratePerSecond: 0)),
      ]))
    let stream = RandomStream(seed: 1)
    #expect(state.next(after: .zero, stream: stream) == .seconds(1))
    #expect(state.next(after: .seconds(1), stream: stream) == nil)
  }

  @Test func sameSeedSameSequence() {
    let process = ArrivalProcess.onOff(rate: 5000, on: .exponential(mean: 0.01), off: .exponential(mean: 0.01))
    #expect(arrivals(process, until: .seconds(1), seed: 3) == arrivals(process, until: .seconds(1), seed: 3))
    #expect(arrivals(process, until: .seconds(1), seed: 3) != arrivals(process, until: .seconds(1), seed: 4))
  }

  @Test func rejectsProcessesThatCannotRun() {
    #expect(ArrivalProcess.poisson(ratePerSecond: 0).problem != nil)
    #expect(ArrivalProcess.poisson(ratePerSecond: -1).problem != nil)
    #expect(ArrivalProcess.constant(interval: .zero).problem != nil)
    #expect(ArrivalProcess.onOff(rate: 10, on: .constant(0), off: .constant(1)).problem != nil)
    #expect(ArrivalProcess.onOff(rate: 10, on: .uniform(low: -1, high: 1), off: .constant(1)).problem != nil)
    let backwards = ArrivalProcess.phases([
      ArrivalPhase(start: .seconds(2), process: .poisson(ratePerSecond: 1)),
      ArrivalPhase(start: .seconds(1), process: .poisson(ratePerSecond: 1)),
    ])
    #expect(backwards.problem != nil)
    #expect(ArrivalProcess.phases([ArrivalPhase(start: .zero, process: .poisson(ratePerSecond: 0))]).problem != nil)
    #expect(ArrivalProcess.poisson(ratePerSecond: 1).problem == nil)
  }

  @Test func drawnSecondsRoundAndSaturate() {
    #expect(SimTime(drawnSeconds: 1.5e-9) == .nanoseconds(2))
    #expect(SimTime(drawnSeconds: -1) == .zero)
    #expect(SimTime(drawnSeconds: .nan) == .zero)
    #expect(SimTime(drawnSeconds: 1e30) == .max)
    #expect(SimTime.max.saturatingAdding(.seconds(1)) == .max)
  }
}
