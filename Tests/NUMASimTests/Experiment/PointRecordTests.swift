// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

@Suite struct PointRecordTests {
  @Test func encodesOneLinePerMetric() {
    let row: MetricRow = [
      "pages": .int(-12), "ratio": .double(0.1), "note": .text("a,\"b\""), "gap": .missing, "a,b": .int(1),
    ]
    #expect(
      PointRecord.encode(row)
        == "metric,type,value\npages,int,-12\nratio,double,0.1\nnote,text,\"a,\"\"b\"\"\"\ngap,missing,\n"
        + "\"a,b\",int,1\n")
  }

  @Test func keepsDoublesAtFullPrecision() throws {
    let third = 1.0 / 3.0
    let text = PointRecord.encode(["x": .double(third)])
    #expect(text == "metric,type,value\nx,double,0.3333333333333333\n")
    let back = try #require(PointRecord.decode(text)?["x"]?.number)
    #expect(back.bitPattern == third.bitPattern)
  }

  @Test func specialDoublesRoundTrip() throws {
    let text = PointRecord.encode([
      "n": .double(.nan), "p": .double(.infinity), "m": .double(-.infinity), "z": .double(-0.0),
    ])
    #expect(text == "metric,type,value\nn,double,nan\np,double,inf\nm,double,-inf\nz,double,-0.0\n")
    let row = try #require(PointRecord.decode(text))
    #expect(try #require(row["n"]?.number).isNaN)
    #expect(row["p"] == .double(.infinity))
    #expect(row["m"] == .double(-.infinity))
    let zero = try #require(row["z"]?.number)
    #expect(zero.isZero && zero.sign == .minus)
  }

  @Test func roundTripsEveryKindOfValue() {
    let row: MetricRow = [
      "i": .int(Int.min), "d": .double(107.5), "t": .text("line1\nline2, \"quoted\""), "e": .text(""), "m": .missing,
      "": .int(0),
    ]
    #expect(PointRecord.decode(PointRecord.encode(row)) == row)
  }

  @Test func anEmptyRowIsTheHeaderAlone() {
    #expect(PointRecord.encode(MetricRow()) == "metric,type,value\n")
    #expect(PointRecord.decode("metric,type,value\n") == MetricRow())
  }

  @Test(arguments: [
    "",
    "x,int,1\n",
    "metric,type\nx,int,1\n",
    "metric,type,value\nx,int,abc\n",
    "metric,type,value\nx,int,1.5\n",
    "metric,type,value\nx,double,zz\n",
    "metric,type,value\nx,bool,1\n",
    "metric,type,value\nx,int\n",
    "metric,type,value\nx,int,1,2\n",
    "metric,type,value\nx,text,\"open\n",
  ])
  func rejectsTextThatIsNotARecord(text: String) {
    #expect(PointRecord.decode(text) == nil)
  }
}
