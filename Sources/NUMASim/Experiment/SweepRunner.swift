// SPDX-License-Identifier: MIT

import Dispatch
import Foundation

/// Runs the points of a sweep in parallel, resumably, and writes the result tables.
///
/// The work of one run is a closure, so the runner knows nothing about the simulation. A run
/// folder holds:
/// - `sweep-plan.csv`: every run of the sweep (see ``SweepPlan``), written first;
/// - `points/<index>-<replicate>.csv`: one file per finished run, written atomically as soon as
///   the run ends, so a killed sweep keeps its finished runs and a second `run` skips them;
/// - `sweep.csv`, `sweep-summary.csv` and then the `sweep.done` marker, assembled from the point
///   files (never from memory), so an interrupted-then-resumed sweep, a sharded-then-merged one
///   and an uninterrupted one end with byte-identical files, whatever `jobs` was;
/// - for a shard `K/N` (N > 1), its point files and `shard-K-of-N.done` instead of the tables.
public struct SweepRunner: Sendable {
  /// The work of one run: the metrics of one point and replicate.
  public typealias Work = @Sendable (SweepPoint) throws -> MetricRow

  /// Whether to show progress with an ETA on stderr (by default when stderr is a terminal).
  public var showsProgress: Bool

  public init(showsProgress: Bool = SweepProgress.stderrIsTerminal) {
    self.showsProgress = showsProgress
  }

  /// What a call to ``run(points:jobs:shard:outputDirectory:runPoint:)`` did.
  public struct Report: Hashable, Sendable {
    /// Runs done by this call.
    public var ran: Int
    /// Runs of this shard already done by an earlier call, skipped.
    public var skipped: Int
    /// The files written at the top of the folder (tables and marker).
    public var files: [String]
  }

