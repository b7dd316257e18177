// SPDX-License-Identifier: MIT

import Foundation

extension SweepRunner {
  /// Combines the run folders of a sharded sweep into `directory`, as one unsharded run writes it.
  ///
  /// Every folder must hold the same `sweep-plan.csv`. Each run is taken from the first folder
  /// holding it (copies in several folders must be identical); the point files and the plan are
  /// copied into `directory`, then `sweep.csv`, `sweep-summary.csv` and `sweep.done` are written,
  /// byte-identical to an unsharded run's.
  /// - Returns: the files written at the top of `directory`.
  /// - Throws: ``SweepError/missingRuns(missing:total:markers:)`` naming every run no folder holds,
  ///   ``SweepError/planMismatch(directory:)`` when the folders are from different sweeps.
  @discardableResult
  public static func merge(directories: [String], into directory: String) throws(SweepError) -> [String] {
    guard let first = directories.first else { throw .inconsistentPoints("no folders to merge") }
    var planText: Data?
    for d in directories {
      guard let text = FileManager.default.contents(atPath: AtomicFile.join(d, SweepPlan.fileName)) else {
        throw .notASweep(directory: d)
      }
      if let planText, planText != text { throw .planMismatch(directory: d) }
      planText = planText ?? text
    }
    guard let planText, let plan = SweepPlan(parsing: String(decoding: planText, as: UTF8.self)) else {
      throw .notASweep(directory: first)
    }
    // Every run is found (and checked) before anything is written.
    let records = try readRecords(plan: plan, from: directories)
    let pointsDirectory = AtomicFile.join(directory, "points")
    do {
      try AtomicFile.createDirectory(pointsDirectory)
      let target = AtomicFile.join(directory, SweepPlan.fileName)
      if FileManager.default.contents(atPath: target) != planText {
        try AtomicFile.write(Array(planText), to: target)
      }
      for i in plan.rows.indices {
        let name = plan.fileName(ofRow: i)
        let destination = AtomicFile.join(pointsDirectory, name)
        for d in directories {
          guard let bytes = FileManager.default.contents(atPath: AtomicFile.join(AtomicFile.join(d, "points"), name))
          else { continue }
          if FileManager.default.contents(atPath: destination) != bytes {
            try AtomicFile.write(Array(bytes), to: destination)
          }
          break
        }
      }
    } catch { throw .write(error) }
    return try writeTables(plan: plan, records: records, into: directory)
  }
}
