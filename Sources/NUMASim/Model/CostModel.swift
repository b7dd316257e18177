// SPDX-License-Identifier: MIT

/// Turns the work the kernel's mechanisms did into simulated time, drawing each cost from a
/// stream of its own.
///
/// Every cost of ``ReclaimCosts`` has its stream, `cost/<key>` (`cost/scan_us`,
/// `cost/throttle_ms`, ...), derived from the run's seed, so changing one distribution
/// perturbs no other draw, and no draw of the reclaim mechanisms or the reference model.
/// Per-page costs are drawn once per reclaim pass and multiplied by the pass's count; waits
/// (`throttle_ms`, `writeback_ms`) are drawn once each. A constant distribution draws nothing.
public struct CostModel {
  public let costs: ReclaimCosts
  /// One stream per entry of ``ReclaimCosts/keys``, in that order.
  let streams: [RandomStream]
  /// `streams[alloc]` and `streams[accessJitter]`, drawn on every allocation: held apart so
  /// that the hot path reads a stored reference, not an array element.
  let allocStream: RandomStream
  let accessJitterStream: RandomStream

  public init(_ costs: ReclaimCosts, seeds: SeedSequence) {
    self.costs = costs
    streams = ReclaimCosts.keys.map { seeds.makeStream("cost/" + $0.0) }
    allocStream = streams[Self.alloc]
    accessJitterStream = streams[Self.accessJitter]
  }

  @inline(__always) func draw(_ key: Int, scale: Double) -> UInt64 {
    Self.nanoseconds(costs[keyPath: ReclaimCosts.keys[key].1].sample(streams[key]) * scale)
  }

  /// A drawn time in nanoseconds, rounded by `rule`: 0 for a negative or NaN draw,
  /// `UInt64.max` for one past the range (a config may give any distribution; a run must
  /// not trap on it).
  @inline(__always) static func nanoseconds(
    _ value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero
  ) -> UInt64 {
    let rounded = value.rounded(rule)
    if !(rounded > 0) { return 0 }
    return rounded >= 18_446_744_073_709_549_568 ? .max : UInt64(rounded)
  }

  /// `a + b`, saturating at `UInt64.max`.
  @inline(__always) static func adding(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : sum
  }

  /// `a + b × count`, saturating at `UInt64.max`.
  @inline(__always) static func adding(_ a: UInt64, _ b: UInt64, times count: Int) -> UInt64 {
    let (product, o1) = b.multipliedReportingOverflow(by: UInt64(count))
    let (sum, o2) = a.addingReportingOverflow(product)
    return o1 || o2 ? .max : sum
  }

  /// The time a reclaim pass took.
  ///
  /// `scan_us` per folio isolated from an inactive or an active list, `clean_file_us` per
  /// page-cache folio dropped, `free_page_ns` per base page reclaimed (dropped or swapped),
  /// `swap_out_us` per page swapped,
  /// `writeback_us` per page whose writeback started, `unmap_us` per mapping removed, and one
  /// `throttle_ms` draw per throttling wait.
  public func nanoseconds(of work: ReclaimStat) -> UInt64 {
    var ns: UInt64 = 0
    func add(_ count: Int, _ key: Int) {
      if count > 0 { ns = Self.adding(ns, draw(key, scale: 1e3), times: count) }
    }
    add(work.inactiveFoliosScanned + work.activeFoliosScanned, Self.scan)
    add(work.fileFoliosReclaimed, Self.cleanFile)
    if work.fileReclaimed + work.swappedOut > 0 {
      ns = Self.adding(ns, draw(Self.freePage, scale: 1), times: work.fileReclaimed + work.swappedOut)
    }
    add(work.swappedOut, Self.swapOut)
    add(work.writebackStarted, Self.writeback)
    add(work.unmapped, Self.unmap)
    for _ in 0..<work.throttled { ns = Self.adding(ns, draw(Self.throttle, scale: 1e6)) }
    return ns
  }

  /// The allocator's own time for an allocation that needed no reclaim (`alloc_ns`).
  public func allocationNanoseconds() -> UInt64 {
    Self.nanoseconds(costs.allocNanoseconds.sample(allocStream), rounding: .towardZero)
  }

  /// The jitter added to the latency matrix on first touch (`access_jitter_ns`).
  public func accessJitterNanoseconds() -> UInt64 {
    Self.nanoseconds(costs.accessJitterNanoseconds.sample(accessJitterStream), rounding: .towardZero)
  }

  /// How long writeback I/O takes to complete (`writeback_ms`).
  public func writebackCompletion() -> SimTime {
    let ms = costs.writebackMilliseconds.sample(streams[Self.writebackCompletion])
    return SimTime(nanoseconds: Self.nanoseconds(ms * 1e6, rounding: .towardZero))
  }

  // Indices into ReclaimCosts.keys.
  static let scan = 0
  static let cleanFile = 1
  static let unmap = 2
  static let writeback = 3
  static let writebackCompletion = 4
  static let swapOut = 5
  static let throttle = 6
  static let alloc = 7
  static let accessJitter = 8
  static let freePage = 9
}
