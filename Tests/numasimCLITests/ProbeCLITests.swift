// SPDX-License-Identifier: MIT
import Foundation
import Testing

/// `numasim probe`: the machine the tests run on, and copies of other machines' /proc and /sys.
@Suite struct ProbeCLITests {
  static func folder() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-probe-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  static func watermarkLines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix("Node ") || $0.range(of: #"^\s+(min|low|high) "#, options: .regularExpression) != nil
    }
  }

  @Test func thisMachinesConfigGivesItsWatermarksOrSaysWhyNot() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let config = dir + "/this.yaml"
    let probe = try CLIRunner.run(["probe", "--output", config], timeout: 60)
    #expect(probe.status == 0, "\(probe.stderr)")
    #expect(probe.stdout.contains("config: \(config)"))
    let zoneinfo = try CLIRunner.run(["zoneinfo", config], timeout: 60)
    #expect(zoneinfo.status == 0, "\(zoneinfo.stderr)")
    let real = try String(contentsOfFile: "/proc/zoneinfo", encoding: .utf8)
    let same = Self.watermarkLines(zoneinfo.stdout) == Self.watermarkLines(real)
    let text = try String(contentsOfFile: config, encoding: .utf8)
    // Either the watermarks are the machine's, or the config and stderr say why not. A zone
    // boosted at that moment prints min/low/high raised by its boost, which the model's boot
    // state has not got.
    let boosted = real.split(separator: "\n").contains { $0.hasPrefix("        boost ") && !$0.hasSuffix(" 0") }
    if !boosted {
      #expect(same || (probe.stderr.contains("differ") && text.contains("differs from the machine's watermarks")))
      #expect(same == text.contains("gives the machine's own min/low/high"))
    }
    #expect(try CLIRunner.run(["validate", config], timeout: 60).status == 0)
    let list = try CLIRunner.run(["sweep", config, "--list"], timeout: 60)
    #expect(list.status == 0 && list.stdout.split(separator: "\n").count == 12, "\(list.stderr)")
  }

  @Test func aFixtureMachineRunsFromItsProbedConfig() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let root = CLIRunner.fixture("probe/two-node")
    let probe = try CLIRunner.run(["probe", "--root", root], timeout: 60)
    #expect(probe.status == 0 && probe.stderr.isEmpty, "\(probe.stderr)")
    #expect(probe.stdout.hasPrefix("# The machine 'db-2s' as `numasim probe` read it: Linux 5.14.0"))
    let config = dir + "/db.yaml"
    try probe.stdout.write(toFile: config, atomically: true, encoding: .utf8)
    let run = try CLIRunner.run(
      // Cold: warm-starting 32 GiB page by page takes minutes in the checked test build.
      [
        "run", config, "--set", "warmup=100ms", "--set", "duration=200ms", "--set", "initial_state=none", "--output",
        dir + "/run", "--no-progress",
      ],
      timeout: 120)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Linux 5.14, 2 nodes, 8 CPUs"))
    #expect(run.stdout.contains("vm.min_free_kbytes 90112,"))
  }

  @Test func theFourNodeMachinesDriftIsNotedOnStderr() throws {
    let r = try CLIRunner.run(["probe", "--root", CLIRunner.fixture("probe/four-node-cxl")], timeout: 60)
    #expect(r.status == 0)
    #expect(r.stderr.contains("note: every dumped min/low/high is reproduced if Node 0, zone Normal had"))
    #expect(r.stdout.contains("- cpus: 0   # node 3: no CPUs"))
  }

  @Test func aRootThatIsNotAMachineIsAnErrorAndWritesNothing() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let r = try CLIRunner.run(["probe", "--root", dir, "--output", dir + "/out.yaml"], timeout: 30)
    #expect(r.status == 1)
    #expect(r.stderr.contains("\(dir)/proc/zoneinfo: cannot read it"), "\(r.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
  }
}
