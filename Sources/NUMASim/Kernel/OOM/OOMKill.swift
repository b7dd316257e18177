// SPDX-License-Identifier: MIT

extension Reclaim {
  /// The mm with the most resident pages, if any holds one.
  ///
  /// Mirrors: `select_bad_process()` → `oom_badness()` in mm/oom_kill.c (Linux 6.18), by
  /// resident pages (`get_mm_rss()`); ties go to the first mm.
  /// - Deviation: no `oom_score_adj`, swap entries or page-table pages in the badness.
  public func selectBadProcess() -> Int? {
    guard let victim = rmap.rss.indices.max(by: { rmap.rss[$0] < rmap.rss[$1] }), rmap.rss[victim] > 0 else {
      return nil
    }
    return victim
  }

  /// Kills the mm that holds the most memory and frees what it held; returns whether one was found.
  ///
  /// Mirrors: `out_of_memory()` → `select_bad_process()` → `oom_kill_process()` in
  /// mm/oom_kill.c (Linux 6.18); `oom_kill` is counted.
  /// - Deviation: the victim is a task group, its memory is freed at once to the allocating
  ///   CPU (no oom_reaper delay), and the group goes on issuing requests as a restarted
  ///   service would.
  public mutating func outOfMemory(
    _ a: inout PageAllocator, request: AllocationRequest, context: AllocationContext, task: inout TaskContext
  ) -> Bool {
    guard let victim = selectBadProcess() else { return false }
    var page = 0
    while page < a.memmap.count {
      let p = PageIndex(page)
      let order = a.memmap.has(p, .head) ? Int(a.memmap[page].order) : 0
      if rmap.owner(of: p) == victim { releaseFolio(&a, p, cpu: task.cpu) }
      page += 1 << order
    }
    oomKills[victim] += 1
    a.counters[.oomKill] &+= 1
    return true
  }
}
