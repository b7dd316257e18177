// SPDX-License-Identifier: MIT

import Foundation

/// A whole run: the machine's allocator and reclaim, the workload, and the event loop.
///
/// Built from a ``SimulationConfig``; ``run()`` advances simulated time to
/// `warmup + duration` and returns a ``RunReport``. Two runs of the same config and seed
/// produce the same events in the same order.
public struct Simulation: ~Copyable {
  public let config: SimulationConfig
  public let setup: MachineSetup
  public var scheduler = Scheduler<Event>(minimumCapacity: 1 << 16)
  public var model: SimulationModel

  /// - Parameter setup: the config's machine as already set up (``SimulationConfig/setUp()``),
  ///   so that a command that has set it up for its checks does not do it again.
  public init(_ config: SimulationConfig, setup given: MachineSetup? = nil) throws(InputErrors) {
    let setup: MachineSetup
    if let given { setup = given } else { setup = try config.setUp() }
    let workload: WorkloadConfig
    if let w = config.workload { workload = w } else { workload = try .builtIn(for: setup.machine) }
    let warmStart = try config.planWarmStart(setup: setup)
    var model = SimulationModel(config: config, setup: setup, workload: workload)
    model.warmStart = warmStart
    self.config = config
    self.setup = setup
    self.model = model
  }

  /// Runs to the end, everything kept in memory, and reports.
  ///
  /// - Parameter checkingInvariants: after every event, check the allocator's free lists,
  ///   the LRU lists and the reverse map (tests; traps on a violation). O(frames) per event.
  public mutating func run(checkingInvariants: Bool = false) -> RunReport {
    do { return try run(checkingInvariants: checkingInvariants, control: .unlimited) } catch {
      preconditionFailure("a run without limits or recording stopped early: \(error)")
    }
  }

  /// Runs to the end under `control`, and reports.
  /// - Throws: ``RunStop`` when `control` stops the run early; the model is then left where
  ///   it stopped.
  public mutating func run(checkingInvariants: Bool = false, control: RunControl) throws(RunStop) -> RunReport {
    let wall = Date()
    model.checkInvariantsAfterEachEvent = checkingInvariants
    model.start(&scheduler)
    let end = config.warmup + config.duration
    try advance(to: config.warmup, end: end, control)
    model.endWarmup()
    try advance(to: end, end: end, control)
    let summary = RunSummary(model: model, config: config, setup: setup, events: scheduler.processedEventCount)
    return RunReport(summary, wallSeconds: Date().timeIntervalSince(wall))
  }

  /// Dispatches every event up to `target` in slices, handing records over, reporting and
  /// checking `control` after each.
  mutating func advance(to target: SimTime, end: SimTime, _ control: RunControl) throws(RunStop) {
    var done = false
    repeat {
      let sliceEnd = Swift.min(target, scheduler.now + control.sliceTime)
      let left = control.maxEvents &- Swift.min(scheduler.processedEventCount, control.maxEvents)
      let finished = scheduler.run(
        until: sliceEnd, atMost: Swift.min(control.sliceEvents, left), handler: &model)
      let position = RunPosition(now: scheduler.now, end: end, events: scheduler.processedEventCount)
      if let record = control.record {
        var rows: [TimeseriesRow] = []
        var stalls: [StallRecord] = []
        swap(&rows, &model.stats.timeseries)
        swap(&stalls, &model.stats.stallLog)
        do { try record(rows, stalls) } catch { throw .recording(position, message: "\(error)") }
      }
      control.progress?(position)
      if !finished, scheduler.processedEventCount >= control.maxEvents {
        throw .eventBudget(position, budget: control.maxEvents)
      }
      if control.isStopRequested() { throw .interrupted(position) }
      done = finished && sliceEnd == target
    } while !done
  }
}

/// The state the events act on: the kernel's memory state, the workload, the simulator's
/// cost model and the run's measurements.
public struct SimulationModel: ~Copyable, EventHandler {
  public typealias Payload = Event
  public var allocator: PageAllocator
  public var reclaim: Reclaim<AccessModel>
  public var workload: WorkloadGenerator
  public var stats: RunStatistics
  public let costs: CostModel
  /// The `initial_state:` pages still to put in place (``planWarmStart(_:)``).
  var warmStart: [WarmStartFill] = []
  let sampleInterval: SimTime
  /// When measuring starts and how long it lasts.
  let measuredWindow: MeasuredWindow
  /// `vm.stat_interval`: the period of every CPU's vmstat update.
  let statInterval: SimTime
  var measuring = false
  var checkInvariantsAfterEachEvent = false
  /// Per page frame: the generation of the free event scheduled for the folio it heads.
  var freeGeneration: OwnedArray<UInt32>
  var generation: UInt32 = 0
  var interleave: [Int]
  var writebackScheduled = false
  /// Latency from each CPU's node to each node's memory (ns).
  let latency: LatencyMatrix
  let cpuNode: [Int]
  /// Per group, read on every request (kept apart so that no `TaskGroup` is copied).
  let groupKind: [PageKind]
  let groupGFP: [GFPFlags]
  let groupPolicy: [NodePolicy]
  /// Per group: the most pages it holds at once (`Int.max`: no limit).
  let groupLimit: [Int]
  /// Per group: its CPUs' numbers, where its closed-loop threads may run.
  let groupCPUs: [[Int]]
  /// Which closed-loop thread and kswapd is on which CPU.
  var cpuShare: CPUShare
  /// Per node: kswapd's CPU time since its last preemption.
  var kswapdRanSinceSlice: [UInt64]
  /// Wake-up latencies on a busy CPU (`sched/wakeup`).
  let wakeupStream: RandomStream

