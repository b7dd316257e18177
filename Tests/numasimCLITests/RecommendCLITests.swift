// SPDX-License-Identifier: MIT
import Foundation
import Testing

/// `numasim recommend`, end to end on a small config whose answer is known.
@Suite struct RecommendCLITests {
  static let config = """
    name: small
    machine: {nodes: [{memory: 512MiB, cpus: 2}]}
    warmup: 0s
    duration: 50ms
    workload:
      - {name: cache, arrival: {poisson: 20000}, kind: file_clean}

    """

  static func folder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("numasim-recommend-\(UUID().uuidString)").path
  }

  @Test func findsTheKnownAnswerAndKeepsEveryProbeAsASweepFolder() throws {
    let dir = Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cfg = try CLIRunner.temporaryFile(Self.config)
    let r = try CLIRunner.run(
      [
        "recommend", cfg, "--target", "min_free_kbytes>=5000", "--knob", "vm.min_free_kbytes", "--range", "4096:6144",
        "--replicates", "2", "--jobs", "2", "--output", dir,
      ], timeout: 300)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("answer: vm.min_free_kbytes = 5000: min_free_kbytes 5000 [5000, 5000] meets"))
    let table = try String(contentsOfFile: dir + "/recommend.csv", encoding: .utf8).split(separator: "\n")
    #expect(table.first?.hasPrefix("vm.min_free_kbytes,probe_folder,min_free_kbytes_mean") == true)
    #expect(table.contains { $0.hasPrefix("5000,") && $0.contains(",1,") })
    #expect(table.contains { $0.hasPrefix("4999,") && $0.contains(",0,") })
    let probe = dir + "/probes/vm.min_free_kbytes=5000"
    for file in ["sweep.csv", "sweep-summary.csv", "sweep.done", "sweep-config.txt"] {
      #expect(FileManager.default.fileExists(atPath: probe + "/" + file), "\(file)")
    }
    // A probe is a sweep folder: merge reads it.
    let merged = try CLIRunner.run(["merge", probe, "--output", dir + "/merged"], timeout: 60)
    #expect(merged.status == 0, "\(merged.stderr)")
  }

  @Test func aTargetNotMetInTheRangeExitsTwo() throws {
    let dir = Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cfg = try CLIRunner.temporaryFile(Self.config)
    let r = try CLIRunner.run(
      [
        "recommend", cfg, "--target", "min_free_kbytes>=9000", "--knob", "vm.min_free_kbytes", "--range", "4096:8192",
        "--replicates", "1", "--output", dir,
      ], timeout: 120)
    #expect(r.status == 2)
    #expect(r.stdout.contains("answer: none: at vm.min_free_kbytes = 8192, the top of the range"))
  }

  @Test func badOptionsAreErrorsAtTheirOption() throws {
    let cfg = try CLIRunner.temporaryFile(Self.config)
    let target = try CLIRunner.run(["recommend", cfg, "--target", "stalls"], timeout: 30)
    #expect(target.status == 1 && target.stderr.contains("--target: 'stalls' is not a target"), "\(target.stderr)")
    let range = try CLIRunner.run(["recommend", cfg, "--target", "allocstall<=1", "--knob", "vm.swappiness"])
    #expect(range.status == 1 && range.stderr.contains("--range: give the values of vm.swappiness"), "\(range.stderr)")
    let metric = try CLIRunner.run(
      ["recommend", cfg, "--target", "nope<=1", "--range", "10:20", "--replicates", "1", "--output", Self.folder()],
      timeout: 60)
    #expect(metric.status == 1 && metric.stderr.contains("'nope' is not a numeric column"), "\(metric.stderr)")
  }
}
