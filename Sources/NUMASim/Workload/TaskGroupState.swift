// SPDX-License-Identifier: MIT

/// One request a task group issues: when, and on which of its CPUs.
public struct WorkloadArrival: Hashable, Sendable, BitwiseCopyable {
  /// When the request is issued.
  public var time: SimTime
  /// The CPU that issues it (its node is the local node for ``MemPolicy/local``).
  public var cpu: CPUID

  /// A request at `time` on `cpu`.
  public init(time: SimTime, cpu: CPUID) {
    self.time = time
    self.cpu = cpu
  }
}

/// The running state of one ``TaskGroup``: its arrival process, its random streams and
/// its stalled CPUs.
///
/// Each quantity has its own stream, derived from the run's seed by the group's name
/// (`SeedSequence.child("workload").makeStream("<name>/arrival")`, `/cpu`, `/order`,
/// `/lifetime`, `/access`, `/shared`), so adding a group, or changing how often one
/// quantity is drawn, does not perturb anything else.
///
/// CPUs and stalls: each arrival goes to one of the group's CPUs chosen uniformly at
/// random. A CPU that the simulator reported stalled (``delay(_:from:until:)``) issues
/// nothing until the stall ends: an arrival that falls on it meanwhile is lost (counted in
/// ``lostArrivals``), and if every CPU of the group is stalled the process restarts when
/// the first one is free. With uniform assignment each CPU's share of a Poisson process is
/// itself Poisson, so this is exactly "the stalled CPU stops issuing, the others go on".
///
/// - Deviation: a task does not resume a request it was about to issue; requests a stalled
///   CPU would have issued are dropped, not queued.
public struct TaskGroupState {
  /// The group being run.
  public let group: TaskGroup
  /// The arrival process's phase and burst state; nil for a closed-loop group, whose
  /// threads (``ProgramThreads``) issue its requests.
  public private(set) var arrival: ArrivalState?
  /// Per CPU of ``TaskGroup/cpus`` (same index): the end of its latest reported stall.
  public private(set) var blockedUntil: [SimTime]
  /// Time the group's CPUs spent stalled, summed over CPUs, in nanoseconds; overlapping
  /// reports for one CPU are counted once.
  public private(set) var lostNanoseconds: UInt64 = 0
  /// Arrivals that fell on a stalled CPU and were never issued.
  public private(set) var lostArrivals: UInt64 = 0
  /// Requests issued so far (arrivals returned by ``nextArrival(after:)``).
  public private(set) var issued: UInt64 = 0
  /// Whether the group will issue nothing more.
  public private(set) var isFinished = false

  /// The latest stall end over all CPUs: from then on no CPU is stalled.
  private var latestBlockedUntil = SimTime.zero
  private let arrivalStream: RandomStream
  private let cpuStream: RandomStream
  private let orderStream: RandomStream
  private let lifetimeStream: RandomStream
  private let accessStream: RandomStream
  private let sharedStream: RandomStream

  /// The group's state at the start of a run whose seeds are `seeds` (the run's root
  /// sequence; the `workload` child is derived here).
  ///
  /// - Precondition: `group.cpus` is not empty and `group.arrival`, if any, is valid.
  public init(_ group: TaskGroup, seeds: SeedSequence) {
    precondition(!group.cpus.isEmpty, "task group \(group.name) has no CPUs")
    self.group = group
    arrival = group.arrival.map(ArrivalState.init)
    blockedUntil = Array(repeating: .zero, count: group.cpus.count)
    let workload = seeds.child("workload")
    arrivalStream = workload.makeStream(group.name + "/arrival")
    cpuStream = workload.makeStream(group.name + "/cpu")
    orderStream = workload.makeStream(group.name + "/order")
    lifetimeStream = workload.makeStream(group.name + "/lifetime")
    accessStream = workload.makeStream(group.name + "/access")
    sharedStream = workload.makeStream(group.name + "/shared")
  }

