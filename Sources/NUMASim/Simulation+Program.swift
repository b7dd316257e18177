// SPDX-License-Identifier: MIT

/// Closed-loop threads: each runs its group's ``ThreadProgram`` step by step, one event per
/// fault, on a CPU it shares (``CPUShare``).
extension SimulationModel {
  /// The thread's next action: one fault of a touch or read, an unmap or free, the start of a
  /// wait, or a barrier; steps that take no time run on at once.
  mutating func threadStep(_ t: Int, _ s: inout Scheduler<Event>) {
    let g = workload.threads[t].group
    guard !workload.threads[t].isFinished else { return }
    if let stop = workload.groups[g].group.stop, s.now >= stop {
      finish(t, &s)
      return
    }
    let stepCount = workload.programs[g]!.program.steps.count
    // Bounded: a program that does work reaches a step that takes time within one pass.
    for _ in 0...(stepCount + 1) {
      if workload.threads[t].step == stepCount {
        workload.threads[t].step = 0
        workload.threads[t].iteration += 1
        if let n = workload.programs[g]!.program.iterations, workload.threads[t].iteration >= n {
          finish(t, &s)
          return
        }
      }
      switch workload.programs[g]!.program.steps[workload.threads[t].step] {
      case .touch(let pages): return fault(t, pages: pages, read: false, &s)
      case .read(let pages): return fault(t, pages: pages, read: true, &s)
      case .hold(let d), .sleep(let d):
        sleep(t)
        workload.threads[t].step += 1
        let wake = s.now.saturatingAdding(workload.programs[g]!.waitTime(d))
        return s.schedule(.threadStep(thread: Int32(t)), at: wake)
      case .unmap: return release(t, fraction: 1, freeingFile: false, &s)
      case .free(let fraction): return release(t, fraction: fraction, freeingFile: true, &s)
      case .barrier:
        sleep(t)
        workload.threads[t].step += 1
        workload.programs[g]!.atBarrier.append(t)
        guard releaseBarrier(group: g, except: t, &s) else { return }
      }
    }
    preconditionFailure("program of \(workload.groups[g].group.name) does no work")
  }

  /// One fault of a touch (mapped) or read (page cache, unmapped) step; the next is due when
  /// its CPU time, its direct-reclaim stall and its waits for the CPU have passed.
  mutating func fault(_ t: Int, pages: Int, read: Bool, _ s: inout Scheduler<Event>) {
    let g = workload.threads[t].group
    if workload.threads[t].remaining == 0 { workload.threads[t].remaining = pages }
    guard let cpu = wake(t, &s) else { return }
    let now = s.now
    let request = allocate(group: g, cpu: cpu, &s)
    if let p = request.page {
      if read { reclaim.unmapFileFolio(&allocator, p.page) }
      if workload.programs[g]!.keepsHeldFolios {
        workload.threads[t].held.append(HeldFolio(page: p.page, generation: freeGeneration[Int(p.page)]))
      }
    }
    let own =
      read
      ? workload.programs[g]!.readNanoseconds(pages: 1 << request.order) : workload.programs[g]!.faultNanoseconds()
    let cpuTime = CostModel.adding(own, request.stallNanoseconds)
    let wait = run(t, cpuTime)
    let wall = CostModel.adding(cpuTime, wait)
    // The stall as the thread saw it: its share of the waits for the CPU included.
    let stallWall =
      request.stallNanoseconds == 0
      ? 0
      : CostModel.adding(
        request.stallNanoseconds,
        CostModel.nanoseconds(Double(wait) * Double(request.stallNanoseconds) / Double(cpuTime)))
    record(request, group: g, cpu: cpu, now: now, stallWall: stallWall)
    if measuring { stats.programs.recordFault(group: g, read: read, nanoseconds: wall, stall: stallWall, wait: wait) }
    workload.threads[t].remaining -= Swift.min(1 << request.order, workload.threads[t].remaining)
    if workload.threads[t].remaining == 0 { workload.threads[t].step += 1 }
    s.schedule(.threadStep(thread: Int32(t)), at: now.saturatingAdding(.nanoseconds(wall)))
  }

