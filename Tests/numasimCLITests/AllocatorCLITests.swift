// SPDX-License-Identifier: MIT
import Foundation
import Testing

@Suite struct AllocatorCLITests {
  @Test func buddyinfoAtBootAndAfterChurn() throws {
    let boot = try CLIRunner.run(["buddyinfo"])
    #expect(boot.status == 0)
    let lines = boot.stdout.split(separator: "\n")
    #expect(lines.count == 4)  // DMA, DMA32, Normal on node 0; Normal on node 1
    #expect(lines[0].hasPrefix("Node 0, zone      DMA "))
    #expect(lines[3].hasPrefix("Node 1, zone   Normal "))
    #expect(lines.allSatisfy { $0.split(separator: " ").count == 4 + 11 })
    let churned = try CLIRunner.run(["buddyinfo", "--churn", "20000", "--seed", "7"])
    #expect(churned.status == 0 && churned.stdout != boot.stdout)
    #expect(churned.stderr.hasPrefix("churn: "))
    let again = try CLIRunner.run(["buddyinfo", "--churn", "20000", "--seed", "7"])
    #expect(again.stdout == churned.stdout)
  }

  @Test func pagetypeinfoLayout() throws {
    let r = try CLIRunner.run(["pagetypeinfo"])
    #expect(r.status == 0)
    #expect(
      r.stdout.hasPrefix(
        "Page block order: 9\nPages per block:  512\n\nFree pages count per migrate type at order       0      1"))
    #expect(r.stdout.contains("Node    0, zone    DMA32, type      Movable "))
    #expect(
      r.stdout.contains(
        "Number of blocks type     Unmovable      Movable  Reclaimable   HighAtomic          CMA      Isolate \n"))
  }

  @Test func allocatorBenchmarkPrintsOneLinePerPath() throws {
    let r = try CLIRunner.run(["bench", "allocator", "--pairs", "20000"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    for (line, path) in zip(lines, ["pcp", "buddy", "fallback"]) {
      #expect(line.hasPrefix("RESULT bench=allocator path=\(path) "))
      #expect(line.contains("pairs_per_sec="))
    }
    let bad = try CLIRunner.run(["bench", "allocator", "--path", "slab"])
    #expect(bad.status != 0 && bad.stderr.contains("--path"))
  }

  @Test func badChurnOptions() throws {
    let r = try CLIRunner.run(["buddyinfo", "--fill", "1.5"])
    #expect(r.status != 0 && r.stderr.contains("--fill"))
  }
}
