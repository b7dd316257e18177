// SPDX-License-Identifier: MIT

extension SimulationConfig {
  /// The built-in default scenario as config text, byte for byte `Configs/default.yaml`: what
  /// every command uses when it is given no config, so `--set` and sweeps work on it too.
  public static let defaultYAML = """
    # The built-in default scenario, written out: what `numasim run` uses with no config.
    # Every key is documented in Configs/README.md.
    name: default

    kernel:
      version: "6.18"            # the Linux release whose formulas are mirrored

    sysctl:
      # Unset keys keep the kernel's own values: min_free_kbytes comes from the boot rules
      # (sqrt rule, then the transparent-hugepage raise: 22528 kB per zone up to Normal).
      vm.watermark_scale_factor: 10
      vm.watermark_boost_factor: 15000
      vm.lowmem_reserve_ratio: [256, 256, 32, 0, 0]
      vm.swappiness: 60
      vm.zone_reclaim_mode: 0
      transparent_hugepage: madvise

    machine:
      architecture: x86_64
      memory_model: SPARSEMEM      # 128 MiB sections; memmap costs 64 bytes per page frame
      nodes:
        - {memory: 4GiB, cpus: 4}  # node 0: DMA, DMA32 (below the 1 GiB PCI hole) and Normal
        - {memory: 4GiB, cpus: 4}  # node 1: Normal only
      distances:                   # ACPI SLIT: orders fallback
        - [10, 21]
        - [21, 10]
      # latencies_ns: derived from the distances as 107 + 4.2 * (distance - 10) ns

    seed: 1
    warmup: 2s          # simulated time before statistics are kept
    duration: 20s       # simulated time measured
    sample_interval: 10ms

    # The machine at time 0, as hours of the workload below leave it: the heap and slab at their
    # steady sizes (rate × mean lifetime: 300000 and 20000 pages), then page cache in all the
    # rest, down to each zone's high mark, interleaved over the zones. On the last node the
    # stream's spill and the I/O bursts share it by their inflow, so some of it is dirty.
    # Without this the run would spend its first ~15 s filling memory.
    initial_state:
      - {group: app-heap, pages: steady}
      - {group: slab, pages: steady}
      - {group: [page-cache, io-bursts], pages: full, nodes: last}
      - {group: page-cache, pages: full, nodes: first}

    # What runs: a service heap, a page-cache stream that fills memory, I/O bursts on node 1
    # and slab churn. Rates are requests per second; lifetimes and intervals are seconds.
    workload:
      - name: app-heap
        arrival: {poisson: 10000}
        kind: anon
        lifetime: "exponential(mean=30)"
        access: {reference_interval: "exponential(mean=1)", hot_fraction: 0.5}
        shared: {fraction: 0.1, mapcount: "uniform(low=2, high=8)"}
      - name: page-cache
        node: first       # the first node with CPUs (0 here)
        arrival: {poisson: 100000}
        kind: file_clean
        access: {reference_interval: "exponential(mean=5)", hot_fraction: 0.2}
      - name: io-bursts
        node: last        # the last node with CPUs (1 here)
        arrival: {on_off: {rate: 200000, on: "exponential(mean=0.2)", off: "exponential(mean=2)"}}
        kind: file_dirty
      - name: slab
        arrival: {poisson: 2000}
        kind: slab
        lifetime: "exponential(mean=10)"

    """

  /// The file name errors in the built-in default give.
  public static let builtInFile = "<built-in>"

  /// The built-in default scenario, read from ``defaultYAML``, with `overrides` applied.
  ///
  /// Its workload names no CPU numbers (groups run on every CPU, on the `first` or on the
  /// `last` node with CPUs), so it fits whatever machine replaces the default one
  /// (`--from-zoneinfo`, `--set machine...`).
  public static func builtIn(overrides: [ConfigOverride] = []) throws(InputErrors) -> SimulationConfig {
    try parse(document: document(yaml: defaultYAML, file: builtInFile, overrides: overrides), file: builtInFile)
  }
}

extension WorkloadConfig {
  /// The built-in default's `workload:` section read against `machine`: what a config
  /// without a workload runs.
  /// - Throws: ``InputErrors`` only for a machine without CPUs.
  public static func builtIn(for machine: Machine) throws(InputErrors) -> WorkloadConfig {
    let file = SimulationConfig.builtInFile
    guard case .mapping(let entries, _) = try SimulationConfig.document(yaml: SimulationConfig.defaultYAML, file: file),
      let v = entries.first(where: { $0.key == "workload" })?.value
    else { preconditionFailure("the built-in default has a workload section") }
    var reader = ConfigReader(file: file)
    let w = WorkloadConfig.read(
      v, &reader, nodeCount: machine.nodes.count, cpuCount: machine.onlineCPUs,
      cpusOfNode: { machine.nodes[$0].cpus.map(\.index) })
    guard let w, reader.errors.isEmpty else { throw InputErrors(reader.errors) }
    return w
  }
}
