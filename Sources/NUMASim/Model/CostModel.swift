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
    UInt64(Swift.max(0, costs[keyPath: ReclaimCosts.keys[key].1].sample(streams[key]) * scale).rounded())
  }

  /// The time a reclaim pass took.
  ///
  /// `scan_us` per page isolated from an inactive list and per folio from an active one,
  /// `clean_file_us` per page-cache page dropped, `swap_out_us` per page swapped,
  /// `writeback_us` per page whose writeback started, `unmap_us` per mapping removed, and one
  /// `throttle_ms` draw per throttling wait.
  public func nanoseconds(of work: ReclaimStat) -> UInt64 {
    var ns: UInt64 = 0
    func add(_ count: Int, _ key: Int) {
      if count > 0 { ns &+= draw(key, scale: 1e3) &* UInt64(count) }
    }
    add(work.inactiveScanned + work.activeFoliosScanned, Self.scan)
    add(work.fileReclaimed, Self.cleanFile)
    add(work.swappedOut, Self.swapOut)
    add(work.writebackStarted, Self.writeback)
    add(work.unmapped, Self.unmap)
    for _ in 0..<work.throttled { ns &+= draw(Self.throttle, scale: 1e6) }
    return ns
  }

  /// The allocator's own time for an allocation that needed no reclaim (`alloc_ns`).
  public func allocationNanoseconds() -> UInt64 {
    UInt64(Swift.max(0, costs.allocNanoseconds.sample(allocStream)))
  }

  /// The jitter added to the latency matrix on first touch (`access_jitter_ns`).
  public func accessJitterNanoseconds() -> UInt64 {
    UInt64(Swift.max(0, costs.accessJitterNanoseconds.sample(accessJitterStream)))
  }

  /// How long writeback I/O takes to complete (`writeback_ms`).
  public func writebackCompletion() -> SimTime {
    let ms = Swift.max(0, costs.writebackMilliseconds.sample(streams[Self.writebackCompletion]))
    return .nanoseconds(UInt64(ms * 1e6))
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
}
