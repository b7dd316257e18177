// SPDX-License-Identifier: MIT

import Testing

@testable import NUMASim

/// A handler that schedules nothing and records what it saw.
private struct Recorder: EventHandler {
  var trace: [TraceEntry] = []
  var pendingSeen: [Int] = []
  var nextTimeSeen: [SimTime?] = []

  mutating func handle(_ payload: TestEvent, scheduler: inout Scheduler<TestEvent>) {
    trace.append(TraceEntry(time: scheduler.now, sequence: scheduler.currentSequence, payload: payload))
    pendingSeen.append(scheduler.pendingCount)
    nextTimeSeen.append(scheduler.nextTime)
  }
}

/// A handler that tries to schedule one event in the past.
private struct TimeTraveller: EventHandler {
  var accepted: [Bool] = []

  mutating func handle(_ payload: TestEvent, scheduler: inout Scheduler<TestEvent>) {
    accepted.append(scheduler.trySchedule(.marker(99), at: scheduler.now - .nanoseconds(1)))
    accepted.append(scheduler.trySchedule(.marker(100), at: scheduler.now))
  }
}

@Suite("Scheduler")
struct SchedulerTests {
  /// Timers with co-prime periods, a re-arm of timer 1 and a few markers.
  private func makeScenario() -> (Scheduler<TestEvent>, TimerModel) {
    var scheduler = Scheduler<TestEvent>()
    let model = TimerModel(periods: [3, 5, 7, 5])
    model.start(on: &scheduler)
    scheduler.schedule(.rearm(id: 1, delay: 2), at: .nanoseconds(11))
    scheduler.schedule(.rearm(id: 2, delay: 0), at: .nanoseconds(14))
    for label in 0..<4 as Range<UInt64> {
      scheduler.schedule(.marker(label), at: .nanoseconds(15))
    }
    return (scheduler, model)
  }

  @Test func equalTimesAreDispatchedFIFO() {
    var scheduler = Scheduler<TestEvent>()
    for label in 0..<10 as Range<UInt64> {
      scheduler.schedule(.marker(label), at: .microseconds(label % 2))
    }
    var recorder = Recorder()
    scheduler.run(until: .seconds(1), handler: &recorder)
    #expect(recorder.trace.map(\.payload) == [0, 2, 4, 6, 8, 1, 3, 5, 7, 9].map { .marker($0) })
  }

  @Test func staleGenerationsAreSkipped() {
    var (scheduler, model) = makeScenario()
    scheduler.run(until: .nanoseconds(30), handler: &model)
    // Timer 1 ticked at 5 and 10; the re-arm at 11 makes the tick due at 15 stale and
    // starts a new chain at 13, 18, 23, 28.
    let timer1 = model.firedTicks.filter { $0.id == 1 }.map(\.time.nanoseconds)
    #expect(timer1 == [5, 10, 13, 18, 23, 28])
    // Timer 2 ticked at 7; the re-arm at 14 (delay 0) stales the tick due at 14 that was
    // scheduled earlier, and the fresh one fires at 14 after it, then 21 and 28.
    let timer2 = model.firedTicks.filter { $0.id == 2 }.map(\.time.nanoseconds)
    #expect(timer2 == [7, 14, 21, 28])
    #expect(model.staleCount == 2)
    #expect(model.generations == [0, 1, 1, 0])
  }

  @Test func timeNeverGoesBackwards() {
    var (scheduler, model) = makeScenario()
    scheduler.run(until: .microseconds(10), handler: &model)
    let times = model.trace.map(\.time)
    #expect(times.count > 1_000)
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
    let keys = model.trace.map { ($0.time.nanoseconds, $0.sequence) }
    #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
  }

  @Test func trySchedulingInThePastIsRefused() {
    var scheduler = Scheduler<TestEvent>()
    scheduler.schedule(.marker(1), at: .seconds(1))
    var traveller = TimeTraveller()
    let stepped = scheduler.step(handler: &traveller)
    #expect(stepped)
    #expect(traveller.accepted == [false, true])
    #expect(scheduler.pendingCount == 1)
    #expect(scheduler.nextTime == .seconds(1))
    let accepted = scheduler.trySchedule(.marker(2), at: .milliseconds(999))
    #expect(!accepted)
  }

