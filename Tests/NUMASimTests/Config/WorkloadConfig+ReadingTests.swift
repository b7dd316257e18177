// SPDX-License-Identifier: MIT
import Numerics
import Testing

@testable import NUMASim

/// One task group's body, indented under `- name: a` at line 2; its first line is line 3.
private func workloadGroup(_ body: String) -> String {
  "workload:\n  - name: a\n" + body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
}

@Suite struct WorkloadConfigReadingTests {
  /// Reads the `workload:` section of `yaml` on a machine of two nodes with CPUs 0-3 and 4-7.
  func read(_ yaml: String, cpusOfNode: @escaping (Int) -> [Int] = { Array($0 * 4..<$0 * 4 + 4) })
    -> (WorkloadConfig?, [String])
  {
    let root: ConfigValue
    do { root = try ConfigValue.parse(yaml: yaml, file: "w.yaml") } catch { return (nil, [error.description]) }
    var r = ConfigReader(file: "w.yaml")
    guard let top = r.mapping(root, "", allowed: ["workload"]), let section = top["workload"] else {
      return (nil, r.errors.map(\.description))
    }
    let config = WorkloadConfig.read(section, &r, nodeCount: 2, cpuCount: 8, cpusOfNode: cpusOfNode)
    return (config, r.errors.map(\.description))
  }

  static let example = """
    workload:
      - name: db-buffer-pool
        cpus: 0-3            # or node: 0
        arrival: {poisson: 20000}          # requests per second
        order: 0
        kind: anon
        policy: local
        lifetime: until_reclaimed
        access: {reference_interval: "exponential(mean=0.05)", hot_fraction: 0.3}
        shared: {fraction: 0.1, mapcount: "uniform(low=2, high=8)"}
      - name: io-bursts
        node: 1
        arrival: {on_off: {rate: 200000, on: "exponential(mean=0.2)", off: "exponential(mean=2)"}}
        order: {0: 0.95, 2: 0.05}
        kind: file_clean
        gfp: GFP_HIGHUSER_MOVABLE
        lifetime: "exponential(mean=5)"
      - name: phases
        cpus: [4]
        arrival: {phases: [{at: 0s, poisson: 1000}, {at: 10s, poisson: 50000}]}
        kind: kernel
    """

