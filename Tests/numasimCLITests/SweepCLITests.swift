// SPDX-License-Identifier: MIT
import Foundation
import Testing

@Suite struct SweepCLITests {
  /// A small machine under pressure: 2 × 4 = 8 runs of 150 ms simulated each.
  static let config = """
    name: tiny-sweep
    machine:
      nodes:
        - {memory: 512MiB, cpus: 2}
        - {memory: 512MiB, cpus: 2}
    warmup: 100ms
    duration: 150ms
    workload:
      - name: cache
        arrival: {poisson: 400000}
        kind: file_clean
      - name: heap
        arrival: {poisson: 20000}
        kind: anon
        lifetime: "exponential(mean=0.05)"
    sweep:
      grid:
        sysctl.vm.min_free_kbytes: {log: [4096, 65536], points: 4}
      replicates: 2
      seed: 7

    """

  static let tables = ["sweep-plan.csv", "sweep.csv", "sweep-summary.csv"]

  static func folder(_ label: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("numasim-sweep-\(label)-\(UUID().uuidString)").path
  }

  static func bytes(_ dir: String, _ file: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(file)"))
  }

  static func pointFiles(_ dir: String) throws -> [String: Data] {
    let names = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/points")
    return try Dictionary(uniqueKeysWithValues: names.map { ($0, try bytes("\(dir)/points", $0)) })
  }