  /// The next request after `now` and the CPU that issues it, or nil once the group has
  /// stopped (its process ran out, or the next arrival is at or after ``TaskGroup/stop``).
  ///
  /// Pass the time of the previous arrival, or 0 for the first (arrivals begin at
  /// ``TaskGroup/start``). Report a stall with ``delay(_:from:until:)`` before asking for
  /// the next arrival; the result never falls on a CPU inside a reported stall.
  /// - Complexity: O(1) per draw when no CPU is stalled; O(CPUs) per draw that lands on a
  ///   stalled CPU.
  public mutating func nextArrival(after now: SimTime) -> WorkloadArrival? {
    guard !isFinished, arrival != nil else {
      isFinished = true
      return nil
    }
    var t = Swift.max(now, group.start)
    while true {
      if t < latestBlockedUntil, let free = blockedUntil.min(), free > t {
        // Every CPU is stalled: nothing is issued until the first one is free.
        t = free
      }
      guard let candidate = arrival?.next(after: t, stream: arrivalStream),
        group.stop.map({ candidate < $0 }) ?? true
      else {
        isFinished = true
        return nil
      }
      let index = drawCPUIndex()
      if candidate < blockedUntil[index] {
        lostArrivals += 1
        t = candidate
        continue
      }
      issued += 1
      return WorkloadArrival(time: candidate, cpu: group.cpus[index])
    }
  }

  /// Reports that `cpu` was stalled (direct reclaim, compaction, throttling) from `start`
  /// until `end`: it issues nothing before `end`, and the time counts as lost.
  ///
  /// - Precondition: `cpu` is one of the group's CPUs.
  public mutating func delay(_ cpu: CPUID, from start: SimTime, until end: SimTime) {
    guard let index = group.cpus.firstIndex(of: cpu) else {
      preconditionFailure("CPU \(cpu) is not in task group \(group.name)")
    }
    let from = Swift.max(start, blockedUntil[index])
    guard end > from else { return }
    lostNanoseconds += (end - from).nanoseconds
    blockedUntil[index] = end
    latestBlockedUntil = Swift.max(latestBlockedUntil, end)
  }

  /// Whether `cpu` is inside a reported stall at `time`.
  public func isBlocked(_ cpu: CPUID, at time: SimTime) -> Bool {
    guard let index = group.cpus.firstIndex(of: cpu) else { return false }
    return time < blockedUntil[index]
  }

  /// One of the group's CPUs, uniformly at random (no draw for a single CPU); for work the
  /// group does outside ``nextArrival(after:)``, such as freeing a page.
  public mutating func drawCPU() -> CPUID { group.cpus[drawCPUIndex()] }

  private func drawCPUIndex() -> Int {
    group.cpus.count == 1 ? 0 : cpuStream.uniformInt(below: group.cpus.count)
  }

  /// The order of the next request.
  public mutating func drawOrder() -> Int { group.order.sample(orderStream) }

  /// How long a page allocated now is kept, or nil if it is kept until reclaimed.
  public mutating func drawLifetime() -> SimTime? {
    switch group.lifetime {
    case .untilReclaimed: nil
    case .drawn(let d): SimTime(drawnSeconds: d.sample(lifetimeStream))
    }
  }

  /// The mapcount of a page allocated now: a draw of ``SharedMapping/mapcount`` (rounded,
  /// at least 2) for a shared page, 1 for an unshared one, 0 for slab and kernel pages,
  /// which no process maps.
  public mutating func drawMapcount() -> Int {
    guard group.mapsPages else { return 0 }
    let shared = group.shared
    guard shared.fraction > 0, shared.fraction >= 1 || sharedStream.uniform() < shared.fraction else { return 1 }
    let drawn = shared.mapcount.sample(sharedStream).rounded()
    return drawn >= 2 ? (drawn < 1e9 ? Int(drawn) : 1_000_000_000) : 2
  }

  /// Whether a page allocated now is hot (keeps being referenced); decide once per page.
  public mutating func isHot() -> Bool {
    let access = group.access
    guard access.referencesPages else { return false }
    return access.hotFraction >= 1 || accessStream.uniform() < access.hotFraction
  }

  // Draws are `mutating`: they advance the group's streams, and mutating access keeps callers
  // from copying the state out of the generator's array on every request.

  /// When a hot page last referenced at `now` is referenced next, or nil if it is not
  /// referenced again (the group has no reference interval, or has stopped by then).
  ///
  /// Call it only for pages ``isHot()`` chose; cold pages are never referenced again.
  public func nextReference(after now: SimTime) -> SimTime? {
    guard let interval = group.access.referenceInterval, group.access.hotFraction > 0 else { return nil }
    let next = now.saturatingAdding(SimTime(drawnSeconds: interval.sample(accessStream)))
    if let stop = group.stop, next >= stop { return nil }
    return next
  }
}
