// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct AtomicFileTests {
  static func scratch() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func replacesTheTargetAndLeavesNoTemporaryFile() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/result.csv"
    try AtomicFile.write("old\n", to: path)
    try AtomicFile.write("new contents\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new contents\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["result.csv"])
  }

  @Test func failureLeavesNothingBehind() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: dir + "/missing/result.csv") }
    try FileManager.default.createDirectory(atPath: dir + "/taken", withIntermediateDirectories: false)
    #expect(throws: FileWriteError.self) { try AtomicFile.write("x", to: dir + "/taken") }
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["taken"])
  }

  @Test func writesFilesThenTheMarkerLast() throws {
    let dir = try Self.scratch() + "/out/nested"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try AtomicFile.writeFiles([("a.csv", "a\n"), ("b.csv", "b\n")], in: dir, marker: ("done", "ok\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.csv", "b.csv", "done"])
    let modified = { (name: String) throws -> Date in
      try #require(try FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.modificationDate] as? Date)
    }
    #expect(try modified("done") >= modified("b.csv"))
  }

  @Test func concurrentReadersNeverSeeAPartialFile() async throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/big.bin"
    let size = 256 * 1024
    try AtomicFile.write([UInt8](repeating: 0, count: size), to: path)
    let reader = Task.detached { () -> Bool in
      for _ in 0..<300 {
        guard let data = FileManager.default.contents(atPath: path), data.count == size,
          let first = data.first, data.allSatisfy({ $0 == first })
        else { return false }
      }
      return true
    }
    for byte in UInt8(1)...40 { try AtomicFile.write([UInt8](repeating: byte, count: size), to: path) }
    #expect(await reader.value)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["big.bin"])
  }
}
