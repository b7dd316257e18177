// SPDX-License-Identifier: MIT

/// A set of tasks pinned to some CPUs that allocate pages of one kind in the same way.
///
/// Plain data read from the `workload:` section of a config (see ``WorkloadConfig``);
/// ``TaskGroupState`` runs it. Every random quantity is a ``Distribution`` drawn through
/// GSL from the group's own streams. Times in distributions are in seconds.
public struct TaskGroup: Hashable, Sendable {
  /// The group's name, unique in a workload; it also names the group's random streams.
  public var name: String
  /// The CPUs the group's tasks run on (sorted, no duplicates, not empty).
  public var cpus: [CPUID]
  /// When requests arrive, for an open-loop group; nil for a closed-loop one.
  public var arrival: ArrivalProcess?
  /// What each thread does, for a closed-loop group; nil for an open-loop one. Exactly one
  /// of ``arrival`` and ``program`` is set.
  public var program: ThreadProgram?
  /// How large each request is.
  public var order: OrderDistribution
  /// The GFP class of every request (by default ``PageKind/defaultGFP``).
  public var gfp: GFPFlags
  /// Which nodes the pages come from; interleaving is left to the allocator.
  public var policy: MemPolicy
  /// What the pages are.
  public var kind: PageKind
  /// How long a page is kept.
  public var lifetime: Lifetime
  /// How pages are referenced while they live.
  public var access: AccessPattern
  /// Which pages several processes map.
  public var shared: SharedMapping
  /// Whether the group's page cache is mapped into its processes (`mmap()`, counted in
  /// `nr_mapped`) or only read and written through `read(2)`/`write(2)`. Anonymous pages are
  /// always mapped.
  public var mapped = true
  /// The most base pages the group holds at once (an RSS cap): at the cap it frees its
  /// oldest pages before allocating. nil: no cap.
  public var limit: Pages?
  /// When the group begins issuing requests.
  public var start: SimTime
  /// When it stops issuing requests (exclusive); nil: never.
  public var stop: SimTime?

  /// An open-loop group; the GFP class defaults to the kind's, everything optional to its default.
  public init(
    name: String, cpus: [CPUID], arrival: ArrivalProcess, order: OrderDistribution = .single(0),
    gfp: GFPFlags? = nil, policy: MemPolicy = .local, kind: PageKind = .anon,
    lifetime: Lifetime = .untilReclaimed, access: AccessPattern = .untouched, shared: SharedMapping = .none,
    limit: Pages? = nil, start: SimTime = .zero, stop: SimTime? = nil
  ) {
    self.name = name
    self.cpus = cpus
    self.arrival = arrival
    self.order = order
    self.gfp = gfp ?? kind.defaultGFP
    self.policy = policy
    self.kind = kind
    self.lifetime = lifetime
    self.access = access
    self.shared = shared
    self.limit = limit
    self.start = start
    self.stop = stop
  }

  /// A closed-loop group whose threads run `program`; the rest as for an open-loop group.
  public init(
    name: String, cpus: [CPUID], program: ThreadProgram, order: OrderDistribution = .single(0),
    gfp: GFPFlags? = nil, policy: MemPolicy = .local, kind: PageKind = .anon, access: AccessPattern = .untouched,
    shared: SharedMapping = .none, start: SimTime = .zero, stop: SimTime? = nil
  ) {
    self.init(
      name: name, cpus: cpus, arrival: .poisson(ratePerSecond: 0), order: order, gfp: gfp, policy: policy,
      kind: kind, access: access, shared: shared, start: start, stop: stop)
    arrival = nil
    self.program = program
  }

  /// Whether the group's pages are mapped into processes (anon pages, and file pages unless
  /// `mapped` is off; slab and kernel pages are not).
  public var mapsPages: Bool { kind.isOnLRU && mapped }
}
