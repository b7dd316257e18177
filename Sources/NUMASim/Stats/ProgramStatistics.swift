// SPDX-License-Identifier: MIT

/// What closed-loop threads measured after the warm-up, per group: the latency of each
/// fault as the thread saw it (its CPU time, its direct-reclaim stall and its waits for the
/// CPU), as `Validation/faulter.c` times each touch on a real machine.
public struct ProgramStatistics: Sendable {
  /// Per group: latency of each `touch` fault (ns).
  public var faultLatency: [LatencyHistogram]
  /// Per group: latency of each page read by a `read` step (ns).
  public var readLatency: [LatencyHistogram]
  /// Per group: time its threads stalled in direct reclaim, waits for the CPU included (ns).
  public var stallNanoseconds: [UInt64]
  /// Per group: time its runnable threads waited for a CPU held by another entity (ns).
  public var waitNanoseconds: [UInt64]

  public init(groups: Int) {
    faultLatency = Array(repeating: LatencyHistogram(), count: groups)
    readLatency = faultLatency
    stallNanoseconds = Array(repeating: 0, count: groups)
    waitNanoseconds = stallNanoseconds
  }

  /// Records one fault (or page read) of group `g`.
  mutating func recordFault(group g: Int, read: Bool, nanoseconds: UInt64, stall: UInt64, wait: UInt64) {
    if read { readLatency[g].record(nanoseconds) } else { faultLatency[g].record(nanoseconds) }
    stallNanoseconds[g] &+= stall
    waitNanoseconds[g] &+= wait
  }

  /// Every group's touch faults in one histogram.
  public var allFaults: LatencyHistogram {
    var all = LatencyHistogram()
    for h in faultLatency where h.count > 0 { all.merge(h) }
    return all
  }
}
