// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

/// The test build keeps Swift's runtime checks and the model's invariant checks: these
/// failures must stop the process, as they would not in a `-Ounchecked` build.
@Suite struct ChecksTests {
  @Test func theTestBuildCompilesTheInvariantChecksIn() {
    #if NUMASIM_INTERNAL_CHECKS
      let compiledIn = true
    #else
      let compiledIn = false
    #endif
    #expect(compiledIn, "make test must build with NUMASIM_CHECKS=1")
  }

  @Test func aCorruptedEventHeapIsCaught() async {
    await #expect(processExitsWith: .failure) {
      var queue = EventQueue<Int>(minimumCapacity: 4)
      for t in [1, 2, 3] as [UInt64] { queue.schedule(Int(t), at: SimTime(nanoseconds: t)) }
      queue.storage.swapAt(0, 2)  // the latest event now sits at the top
      queue._checkInvariants()
    }
  }

  @Test func freeingAFreePageIsCaught() async {
    await #expect(processExitsWith: .failure) {
      var a = try makeAllocator()
      guard let p = a.allocate(AllocationRequest(order: 0, gfp: .kernel, cpu: 0)) else { return }
      a.free(p.page, order: 0, cpu: 0)
      a.free(p.page, order: 0, cpu: 0)
    }
  }

  @Test func anOutOfRangePageIsCaught() async {
    await #expect(processExitsWith: .failure) {
      let a = try makeAllocator()
      _ = a.memmap.has(PageIndex(a.memmap.count), .lru)
    }
  }

  @Test func simTimeDoesNotWrapBelowZero() async {
    await #expect(processExitsWith: .failure) {
      let now = SimTime(nanoseconds: UInt64(CommandLine.arguments.count))
      print(now - SimTime(nanoseconds: 1_000_000))
    }
  }

  @Test func aShortRunCheckedAfterEveryEventHoldsItsInvariants() throws {
    let yaml = """
      machine: {nodes: [{memory: 48MiB, cpus: 2}]}
      sysctl: {transparent_hugepage: never}
      warmup: 0s
      duration: 200ms
      workload:
        - {name: cache, cpus: [0], arrival: {poisson: 50000}, kind: file_clean}
        - {name: heap, cpus: [1], arrival: {poisson: 20000}, kind: anon, lifetime: 50ms}
      """
    var config = try SimulationConfig.parse(yaml: yaml, file: "checked.yaml")
    config.seed = 3
    var sim = try Simulation(config)
    let report = sim.run(checkingInvariants: true)
    // Memory filled and reclaim ran, so the checks saw reclaim's states too.
    #expect(report.summary.countersMeasured[.pgscanKswapd] + report.summary.countersMeasured[.pgscanDirect] > 0)
  }
}
