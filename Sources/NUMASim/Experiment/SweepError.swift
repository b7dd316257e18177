// SPDX-License-Identifier: MIT

/// Why a sweep could not run, resume or merge.
public enum SweepError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A run's work threw; the runs finished before it are kept for a resume.
  case runFailed(index: Int, replicate: Int, message: String, finished: Int)
  /// The output folder holds a different sweep (its `sweep-plan.csv` differs).
  case planMismatch(directory: String)
  /// A folder to merge is not a sweep folder.
  case notASweep(directory: String)
  /// Points to run or merge are not one sweep (repeated runs, or different swept keys).
  case inconsistentPoints(String)
  /// A result file is damaged or two copies of one run differ.
  case badRecord(path: String, problem: String)
  /// A metric's name is also a swept key or a fixed column.
  case duplicateColumn(String)
  /// A merge found runs that no folder holds.
  case missingRuns(missing: [String], total: Int, markers: [String])
  /// A file could not be written.
  case write(FileWriteError)

  public var description: String {
    switch self {
    case .runFailed(let index, let replicate, let message, let finished):
      return "point \(index) replicate \(replicate) failed: \(message) "
        + "(\(finished) finished runs are kept; run again to resume)"
    case .planMismatch(let directory):
      return "\(directory) holds a different sweep (its sweep-plan.csv differs); use another folder or remove it"
    case .notASweep(let directory):
      return "\(directory) is not a sweep folder: it has no sweep-plan.csv"
    case .inconsistentPoints(let problem):
      return "the points are not one sweep: \(problem)"
    case .badRecord(let path, let problem):
      return "\(path): \(problem)"
    case .duplicateColumn(let name):
      return "metric '\(name)' has the name of a swept key or a fixed column, or is given twice"
    case .missingRuns(let missing, let total, let markers):
      let shown = missing.prefix(20).joined(separator: ", ") + (missing.count > 20 ? ", ..." : "")
      let found = markers.isEmpty ? "none" : markers.joined(separator: ", ")
      return "\(missing.count) of \(total) runs are missing (point-replicate: \(shown)); shard markers found: \(found)"
    case .write(let error):
      return error.description
    }
  }
}