  @Test func jobsDoNotChangeTheBytes() throws {
    let path = try CLIRunner.temporaryFile(Self.config)
    let (one, two) = (Self.folder("j1"), Self.folder("j2"))
    let a = try CLIRunner.run(["sweep", path, "--jobs", "1", "--output", one])
    let b = try CLIRunner.run(["sweep", path, "--jobs", "2", "--output", two])
    #expect(a.status == 0, "\(a.stderr)")
    #expect(b.status == 0, "\(b.stderr)")
    #expect(a.stdout.hasPrefix("4 points x 2 replicates: ran 8, 0 already done\n"))
    for file in Self.tables { #expect(try Self.bytes(one, file) == Self.bytes(two, file), "\(file)") }
    let sweep = try String(contentsOfFile: "\(one)/sweep.csv", encoding: .utf8).split(separator: "\n")
    #expect(sweep.count == 9)
    #expect(sweep[0].hasPrefix("point,replicate,seed,sysctl.vm.min_free_kbytes,pgalloc_dma,"))
    #expect(sweep[1].hasPrefix("0,0,") && sweep[8].hasPrefix("3,1,"))
    let summary = try String(contentsOfFile: "\(one)/sweep-summary.csv", encoding: .utf8).split(separator: "\n")
    #expect(summary.count == 5)
    #expect(summary[0].hasPrefix("point,sysctl.vm.min_free_kbytes,replicates,pgalloc_dma_mean,pgalloc_dma_ci95_low,"))
    #expect(summary[1].hasPrefix("0,4096,2,") && summary[4].hasPrefix("3,65536,2,"))
  }

  @Test func shardsMergedEqualTheUnshardedSweep() throws {
    let path = try CLIRunner.temporaryFile(Self.config)
    let whole = Self.folder("whole")
    #expect(try CLIRunner.run(["sweep", path, "--jobs", "2", "--output", whole]).status == 0)
    var shards: [String] = []
    for k in 1...3 {
      let dir = Self.folder("shard\(k)")
      let r = try CLIRunner.run(["sweep", path, "--shard", "\(k)/3", "--output", dir])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(FileManager.default.fileExists(atPath: "\(dir)/shard-\(k)-of-3.done"))
      #expect(!FileManager.default.fileExists(atPath: "\(dir)/sweep.csv"))
      shards.append(dir)
    }
    // Shard 1/3 runs points 0 and 3, shard 2/3 point 1, shard 3/3 point 2; every replicate of each.
    #expect(try Set(Self.pointFiles(shards[0]).keys) == ["0-0.csv", "0-1.csv", "3-0.csv", "3-1.csv"])
    let listed = try CLIRunner.run(["sweep", path, "--list", "--shard", "2/3"])
    #expect(listed.stdout == "1\tsysctl.vm.min_free_kbytes=10321\n")
    let merged = Self.folder("merged")
    let m = try CLIRunner.run(["merge"] + shards + ["--output", merged])
    #expect(m.status == 0, "\(m.stderr)")
    for file in Self.tables { #expect(try Self.bytes(whole, file) == Self.bytes(merged, file), "\(file)") }
    #expect(try Self.pointFiles(whole) == Self.pointFiles(merged))
  }

  @Test func aMergeWithAShardMissingNamesTheMissingRuns() throws {
    let path = try CLIRunner.temporaryFile(Self.config)
    let dir = Self.folder("partial")
    #expect(try CLIRunner.run(["sweep", path, "--shard", "1/3", "--output", dir]).status == 0)
    let m = try CLIRunner.run(["merge", dir])
    #expect(m.status == 1)
    #expect(
      m.stderr.contains(
        "4 of 8 runs are missing (point-replicate: 1-0, 1-1, 2-0, 2-1); shard markers found: shard-1-of-3.done"))
    #expect(!FileManager.default.fileExists(atPath: "\(dir)/sweep.csv"))
  }

  @Test func aKilledSweepResumesToTheSameFiles() throws {
    let path = try CLIRunner.temporaryFile(Self.config)
    let whole = Self.folder("uninterrupted")
    #expect(try CLIRunner.run(["sweep", path, "--jobs", "1", "--output", whole]).status == 0)
    let dir = Self.folder("killed")
    let process = Process()
    process.executableURL = CLIRunner.executable
    process.arguments = ["sweep", path, "--jobs", "1", "--output", dir]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Kill it once its first run is written, before the tables are.
    let deadline = Date().addingTimeInterval(60)
    while Date() < deadline,
      ((try? FileManager.default.contentsOfDirectory(atPath: "\(dir)/points")) ?? []).filter({ $0.hasSuffix(".csv") })
        .isEmpty
    {
      usleep(2_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let done = try Self.pointFiles(dir).keys.filter { $0.hasSuffix(".csv") }.count
    #expect(done >= 1 && done < 8, "the kill should land mid-sweep; \(done) runs were done")
    #expect(!FileManager.default.fileExists(atPath: "\(dir)/sweep.csv"))
    let resumed = try CLIRunner.run(["sweep", path, "--jobs", "2", "--output", dir])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.hasPrefix("4 points x 2 replicates: ran \(8 - done), \(done) already done\n"))
    for file in Self.tables { #expect(try Self.bytes(whole, file) == Self.bytes(dir, file), "\(file)") }
  }

  @Test func aConfigWithoutASweepIsAnError() throws {
    let path = try CLIRunner.temporaryFile("duration: 1s\n")
    let r = try CLIRunner.run(["sweep", path])
    #expect(r.status == 1)
    #expect(
      r.stderr
        == "numasim: error: \(path): sweep: the config has no sweep: section; add one (see Configs/README.md) or use `numasim run`\n"
    )
  }

  @Test func aGridValueThatDoesNotFitIsReportedAtItsKeyBeforeAnyRun() throws {
    let text = Self.config.replacingOccurrences(
      of: "sysctl.vm.min_free_kbytes: {log: [4096, 65536], points: 4}",
      with: "sysctl.vm.swappiness: [60, 250]")
    let path = try CLIRunner.temporaryFile(text)
    let dir = Self.folder("bad")
    let r = try CLIRunner.run(["sweep", path, "--output", dir])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("numasim: error: \(path):18:5: sysctl.vm.swappiness: "))
    #expect(r.stderr.contains("(at sweep point 1: sysctl.vm.swappiness=250)"))
    #expect(!FileManager.default.fileExists(atPath: dir))
  }

  @Test func badShardAndJobsAreErrors() throws {
    let path = try CLIRunner.temporaryFile(Self.config)
    let shard = try CLIRunner.run(["sweep", path, "--shard", "4/3"])
    #expect(shard.status == 1)
    #expect(shard.stderr.contains("<command line>: --shard: expected K/N with 1 <= K <= N, such as 2/4, found '4/3'"))
    let jobs = try CLIRunner.run(["sweep", path, "--jobs", "0"])
    #expect(jobs.status != 0)
    #expect(jobs.stderr.contains("--jobs must be at least 1"))
    let grid = try CLIRunner.run(["sweep", path, "--set", "sweep.grid=3", "--list"])
    #expect(grid.status == 1)
    #expect(grid.stderr == "numasim: error: <command line>: --set sweep.grid=3: expected a mapping\n")
    let folder = try CLIRunner.run(["sweep", path, "--output", "\(path)/results"])
    #expect(folder.status == 1)
    #expect(folder.stderr.contains("mkdir: a file of that name is in the way"))
  }
}