  /// Runs every point of `shard` (all points without one) not yet done in `outputDirectory`.
  ///
  /// - Parameters:
  ///   - points: every run of the sweep (all shards), e.g. ``SweepSpec/points()``.
  ///   - jobs: runs at a time, at least 1 (Dispatch caps it at the number of CPUs).
  ///   - shard: this machine's share; nil for the whole sweep.
  ///   - outputDirectory: the run folder; created if missing.
  ///   - runPoint: the work of one run; it may be called from several threads at once.
  /// - Throws: ``SweepError/runFailed(index:replicate:message:finished:)`` when a run throws
  ///   (runs already started finish and are kept; no new ones start), or a file or plan problem.
  @discardableResult
  public func run(
    points: [SweepPoint], jobs: Int = 1, shard: SweepShard? = nil, outputDirectory: String, runPoint: Work
  ) throws(SweepError) -> Report {
    let plan = try SweepPlan(points: points)
    let pointsDirectory = AtomicFile.join(outputDirectory, "points")
    do { try AtomicFile.createDirectory(pointsDirectory) } catch { throw .write(error) }
    let planPath = AtomicFile.join(outputDirectory, SweepPlan.fileName)
    let planText = plan.render()
    if let existing = FileManager.default.contents(atPath: planPath) {
      guard Array(existing) == Array(planText.utf8) else { throw .planMismatch(directory: outputDirectory) }
    } else {
      do { try AtomicFile.write(planText, to: planPath) } catch { throw .write(error) }
    }
    let mine = points.filter { shard?.contains(pointIndex: $0.index) ?? true }
      .sorted { ($0.index, $0.replicate) < ($1.index, $1.replicate) }
    var unfinished: [SweepPoint] = []
    for point in mine {
      let path = AtomicFile.join(pointsDirectory, point.fileName)
      guard let bytes = FileManager.default.contents(atPath: path) else {
        unfinished.append(point)
        continue
      }
      // A finished run is skipped only if its file is whole and unedited.
      guard PointRecord.decode(String(decoding: bytes, as: UTF8.self)) != nil else {
        throw .badRecord(path: path, problem: PointRecord.damaged)
      }
    }
    let pending = unfinished
    let state = RunState(total: pending.count, showsProgress: showsProgress)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, pending.count))) { _ in
      while let i = state.claim() {
        let point = pending[i]
        do {
          let row = try runPoint(point)
          try AtomicFile.write(PointRecord.encode(row), to: AtomicFile.join(pointsDirectory, point.fileName))
          state.finished()
        } catch {
          state.failed(point, error)
        }
      }
    }
    state.progress.finish()
    if let failure = state.failure {
      let (point, error) = failure
      if let error = error as? FileWriteError { throw .write(error) }
      throw .runFailed(
        index: point.index, replicate: point.replicate, message: "\(error)",
        finished: mine.count - pending.count + state.finishedCount)
    }
    var report = Report(ran: pending.count, skipped: mine.count - pending.count, files: [])
    if let shard, shard.count > 1 {
      let marker = mine.map { "points/\($0.fileName)\n" }.joined()
      do { try AtomicFile.write(marker, to: AtomicFile.join(outputDirectory, shard.markerName)) } catch {
        throw .write(error)
      }
      report.files = [shard.markerName]
      return report
    }
    let records = try Self.readRecords(plan: plan, from: [outputDirectory])
    report.files = try Self.writeTables(plan: plan, records: records, into: outputDirectory)
    return report
  }

  /// Reads every run of `plan` from the first of `directories` holding it, in plan order.
  static func readRecords(plan: SweepPlan, from directories: [String]) throws(SweepError) -> [MetricRow] {
    var records: [MetricRow] = []
    var missing: [String] = []
    for i in plan.rows.indices {
      let name = plan.fileName(ofRow: i)
      var found: (path: String, bytes: Data)?
      for d in directories {
        let path = AtomicFile.join(AtomicFile.join(d, "points"), name)
        guard let bytes = FileManager.default.contents(atPath: path) else { continue }
        if let found, found.bytes != bytes {
          throw .badRecord(path: path, problem: "differs from \(found.path), another copy of the same run")
        }
        found = found ?? (path, bytes)
      }
      guard let found else {
        missing.append(String(name.dropLast(4)))
        continue
      }
      guard let row = PointRecord.decode(String(decoding: found.bytes, as: UTF8.self)) else {
        throw .badRecord(path: found.path, problem: PointRecord.damaged)
      }
      records.append(row)
    }
    guard missing.isEmpty else {
      let markers = directories.flatMap { d in
        ((try? FileManager.default.contentsOfDirectory(atPath: d)) ?? []).filter { $0.hasSuffix(".done") }.sorted()
      }
      throw .missingRuns(missing: missing, total: plan.rows.count, markers: markers)
    }
    return records
  }

  /// Writes `sweep.csv`, `sweep-summary.csv` and then `sweep.done` into `directory`.
  static func writeTables(plan: SweepPlan, records: [MetricRow], into directory: String) throws(SweepError)
    -> [String]
  {
    let (sweep, summary) = try SweepAssembler.tables(plan: plan, records: records)
    let files = [SweepAssembler.sweepFile, SweepAssembler.summaryFile]
    do {
      try AtomicFile.writeFiles(
        [(files[0], CSVWriter.render(sweep)), (files[1], CSVWriter.render(summary))], in: directory,
        marker: ("sweep.done", files.map { $0 + "\n" }.joined()))
    } catch { throw .write(error) }
    return files + ["sweep.done"]
  }
}

/// The shared state of one ``SweepRunner`` call's workers.
private final class RunState: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private let total: Int
  private(set) var finishedCount = 0
  private(set) var failure: (SweepPoint, any Error)?
  let progress: SweepProgress

  init(total: Int, showsProgress: Bool) {
    self.total = total
    progress = SweepProgress(total: total, enabled: showsProgress)
  }

  /// The next run to do, or nil when all are taken or one failed.
  func claim() -> Int? {
    lock.withLock {
      guard failure == nil, next < total else { return nil }
      next += 1
      return next - 1
    }
  }

  func finished() {
    lock.withLock {
      finishedCount += 1
      progress.update(done: finishedCount)
    }
  }

  func failed(_ point: SweepPoint, _ error: any Error) {
    lock.withLock {
      if failure == nil { failure = (point, error) }
    }
  }
}
