// SPDX-License-Identifier: MIT

/// The CPUs as a shared resource: which runnable entity (a closed-loop thread, a node's
/// kswapd) is on which CPU, and how long each waits for the others.
///
/// The simulator's model of the scheduler, not the kernel's mechanism:
/// - Placement at wake-up: an entity that becomes runnable goes to the allowed CPU with the
///   fewest entities on it, its previous CPU winning ties, then the lowest number (the idle- or
///   least-loaded-sibling choice of `select_task_rq_fair()`). It stays there until it sleeps:
///   no periodic load balancing.
/// - Sharing: equal weights (threads and kswapd are all `SCHED_NORMAL`, nice 0), so a CPU
///   with n entities gives each 1/n. Time is shared in slices as EEVDF does: an entity runs
///   a base slice of CPU time, then waits while each of the others runs one
///   (``preemptionWait(onCPU:ran:)``). Over many slices each gets 1/n of the CPU, and a
///   fault that spans no slice end is not delayed at all, as on a real CPU.
/// - Wake-up latency: an entity that wakes onto a CPU where another runs waits for the rest
///   of that entity's slice before it first runs (EEVDF's `RUN_TO_PARITY` keeps the running
///   task on the CPU until its slice is used): a uniform draw in [0, slice)
///   (``wakeupWait(onCPU:stream:)``).
/// - Open-loop task groups and interrupt-context allocations take no CPU time here.
///
/// - Deviation: no wake-up preemption by an earlier deadline, no migration of a running
///   entity, no sleeper credit; a CPU's share changes only when an entity arrives or leaves it.
public struct CPUShare: Sendable {
  /// Entities on each CPU now.
  public private(set) var load: [Int]
  /// Per node: the CPU its kswapd is on while it runs, or -1.
  public private(set) var kswapdCPU: [Int]
  /// Per node: the CPUs its kswapd may run on (the node's, or every CPU for a node without
  /// CPUs, as `kthread_run()` leaves a kswapd whose `cpumask_of_node()` is empty).
  let kswapdAllowed: [[Int]]
  /// Per CPU: the CPU time each entity runs before the others get theirs (ns).
  let slice: UInt64
  /// Per node: kswapd's last CPU (its tie-break), -1 before it first ran.
  var kswapdPrevious: [Int]

  /// The CPUs of a machine of `cpuCount` CPUs whose nodes have `cpusOfNode`.
  public init(cpuCount: Int, cpusOfNode: [[Int]]) {
    load = Array(repeating: 0, count: cpuCount)
    kswapdCPU = Array(repeating: -1, count: cpusOfNode.count)
    kswapdPrevious = kswapdCPU
    kswapdAllowed = cpusOfNode.map { $0.isEmpty ? Array(0..<cpuCount) : $0 }
    slice = Self.baseSlice(onlineCPUs: cpuCount)
  }

  /// The scheduler's base slice for a machine of `onlineCPUs` (ns).
  ///
  /// Mirrors: `sysctl_sched_base_slice` (750 µs) scaled by `get_update_sysctl_factor()` in
  /// kernel/sched/fair.c (Linux 6.18), `SCHED_TUNABLESCALING_LOG`: 1 + ilog2(min(CPUs, 8)).
  public static func baseSlice(onlineCPUs: Int) -> UInt64 {
    let cpus = Swift.max(1, Swift.min(onlineCPUs, 8))
    let factor = 1 + (Int.bitWidth - 1 - cpus.leadingZeroBitCount)
    return 750_000 * UInt64(factor)
  }

  /// Places a waking entity on the least-loaded of `allowed` (`previous` first on ties, then
  /// the lowest number) and returns its CPU.
  /// - Precondition: `allowed` is not empty.
  public mutating func place(allowed: [Int], previous: Int) -> Int {
    func rank(_ c: Int) -> (Int, Int, Int) { (load[c], c == previous ? 0 : 1, c) }
    let best = allowed.min { rank($0) < rank($1) }!
    load[best] += 1
    return best
  }

  /// An entity on `cpu` sleeps or ends.
  public mutating func remove(cpu: Int) {
    precondition(load[cpu] > 0, "no entity on CPU \(cpu)")
    load[cpu] -= 1
  }

  /// Node `node`'s kswapd becomes runnable: it is placed unless it already is; its CPU.
  public mutating func kswapdRuns(node: Int) -> Int {
    if kswapdCPU[node] >= 0 { return kswapdCPU[node] }
    let cpu = place(allowed: kswapdAllowed[node], previous: kswapdPrevious[node])
    kswapdCPU[node] = cpu
    kswapdPrevious[node] = cpu
    return cpu
  }

  /// Node `node`'s kswapd sleeps (or naps).
  public mutating func kswapdSleeps(node: Int) {
    guard kswapdCPU[node] >= 0 else { return }
    remove(cpu: kswapdCPU[node])
    kswapdCPU[node] = -1
  }

  /// How long an entity just placed on `cpu` waits before it first runs: nothing on a CPU it
  /// has to itself, else the rest of the running entity's slice, uniform in [0, slice),
  /// drawn from `stream`.
  public func wakeupWait(onCPU cpu: Int, stream: RandomStream) -> UInt64 {
    guard load[cpu] > 1 else { return 0 }
    return UInt64(stream.uniformHalfOpen() * Double(slice))
  }

  /// The time an entity on `cpu` that has just run `ran` more nanoseconds of CPU waits for
  /// the others on that CPU: each base slice it completes is followed by one slice of each
  /// other entity. `ran` carries the part of a slice not yet completed.
  public func preemptionWait(onCPU cpu: Int, ran: inout UInt64) -> UInt64 {
    let others = UInt64(Swift.max(load[cpu] - 1, 0))
    guard others > 0 else {
      ran %= slice
      return 0
    }
    let slices = ran / slice
    ran -= slices * slice
    let (wait, overflow) = (slices * slice).multipliedReportingOverflow(by: others)
    return overflow ? .max : wait
  }
}
