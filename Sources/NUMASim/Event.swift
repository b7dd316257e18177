// SPDX-License-Identifier: MIT

/// Every event of a simulation: one closed enum, two words at most.
public enum Event: BitwiseCopyable, Sendable {
  /// A task group's next allocation request, on a CPU.
  case arrival(group: Int32, cpu: Int32)
  /// A closed-loop thread's next action (``ThreadProgram``), by its index in the workload.
  case threadStep(thread: Int32)
  /// A page's owner frees it (lifetime over); stale if the page was reclaimed since.
  case free(page: PageIndex, generation: UInt32)
  /// One step of a node's `balance_pgdat()`.
  case kswapdStep(node: Int32, generation: UInt32)
  /// The end of a node's kswapd nap.
  case kswapdNapEnd(node: Int32, generation: UInt32)
  /// Writeback queued by reclaim has completed.
  case writebackDone
  /// Statistics sampling.
  case sample
  /// Every CPU's vmstat update (`vmstat_update()`, each `vm.stat_interval`).
  case vmstatUpdate
}
