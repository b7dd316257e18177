// SPDX-License-Identifier: MIT

extension WorkloadConfig {
  /// The built-in workload (what `Configs/default.yaml` writes out): a service's heap, a
  /// stream of page cache that fills memory, I/O bursts on the second node and slab churn.
  /// Memory fills within the warm-up, so kswapd runs and the bursts drive direct reclaim.
  public static func `default`(for machine: Machine) -> WorkloadConfig {
    let all = machine.nodes.flatMap(\.cpus)
    let first = machine.nodes.first { $0.hasCPUs }?.cpus ?? all
    let last = machine.nodes.last { $0.hasCPUs }?.cpus ?? all
    return WorkloadConfig(groups: [
      TaskGroup(
        name: "app-heap", cpus: all, arrival: .poisson(ratePerSecond: 10_000), kind: .anon,
        lifetime: .drawn(.exponential(mean: 30)),
        access: AccessPattern(referenceInterval: .exponential(mean: 1), hotFraction: 0.5),
        shared: SharedMapping(fraction: 0.1, mapcount: .uniform(low: 2, high: 8))),
      TaskGroup(
        name: "page-cache", cpus: first, arrival: .poisson(ratePerSecond: 100_000), kind: .fileClean,
        access: AccessPattern(referenceInterval: .exponential(mean: 5), hotFraction: 0.2)),
      TaskGroup(
        name: "io-bursts", cpus: last,
        arrival: .onOff(rate: 200_000, on: .exponential(mean: 0.2), off: .exponential(mean: 2)),
        kind: .fileDirty),
      TaskGroup(
        name: "slab", cpus: all, arrival: .poisson(ratePerSecond: 2_000), kind: .slab,
        lifetime: .drawn(.exponential(mean: 10))),
    ])
  }
}
