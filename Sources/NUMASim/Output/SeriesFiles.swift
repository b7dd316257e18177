// SPDX-License-Identifier: MIT

import Foundation

/// `timeseries.csv` and `stalls.csv`, written as the run samples and stalls, so a run's
/// memory does not grow with its length.
///
/// Rows are rendered exactly as ``RunReport``'s tables render them, so a streamed file is
/// byte-identical to one written at the end. Text is buffered and written in blocks of
/// ``blockBytes``.
public final class SeriesFiles {
  let timeseries: BufferedFile
  let stalls: BufferedFile
  let zones: [ZoneSetup]
  let groupNames: [String]

  /// Bytes gathered before a write.
  public static let blockBytes = 1 << 16

  /// Opens both files in `folder` and writes their headers.
  public init(in folder: StagedFolder, setup: MachineSetup, groupNames: [String]) throws(FileWriteError) {
    zones = setup.zones.flatMap { $0 }
    self.groupNames = groupNames
    timeseries = try BufferedFile(path: folder.path("timeseries.csv"))
    stalls = try BufferedFile(path: folder.path("stalls.csv"))
    try timeseries.append(CSVWriter.renderHeader(RunReport.timeseriesHeader))
    try stalls.append(CSVWriter.renderHeader(RunReport.stallHeader))
  }

  /// Appends one slice's rows.
  public func append(_ rows: [TimeseriesRow], _ records: [StallRecord]) throws(FileWriteError) {
    for row in rows { try timeseries.append(CSVWriter.renderRow(RunReport.timeseriesRow(row, zones: zones))) }
    for r in records { try stalls.append(CSVWriter.renderRow(RunReport.stallRow(r, groupNames: groupNames))) }
  }

  /// Writes what is buffered, flushes both files to disk and closes them.
  public func close() throws(FileWriteError) {
    try timeseries.close()
    try stalls.close()
  }
}

/// A file written in blocks, then `fsync`ed and closed.
final class BufferedFile {
  let path: String
  private let handle: FileHandle
  private var buffer: [UInt8] = []

  init(path: String) throws(FileWriteError) {
    self.path = path
    guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path)
    else { throw FileWriteError(path: path, operation: "open", reason: "cannot create the file") }
    handle = h
    buffer.reserveCapacity(SeriesFiles.blockBytes)
  }

  func append(_ text: String) throws(FileWriteError) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= SeriesFiles.blockBytes { try flush() }
  }

  func flush() throws(FileWriteError) {
    guard !buffer.isEmpty else { return }
    do { try handle.write(contentsOf: buffer) } catch {
      throw FileWriteError(path: path, operation: "write", reason: "\(error)")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  func close() throws(FileWriteError) {
    try flush()
    do {
      try handle.synchronize()
      try handle.close()
    } catch { throw FileWriteError(path: path, operation: "close", reason: "\(error)") }
  }
}
