// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct ResultsFolderTests {
  @Test(arguments: ["", "  ", "/", "/.", "//", "/tmp/.."])
  func refusesPathsThatNameNoFolderOfItsOwn(path: String) {
    #expect(ResultsFolder.problem(with: path) != nil)
  }

  @Test func refusesAnExistingFileAndAcceptsAFolderOrANewPath() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rf-\(getpid())").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "x".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
    #expect(ResultsFolder.problem(with: dir + "/file") == "'\(dir)/file' is a file, not a folder")
    #expect(ResultsFolder.problem(with: dir) == nil)
    #expect(ResultsFolder.problem(with: dir + "/new/run") == nil)
  }

  @Test func theErrorNamesTheOption() {
    do {
      try ResultsFolder.check("", option: "--output")
      Issue.record("an empty --output was accepted")
    } catch {
      #expect(error.errors.first?.keyPath == "--output" && error.errors.first?.file == "<command line>")
    }
  }
}
