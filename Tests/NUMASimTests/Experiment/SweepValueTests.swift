// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepValueTests {
  @Test(arguments: [
    ("12", SweepValue.int(12)), ("-3", .int(-3)), ("0.5", .double(0.5)), ("1e3", .double(1000)),
    ("0x10", .text("0x10")),
    ("nan", .text("nan")), ("16GiB", .text("16GiB")), ("1.2.3", .text("1.2.3")),
  ])
  func scalarsAreTypedConservatively(text: String, value: SweepValue) {
    #expect(SweepValue(scalar: text) == value)
  }

  @Test(arguments: [
    ("+5", SweepValue.int(5)), (".5", .double(0.5)), ("5.", .double(5)), ("-2.5E-1", .double(-0.25)),
    ("1.5e+3", .double(1500)), ("1_000", .text("1_000")), ("1e400", .text("1e400")), ("1e", .text("1e")),
    ("e5", .text("e5")), ("inf", .text("inf")), ("infinity", .text("infinity")), (" 5", .text(" 5")),
    ("\u{0661}\u{0662}", .text("\u{0661}\u{0662}")), ("", .text("")), ("-", .text("-")), ("1e+", .text("1e+")),
  ])
  func edgeCasesOfTheNumberSyntax(text: String, value: SweepValue) {
    #expect(SweepValue(scalar: text) == value)
  }

  @Test func decimalsAreRoundedToTheDigitsTheCSVShows() {
    guard case .double(let d) = SweepValue(scalar: "0.1234567890123456") else {
      Issue.record("not a double")
      return
    }
    #expect(d.description == "0.123456789012")
    guard case .double(let zero) = SweepValue(scalar: "-0.0") else {
      Issue.record("not a double")
      return
    }
    #expect(zero.isZero)
    #expect(SweepValue(scalar: "-0.0").description == "0")
  }

  @Test(arguments: [
    (SweepValue.int(-3), "-3"), (.double(1e20), "1e+20"), (.double(2.5e-7), "2.5e-07"), (.double(0.1 + 0.2), "0.3"),
    (.double(1234.5), "1234.5"), (.text("x y"), "x y"),
  ])
  func descriptionIsTheCSVText(value: SweepValue, text: String) {
    #expect(value.description == text)
  }

  @Test func csvValueKeepsTheKind() {
    #expect(SweepValue.int(4).csvValue == .int(4))
    #expect(SweepValue.double(0.5).csvValue == .double(0.5))
    #expect(SweepValue.text("a").csvValue == .text("a"))
  }

  @Test(arguments: [
    ("1", true), ("-1.5", true), ("+.5e-2", true), ("1E5", true), ("007", true), ("1.2.3", false), ("-", false),
    (".", false), ("1e+", false), ("1e5.0", false), ("1f", false), ("--1", false), ("1 ", false),
  ])
  func isDecimalAcceptsOnlyPlainNumbers(text: String, decimal: Bool) {
    #expect(SweepValue.isDecimal(text) == decimal)
  }
}
