// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepAssignmentTests {
  @Test(arguments: [
    (SweepValue.int(90112), "k=90112"), (.double(0.25), "k=0.25"), (.text("16GiB"), "k=16GiB"),
    (.text("256 256 32"), "k=\"256 256 32\""), (.text("a=\"b\"\nc"), "k=\"a=\\\"b\\\"\\nc\""), (.text(""), "k=\"\""),
  ])
  func listsOneLinePerValue(value: SweepValue, text: String) {
    #expect(SweepAssignment(path: "k", value: value).description == text)
  }

  @Test(arguments: [
    (SweepValue.text("a\\b"), "k=\"a\\\\b\""),
    (.text("a\tb"), "k=\"a\tb\""),
    (.text("x\r\ny"), "k=\"x\\ny\""),
    (.text("x\ry"), "k=\"x\\ny\""),
    (.text("a=b"), "k=\"a=b\""),
    (.text("a,b"), "k=a,b"),
    (.double(1e20), "k=1e+20"),
    (.int(-3), "k=-3"),
  ])
  func quotesAndEscapesWhatAShellOrAReaderWouldSplit(value: SweepValue, text: String) {
    #expect(SweepAssignment(path: "k", value: value).description == text)
  }

  @Test func overrideSetsThePathToTheValueText() {
    let assignment = SweepAssignment(path: "sysctl.vm.watermark_scale_factor", value: .double(0.1 + 0.2))
    #expect(assignment.override == ConfigOverride(path: "sysctl.vm.watermark_scale_factor", value: "0.3"))
    #expect(SweepAssignment(path: "n", value: .text("a b")).override.value == "a b")
  }
}
