// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SimulationProgramTests {
  func simulation(_ yaml: String) throws -> Simulation {
    try Simulation(SimulationConfig.parse(yaml: yaml, file: "program.yaml"))
  }

  @Test func aThreadTouchesUnmapsAndRepeatsExactlyAsItsProgramSays() throws {
    var sim = try simulation(
      """
      machine: {nodes: [{memory: 256MiB, cpus: 1}]}
      warmup: 0s
      duration: 1s
      workload:
        - name: burst
          start: 1ms
          program: [{touch: 1000 pages}, {hold: 10ms}, unmap]
          repeat: 3
          fault_us: 2
          munmap_us: 0.5
      """)
    let r = sim.run(checkingInvariants: true)
    #expect(r["faults"] == 3000 && r["allocations"] == 3000)
    #expect(sim.model.stats.frees == 3000)
    // Alone on its CPU: every fault takes its 2 µs of CPU time, no more.
    #expect(r["fault_p50_ns"] == 2000 && r["fault_max_ns"] == 2000)
    // 3 × (2 ms of faults + 10 ms held + 0.5 ms of unmap) of CPU-and-wait; CPU alone counted busy.
    #expect(abs(r["cpu0_busy_pct"] - 3 * 2.5 / 10) < 1e-9)
    let t = sim.model.workload.threads[0]
    #expect(t.isFinished && t.iteration == 3 && t.heldCount == 0)
    #expect(sim.model.cpuShare.load == [0])
  }

  @Test func twoThreadsOnOneCPUEachGetHalfOfIt() throws {
    func faults(cpus: String) throws -> Double {
      let r = try runScenario(
        """
        machine: {nodes: [{memory: 1GiB, cpus: 2}]}
        warmup: 0s
        duration: 300ms
        workload:
          - name: faulters
            cpus: \(cpus)
            threads: 2
            program: [{touch: 200MiB}, unmap]
            fault_us: 10
        """)
      return r["faults"]
    }
    let apart = try faults(cpus: "[0, 1]")
    let together = try faults(cpus: "[0]")
    #expect(apart == 2 * 30_000)  // 300 ms / 10 µs on each CPU
    // Sharing in 1.5 ms slices: each runs half of the 300 ms, give or take a slice.
    #expect(abs(together - 30_000) <= 150)
  }

  @Test func theBarrierKeepsTheThreadsInStepDespiteRandomSleeps() throws {
    for barrier in [true, false] {
      var sim = try simulation(
        """
        machine: {nodes: [{memory: 512MiB, cpus: 2}]}
        warmup: 0s
        duration: 2s
        workload:
          - name: pair
            threads: 2
            program: [\(barrier ? "barrier, " : ""){touch: 100 pages}, unmap, {sleep: "uniform(low=0, high=0.02)"}]
            fault_us: 1
        """)
      _ = sim.run()
      let passes = sim.model.workload.threads.map(\.iteration)
      if barrier {
        #expect(abs(passes[0] - passes[1]) <= 1)
      } else {
        #expect(abs(passes[0] - passes[1]) > 1)
      }
    }
  }

  @Test func readPagesStayInThePageCacheUnmappedAfterTheUnmap() throws {
    var sim = try simulation(
      """
      machine: {nodes: [{memory: 256MiB, cpus: 1}]}
      warmup: 0s
      duration: 1s
      workload:
        - name: reader
          kind: file_clean
          start: 1ms
          program: [{read: 512 pages}, unmap]
          repeat: 1
      """)
    let r = sim.run(checkingInvariants: true)
    #expect(r["faults"] == 0 && r["allocations"] == 512)
    let lru = sim.model.reclaim.nodes[0].lruvec
    #expect(lru.size(.inactiveFile) + lru.size(.activeFile) == 512)
    #expect(sim.model.stats.frees == 0)
  }

  @Test func kswapdWaitsForACPUOnlyWhenEveryCPUIsBusy() throws {
    func kswapdWait(threads: Int) throws -> (wait: Double, kswapd: Double) {
      let r = try runScenario(
        """
        machine: {nodes: [{memory: 1GiB, cpus: 2}]}
        sysctl: {transparent_hugepage: never}
        warmup: 1s
        duration: 2s
        workload:
          - name: cache
            kind: file_clean
            threads: \(threads)
            program: [{read: 64MiB}]
            read_us: 2
        """)
      return (r["kswapd_wait_ms_node0"], r["kswapd_cpu_pct_node0"])
    }
    let one = try kswapdWait(threads: 1)
    let two = try kswapdWait(threads: 2)
    #expect(one.kswapd > 0 && two.kswapd > 0)
    #expect(one.wait == 0)  // the idle CPU is kswapd's
    #expect(two.wait > 0)
  }

  @Test func aStoppedThreadNoLongerHoldsItsPartnerAtTheBarrier() throws {
    var sim = try simulation(
      """
      machine: {nodes: [{memory: 256MiB, cpus: 2}]}
      warmup: 0s
      duration: 1s
      workload:
        - name: pair
          threads: 2
          stop: 500ms
          program: [barrier, {touch: 10 pages}, {sleep: "uniform(low=0, high=0.01)"}]
      """)
    _ = sim.run()
    let finished = sim.model.workload.threads.allSatisfy { $0.isFinished }
    #expect(finished)
    #expect(sim.model.workload.programs[0]!.atBarrier.isEmpty)
    #expect(sim.model.cpuShare.load == [0, 0])
  }

  @Test func theSameSeedGivesTheSameFaults() throws {
    let yaml = """
      machine: {nodes: [{memory: 512MiB, cpus: 2}]}
      warmup: 200ms
      duration: 500ms
      workload:
        - name: cache
          kind: file_clean
          program: [{read: 1GiB}]
          threads: 1
        - name: faulters
          threads: 2
          program: [barrier, {touch: 64MiB}, {hold: 20ms}, unmap]
      """
    let a = try runScenario(yaml)
    let b = try runScenario(yaml)
    #expect(a.metrics.map(\.0) == b.metrics.map(\.0))
    #expect(a.metrics.map { $0.1.number } == b.metrics.map { $0.1.number })
    #expect(a["faults"] > 0)
  }
}
