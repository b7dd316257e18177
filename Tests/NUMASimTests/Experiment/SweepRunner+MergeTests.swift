// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct SweepRunnerMergeTests {
  static let points = (0..<2).flatMap { index in
    (0..<2).map { replicate in
      SweepPoint(
        index: index, replicate: replicate, seed: UInt64(10 + replicate),
        assignments: [SweepAssignment(path: "k", value: .int(index + 1))])
    }
  }

  static func record(_ point: SweepPoint) -> MetricRow { ["m": .int(point.index * 10 + point.replicate)] }

  /// A shard folder holding the plan and the runs of `points` at `indices`.
  static func folder(holding indices: [Int], plan: String? = nil) throws -> String {
    let dir = try Fixtures.temporaryFolder("merge")
    try FileManager.default.createDirectory(atPath: dir + "/points", withIntermediateDirectories: true)
    try (plan ?? SweepPlan(points: points).render()).write(
      toFile: dir + "/" + SweepPlan.fileName, atomically: true, encoding: .utf8)
    for i in indices {
      try PointRecord.encode(record(points[i])).write(
        toFile: dir + "/points/" + points[i].fileName, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  @Test func combinesShardsIntoTheTables() throws {
    let a = try Self.folder(holding: [0, 2])
    let b = try Self.folder(holding: [1, 3, 2])
    let out = try Fixtures.temporaryFolder("merged") + "/result"
    defer { for d in [a, b, out] { try? FileManager.default.removeItem(atPath: d) } }
    let files = try SweepRunner.merge(directories: [a, b], into: out)
    #expect(files == ["sweep.csv", "sweep-summary.csv", "sweep.done"])
    #expect(
      try Self.read(out + "/sweep.csv")
        == "point,replicate,seed,k,m\n0,0,10,1,0\n0,1,11,1,1\n1,0,10,2,10\n1,1,11,2,11\n")
    let summary = try Self.read(out + "/sweep-summary.csv")
    #expect(summary.hasPrefix("point,k,replicates,m_mean,m_ci95_low,m_ci95_high\n0,1,2,0.5,"))
    #expect(summary.split(separator: "\n").count == 3)
    #expect(try Self.read(out + "/sweep.done") == "sweep.csv\nsweep-summary.csv\n")
    #expect(try Self.read(out + "/" + SweepPlan.fileName) == SweepPlan(points: Self.points).render())
    let copied = try FileManager.default.contentsOfDirectory(atPath: out + "/points").sorted()
    #expect(copied == ["0-0.csv", "0-1.csv", "1-0.csv", "1-1.csv"])
    #expect(try Self.read(out + "/points/1-1.csv") == PointRecord.encode(Self.record(Self.points[3])))
  }

  @Test func mergedFilesEqualAnUnshardedRun() throws {
    let whole = try Fixtures.temporaryFolder("whole")
    let a = try Self.folder(holding: [0, 1])
    let b = try Self.folder(holding: [2, 3])
    let out = try Fixtures.temporaryFolder("merged")
    defer { for d in [whole, a, b, out] { try? FileManager.default.removeItem(atPath: d) } }
    try SweepRunner(showsProgress: false).run(points: Self.points, outputDirectory: whole) { Self.record($0) }
    try SweepRunner.merge(directories: [a, b], into: out)
    for name in ["sweep.csv", "sweep-summary.csv", "sweep.done", SweepPlan.fileName] {
      #expect(try Self.read(out + "/" + name) == Self.read(whole + "/" + name))
    }
  }

  @Test func mergingIntoOneOfTheShardsWorks() throws {
    let a = try Self.folder(holding: [0, 1])
    let b = try Self.folder(holding: [2, 3])
    defer { for d in [a, b] { try? FileManager.default.removeItem(atPath: d) } }
    try SweepRunner.merge(directories: [a, b], into: a)
    #expect(try Self.read(a + "/sweep.csv").split(separator: "\n").count == 5)
    #expect(try FileManager.default.contentsOfDirectory(atPath: a + "/points").count == 4)
  }

  @Test func noFoldersIsAnError() {
    #expect(throws: SweepError.inconsistentPoints("no folders to merge")) {
      try SweepRunner.merge(directories: [], into: "/nonexistent")
    }
  }

  @Test func aFolderWithoutAPlanIsNotASweep() throws {
    let a = try Self.folder(holding: [0, 1, 2, 3])
    let empty = try Fixtures.temporaryFolder("empty")
    defer { for d in [a, empty] { try? FileManager.default.removeItem(atPath: d) } }
    #expect(throws: SweepError.notASweep(directory: empty)) {
      try SweepRunner.merge(directories: [a, empty], into: a)
    }
  }

  @Test func anUnreadablePlanIsNotASweep() throws {
    let a = try Self.folder(holding: [], plan: "not,a,plan\n")
    defer { try? FileManager.default.removeItem(atPath: a) }
    #expect(throws: SweepError.notASweep(directory: a)) { try SweepRunner.merge(directories: [a], into: a) }
  }

  @Test func foldersOfDifferentSweepsAreRefused() throws {
    let a = try Self.folder(holding: [0, 1, 2, 3])
    let other = try SweepPlan(points: Array(Self.points.prefix(2))).render()
    let b = try Self.folder(holding: [], plan: other)
    let out = try Fixtures.temporaryFolder("merged")
    defer { for d in [a, b, out] { try? FileManager.default.removeItem(atPath: d) } }
    #expect(throws: SweepError.planMismatch(directory: b)) { try SweepRunner.merge(directories: [a, b], into: out) }
    #expect(!FileManager.default.fileExists(atPath: out + "/points"))
  }

  @Test func copiesOfOneRunMustBeIdentical() throws {
    let a = try Self.folder(holding: [0, 1, 2, 3])
    let b = try Self.folder(holding: [])
    let out = try Fixtures.temporaryFolder("merged")
    defer { for d in [a, b, out] { try? FileManager.default.removeItem(atPath: d) } }
    try PointRecord.encode(["m": .int(999)]).write(toFile: b + "/points/1-0.csv", atomically: true, encoding: .utf8)
    #expect(
      throws: SweepError.badRecord(
        path: b + "/points/1-0.csv", problem: "differs from \(a)/points/1-0.csv, another copy of the same run")
    ) {
      try SweepRunner.merge(directories: [a, b], into: out)
    }
    #expect(!FileManager.default.fileExists(atPath: out + "/sweep.csv"))
  }

  @Test func aDamagedRecordIsNamed() throws {
    let a = try Self.folder(holding: [0, 1, 2, 3])
    defer { try? FileManager.default.removeItem(atPath: a) }
    try "garbage\n".write(toFile: a + "/points/0-1.csv", atomically: true, encoding: .utf8)
    #expect(
      throws: SweepError.badRecord(
        path: a + "/points/0-1.csv", problem: PointRecord.damaged)
    ) {
      try SweepRunner.merge(directories: [a], into: a)
    }
  }

  @Test func missingRunsAreAllNamedWithTheMarkersFound() throws {
    let a = try Self.folder(holding: [0])
    let b = try Self.folder(holding: [3])
    let out = try Fixtures.temporaryFolder("merged")
    defer { for d in [a, b, out] { try? FileManager.default.removeItem(atPath: d) } }
    try "points/0-0.csv\n".write(toFile: a + "/shard-1-of-2.done", atomically: true, encoding: .utf8)
    #expect(
      throws: SweepError.missingRuns(missing: ["0-1", "1-0"], total: 4, markers: ["shard-1-of-2.done"])
    ) {
      try SweepRunner.merge(directories: [a, b], into: out)
    }
    #expect(!FileManager.default.fileExists(atPath: out + "/points"))
  }
}
