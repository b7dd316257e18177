// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct CSVWriterTests {
  @Test(arguments: [
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""),
    ("cr\rhere", "\"cr\rhere\""), (" spaced ", " spaced "), ("", ""),
  ])
  func quotesOnlyWhenNeeded(text: String, field: String) {
    #expect(CSVWriter.quote(text) == field)
  }

  @Test(arguments: [
    (0.0, "0"), (-0.0, "0"), (1.0, "1"), (-2.5, "-2.5"), (100.0, "100"), (0.1 + 0.2, "0.3"),
    (1.0 / 3.0, "0.333333333333"),
    (2.0 / 3.0, "0.666666666667"), (123456.789, "123456.789"), (0.0001, "0.0001"), (0.00001, "0.00001"),
    (0.000001, "1e-06"), (2.5e-7, "2.5e-07"), (1e14, "100000000000000"), (1e15, "1e+15"), (1.5e20, "1.5e+20"),
    (999999999999.5, "1000000000000"), (9.9999999999996, "10"), (1e300, "1e+300"),
    (Double.leastNonzeroMagnitude, "5e-324"),
    (Double.nan, "nan"), (Double.infinity, "inf"), (-Double.infinity, "-inf"), (107.25, "107.25"),
  ])
  func formatsDoublesWithFixedDigits(value: Double, text: String) {
    #expect(CSVWriter.format(value) == text)
  }

  @Test func rendersTableWithLineFeedsAndTypedCells() {
    let table = CSVTable(
      header: ["point", "name", "pages", "ratio", "note"],
      rows: [
        [.int(0), .text("a,b"), .int(-12), .double(0.5), .missing],
        [.int(1), .text("x"), .int(3), .double(1e-9), .text("q\"")],
      ])
    #expect(
      CSVWriter.render(table) == "point,name,pages,ratio,note\n0,\"a,b\",-12,0.5,\n1,x,3,1e-09,\"q\"\"\"\n")
  }

  @Test func parserReadsBackWhatTheWriterWrites() throws {
    let cells = ["plain", "a,b", "q\"uote", "multi\nline", "", " "]
    let text = CSVWriter.render(CSVTable(header: cells, rows: [cells.map(CSVValue.text)]))
    #expect(CSVParser.parse(text) == [cells, cells])
    #expect(CSVParser.parse("a,\"b\nc") == nil)
    #expect(CSVParser.parse("a,\"b\"x\n") == nil)
    #expect(CSVParser.parse("a,b\r\nc,d") == [["a", "b"], ["c", "d"]])
  }
}
