// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SimulationDispatchTests {
  @Test func everyFolioIsOwnedAndTheGroupsHoldWhatTheyAllocatedLessWhatWasFreed() throws {
    var config = try SimulationConfig.parse(yaml: smallTwoNodeRun, file: "dispatch.yaml")
    config.seed = 5
    var sim = try Simulation(config)
    _ = sim.run()
    let m = sim.model
    try m.reclaim.checkInvariants(m.allocator)
    try m.allocator.checkInvariants()
    // The page cache is never freed by its owner: what it holds is on the file LRU.
    let file = m.reclaim.nodes.reduce(0) { $0 + $1.lruvec.size(.inactiveFile) + $1.lruvec.size(.activeFile) }
    #expect(m.reclaim.rmap.rss[0] == file)
    #expect(m.stats.frees > 0 && m.stats.allocations > m.stats.frees)
  }

  @Test func aStallDelaysTheCPUItHappenedOn() throws {
    let report = try runScenario(burstyNearFull)
    let s = report.summary
    #expect(s.stats.stallLog.count > 0)
    // The stalled CPUs issued nothing meanwhile: the workload lost time.
    #expect(s.lostNanoseconds > 0)
  }
}