  /// An unmap (everything held; file pages stay cached) or a free of `fraction` of what the
  /// thread holds, oldest first (file pages dropped too when `freeingFile`).
  mutating func release(_ t: Int, fraction: Double, freeingFile: Bool, _ s: inout Scheduler<Event>) {
    let g = workload.threads[t].group
    guard let cpu = wake(t, &s) else { return }
    let held = workload.threads[t].heldCount
    let count = fraction >= 1 ? held : Int((Double(held) * fraction).rounded(.down))
    var pages = 0
    let start = workload.threads[t].heldStart
    for i in start..<(start + count) {
      let f = workload.threads[t].held[i]
      guard freeGeneration[Int(f.page)] == f.generation, reclaim.rmap.owner(of: f.page) != nil else { continue }
      let order = allocator.memmap.folioOrder(f.page)
      pages += 1 << order
      if groupKind[g].isFile && !freeingFile {
        reclaim.unmapFileFolio(&allocator, f.page)
      } else {
        freeGeneration[Int(f.page)] = 0
        reclaim.releaseFolio(&allocator, f.page, cpu: cpu)
        if measuring { stats.frees &+= 1 }
      }
    }
    if count == held {
      workload.threads[t].held.removeAll(keepingCapacity: true)
      workload.threads[t].heldStart = 0
    } else {
      workload.threads[t].heldStart += count
    }
    let cpuTime = workload.programs[g]!.munmapNanoseconds(pages: pages)
    let wall = CostModel.adding(cpuTime, run(t, cpuTime))
    workload.threads[t].step += 1
    s.schedule(.threadStep(thread: Int32(t)), at: s.now.saturatingAdding(.nanoseconds(wall)))
  }

  /// The thread becomes runnable (placed on a CPU at its wake-up) if it was not; its CPU,
  /// or nil when it woke onto a busy CPU and runs only after its wake-up wait (its step is
  /// then scheduled again for then).
  mutating func wake(_ t: Int, _ s: inout Scheduler<Event>) -> Int? {
    guard !workload.threads[t].isRunnable else { return workload.threads[t].cpu }
    let g = workload.threads[t].group
    let cpu = cpuShare.place(allowed: groupCPUs[g], previous: workload.threads[t].cpu)
    workload.threads[t].cpu = cpu
    workload.threads[t].isRunnable = true
    let wait = cpuShare.wakeupWait(onCPU: cpu, stream: wakeupStream)
    guard wait > 0 else { return cpu }
    if measuring { stats.programs.waitNanoseconds[g] &+= wait }
    s.schedule(.threadStep(thread: Int32(t)), at: s.now + .nanoseconds(wait))
    return nil
  }

  /// The thread runs `ns` of CPU time on its CPU; the time it then waits for the others there.
  mutating func run(_ t: Int, _ ns: UInt64) -> UInt64 {
    let cpu = workload.threads[t].cpu
    workload.threads[t].ranSinceSlice = CostModel.adding(workload.threads[t].ranSinceSlice, ns)
    if measuring { stats.cpuBusyNanoseconds[cpu] &+= ns }
    return cpuShare.preemptionWait(onCPU: cpu, ran: &workload.threads[t].ranSinceSlice)
  }

  /// The thread sleeps (a wait or a barrier): off its CPU.
  mutating func sleep(_ t: Int) {
    guard workload.threads[t].isRunnable else { return }
    cpuShare.remove(cpu: workload.threads[t].cpu)
    workload.threads[t].isRunnable = false
  }

  /// Whether every thread of group `g` that has not finished waits at the barrier; if so the
  /// barrier opens: the waiting threads go on now (`except`, the caller, goes on itself).
  mutating func releaseBarrier(group g: Int, except: Int, _ s: inout Scheduler<Event>) -> Bool {
    let waiting = workload.programs[g]!.atBarrier
    guard !waiting.isEmpty, waiting.count == workload.programs[g]!.program.threads - workload.programs[g]!.finished
    else { return false }
    for other in waiting where other != except { s.schedule(.threadStep(thread: Int32(other)), at: s.now) }
    workload.programs[g]!.atBarrier.removeAll(keepingCapacity: true)
    return true
  }

  /// The thread is done: off its CPU for good; a barrier of its group no longer waits for it.
  mutating func finish(_ t: Int, _ s: inout Scheduler<Event>) {
    sleep(t)
    workload.threads[t].isFinished = true
    let g = workload.threads[t].group
    workload.programs[g]!.finished += 1
    _ = releaseBarrier(group: g, except: t, &s)
  }
}
