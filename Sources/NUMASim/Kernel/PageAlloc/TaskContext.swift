// SPDX-License-Identifier: MIT

/// The task an allocation runs in, passed explicitly where the kernel reads `current`: its CPU,
/// the time, and what the slow path did on its behalf.
///
/// The allocator hands it to every ``ReclaimHooks`` call; the caller reads it back once the
/// allocation returns (the work to cost, the kswapds to schedule).
public struct TaskContext: Sendable {
  /// The CPU the task runs on: its pcp lists, and where pages it reclaims are freed.
  public let cpu: Int
  /// The time of the allocation.
  public let now: SimTime
  /// Work direct reclaim and `node_reclaim()` did for the task.
  public var reclaim = ReclaimStat()
  /// Pages direct reclaim and `node_reclaim()` reclaimed for the task.
  public var reclaimed = 0
  /// The part of `reclaim` that `node_reclaim()` did: how long the task held
  /// `PGDAT_RECLAIM_LOCKED`.
  public var nodeReclaim = ReclaimStat()
  /// Nodes whose `PGDAT_RECLAIM_LOCKED` the task took.
  public var nodeReclaimLocked: [Int32] = []
  /// Nodes whose kswapd this allocation woke, in order.
  public var wokenKswapds: [Int32] = []

  public init(cpu: Int, now: SimTime) {
    self.cpu = cpu
    self.now = now
  }
}
