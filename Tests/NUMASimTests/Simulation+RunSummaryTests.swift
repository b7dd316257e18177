// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SimulationRunSummaryTests {
  @Test func theMeasuredWindowIsTheCountersLessTheWarmup() throws {
    let r = try runScenario(smallTwoNodeRun).summary
    for e in VMEvent.allCases { #expect(r.countersMeasured[e] <= r.counters[e]) }
    #expect(r.countersMeasured[.pgfree] > 0 && r.countersMeasured[.pgfree] < r.counters[.pgfree])
    // Allocations counted by the simulation are those zone_statistics() counted as local or other.
    let local = r.numaMeasured[NUMAStat.numaLocal.rawIndex] + r.numaMeasured[NUMAStat.numaOther.rawIndex]
    #expect(local == r.stats.allocations)
    #expect(r.kswapdCPUPercent.count == 2 && r.zones.count == 3)
    #expect(r.pageOperations == r.stats.allocations + r.stats.frees)
  }

  @Test func theZoneinfoSnapshotIsTheModelAtTheEnd() throws {
    var sim = try Simulation(SimulationConfig.parse(yaml: smallTwoNodeRun, file: "scenario.yaml"))
    let r = sim.run().summary
    for (z, zone) in sim.model.allocator.zones.elements.enumerated() {
      let state = r.zoneinfo.zones[zone.id.node.index][zone.id.index]
      #expect(state.freePages == zone.freePages, "zone \(z)")
      #expect(state.zoneStats[ZoneStat.nrFreePages.index] == zone.freePages)
      #expect(state.pcpCount[0] == Int(sim.model.allocator.pcp[sim.model.allocator.pcpIndex(cpu: 0, zone: z)].count))
      let lru = sim.model.reclaim.nodes[zone.id.node.index].lruvec
      #expect(state.zoneStats[ZoneStat.nrZoneInactiveFile.index] == lru.size(.inactiveFile, zone: zone.id.index))
      #expect(state.zoneStats[ZoneStat.nrZoneActiveAnon.index] == lru.size(.activeAnon, zone: zone.id.index))
      let blocks = (Buddy.pageblockOrder..<Buddy.orderCount).reduce(0) {
        $0 + sim.model.allocator.nrFree[z * Buddy.orderCount + $1] << $1
      }
      #expect(state.zoneStats[ZoneStat.nrFreePagesBlocks.index] == blocks)
    }
    let zoneFile = r.zoneinfo.zones.flatMap { $0 }.reduce(0) {
      $0 + $1.zoneStats[ZoneStat.nrZoneInactiveFile.index] + $1.zoneStats[ZoneStat.nrZoneActiveFile.index]
    }
    let nodeFile = r.zoneinfo.nodeStats.reduce(0) { $0 + $1[NodeStat.nrFilePages.index] }
    #expect(zoneFile == nodeFile && nodeFile > 0)
    for (n, node) in sim.model.reclaim.nodes.enumerated() {
      #expect(r.zoneinfo.nodeStats[n][NodeStat.nrInactiveFile.index] == node.lruvec.size(.inactiveFile))
      #expect(r.zoneinfo.nodeStats[n][NodeStat.nrMapped.index] == node.fileMapped)
      #expect(r.zoneinfo.nodeStats[n][NodeStat.nrDirty.index] == node.fileDirty)
      #expect(
        r.zoneinfo.nodeStats[n][NodeStat.nrAnonPages.index] == node.lruvec.size(.inactiveAnon)
          + node.lruvec.size(.activeAnon))
      #expect(r.zoneinfo.nodeUnreclaimable[n] == node.isHopeless)
    }
  }
}
