// SPDX-License-Identifier: MIT

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The classic "hold model" benchmark of a future-event set, run on `EventQueue`.
///
/// `pending` events wait in the queue, with ids `0..<pending` and kind `id & 3`. Each
/// step takes the earliest event, sets `now` to its time and schedules the same id
/// again `Exp(1)` later, fused into one `replaceNext(with:at:)`. This matches the C and
/// SimPy anchors in `shared/bench/` (`hold.c`) draw for draw: xorshift64* seeded with
/// `0x9E3779B97F4A7C15`, `Exp(1) = -log(u)` with `u = ((x >> 11) + 0.5) * 2^-53`, and the
/// initial draws taken in id order.
///
/// Time is `SimTime`, an integer count of ticks. The anchors keep time in `Double` and
/// add each `Exp(1)` draw to `now` in `Double`; the benchmark does the same and then
/// converts the sum to whole ticks. One mean holding time (one "unit" of the anchors)
/// is `2^unitShift` ticks, with `unitShift` chosen per run as the finest power of two
/// that keeps the expected horizon (`2 * events / pending + 64` units) below 2^63
/// ticks. A `Double` at or above `2^(52 - unitShift)` units is then a whole number of
/// ticks, so the conversion is exact and the arithmetic is the anchors' own; below that
/// it rounds down by less than one tick. Pop order, `kinds` and `final_now` (printed in
/// units) therefore agree with the anchors unless two events fall within a few ticks
/// of each other. Holding times rounded to 1 ns with 10^9 ns per unit would not: the
/// rounding reorders a few near-ties per million events, which hands the same event
/// times to different ids and changes `kinds`.
///
/// - Deviation: exact ties are broken first-in, first-out by sequence number, where the
///   anchors break them by id. They are rare: with 1024 pending events and 2*10^7
///   events the C anchor meets one (ids 200 and 734 at 13343.45996464046 units). When
///   the two orders disagree, `kinds` differs while `final_now` still agrees.
///
/// Only the event loop is timed: set-up and the initial draws are excluded. CPU time
/// comes from `CLOCK_PROCESS_CPUTIME_ID`, as in the anchors.
public struct EngineBenchmark: Sendable {
  /// Which engine layer the timed loop drives.
  public enum Path: String, Sendable, CaseIterable {
    /// `EventQueue` directly: peek, then `replaceNext(with:at:)`.
    case eventQueue = "numasim"
    /// `Scheduler.step(handler:)` with an `EventHandler`, as a simulation runs.
    case scheduler = "numasim-scheduler"
  }

  /// The number of events waiting in the queue at every step.
  public var pending: Int

  /// The number of events popped and rescheduled in the timed loop.
  public var events: Int

  /// Which engine layer the timed loop drives.
  public var path: Path

  /// The conversion between model units and `SimTime` ticks for this run.
  internal let scale: HoldTickScale

  /// Creates a benchmark.
  ///
  /// - Parameters:
  ///   - pending: the number of events kept in the queue, at least 1.
  ///   - events: the number of events processed in the timed loop.
  ///   - path: which engine layer the timed loop drives.
  public init(pending: Int, events: Int, path: Path = .eventQueue) {
    precondition(pending >= 1 && pending <= Int(UInt32.max), "pending must be in 1...2^32-1")
    precondition(events >= 0, "events must not be negative")
    self.pending = pending
    self.events = events
    self.path = path
    scale = HoldTickScale(horizonUnits: 2 * (events / pending) + 64)
  }

  /// Runs the benchmark once and returns its timings and checksums.
  public func run() -> EngineBenchmarkResult {
    var model = HoldModel(scale: scale)
    var scheduler = Scheduler<HoldEvent>(minimumCapacity: pending)
    for id in 0..<pending {
      let event = HoldEvent(id: UInt32(id), kind: UInt8(id & 3))
      scheduler.schedule(event, at: scale.time(atUnits: model.random.nextExponential()))
    }
    var queue = EventQueue<HoldEvent>()
    if path == .eventQueue {
      swap(&queue, &scheduler.queue)
    }

    let wallStart = Self.clockSeconds(CLOCK_MONOTONIC)
    let cpuStart = Self.clockSeconds(CLOCK_PROCESS_CPUTIME_ID)
    let finalNow: SimTime
    switch path {
    case .eventQueue:
      var now = SimTime.zero
      for _ in 0..<events {
        let next = queue.nextEvent.unsafelyUnwrapped
        now = next.time
        model.kinds &+= UInt64(next.payload.kind)
        let later = scale.units(of: now) + model.random.nextExponential()
        queue.replaceNext(with: next.payload, at: scale.time(atUnits: later))
      }
      finalNow = now
    case .scheduler:
      for _ in 0..<events {
        scheduler.step(handler: &model)
      }
      finalNow = scheduler.now
    }
    let cpuSeconds = Self.clockSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpuStart
    let wallSeconds = Self.clockSeconds(CLOCK_MONOTONIC) - wallStart

    return EngineBenchmarkResult(
      implementation: path.rawValue, pending: pending, events: events,
      cpuSeconds: cpuSeconds, wallSeconds: wallSeconds, unitShift: scale.unitShift,
      finalNow: finalNow, finalNowUnits: scale.units(of: finalNow), kinds: model.kinds)
  }

