// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct GnuplotScriptTests {
  @Test func quotingDoublesQuotesAndEscapesEnhancedText() {
    #expect(GnuplotScript.quoted("nr_free_pages") == "'nr\\_free\\_pages'")
    #expect(GnuplotScript.quoted("it's") == "'it''s'")
    #expect(GnuplotScript.quoted("a^b{c}") == "'a\\^b\\{c\\}'")
  }

  @Test func numbersAreIntegersWhenWholeAndNaNForGaps() {
    #expect(GnuplotScript.number(42) == "42")
    #expect(GnuplotScript.number(-3) == "-3")
    #expect(GnuplotScript.number(0.01) == "0.01")
    #expect(GnuplotScript.number(2.123456789123) == "2.12345679")
    #expect(GnuplotScript.number(.nan) == "NaN")
    #expect(GnuplotScript.number(.infinity) == "NaN")
  }

  @Test func scriptDrawsTheBodyOncePerFormatFromAReset() {
    var script = GnuplotScript(name: "x", caption: "a test", dataColumns: "t v", height: 300)
    script.add("plot 'x.dat' using 1:2 with lines")
    let text = script.text
    #expect(text.hasPrefix("# x.gp: a test\n"))
    #expect(text.contains("do for [format in \"svg png\"] {\n  reset\n"))
    #expect(text.contains("set terminal svg size 1000,300"))
    #expect(text.contains("set terminal pngcairo size 1000,300"))
    #expect(text.contains("  set output 'x.'.format\n"))
    #expect(text.contains("\n  plot 'x.dat' using 1:2 with lines\n  unset output\n}\n"))
    // The styles come after the reset, so both passes have them.
    let reset = text.range(of: "reset")!.lowerBound
    #expect(text.range(of: "set style line 1 ")!.lowerBound > reset)
  }

  @Test func dataBlocksAreSeparatedByTwoBlankLines() {
    var data = PlotData()
    data.beginBlock("first")
    data.row([1, 2.5])
    data.beginBlock("second")
    data.row([3, .nan])
    #expect(data.text == "# first\n1 2.5\n\n\n# second\n3 NaN\n")
    #expect(data.current == 1)
  }
}
