// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct ConfigSweepTests {
  static let text = """
    machine:
      nodes:
        - {memory: 256MiB, cpus: 1}
    warmup: 0s
    duration: 20ms
    workload:
      - {name: cache, arrival: {poisson: 100000}, kind: file_clean}
    sweep:
      grid:
        sysctl.vm.watermark_scale_factor: [10, 1000]
        machine.nodes[0].memory: [256MiB, 512MiB]
      replicates: 2

    """

  static func file(_ text: String) throws -> String { try Fixtures.temporaryFile(text, name: "grid.yaml") }

  /// The errors loading the sweep reports; none when it loads.
  static func problems(_ path: String, _ overrides: [ConfigOverride] = []) -> [String] {
    do {
      _ = try ConfigSweep.load(path: path, overrides: overrides)
      return []
    } catch {
      return error.errors.map(\.description)
    }
  }

  @Test func eachGridPointHasItsOwnCheckedConfig() throws {
    let sweep = try ConfigSweep.load(path: Self.file(Self.text))
    #expect(sweep.name == "grid")
    #expect(sweep.configs.count == 4 && sweep.points.count == 8)
    #expect(sweep.configs.map(\.sysctl.watermarkScaleFactor) == [10, 10, 1000, 1000])
    let memory = try sweep.configs.map { try $0.machine.build(file: "").nodes[0].presentPages }
    #expect(memory[0] == memory[2] && memory[1] == memory[3] && memory[1] > memory[0])
    #expect(sweep.configs.allSatisfy { $0.sweep == nil && $0.duration == .milliseconds(20) })
  }

  @Test func aRunUsesItsReplicatesSeedAndReportsTheSummaryColumns() throws {
    let sweep = try ConfigSweep.load(path: Self.file(Self.text))
    let points = sweep.points
    let a = try sweep.run(points[0])
    let again = try sweep.run(points[0])
    let otherSeed = try sweep.run(points[1])
    #expect(a == again)
    #expect(a != otherSeed)
    #expect(a.columns.first?.name == "pgalloc_dma")
    #expect(a["watermark_scale_factor"] == .int(10))
    #expect(try sweep.run(points[4])["watermark_scale_factor"] == .int(1000))
  }

  @Test func commandLineSettingsApplyToEveryPoint() throws {
    let overrides = try ConfigOverride.fromCommandLine(["duration=5ms", "sample_interval=1ms", "sweep.replicates=3"])
    let sweep = try ConfigSweep.load(path: Self.file(Self.text), overrides: overrides)
    #expect(sweep.configs.allSatisfy { $0.duration == .milliseconds(5) })
    #expect(sweep.spec.replicates == 3)
    let bad = try ConfigOverride.fromCommandLine(["duration=soon"])
    #expect(
      Self.problems(try Self.file(Self.text), bad) == [
        "<command line>: --set duration=soon: expected a duration such as 100ms, 2s or 500us, found 'soon'"
      ])
  }

  @Test func everyBadPointIsReportedAtItsGridKey() throws {
    let text = Self.text.replacingOccurrences(of: "[10, 1000]", with: "[0, 10, 5000]")
    let path = try Self.file(text)
    let messages = Self.problems(path)
    // Both bad values, each once (the first point that shows it), at the grid key.
    #expect(messages.count == 2)
    #expect(messages.allSatisfy { $0.hasPrefix("\(path):10:5: sysctl.vm.watermark_scale_factor: ") })
    #expect(
      messages.first?.hasSuffix(
        "(at sweep point 0: sysctl.vm.watermark_scale_factor=0 machine.nodes[0].memory=256MiB)") == true)
    #expect(
      messages.last?.hasSuffix(
        "(at sweep point 4: sysctl.vm.watermark_scale_factor=5000 machine.nodes[0].memory=256MiB)") == true)
  }

  @Test func keysThatCannotChangeARunAndHugeGridsAreRefused() throws {
    let seedGrid = Self.text.replacingOccurrences(
      of: "sysctl.vm.watermark_scale_factor: [10, 1000]", with: "seed: [1, 2]")
    let path = try Self.file(seedGrid)
    #expect(
      Self.problems(path) == [
        "\(path):10:5: sweep.grid.seed: seed cannot be swept: it does not change a run (use replicates for more seeds)"
      ])
    let huge = Self.text.replacingOccurrences(
      of: "sysctl.vm.watermark_scale_factor: [10, 1000]",
      with:
        "costs.scan_us: {linear: [0.5, 2.5], points: 65536}\n    costs.unmap_us: {linear: [0.5, 2.5], points: 65536}")
    let hugePath = try Self.file(huge)
    #expect(
      Self.problems(hugePath) == [
        "\(hugePath):10:5: sweep.grid: 17179869184 runs (points x replicates); at most 1000000 are allowed"
      ])
  }

  @Test func aFolderRemembersItsConfig() throws {
    let sweep = try ConfigSweep.load(path: Self.file(Self.text))
    let other = try ConfigSweep.load(
      path: Self.file(Self.text), overrides: ConfigOverride.fromCommandLine(["duration=5ms", "sample_interval=1ms"]))
    #expect(sweep.fingerprint != other.fingerprint)
    let folder = try Fixtures.temporaryFolder("claim")
    try sweep.claim(directory: folder)
    try sweep.claim(directory: folder)
    #expect(throws: InputErrors.self) { try other.claim(directory: folder) }
    let second = try Fixtures.temporaryFolder("claim")
    try other.claim(directory: second)
    #expect(throws: InputErrors.self) { try ConfigSweep.checkFingerprints(of: [folder, second], into: folder) }
  }

  @Test func aFolderOfRunsWithoutItsConfigRecordIsRefused() throws {
    let sweep = try ConfigSweep.load(path: Self.file(Self.text))
    let folder = try Fixtures.temporaryFolder("unclaimed")
    try FileManager.default.createDirectory(atPath: folder + "/points", withIntermediateDirectories: true)
    #expect {
      try sweep.claim(directory: folder)
    } throws: { error in
      "\(error)".contains("holds sweep runs but no sweep-config.txt")
    }
    let claimed = try Fixtures.temporaryFolder("claimed")
    try sweep.claim(directory: claimed)
    #expect {
      try ConfigSweep.checkFingerprints(of: [claimed, folder], into: claimed)
    } throws: { error in
      "\(error)".contains("has no sweep-config.txt")
    }
  }

  @Test func everyPointIsAdmittedBeforeAnyRuns() throws {
    let sweep = try ConfigSweep.load(path: Self.file(Self.text))
    #expect(sweep.admissions.count == sweep.spec.pointCount)
    try sweep.check(limits: .init(maxMemoryBytes: 1 << 40, maxEvents: 1 << 40), jobs: 2)
    #expect {
      try sweep.check(limits: .init(maxMemoryBytes: 1 << 20, maxEvents: 1 << 40), jobs: 1)
    } throws: { error in
      "\(error)".contains("machine: the run needs about") && "\(error)".contains("(at sweep point 0: ")
    }
  }

  @Test func aKeyThatCannotBeSetIsReportedBeforeAnyPointIsRead() throws {
    let path = try Self.file(
      Self.text.replacingOccurrences(of: "machine.nodes[0].memory", with: "machine.nodes[3].memory"))
    #expect(
      Self.problems(path) == [
        "\(path):11:5: sweep.grid.machine.nodes[3].memory: cannot set this key: index [3] is out of range: machine.nodes has 1 entries"
      ])
  }

  @Test func aConfigWithoutASweepIsRefused() throws {
    let path = try Self.file("duration: 1s\n")
    #expect(
      Self.problems(path) == [
        "\(path): sweep: the config has no sweep: section; add one (see Configs/README.md) or use `numasim run`"
      ])
  }
}
