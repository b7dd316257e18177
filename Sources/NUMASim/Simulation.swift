// SPDX-License-Identifier: MIT

import Foundation

/// A whole run: the machine's allocator and reclaim, the workload, and the event loop.
///
/// Built from a ``SimulationConfig``; ``run()`` advances simulated time to
/// `warmup + duration` and returns a ``RunReport``. Two runs of the same config and seed
/// produce the same events in the same order.
public struct Simulation {
  public let config: SimulationConfig
  public let setup: MachineSetup
  public var scheduler = Scheduler<Event>(minimumCapacity: 1 << 16)
  public var model: SimulationModel

  public init(_ config: SimulationConfig) throws(InputErrors) {
    self.config = config
    let machine: Machine
    do { machine = try config.machine.build(file: config.file) } catch { throw InputErrors([error]) }
    setup = KernelSetup.setUp(machine, kernel: config.kernel, sysctl: config.sysctl)
    let workload = config.workload ?? .default(for: machine)
    model = SimulationModel(config: config, setup: setup, workload: workload)
  }

  /// Runs to the end and reports.
  public mutating func run() -> RunReport {
    let wall = Date()
    model.start(&scheduler)
    let end = config.warmup + config.duration
    scheduler.run(until: config.warmup, handler: &model)
    model.endWarmup()
    scheduler.run(until: end, handler: &model)
    return RunReport(
      model: model, config: config, setup: setup, events: scheduler.processedEventCount,
      wallSeconds: Date().timeIntervalSince(wall))
  }
}

/// The state the events act on.
public struct SimulationModel: EventHandler {
  public typealias Payload = Event
  public var allocator: PageAllocator
  public var reclaim: ReclaimState
  public var workload: WorkloadGenerator
  public var stats: RunStatistics
  public let costs: ReclaimCosts
  let sampleInterval: SimTime
  let warmup: SimTime
  var measuring = false
  var generation: UInt32 = 0
  var interleave: [Int]
  var writebackScheduled = false
  let stream: RandomStream
  /// Latency from each CPU's node to each node's memory (ns).
  let latency: LatencyMatrix
  let cpuNode: [Int]
  /// Per group, read on every request (kept apart so that no `TaskGroup` is copied).
  let groupKind: [PageKind]
  let groupGFP: [GFPFlags]
  let groupPolicy: [NodePolicy]
  /// Per group: the most pages it holds at once (`Int.max`: no limit).
  let groupLimit: [Int]

  init(config: SimulationConfig, setup: MachineSetup, workload: WorkloadConfig) {
    let seeds = SeedSequence(masterSeed: config.seed)
    allocator = PageAllocator(setup)
    self.workload = WorkloadGenerator(workload, seeds: seeds)
    stream = seeds.makeStream("reclaim")
    reclaim = ReclaimState(
      nodes: setup.machine.nodes.count, groups: workload.groups.count, costs: config.costs, sysctl: config.sysctl,
      swapPages: config.swapPages, stream: stream)
    reclaim.kswapdCPU = setup.machine.nodes.map { $0.cpus.first?.index ?? 0 }
    reclaim.referenceInterval = workload.groups.map { $0.access.referenceInterval?.mean ?? 0 }
    stats = RunStatistics(zones: allocator.zoneCount)
    costs = config.costs
    sampleInterval = config.sampleInterval
    warmup = config.warmup
    interleave = Array(repeating: 0, count: workload.groups.count)
    latency = setup.machine.latencies
    cpuNode = allocator.cpuNode
    groupKind = workload.groups.map(\.kind)
    groupGFP = workload.groups.map(\.gfp)
    groupPolicy = workload.groups.map { NodePolicy($0.policy) }
    groupLimit = workload.groups.map { $0.limit?.count ?? Int.max }
  }

  mutating func start(_ s: inout Scheduler<Event>) {
    for (g, first) in workload.firstArrivals().enumerated() {
      if let a = first { s.schedule(.arrival(group: Int32(g), cpu: Int32(a.cpu.index)), at: a.time) }
    }
    s.schedule(.sample, at: sampleInterval)
  }

  mutating func endWarmup() {
    measuring = true
    stats.baseline = allocator.counters
    stats.baselineNUMA = Array(allocator.numaStats)
    stats.baselineKswapdCPU = reclaim.kswapd.map(\.cpuNanoseconds)
  }

  public mutating func handle(_ event: Event, scheduler s: inout Scheduler<Event>) {
    switch event {
    case .arrival(let g, let cpu): arrival(group: Int(g), cpu: Int(cpu), &s)
    case .free(let page, let generation): free(page: page, generation: generation)
    case .kswapdStep(let node, let generation): kswapdStep(node: Int(node), generation: generation, &s)
    case .kswapdNapEnd(let node, let generation):
      let n = Int(node)
      guard generation == reclaim.kswapd[n].generation, reclaim.kswapd[n].phase == .napping else { return }
      reclaim.now = s.now
      if reclaim.napEnded(&allocator, node: n) {
        s.schedule(.kswapdStep(node: node, generation: reclaim.kswapd[n].generation), at: s.now)
      }
    case .writebackDone:
      writebackScheduled = false
      reclaim.finishWriteback(&allocator)
    case .sample:
      sample(s.now)
      s.schedule(.sample, at: s.now + sampleInterval)
    }
  }
}
