// SPDX-License-Identifier: MIT
import Testing

@testable import NUMASim

/// `text` with the checksum line a point file ends in.
func sealed(_ text: String) -> String {
  text + "checksum,fnv1a64," + ConfigHash.hex(ConfigHash.fnv1a64(text)) + "\n"
}

@Suite struct PointRecordTests {
  @Test func encodesOneLinePerMetric() {
    let row: MetricRow = [
      "pages": .int(-12), "ratio": .double(0.1), "note": .text("a,\"b\""), "gap": .missing, "a,b": .int(1),
    ]
    #expect(
      PointRecord.encode(row)
        == sealed(
          "metric,type,value\npages,int,-12\nratio,double,0.1\nnote,text,\"a,\"\"b\"\"\"\ngap,missing,\n"
            + "\"a,b\",int,1\n"))
  }

  @Test func keepsDoublesAtFullPrecision() throws {
    let third = 1.0 / 3.0
    let text = PointRecord.encode(["x": .double(third)])
    #expect(text == sealed("metric,type,value\nx,double,0.3333333333333333\n"))
    let back = try #require(PointRecord.decode(text)?["x"]?.number)
    #expect(back.bitPattern == third.bitPattern)
  }

  @Test func specialDoublesRoundTrip() throws {
    let text = PointRecord.encode([
      "n": .double(.nan), "p": .double(.infinity), "m": .double(-.infinity), "z": .double(-0.0),
    ])
    #expect(text == sealed("metric,type,value\nn,double,nan\np,double,inf\nm,double,-inf\nz,double,-0.0\n"))
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
    #expect(PointRecord.encode(MetricRow()) == sealed("metric,type,value\n"))
    #expect(PointRecord.decode(sealed("metric,type,value\n")) == MetricRow())
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
    #expect(PointRecord.decode(sealed(text)) == nil)
  }

  @Test func anEditedOrCutRecordIsRefused() {
    let text = PointRecord.encode(["stall_p99_us": .int(1200), "free_mean_mib": .double(512.5)])
    #expect(PointRecord.decode(text) != nil)
    #expect(PointRecord.decode(text.replacingOccurrences(of: "1200", with: "1100")) == nil)
    #expect(PointRecord.decode(String(text.dropLast(5))) == nil)
    #expect(PointRecord.decode("metric,type,value\nx,int,1\n") == nil)  // no checksum
  }
}
