// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct StagedFolderTests {
  static func scratch() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("numasim-staged-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  static func listing(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
  }

  @Test func aCommittedFolderReplacesTheOldOneWhole() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let target = root + "/run"
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    try "old".write(toFile: target + "/stale.csv", atomically: true, encoding: .utf8)
    let staged = try StagedFolder(target: target)
    try "new".write(toFile: staged.path("summary.csv"), atomically: true, encoding: .utf8)
    // Until the commit the old folder is untouched and the new one hidden.
    #expect(Self.listing(target) == ["stale.csv"])
    #expect(Self.listing(root).filter { !$0.hasPrefix(".") } == ["run"])
    try staged.commit()
    #expect(Self.listing(target) == ["summary.csv"])
    #expect(Self.listing(root) == ["run"])
  }

  @Test func anAbandonedFolderLeavesNothing() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let staged = try StagedFolder(target: root + "/deep/run")
    try "x".write(toFile: staged.path("timeseries.csv"), atomically: true, encoding: .utf8)
    staged.abandon()
    #expect(Self.listing(root + "/deep") == [])
  }

  @Test func aFileInTheWayIsAnError() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try "x".write(toFile: root + "/run", atomically: true, encoding: .utf8)
    let staged = try StagedFolder(target: root + "/run")
    #expect(throws: FileWriteError.self) { try staged.commit() }
    staged.abandon()
    #expect(Self.listing(root) == ["run"])
  }

  @Test func aKilledRunsPartialFolderIsRemovedByTheNextRun() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    // No process has pid 2^22 + 1 (above Linux's pid_max of 2^22).
    let stale = root + "/.run.partial-4194305"
    let other = root + "/.other.partial-4194305"
    for d in [stale, other] { try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
    let staged = try StagedFolder(target: root + "/run")
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(FileManager.default.fileExists(atPath: other))  // another target's: not ours to remove
    staged.abandon()
  }
}
