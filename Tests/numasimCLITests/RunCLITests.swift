// SPDX-License-Identifier: MIT
import Foundation
import Testing

@Suite struct RunCLITests {
  @Test func runWritesItsResultsAndTheSameSeedGivesTheSameBytes() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-run-\(UUID().uuidString)").path
    let args = ["run", "--duration", "200ms", "--warmup", "300ms", "--seed", "3"]
    let a = try CLIRunner.run(args + ["--output", base + "/a"])
    let b = try CLIRunner.run(args + ["--output", base + "/b"])
    #expect(a.status == 0 && b.status == 0)
    #expect(a.stdout.contains("\nresults: \(base)/a/\n\ntry next "))
    #expect(a.stdout.hasSuffix("numasim plot \(base)/a   (this run's pictures; or run with --plot)\n"))
    for file in ["summary.csv", "timeseries.csv", "stalls.csv", "latency.csv", "zoneinfo.txt", "vmstat.txt"] {
      let x = try Data(contentsOf: URL(fileURLWithPath: "\(base)/a/\(file)"))
      let y = try Data(contentsOf: URL(fileURLWithPath: "\(base)/b/\(file)"))
      #expect(x == y, "\(file)")
      #expect(!x.isEmpty, "\(file)")
    }
    let summary = try String(contentsOfFile: "\(base)/a/summary.csv", encoding: .utf8).split(separator: "\n")
    #expect(summary.count == 2)
    #expect(summary[0].hasPrefix("pgalloc_dma,pgalloc_dma32,pgalloc_normal,pgalloc_movable,pgfree,allocstall_dma,"))
    let metadata = try String(contentsOfFile: "\(base)/a/metadata.json", encoding: .utf8)
    #expect(metadata.contains("\"seed\": 3"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(base)/a").filter { $0.contains("tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test func setReachesAnyKeyAndItsErrorsNameTheCommandLine() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-set-\(UUID().uuidString)").path
    let r = try CLIRunner.run([
      "run", "--set", "duration=100ms", "--set", "warmup=0s", "--set", "vm.watermark_scale_factor=200", "--set",
      "machine.nodes[1].memory=2GiB", "--output", base,
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("simulated 0 s warm-up + 0.1 s measured"))
    #expect(r.stdout.contains("vm.watermark_scale_factor 200;"))
    // The built-in default has no config path to repeat, so the next run is `numasim run --set`.
    #expect(r.stdout.contains("try next         numasim run --set vm."))
    let zoneinfo = try String(contentsOfFile: "\(base)/zoneinfo.txt", encoding: .utf8)
    #expect(zoneinfo.contains("Node 1, zone   Normal") && zoneinfo.contains("present  524288"))
    let bad = try CLIRunner.run(["run", "--set", "duration=soon"])
    #expect(bad.status == 1)
    #expect(
      bad.stderr
        == "numasim: error: <command line>: --set duration=soon: expected a duration such as 100ms, 2s or 500us, found 'soon'\n"
    )
  }

  @Test func anUnwritableFolderIsAnError() throws {
    let r = try CLIRunner.run(["run", "--duration", "10ms", "--warmup", "0s", "--output", "/proc/numasim-results"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("cannot write the results"))
  }
}