  init(config: SimulationConfig, setup: MachineSetup, workload: WorkloadConfig) {
    let seeds = SeedSequence(masterSeed: config.seed)
    allocator = PageAllocator(setup)
    self.workload = WorkloadGenerator(workload, seeds: seeds)
    reclaim = Reclaim(
      for: allocator, setup: setup, mms: workload.groups.count, swapPages: config.swapPages,
      access: AccessModel(workload: workload, nodes: setup.machine.nodes.count, seeds: seeds))
    stats = RunStatistics(zones: allocator.zoneCount, nodes: allocator.nodeCount)
    stats.steadyState.managedPages = allocator.zones.elements.reduce(0) { $0 + $1.managed }
    costs = CostModel(config.costs, seeds: seeds)
    sampleInterval = config.sampleInterval
    measuredWindow = MeasuredWindow(lowerBound: config.warmup, duration: config.duration)
    statInterval = .seconds(setup.sysctl.statInterval)
    freeGeneration = OwnedArray(repeating: 0, count: allocator.memmap.count)
    interleave = Array(repeating: 0, count: workload.groups.count)
    latency = setup.machine.latencies
    cpuNode = allocator.cpuNode
    groupKind = workload.groups.map(\.kind)
    groupGFP = workload.groups.map(\.gfp)
    groupPolicy = workload.groups.map { NodePolicy($0.policy) }
    groupLimit = workload.groups.map { $0.limit?.count ?? Int.max }
    groupCPUs = workload.groups.map { $0.cpus.map(\.index) }
    let nodeOfCPU = cpuNode
    let cpusOfNode = setup.machine.nodes.indices.map { n in nodeOfCPU.indices.filter { nodeOfCPU[$0] == n } }
    cpuShare = CPUShare(cpuCount: nodeOfCPU.count, cpusOfNode: cpusOfNode)
    kswapdRanSinceSlice = Array(repeating: 0, count: cpusOfNode.count)
    wakeupStream = seeds.makeStream("sched/wakeup")
    stats.cpuBusyNanoseconds = Array(repeating: 0, count: nodeOfCPU.count)
    stats.programs = ProgramStatistics(groups: workload.groups.count)
  }

  mutating func start(_ s: inout Scheduler<Event>) {
    fillWarmStart(&s)
    for (g, first) in workload.firstArrivals().enumerated() {
      if let a = first { s.schedule(.arrival(group: Int32(g), cpu: Int32(a.cpu.index)), at: a.time) }
    }
    for (t, thread) in workload.threads.enumerated() {
      s.schedule(.threadStep(thread: Int32(t)), at: workload.groups[thread.group].group.start)
    }
    s.schedule(.sample, at: sampleInterval)
    s.schedule(.vmstatUpdate, at: statInterval)
  }

  mutating func endWarmup() {
    measuring = true
    stats.baseline = allocator.counters
    stats.baselineNUMA = allocator.numaStats.elements
    stats.baselineLostNanoseconds = workload.lostNanoseconds
  }

  public mutating func handle(_ event: Event, scheduler s: inout Scheduler<Event>) {
    switch event {
    case .arrival(let g, let cpu): arrival(group: Int(g), cpu: Int(cpu), &s)
    case .threadStep(let t): threadStep(Int(t), &s)
    case .free(let page, let generation): free(page: page, generation: generation)
    case .kswapdStep(let node, let generation): kswapdStep(node: Int(node), generation: generation, &s)
    case .kswapdNapEnd(let node, let generation):
      let n = Int(node)
      guard generation == reclaim.nodes[n].kswapd.generation, reclaim.nodes[n].kswapd.phase == .napping else {
        return
      }
      if reclaim.kswapdTryToSleep(&allocator, node: n) {
        s.schedule(.kswapdStep(node: node, generation: reclaim.nodes[n].kswapd.generation), at: s.now)
      }
    case .writebackDone:
      writebackScheduled = false
      reclaim.endWriteback(&allocator)
    case .sample:
      sample(s.now)
      s.schedule(.sample, at: s.now + sampleInterval)
    case .vmstatUpdate:
      allocator.refreshCPUVMStats()
      s.schedule(.vmstatUpdate, at: s.now + statInterval)
    }
    if checkInvariantsAfterEachEvent { checkInvariants(s) }
  }

  /// Traps unless the allocator's free and pcp lists, the LRU lists and the reverse map's
  /// resident counts are consistent (the scheduler checks its heap after every event itself).
  func checkInvariants(_ s: Scheduler<Event>) {
    do {
      try allocator.checkInvariants()
      try reclaim.checkInvariants(allocator)
    } catch {
      preconditionFailure("after an event at \(s.now): \(error)")
    }
  }
}

/// The measured part of a run: from the end of the warm-up for its duration.
struct MeasuredWindow {
  var lowerBound: SimTime
  var duration: SimTime
}