  @Test func runStopsAtTheLimitAndLeavesLaterEventsQueued() {
    var scheduler = Scheduler<TestEvent>()
    scheduler.schedule(.marker(1), at: .seconds(1))
    scheduler.schedule(.marker(2), at: .seconds(2))
    scheduler.schedule(.marker(3), at: .seconds(3))
    var recorder = Recorder()
    let first = scheduler.run(until: .seconds(2), handler: &recorder)
    #expect(first == 2)
    #expect(scheduler.now == .seconds(2))
    #expect(scheduler.pendingCount == 1)
    #expect(scheduler.nextTime == .seconds(3))
    let repeated = scheduler.run(until: .seconds(2), handler: &recorder)
    #expect(repeated == 0)
    let last = scheduler.run(until: .seconds(10), handler: &recorder)
    #expect(last == 1)
    #expect(scheduler.now == .seconds(10))
    #expect(scheduler.pendingCount == 0)
    #expect(scheduler.processedEventCount == 3)
    #expect(recorder.trace.map(\.time) == [.seconds(1), .seconds(2), .seconds(3)])
  }

  @Test(arguments: [1, 14, 15, 16, 499] as [UInt64])
  func resumedRunMatchesOneRun(split: UInt64) {
    var (whole, wholeModel) = makeScenario()
    whole.run(until: .nanoseconds(500), handler: &wholeModel)

    var (halves, halvesModel) = makeScenario()
    halves.run(until: .nanoseconds(split), handler: &halvesModel)
    #expect(halves.now == .nanoseconds(split))
    halves.run(until: .nanoseconds(500), handler: &halvesModel)

    #expect(halvesModel.trace == wholeModel.trace)
    #expect(halvesModel.fingerprint == wholeModel.fingerprint)
    #expect(halves.now == whole.now)
    #expect(halves.pendingCount == whole.pendingCount)
    #expect(halves.processedEventCount == whole.processedEventCount)
  }

  @Test func stepDispatchesOneEventAtATime() {
    var (stepped, steppedModel) = makeScenario()
    var (run, runModel) = makeScenario()
    run.run(until: .nanoseconds(40), handler: &runModel)
    while let next = stepped.nextTime, next <= .nanoseconds(40) {
      let dispatched = stepped.step(handler: &steppedModel)
      #expect(dispatched)
    }
    #expect(steppedModel.trace == runModel.trace)
    #expect(stepped.processedEventCount == UInt64(runModel.trace.count))
  }

  @Test func handlerSeesPendingEventsExcludingItself() {
    var scheduler = Scheduler<TestEvent>()
    scheduler.schedule(.marker(1), at: .seconds(1))
    scheduler.schedule(.marker(2), at: .seconds(3))
    scheduler.schedule(.marker(3), at: .seconds(2))
    var recorder = Recorder()
    scheduler.run(until: .seconds(5), handler: &recorder)
    #expect(recorder.pendingSeen == [2, 1, 0])
    #expect(recorder.nextTimeSeen == [.seconds(2), .seconds(3), nil])
  }

  @Test func scheduleAfterIsRelativeToNow() {
    var scheduler = Scheduler<TestEvent>()
    scheduler.schedule(.marker(1), after: .milliseconds(5))
    var recorder = Recorder()
    scheduler.run(until: .milliseconds(7), handler: &recorder)
    scheduler.schedule(.marker(2), after: .milliseconds(5))
    #expect(scheduler.nextTime == .milliseconds(12))
  }

  @Test func fingerprintOfTheTimerScenarioIsStable() {
    var (scheduler, model) = makeScenario()
    scheduler.run(until: .microseconds(1), handler: &model)
    #expect(model.fingerprint.eventCount == UInt64(model.trace.count))
    #expect(model.fingerprint.description == "0x6f65bf36160fc375")
  }

  @Test(arguments: [1, 2, 3, 7] as [UInt64])
  func runInBoundedChunksMatchesOneRun(chunk: UInt64) {
    var (whole, wholeModel) = makeScenario()
    whole.run(until: .nanoseconds(500), handler: &wholeModel)

    var (chunked, chunkedModel) = makeScenario()
    var calls = 0
    while !chunked.run(until: .nanoseconds(500), atMost: chunk, handler: &chunkedModel) { calls += 1 }
    #expect(calls > 0)
    #expect(chunkedModel.trace == wholeModel.trace)
    #expect(chunked.now == whole.now)
    #expect(chunked.processedEventCount == whole.processedEventCount)
  }

  @Test func aBoundedRunStopsAtItsLastEventsTime() {
    var scheduler = Scheduler<TestEvent>()
    for t in [1, 2, 3] as [Int] { scheduler.schedule(.marker(UInt64(t)), at: .seconds(t)) }
    var recorder = Recorder()
    #expect(!scheduler.run(until: .seconds(10), atMost: 2, handler: &recorder))
    #expect(scheduler.now == .seconds(2))
    #expect(scheduler.run(until: .seconds(10), atMost: 2, handler: &recorder))
    #expect(scheduler.now == .seconds(10))
    #expect(recorder.trace.count == 3)
    // Zero allowed with nothing due is a finished run.
    #expect(scheduler.run(until: .seconds(11), atMost: 0, handler: &recorder))
  }
}
