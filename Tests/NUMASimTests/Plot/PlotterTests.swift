// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct PlotterTests {
  @Test func drawsEveryPictureAndKeepsItsScriptAndData() throws {
    let folder = try PlotFolders.run(samples: 20, stalls: [(2.05, 120, "heap")])
    let figures = try Plotter.figures(folder: folder, sweep: .init())
    let pictures = try Plotter.draw(figures, into: folder, gnuplot: try Plotter.gnuplot())
    #expect(pictures.count == 8)
    for f in figures {
      for ext in ["gp", "dat", "svg", "png"] {
        #expect(FileManager.default.fileExists(atPath: "\(folder)/\(f.name).\(ext)"))
      }
      let png = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(f.name).png"))
      #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
      let svg = try String(contentsOfFile: "\(folder)/\(f.name).svg", encoding: .utf8)
      #expect(svg.contains("<svg") && svg.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</svg>"))
    }
    let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".plot-") }
    #expect(left.isEmpty)
  }

  @Test func aFailingScriptLeavesTheFolderAsItWas() throws {
    let folder = try PlotFolders.run(samples: 5, stalls: [])
    let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    var figures = try Plotter.figures(folder: folder, sweep: .init())
    figures[1].script += "plot 'no-such-file.dat'\n"
    let error = #expect(throws: PlotError.self) {
      try Plotter.draw(figures, into: folder, gnuplot: try Plotter.gnuplot())
    }
    #expect(error?.description.hasPrefix("gnuplot failed on lru.gp (exit 1): ") == true)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before)
  }

  @Test func aFolderThatIsNeitherRunNorSweepIsNamed() throws {
    let folder = try PlotFolders.fresh("empty")
    let error = #expect(throws: InputErrors.self) { try Plotter.figures(folder: folder, sweep: .init()) }
    #expect(
      error?.description
        == "\(folder): is neither a run's results (timeseries.csv) nor a finished sweep (sweep-summary.csv)")
    let missing = #expect(throws: InputErrors.self) { try Plotter.figures(folder: folder + "/x", sweep: .init()) }
    #expect(missing?.description == "\(folder)/x: no such folder")
  }
}
