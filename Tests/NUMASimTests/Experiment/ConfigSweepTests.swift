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

  static func file(_ text: String, name: String = "grid.yaml") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-sweep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
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
    let overrides = try ConfigOverride.fromCommandLine(["duration=5ms", "sweep.replicates=3"])
    let sweep = try ConfigSweep.load(path: Self.file(Self.text), overrides: overrides)
    #expect(sweep.configs.allSatisfy { $0.duration == .milliseconds(5) })
    #expect(sweep.spec.replicates == 3)
    let bad = try ConfigOverride.fromCommandLine(["duration=soon"])
    let path = try Self.file(Self.text)
    do {
      _ = try ConfigSweep.load(path: path, overrides: bad)
      Issue.record("a duration of 'soon' should be refused")
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "<command line>: --set duration=soon: expected a duration such as 100ms, 2s or 500us, found 'soon'"
        ])
    }
  }

  @Test func everyBadPointIsReportedAtItsGridKey() throws {
    let text = Self.text.replacingOccurrences(of: "[10, 1000]", with: "[0, 10, 5000]")
    let path = try Self.file(text)
    do {
      _ = try ConfigSweep.load(path: path)
      Issue.record("a watermark_scale_factor of 0 and 5000 should be refused")
    } catch {
      let messages = error.errors.map(\.description)
      #expect(messages.count == 1)
      #expect(messages[0].hasPrefix("\(path):10:5: sysctl.vm.watermark_scale_factor: "))
      #expect(
        messages[0].hasSuffix("(at sweep point 0: sysctl.vm.watermark_scale_factor=0 machine.nodes[0].memory=256MiB)"))
    }
  }

  @Test func aKeyThatCannotBeSetIsReportedBeforeAnyPointIsRead() throws {
    let path = try Self.file(
      Self.text.replacingOccurrences(of: "machine.nodes[0].memory", with: "machine.nodes[3].memory"))
    do {
      _ = try ConfigSweep.load(path: path)
      Issue.record("nodes[3] does not exist")
    } catch {
      #expect(
        error.errors.map(\.description) == [
          "\(path):11:5: sweep.grid.machine.nodes[3].memory: cannot set this key: index [3] is out of range: machine.nodes has 1 entries"
        ])
    }
  }

  @Test func aConfigWithoutASweepIsRefused() throws {
    let path = try Self.file("duration: 1s\n")
    #expect(throws: InputErrors.self) { try ConfigSweep.load(path: path) }
  }
}