  /// Reads `clock` in seconds.
  private static func clockSeconds(_ clock: clockid_t) -> Double {
    var spec = timespec()
    clock_gettime(clock, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
  }
}

/// The payload of one hold-model event.
internal struct HoldEvent: BitwiseCopyable {
  /// The id of the process holding, `0..<pending`.
  var id: UInt32
  /// The event kind, `id & 3`, summed into the `kinds` checksum.
  var kind: UInt8
}

/// The hold model as an `EventHandler`: every event re-schedules its id `Exp(1)` later.
internal struct HoldModel: EventHandler {
  /// The anchors' random source.
  var random = XorShift64Star(state: 0x9E37_79B9_7F4A_7C15)
  /// The sum of the kinds of all events handled.
  var kinds: UInt64 = 0
  /// The conversion between model units and ticks.
  let scale: HoldTickScale

  /// Creates the model with the anchors' seed.
  init(scale: HoldTickScale) {
    self.scale = scale
  }

  @inline(__always)
  mutating func handle(_ payload: HoldEvent, scheduler: inout Scheduler<HoldEvent>) {
    kinds &+= UInt64(payload.kind)
    let later = scale.units(of: scheduler.now) + random.nextExponential()
    scheduler.schedule(payload, at: scale.time(atUnits: later))
  }
}

/// The conversion between the anchors' `Double` model units and `SimTime` ticks.
internal struct HoldTickScale: Sendable {
  /// Ticks per unit, as a power of two.
  let unitShift: Int
  /// Ticks per unit.
  let ticksPerUnit: Double
  /// Units per tick.
  let unitsPerTick: Double

  /// Picks the finest power-of-two scale that keeps `horizonUnits` below 2^63 ticks.
  init(horizonUnits: Int) {
    let horizonBits = Int.bitWidth - horizonUnits.leadingZeroBitCount
    unitShift = min(63 - horizonBits, 62)
    ticksPerUnit = Double(sign: .plus, exponent: unitShift, significand: 1)
    unitsPerTick = Double(sign: .plus, exponent: -unitShift, significand: 1)
  }

  /// Converts model units to ticks, rounding down (exact at or above 2^52 ticks).
  @inline(__always)
  func time(atUnits units: Double) -> SimTime {
    // Truncation is one instruction; rounding to nearest calls `rint` on baseline x86-64.
    SimTime(nanoseconds: UInt64(units * ticksPerUnit))
  }

  /// Converts a time to model units; exact for every time made by `time(atUnits:)`.
  @inline(__always)
  func units(of time: SimTime) -> Double {
    Double(time.nanoseconds) * unitsPerTick
  }
}

/// The timings and checksums of one `EngineBenchmark` run.
public struct EngineBenchmarkResult: Sendable {
  /// The `impl=` label: `numasim` for the bare queue, `numasim-scheduler` for `Scheduler`.
  public var implementation: String
  /// The number of events kept in the queue.
  public var pending: Int
  /// The number of events processed in the timed loop.
  public var events: Int
  /// Process CPU time spent in the loop.
  public var cpuSeconds: Double
  /// Wall-clock time spent in the loop.
  public var wallSeconds: Double
  /// Ticks per unit of model time, as a power of two.
  public var unitShift: Int
  /// The time of the last event popped, in ticks.
  public var finalNow: SimTime
  /// `finalNow` in units of the mean holding time, comparable with the anchors.
  public var finalNowUnits: Double
  /// The sum of the kinds of all events popped; equal to the anchors' `kinds`.
  public var kinds: UInt64

  /// Events processed per second of CPU time.
  public var eventsPerSecond: Double { Double(events) / cpuSeconds }

  /// CPU nanoseconds per event.
  public var nanosecondsPerEvent: Double { cpuSeconds * 1e9 / Double(events) }

  /// The result in the anchors' `RESULT` line format.
  public var resultLine: String {
    "RESULT impl=\(implementation) n=\(pending) events=\(events)"
      + " cpu_seconds=\(Self.format(cpuSeconds, decimals: 4))"
      + " wall_seconds=\(Self.format(wallSeconds, decimals: 4))"
      + " events_per_sec=\(Self.format(eventsPerSecond, decimals: 0))"
      + " ns_per_event=\(Self.format(nanosecondsPerEvent, decimals: 2))"
      + " final_now=\(Self.format(finalNowUnits, decimals: 6)) kinds=\(kinds)"
  }

  /// Formats `value` like C's `%.<decimals>f`, so lines compare byte for byte.
  private static func format(_ value: Double, decimals: Int) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
      let written = withVaList([value]) { arguments in
        vsnprintf(buffer.baseAddress, 64, "%.\(decimals)f", arguments)
      }
      let bytes = UnsafeRawBufferPointer(start: buffer.baseAddress, count: Int(written))
      return String(decoding: bytes, as: UTF8.self)
    }
  }
}

/// Marsaglia's xorshift64* generator, the anchors' random source.
internal struct XorShift64Star {
  /// The generator state; never zero.
  internal var state: UInt64

  /// Returns the next 64-bit output.
  @inline(__always)
  internal mutating func next() -> UInt64 {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    return state &* 2_685_821_657_736_338_717
  }

  /// Returns an `Exp(1)` draw, `-log(u)` with `u = ((x >> 11) + 0.5) * 2^-53` in (0, 1).
  @inline(__always)
  internal mutating func nextExponential() -> Double {
    let u = (Double(next() >> 11) + 0.5) * 0x1p-53
    return -log(u)
  }
}
