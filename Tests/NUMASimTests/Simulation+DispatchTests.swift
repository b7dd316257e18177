// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SimulationDispatchTests {
  @Test func everyFolioIsOwnedAndTheGroupsHoldWhatTheyAllocatedLessWhatWasFreed() throws {
    var config = try SimulationConfig.parse(yaml: smallTwoNodeRun, file: "dispatch.yaml")
    config.seed = 5
    var sim = try Simulation(config)
    _ = sim.run()
    try sim.model.reclaim.checkInvariants(sim.model.allocator)
    try sim.model.allocator.checkInvariants()
    // The page cache is never freed by its owner: what it holds is on the file LRU.
    let file = sim.model.reclaim.nodes.reduce(0) { $0 + $1.lruvec.size(.inactiveFile) + $1.lruvec.size(.activeFile) }
    #expect(sim.model.reclaim.rmap.rss[0] == file)
    #expect(sim.model.stats.frees > 0 && sim.model.stats.allocations > sim.model.stats.frees)
  }

  @Test func aStallDelaysTheCPUItHappenedOn() throws {
    let report = try runScenario(burstyNearFull)
    let s = report.summary
    #expect(s.stats.stallLog.count > 0)
    // The stalled CPUs issued nothing meanwhile: the workload lost time.
    #expect(s.lostNanoseconds > 0)
  }
}
