// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct CSVFileTests {
  @Test func missingFileSaysWhatFolderWasExpected() throws {
    let folder = try PlotFolders.fresh("csv")
    let error = #expect(throws: InputErrors.self) { try CSVFile("\(folder)/none.csv", expectedIn: "a run") }
    #expect(error?.description == "\(folder)/none.csv: missing: is the folder a run?")
  }

  @Test func shortRowAndBadNumberNameTheLine() throws {
    let folder = try PlotFolders.fresh("csv")
    try PlotFolders.write("a,b\n1,2\n3\n", folder, "short.csv")
    let short = #expect(throws: InputErrors.self) { try CSVFile("\(folder)/short.csv", expectedIn: "x") }
    #expect(short?.description == "\(folder)/short.csv:3: has 1 fields where the header has 2")
    try PlotFolders.write("a,b\n1,2\n3,x\n", folder, "bad.csv")
    let file = try CSVFile("\(folder)/bad.csv", expectedIn: "x")
    #expect(try file.numbers("a") == [1, 3])
    let bad = #expect(throws: InputErrors.self) { try file.numbers("b") }
    #expect(bad?.description == "\(folder)/bad.csv:3:2: b: 'x' is not a number")
    let column = #expect(throws: InputErrors.self) { try file.numbers("c") }
    #expect(column?.description == "\(folder)/bad.csv:1: c: no such column")
  }
}
