// SPDX-License-Identifier: MIT
import Foundation
import Testing

@testable import NUMASim

@Suite struct SeriesFilesTests {
  @Test func streamedFilesAreByteIdenticalToTheReportsTables() throws {
    let config = try SimulationConfig.parse(yaml: SimulationTests.shortDefault, file: "s.yaml")
    var whole = try Simulation(config)
    let report = whole.run()
    #expect(!report.stalls.rows.isEmpty || !report.timeseries.rows.isEmpty)

    let root = try StagedFolderTests.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let staged = try StagedFolder(target: root + "/run")
    var streamed = try Simulation(config)
    let files = try SeriesFiles(
      in: staged, setup: streamed.setup, groupNames: streamed.model.workload.groups.map(\.group.name))
    var control = RunControl()
    control.record = { rows, stalls in try files.append(rows, stalls) }
    let again = try streamed.run(control: control)
    try files.close()
    try RunOutput.write(again, config: config, into: staged, includingSeries: false)
    try staged.commit()
    for (name, table) in [("timeseries.csv", report.timeseries), ("stalls.csv", report.stalls)] {
      #expect(try String(contentsOfFile: root + "/run/" + name, encoding: .utf8) == CSVWriter.render(table), "\(name)")
    }
    #expect(try String(contentsOfFile: root + "/run/summary.csv", encoding: .utf8) == RunOutput.summary(report))
  }
}
