// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SimulationWarmStartTests {
  /// Two 1 GiB nodes (node 0: DMA, DMA32; node 1: DMA32), a heap and a page-cache stream.
  static func yaml(_ initial: String, duration: String = "100ms") -> String {
    """
    machine: {nodes: [{memory: 1GiB, cpus: 1}, {memory: 1GiB, cpus: 1}]}
    warmup: 0s
    duration: \(duration)
    workload:
      - {name: heap, arrival: {poisson: 1000}, kind: anon, lifetime: "exponential(mean=20)"}
      - name: cache
        cpus: [0]
        arrival: {poisson: 20000}
        kind: file_clean
        order: {0: 0.5, 2: 0.5}
        access: {reference_interval: "exponential(mean=1)", hot_fraction: 0.25}
    initial_state:
    \(initial)
    """
  }

  func started(_ initial: String) throws -> Simulation {
    var sim = try Simulation(SimulationConfig.parse(yaml: Self.yaml(initial), file: "warm.yaml"))
    sim.model.start(&sim.scheduler)
    return sim
  }

  @Test func fullTakesEveryZoneToItsHighMarkAndLowmemReserve() throws {
    let sim = try started("  - {group: cache, pages: full, nodes: all}")
    let highest = sim.model.allocator.gfpZone(.highUserMovable)
    for z in sim.model.allocator.zones.indices where sim.model.allocator.zones[z].isManaged {
      let zone = sim.model.allocator.zones[z]
      let keep = zone.mark(.high) + zone.lowmemReserve[highest]
      // Order-2 folios may leave up to three pages more; a zone whose reserve exceeds its
      // free pages (DMA) is left alone.
      #expect(
        zone.freePages >= Swift.min(keep, sim.model.allocator.zones[z].managed) && zone.freePages - keep <= 3,
        "zone \(z)")
    }
    let file = sim.model.reclaim.nodes.map { $0.lruvec.size(.inactiveFile) + $0.lruvec.size(.activeFile) }
    #expect(file[0] > 200_000 && file[1] > 200_000)
    try sim.model.allocator.checkInvariants()
    try sim.model.reclaim.checkInvariants(sim.model.allocator)
  }

  @Test func theLRUInterleavesTheZonesAndHotFoliosStartActive() throws {
    let sim = try started("  - {group: cache, pages: 50%, nodes: [0]}")
    let lru = sim.model.reclaim.nodes[0].lruvec
    // Walk the oldest 2000 folios of node 0's inactive file list: both zones appear, each in
    // about its share of the fill.
    var zones = [0, 0, 0, 0, 0]
    var p = lru.tail(.inactiveFile)
    for _ in 0..<2000 {
      zones[sim.model.allocator.zones[sim.model.allocator.zoneIndex(of: p)].id.index] += 1
      p = sim.model.allocator.memmap[Int(p)].prev
    }
    let dma32 = lru.size(.inactiveFile, zone: 1) + lru.size(.activeFile, zone: 1)
    let dma = lru.size(.inactiveFile, zone: 0) + lru.size(.activeFile, zone: 0)
    #expect(dma > 0 && dma32 > 0)
    let expected = 2000 * Double(dma) / Double(dma + dma32)
    #expect(abs(Double(zones[0]) - expected) < 20, "\(zones) against \(expected)")
    // 50% of node 0's managed pages, in folios of 1 and 4 pages.
    let managed = sim.model.allocator.nodeSum(0, \.managed)
    let pages = lru.size(.inactiveFile) + lru.size(.activeFile)
    #expect(pages == managed / 2)
    let active = Double(lru.size(.activeFile)) / Double(pages)
    #expect(active > 0.2 && active < 0.3)
    #expect(sim.model.reclaim.nodes[1].lruvec.size(.inactiveFile) == 0)
  }

  @Test func entriesAfterTheFirstFillWhatIsLeft() throws {
    let sim = try started(
      """
        - {group: heap, pages: steady, nodes: [0]}
        - {group: cache, pages: full, nodes: [0]}
      """)
    let lru = sim.model.reclaim.nodes[0].lruvec
    #expect(lru.size(.inactiveAnon) == 20_000 && sim.model.reclaim.rmap.rss[0] == 20_000)
    #expect(lru.size(.inactiveFile) + lru.size(.activeFile) > 180_000)
  }

  @Test func anEntryThatDoesNotFitIsAnErrorAtItsPagesKey() {
    #expect {
      _ = try Simulation(
        SimulationConfig.parse(
          yaml: Self.yaml(
            """
              - {group: heap, pages: 700MiB, nodes: [1]}
              - {group: cache, pages: 500MiB, nodes: [1]}
            """), file: "warm.yaml"))
    } throws: { error in
      let text = "\(error)"
      return text.contains("warm.yaml:14:") && text.contains("initial_state[1].pages: 500 MiB does not fit")
        && text.contains("once the entries before it are in place")
    }
  }

  @Test func anAbsurdPageCountIsAnErrorNotATrap() {
    #expect {
      _ = try Simulation(
        SimulationConfig.parse(
          yaml: Self.yaml("  - {group: cache, pages: 4000000000000000000 pages}"), file: "warm.yaml"))
    } throws: { "\($0)".contains("initial_state[0].pages:") && "\($0)".contains("does not fit") }
  }

  @Test func aWarmRunIsSteadyFromItsFirstSampleAndAColdOneIsNot() throws {
    let warm = try runScenario(Self.yaml("  - {group: cache, pages: full, nodes: all}", duration: "2s"))
    let cold = try runScenario(Self.yaml("  []", duration: "2s"))
    #expect(warm.summary.stats.steadyState.isSteady, "\(warm.summary.stats.steadyState)")
    #expect(!cold.summary.stats.steadyState.isSteady)
    #expect(cold["lru_drift_pct"] > 50 && abs(warm["lru_drift_pct"]) < 5)
    #expect(warm.text.contains("steady state") && warm.text.contains(": steady\n"))
    #expect(cold.text.contains("still changing"))
  }

  @Test func theWarmStartIsReproducible() throws {
    let yaml = Self.yaml("  - {group: cache, pages: full, nodes: all}")
    let a = try runScenario(yaml)
    let b = try runScenario(yaml)
    #expect(a.metrics.map { "\($0.0)=\($0.1)" } == b.metrics.map { "\($0.0)=\($0.1)" })
  }
}
