// SPDX-License-Identifier: MIT
import Foundation
import Testing

@Suite struct BenchCLITests {
  @Test func engineBenchmarkPrintsAResultLineWithTheAnchorsChecksums() throws {
    let r = try CLIRunner.run(["bench", "engine", "--pending", "64", "--events", "100000"])
    #expect(r.status == 0)
    #expect(r.stdout.hasPrefix("RESULT impl=numasim n=64 events=100000 cpu_seconds="))
    for field in ["events_per_sec=", "ns_per_event=", "final_now=", "kinds="] { #expect(r.stdout.contains(field)) }
  }

  @Test func rejectsBadSizes() throws {
    let r = try CLIRunner.run(["bench", "engine", "--pending", "0"])
    #expect(r.status != 0)
    #expect(r.stderr.contains("--pending"))
  }
}
