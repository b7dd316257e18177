// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct SweepPlanTests {
  static func point(_ index: Int, _ replicate: Int, seed: UInt64 = 5, _ assignments: [(String, SweepValue)])
    -> SweepPoint
  {
    SweepPoint(
      index: index, replicate: replicate, seed: seed,
      assignments: assignments.map { SweepAssignment(path: $0.0, value: $0.1) })
  }

  static let points = [
    point(1, 0, seed: 7, [("k", .int(2)), ("label", .text("a,b"))]),
    point(0, 1, seed: 9, [("k", .int(1)), ("label", .text("a,b"))]),
    point(0, 0, seed: 7, [("k", .int(1)), ("label", .text("a,b"))]),
    point(1, 1, seed: 9, [("k", .int(2)), ("label", .text("x"))]),
  ]

  @Test func rowsAreSortedByPointThenReplicate() throws {
    let plan = try SweepPlan(points: Self.points)
    #expect(plan.header == ["point", "replicate", "seed", "k", "label"])
    #expect(Array(plan.paths) == ["k", "label"])
    #expect(
      plan.rows == [
        ["0", "0", "7", "1", "a,b"], ["0", "1", "9", "1", "a,b"], ["1", "0", "7", "2", "a,b"],
        ["1", "1", "9", "2", "x"],
      ])
    #expect((0..<4).map(plan.pointIndex(ofRow:)) == [0, 0, 1, 1])
    #expect((0..<4).map(plan.fileName(ofRow:)) == ["0-0.csv", "0-1.csv", "1-0.csv", "1-1.csv"])
  }

  @Test func rendersAsCSV() throws {
    let plan = try SweepPlan(points: Self.points)
    #expect(
      plan.render()
        == "point,replicate,seed,k,label\n0,0,7,1,\"a,b\"\n0,1,9,1,\"a,b\"\n1,0,7,2,\"a,b\"\n1,1,9,2,x\n")
  }

  @Test func valuesAreKeptAsTheTextTheyWereWrittenWith() throws {
    let plan = try SweepPlan(points: [Self.point(0, 0, [("d", .double(0.1 + 0.2)), ("t", .text("16GiB"))])])
    #expect(plan.rows == [["0", "0", "5", "0.3", "16GiB"]])
  }

  @Test func readsBackWhatItRenders() throws {
    let plan = try SweepPlan(points: Self.points)
    #expect(SweepPlan(parsing: plan.render()) == plan)
    let bare = try SweepPlan(points: [Self.point(0, 0, seed: UInt64.max, [])])
    #expect(bare.render() == "point,replicate,seed\n0,0,18446744073709551615\n")
    #expect(SweepPlan(parsing: bare.render()) == bare)
  }

  @Test func aPointGivenTwiceIsAnError() {
    let points = [Self.point(0, 0, [("k", .int(1))]), Self.point(0, 0, seed: 6, [("k", .int(1))])]
    #expect(throws: SweepError.inconsistentPoints("point 0 replicate 0 is given twice")) {
      try SweepPlan(points: points)
    }
  }

  @Test func pointsMustSetTheSameKeys() {
    let points = [Self.point(0, 0, [("k", .int(1))]), Self.point(1, 0, [("j", .int(1))])]
    #expect(throws: SweepError.inconsistentPoints("point 1 sets [\"j\"], others set [\"k\"]")) {
      try SweepPlan(points: points)
    }
    let reordered = [
      Self.point(0, 0, [("a", .int(1)), ("b", .int(2))]), Self.point(1, 0, [("b", .int(2)), ("a", .int(1))]),
    ]
    #expect(throws: SweepError.inconsistentPoints("point 1 sets [\"b\", \"a\"], others set [\"a\", \"b\"]")) {
      try SweepPlan(points: reordered)
    }
  }

  @Test(arguments: [["seed"], ["point"], ["k", "k"]])
  func sweptKeysMustNotRepeatAColumn(paths: [String]) {
    let points = [Self.point(0, 0, paths.map { ($0, .int(1)) })]
    #expect(
      throws: SweepError.inconsistentPoints("a swept key is named like a fixed column or is given twice: \(paths)")
    ) {
      try SweepPlan(points: points)
    }
  }

  @Test(arguments: [
    "",
    "point,seed,replicate\n0,0,1\n",
    "replicate,point,seed\n",
    "point,replicate,seed,k\n0,0,1\n",
    "point,replicate,seed\n0,0,1,2\n",
    "point,replicate,seed\nx,0,1\n",
    "point,replicate,seed\n0,1.5,1\n",
    "point,replicate,seed\n0,0,\"1\n",
  ])
  func rejectsTextThatIsNotAPlan(text: String) {
    #expect(SweepPlan(parsing: text) == nil)
  }

  @Test func aHeaderAloneIsAnEmptyPlan() throws {
    let plan = try #require(SweepPlan(parsing: "point,replicate,seed,k\n"))
    #expect(plan.rows.isEmpty)
    #expect(Array(plan.paths) == ["k"])
  }
}
