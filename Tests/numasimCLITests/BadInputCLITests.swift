// SPDX-License-Identifier: MIT
import Foundation
import Testing

/// Each reproducer of the bad-input issue: exit status 1 (or 64 for a malformed option), a
/// message naming the file or option, the line and the key, and nothing written.
@Suite struct BadInputCLITests {
  static func folder() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-bad-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Runs `args` and expects exit 1 with `message` on stderr, within 10 s, and no `Results/`.
  func expectRefusal(_ args: [String], _ message: String, in dir: String) throws {
    let r = try CLIRunner.run(args, in: URL(fileURLWithPath: dir), timeout: 10)
    #expect(!r.timedOut, "\(args) hung")
    #expect(r.status == 1, "\(args): \(r.status) \(r.stderr)")
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/Results"), "\(args) wrote results")
  }

  @Test func sizesTheMachineCannotHoldAreRefusedAtTheirKey() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let big = try CLIRunner.temporaryFile("machine:\n  nodes:\n    - {memory: 4095TiB, cpus: 2}\n")
    for verb in ["validate", "run"] {
      try expectRefusal(
        [verb, big],
        "config.yaml:3:16: machine.nodes[0].memory: 4095 TiB on 1 node is more than the simulator's memmap indexes (16.0 TiB)",
        in: dir)
    }
    let cpus = try CLIRunner.temporaryFile("machine: {nodes: 1024, memory_per_node: 1GiB, cpus_per_node: 4096}\n")
    try expectRefusal(
      ["validate", cpus], "config.yaml:1:62: machine.cpus_per_node: 4194304 CPUs in all is more than NR_CPUS (8192)",
      in: dir)
  }

  @Test func aMachineTooLargeForThisHostIsRefusedByAdmission() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let cfg = try CLIRunner.temporaryFile("machine: {nodes: 4, memory_per_node: 512GiB, cpus_per_node: 2}\n")
    try expectRefusal(
      ["run", cfg, "--max-memory", "16GiB"], "config.yaml:1:18: machine: the run needs about ", in: dir)
    try expectRefusal(
      ["validate", cfg, "--max-memory", "16GiB"], "; the limit is 16 GiB (raise it with --max-memory", in: dir)
    let ok = try CLIRunner.run(["validate", cfg, "--max-memory", "1TiB"])
    #expect(ok.status == 0 && ok.stdout.contains(": OK (needs about "), "\(ok.stdout)\(ok.stderr)")
  }

  @Test func ratesNoRunCanFinishAreRefusedAtTheirArrival() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let machine = "machine: {nodes: [{memory: 1GiB, cpus: 2}]}\n"
    for arrival in [
      "{constant: 1ns}", "{constant: 1000000001/s}", "{poisson: 1e9}", "{on_off: {rate: 1e15, on: 1ns, off: 1ns}}",
    ] {
      let cfg = try CLIRunner.temporaryFile(machine + "workload:\n  - {name: w, arrival: \(arrival), kind: anon}\n")
      let r = try CLIRunner.run(["validate", cfg], timeout: 10)
      #expect(r.status == 1, "\(arrival): \(r.stdout)\(r.stderr)")
      // Placed at the process's value on line 3 (`1ns`, `1e9`, the on_off mapping).
      #expect(r.stderr.contains("config.yaml:3:"), "\(r.stderr)")
      #expect(r.stderr.contains(": workload[0].arrival: the run implies about "), "\(r.stderr)")
      #expect(r.stderr.contains("raise the budget with --max-events"), "\(r.stderr)")
      try expectRefusal(["run", cfg], "workload[0].arrival: the run implies about", in: dir)
    }
  }

  @Test func anAliasBombInAnyKeyIsRefusedQuickly() throws {
    var text = "zz0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for l in 1..<12 {
      text += "zz\(l): &a\(l) [" + Array(repeating: "*a\(l - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let cfg = try CLIRunner.temporaryFile(text)
    let start = Date()
    let r = try CLIRunner.run(["validate", cfg], timeout: 10)
    #expect(Date().timeIntervalSince(start) < 3)
    #expect(r.status == 1)
    #expect(r.stderr.contains("config.yaml:"), "\(r.stderr)")
    #expect(r.stderr.contains("more than 200000 values once its aliases are expanded"), "\(r.stderr)")
  }

  @Test func negativeNumbersAfterOptionsAreValues() throws {
    let r = try CLIRunner.run(["run", "--seed", "-1", "--duration", "1ms"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("The value '-1' is invalid for '--seed <seed>'"), "\(r.stderr)")
    let e = try CLIRunner.run(["run", "--max-events", "-5"])
    #expect(e.status == 1)
    #expect(e.stderr.contains("<command line>: --max-events: '-5' is not an event count such as 2e9"), "\(e.stderr)")
  }

  @Test func aSampleIntervalLongerThanTheRunIsRefusedForTheCommandLinesDuration() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try expectRefusal(
      ["run", "--duration", "5ms"],
      "sample_interval: the sample interval (0.01 s) is longer than the measured duration (0.005 s)", in: dir)
  }

  @Test func aHugeNodeNumberInADumpIsRefusedAtItsLine() throws {
    let dump = try CLIRunner.temporaryFile(
      "Node 0, zone DMA\r\n  pages free 1\r\n        spanned  4095\r\n        present  3998\r\n        managed  3840\r\n"
        + "Node 1000000, zone Normal\r\n", name: "zoneinfo")
    let r = try CLIRunner.run(["zoneinfo", "--from-zoneinfo", dump], timeout: 10)
    #expect(r.status == 1)
    #expect(r.stderr.contains("zoneinfo:6:6: Node: node 1000000 is beyond MAX_NUMNODES (1024)"), "\(r.stderr)")
  }

  @Test func aRunKilledAtAnyMomentLeavesTheFolderWholeOrAbsent() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let expected = [
      "latency-histogram.csv", "latency.csv", "metadata.json", "stalls.csv", "summary.csv", "threads.csv",
      "timeseries.csv", "vmstat.txt",
      "zoneinfo.txt",
    ]
    let cfg = try CLIRunner.temporaryFile(
      "machine: {nodes: [{memory: 1GiB, cpus: 2}]}\nwarmup: 100ms\nduration: 1s\n"
        + "workload:\n  - {name: cache, arrival: {poisson: 200000}, kind: file_clean}\n")
    for (k, delay) in [0.05, 0.2, 0.4, 0.6, 0.9, 1.5].enumerated() {
      let out = dir + "/run\(k)"
      let process = Process()
      process.executableURL = CLIRunner.executable
      process.arguments = ["run", cfg, "--output", out, "--no-progress"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted()
      #expect(names.isEmpty || names == expected, "killed after \(delay) s: \(names)")
      let visible = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }
      #expect(visible.allSatisfy { $0.hasPrefix("run") })
    }
  }

  @Test func anInterruptedRunSaysWhereItWasAndWritesNothing() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/run"
    let process = Process()
    process.executableURL = CLIRunner.executable
    // Page cache only: few queued events, so even with the tests' checks on a slice is short.
    let cfg = try CLIRunner.temporaryFile(
      "machine: {nodes: [{memory: 1GiB, cpus: 2}]}\nduration: 200s\n"
        + "workload:\n  - {name: cache, arrival: {poisson: 200000}, kind: file_clean}\n")
    process.arguments = ["run", cfg, "--output", out, "--progress"]
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let pid = process.processIdentifier
    DispatchQueue.global().asyncAfter(deadline: .now() + 60) { kill(pid, SIGKILL) }  // never hang the suite
    // Interrupt once the run is under way: its first progress line is on stderr.
    var text = ""
    while !text.contains("run: ") {
      let chunk = err.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += String(decoding: chunk, as: UTF8.self)
    }
    kill(pid, SIGINT)
    text += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 130, "\(text)")
    #expect(text.contains("numasim: interrupted at "), "\(text)")
    #expect(text.contains("nothing written to \(out)/"), "\(text)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
  }
}