  @Test func readsTheDocumentedExample() throws {
    let (config, errors) = read(Self.example)
    #expect(errors.isEmpty, "\(errors)")
    let groups = try #require(config).groups
    #expect(groups.map(\.name) == ["db-buffer-pool", "io-bursts", "phases"])
    let db = groups[0]
    #expect(db.cpus == (0...3).map(CPUID.init))
    #expect(db.arrival == .poisson(ratePerSecond: 20_000))
    #expect(db.order == .single(0) && db.kind == .anon && db.policy == .local && db.gfp == .highUserMovable)
    #expect(db.lifetime == .untilReclaimed)
    #expect(db.access == AccessPattern(referenceInterval: .exponential(mean: 0.05), hotFraction: 0.3))
    #expect(db.shared == SharedMapping(fraction: 0.1, mapcount: .uniform(low: 2, high: 8)))
    #expect(db.limit == nil && db.start == .zero && db.stop == nil)
    let io = groups[1]
    #expect(io.cpus == (4...7).map(CPUID.init))
    #expect(io.arrival == .onOff(rate: 200_000, on: .exponential(mean: 0.2), off: .exponential(mean: 2)))
    #expect(io.order.probabilities[0] == 0.95 && io.order.probabilities[2] == 0.05)
    #expect(io.kind == .fileClean && io.lifetime == .drawn(.exponential(mean: 5)))
    let phases = groups[2]
    #expect(phases.cpus == [CPUID(4)] && phases.kind == .kernel && phases.gfp == .kernel)
    #expect(
      phases.arrival
        == .phases([
          ArrivalPhase(start: .zero, process: .poisson(ratePerSecond: 1000)),
          ArrivalPhase(start: .seconds(10), process: .poisson(ratePerSecond: 50_000)),
        ]))
  }

  @Test func readsUnitsAndShorthands() throws {
    let (config, errors) = read(
      """
      workload:
        - name: a
          arrival: {poisson: 400MB/s}
          order: {0: 1, 1: 1}
          limit: 1GiB
          start: 1.5s
          stop: 2min
          access: {reference_interval: 100ms}
          shared: 0.5
        - name: b
          cpus: "0,2,5-6"
          arrival: {constant: 500us}
          lifetime: 250ms
          limit: 1000 pages
          policy: interleave:all
        - name: c
          cpus: 7
          arrival: {constant: 20/ms}
      """)
    #expect(errors.isEmpty, "\(errors)")
    let g = try #require(config).groups
    #expect(g[0].cpus.count == 8)
    guard case .poisson(let rate) = g[0].arrival else { Issue.record("not poisson"); return }
    #expect(rate.isApproximatelyEqual(to: 400.0 * 1_048_576 / 6144))
    #expect(g[0].limit == Pages(262_144) && g[0].start == .milliseconds(1500) && g[0].stop == .seconds(120))
    #expect(g[0].access == AccessPattern(referenceInterval: .constant(0.1), hotFraction: 1))
    #expect(g[0].shared == SharedMapping(fraction: 0.5))
    #expect(g[1].cpus == [0, 2, 5, 6].map(CPUID.init))
    #expect(g[1].arrival == .constant(interval: .microseconds(500)))
    #expect(g[1].lifetime == .drawn(.constant(0.25)) && g[1].limit == Pages(1000))
    #expect(g[1].policy == .interleave([NodeID(0), NodeID(1)]))
    #expect(g[2].cpus == [CPUID(7)] && g[2].arrival == .constant(interval: .microseconds(50)))
  }

  /// Each faulty config and the exact error it must produce.
  static let errorCases: [(yaml: String, expected: String)] = [
    ("workload: []\n", "w.yaml:1:11: workload: at least one task group is needed"),
    ("workload:\n", "w.yaml:1:10: workload: at least one task group is needed"),
    (
      workloadGroup("cpus: [0, 9]\narrival: {poisson: 10}"),
      "w.yaml:3:15: workload[0].cpus[1]: CPU 9 does not exist (the machine has 8 CPUs, 0-7)"
    ),
    (
      workloadGroup("node: 2\narrival: {poisson: 10}"),
      "w.yaml:3:11: workload[0].node: node 2 does not exist (the machine has 2 nodes, 0-1)"
    ),
    (
      workloadGroup("cpus: 0\nnode: 0\narrival: {poisson: 10}"),
      "w.yaml:2:5: workload[0]: give cpus or node, not both"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\naccess: {reference_interval: 10ms, hot_fraction: 1.5}"),
      "w.yaml:4:54: workload[0].access.hot_fraction: 1.5 is not a probability; expected 0...1"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\nshared: {fraction: -0.1}"),
      "w.yaml:4:24: workload[0].shared.fraction: -0.1 is not a probability; expected 0...1"
    ),
    (
      workloadGroup("arrival: {poisson: 0}"),
      "w.yaml:3:14: workload[0].arrival: the arrival process never issues a request (every rate is 0)"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\nstart: 2s\nstop: 1s"),
      "w.yaml:5:11: workload[0].stop: the group stops (1.000000000s) before it starts (2.000000000s), so it never runs"
    ),
    (
      workloadGroup("arrival: {constant: 2s}\nstop: 1s"),
      "w.yaml:3:14: workload[0].arrival: no request can arrive between start (0.000000000s) and stop (1.000000000s)"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\norder: {0: 0, 3: 0}"),
      "w.yaml:4:12: workload[0].order: every order has weight 0, so the group never allocates"
    ),
    (workloadGroup("arrival: {poisson: 10}\norder: 11"), "w.yaml:4:12: workload[0].order: 11 is out of range 0...10"),
    (
      workloadGroup("arrival: {poisson: 10}\norder: {12: 1}"),
      "w.yaml:4:13: workload[0].order.12: '12' is not an order in 0...10"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\nlifetime: \"exponential(maen=5)\""),
      "w.yaml:4:15: workload[0].lifetime: invalid distribution 'exponential(maen=5)': unknown parameter 'maen' for exponential; expected mean"
    ),
    (
      workloadGroup("arrival: {on_off: {rate: 10, on: 5, off: 1s}}"),
      "w.yaml:3:38: workload[0].arrival.on_off.on: expected a duration such as 100ms or a distribution in seconds such as exponential(mean=0.05), found '5'"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\nlifetime: forever"),
      "w.yaml:4:15: workload[0].lifetime: expected until_reclaimed, a duration such as 10s or a distribution in seconds such as exponential(mean=5), found 'forever'"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\nstart: 5"),
      "w.yaml:4:12: workload[0].start: expected a duration such as 100ms, 2s or 500us, found '5'"
    ),
    (workloadGroup("arival: {poisson: 10}"), "w.yaml:3:5: workload[0].arival: unknown key; did you mean arrival?"),
    (
      workloadGroup("arrival: {poison: 10}"),
      "w.yaml:3:15: workload[0].arrival.poison: unknown key; did you mean poisson?"
    ),
    (
      workloadGroup("arrival: {poisson: 10, constant: 1ms}"),
      "w.yaml:3:14: workload[0].arrival: give only one arrival process (found poisson, constant)"
    ),
    (
      workloadGroup("arrival: {poisson: lots}"),
      "w.yaml:3:24: workload[0].arrival.poisson: expected a rate such as 20000 (requests per second), 20000/s or 400MB/s, found 'lots'"
    ),
    (
      workloadGroup("arrival: {on_off: {rate: 10, on: 1s}}"),
      "w.yaml:3:23: workload[0].arrival.on_off: on_off needs rate, on and off (missing off)"
    ),
    (
      workloadGroup("arrival: {phases: [{at: 2s, poisson: 1}, {at: 1s, poisson: 2}]}"),
      "w.yaml:3:51: workload[0].arrival.phases[1].at: phases must start in increasing order; 1.000000000s is not after 2.000000000s"
    ),
    (
      workloadGroup("arrival: {phases: [{at: 0s, phases: []}]}"),
      "w.yaml:3:33: workload[0].arrival.phases[0].phases: unknown key; expected one of at, poisson, constant, on_off"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\nkind: file-clean"),
      "w.yaml:4:11: workload[0].kind: unknown page kind 'file-clean'; did you mean file_clean?; expected anon, file_clean, file_dirty, slab, kernel"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\ngfp: GFP_KERNAL"),
      "w.yaml:4:10: workload[0].gfp: unknown GFP flag 'GFP_KERNAL'; did you mean GFP_KERNEL?"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\npolicy: bind:5"),
      "w.yaml:4:13: workload[0].policy: node 5 does not exist (the machine has 2)"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\nkind: kernel\nshared: 0.2"),
      "w.yaml:5:13: workload[0].shared: kernel pages are not mapped by processes and cannot be shared"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\nshared: {fraction: 0.2, mapcount: \"uniform(low=1, high=4)\"}"),
      "w.yaml:4:39: workload[0].shared.mapcount: a shared page is mapped at least twice; uniform(low=1, high=4) can draw less than 2"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\nlimit: 4096"),
      "w.yaml:4:12: workload[0].limit: expected a size such as 512MiB or a page count such as 131072 pages, found '4096'"
    ),
    (
      workloadGroup("arrival: {poisson: 10}\naccess: {hot_fraction: 0.5}"),
      "w.yaml:4:28: workload[0].access.hot_fraction: hot pages need a reference_interval"
    ),
    ("workload:\n  - arrival: {poisson: 1}\n", "w.yaml:2:5: workload[0]: a task group needs a name"),
    (
      "workload:\n  - {name: a, arrival: {poisson: 1}}\n  - {name: a, arrival: {poisson: 2}}\n",
      "w.yaml:3:5: workload[1].name: the name a is already used by workload[0]"
    ),
  ]

  @Test(arguments: errorCases)
  func reportsProblemsWithTheirPlace(yaml: String, expected: String) {
    let (config, errors) = read(yaml)
    #expect(config == nil)
    #expect(errors.contains(expected), "\(errors)")
  }

  @Test func nodeWithoutCPUsCannotHostAGroup() {
    let (_, errors) = read(workloadGroup("node: 1\narrival: {poisson: 1}"), cpusOfNode: { $0 == 0 ? [0, 1] : [] })
    #expect(errors == ["w.yaml:3:11: workload[0].node: node 1 has no CPUs; pin the group with cpus"])
  }

  @Test func reportsEveryProblemInOnePass() {
    let (_, errors) = read(workloadGroup("cpus: [9]\narrival: {poisson: -1}\norder: 12\nkind: huge"))
    #expect(errors.count == 4, "\(errors)")
  }
}
