// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepErrorTests {
  @Test(arguments: [
    (
      SweepError.runFailed(index: 3, replicate: 1, message: "out of memory", finished: 7),
      "point 3 replicate 1 failed: out of memory (7 finished runs are kept; run again to resume)"
    ),
    (
      .planMismatch(directory: "out/a"),
      "out/a holds a different sweep (its sweep-plan.csv differs); use another folder or remove it"
    ),
    (.notASweep(directory: "out/b"), "out/b is not a sweep folder: it has no sweep-plan.csv"),
    (
      .inconsistentPoints("point 0 replicate 0 is given twice"),
      "the points are not one sweep: point 0 replicate 0 is given twice"
    ),
    (.badRecord(path: "out/points/0-1.csv", problem: "damaged"), "out/points/0-1.csv: damaged"),
    (.duplicateColumn("seed"), "metric 'seed' has the name of a swept key or a fixed column, or is given twice"),
    (
      .missingRuns(missing: ["2-0", "5-1"], total: 18, markers: ["shard-1-of-3.done"]),
      "2 of 18 runs are missing (point-replicate: 2-0, 5-1); shard markers found: shard-1-of-3.done"
    ),
    (
      .missingRuns(missing: ["0-0"], total: 1, markers: []),
      "1 of 1 runs are missing (point-replicate: 0-0); shard markers found: none"
    ),
    (
      .write(FileWriteError(path: "out/sweep.csv", operation: "rename", reason: "No space left on device")),
      "cannot write out/sweep.csv: rename: No space left on device"
    ),
  ])
  func describesEachCase(error: SweepError, text: String) {
    #expect(error.description == text)
  }

  @Test func missingRunsListsAtMostTwenty() {
    let missing = (0..<25).map { "\($0)-0" }
    let error = SweepError.missingRuns(missing: missing, total: 30, markers: ["a.done", "b.done"])
    let shown = (0..<20).map { "\($0)-0" }.joined(separator: ", ")
    #expect(
      error.description
        == "25 of 30 runs are missing (point-replicate: \(shown), ...); shard markers found: a.done, b.done")
    let exactly = SweepError.missingRuns(missing: Array(missing.prefix(20)), total: 20, markers: [])
    #expect(exactly.description == "20 of 20 runs are missing (point-replicate: \(shown)); shard markers found: none")
  }
}
