// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct CSVParserTests {
  @Test(arguments: [
    ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
    ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
    ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
    ("a,b\r\n1,2", [["a", "b"], ["1", "2"]]),
    (",,\n", [["", "", ""]]),
    ("a,", [["a", ""]]),
    ("x\n\ny\n", [["x"], [""], ["y"]]),
    ("\"\"\n", [[""]]),
    ("\"\",\"\"", [["", ""]]),
    ("é,ü\n", [["é", "ü"]]),
  ])
  func splitsLinesAndFields(text: String, rows: [[String]]) {
    #expect(CSVParser.parse(text) == rows)
  }

  @Test func emptyTextHasNoRows() {
    #expect(CSVParser.parse("") == [])
  }

  @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() {
    let text = "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"c\r\nd\"\nplain,\"\"\"\",end\n"
    #expect(CSVParser.parse(text) == [["a,b", "say \"hi\"", "x\ny", "c\r\nd"], ["plain", "\"", "end"]])
  }

  @Test(arguments: [
    "\"abc",
    "a,\"b\nc",
    "ab\"c\"",
    "a\"b",
    "\"ab\"c",
    "\"ab\" ,c",
    "\"a\"\"",
    "a\rb,c\n",
    "\"a\"\rb\n",
  ])
  func rejectsMisplacedOrUnclosedQuotes(text: String) {
    #expect(CSVParser.parse(text) == nil)
  }

  @Test func readsBackWhatCSVWriterWrites() {
    let table = CSVTable(
      header: ["name", "value", "note"],
      rows: [
        [.text("a,b"), .int(-12), .text("line1\nline2")],
        [.text("q\"uote"), .double(0.25), .missing],
        [.text(""), .double(1e20), .text("\r\n")],
      ])
    #expect(
      CSVParser.parse(CSVWriter.render(table)) == [
        ["name", "value", "note"], ["a,b", "-12", "line1\nline2"], ["q\"uote", "0.25", ""], ["", "1e+20", "\r\n"],
      ])
  }
}
