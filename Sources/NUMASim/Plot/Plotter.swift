// SPDX-License-Identifier: MIT
import Foundation

/// Why pictures could not be drawn (not a problem with the user's files).
public struct PlotError: Error, CustomStringConvertible {
  public var description: String
}

/// Draws a run or sweep folder's figures with gnuplot and puts them beside its CSV files.
///
/// Each figure's script and data are written to a hidden staging folder inside the results
/// folder, gnuplot runs there, and the four files (`.gp`, `.dat`, `.svg`, `.png`) are renamed
/// into place only when every figure was drawn: a failure leaves the folder as it was.
public enum Plotter {
  /// The install hint of the missing-gnuplot error.
  public static let installHint =
    "install it with `apt-get install gnuplot-nox` (Debian, Ubuntu) or your system's gnuplot package"

  /// The gnuplot executable: `$NUMASIM_GNUPLOT`, else `gnuplot` on `PATH`.
  public static func gnuplot() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    if let given = environment["NUMASIM_GNUPLOT"], !given.isEmpty {
      guard FileManager.default.isExecutableFile(atPath: given) else {
        throw PlotError(description: "NUMASIM_GNUPLOT=\(given) is not an executable file")
      }
      return given
    }
    for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let candidate = AtomicFile.join(String(directory), "gnuplot")
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw PlotError(description: "plotting needs gnuplot, which is not on PATH: \(installHint)")
  }

  /// The figures of `folder`: a sweep's when it holds `sweep-summary.csv`, else a run's.
  public static func figures(folder: String, sweep options: SweepFigures.Options) throws -> [Figure] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw InputErrors([InputError(file: folder, message: "no such folder")])
    }
    let fm = FileManager.default
    if fm.fileExists(atPath: AtomicFile.join(folder, "sweep-summary.csv")) {
      return try SweepFigures.figures(folder: folder, options: options)
    }
    if fm.fileExists(atPath: AtomicFile.join(folder, "timeseries.csv")) {
      return try RunFigures.figures(folder: folder)
    }
    throw InputErrors([
      InputError(
        file: folder,
        message: "is neither a run's results (timeseries.csv) nor a finished sweep (sweep-summary.csv)")
    ])
  }

  /// Draws `figures` into `folder` and returns the pictures' paths.
  public static func draw(_ figures: [Figure], into folder: String, gnuplot: String) throws -> [String] {
    let staging = AtomicFile.join(folder, ".plot-\(getpid())")
    try? FileManager.default.removeItem(atPath: staging)
    defer { try? FileManager.default.removeItem(atPath: staging) }
    do {
      try AtomicFile.createDirectory(staging)
      for f in figures {
        try AtomicFile.write(f.script, to: AtomicFile.join(staging, f.name + ".gp"))
        try AtomicFile.write(f.data, to: AtomicFile.join(staging, f.name + ".dat"))
      }
    } catch { throw PlotError(description: "\(folder): cannot write the plot scripts: \(error)") }
    for f in figures { try run(gnuplot, script: f.name + ".gp", in: staging) }
    let files = figures.flatMap { f in (["gp", "dat"] + Figure.formats).map { f.name + "." + $0 } }
    for name in files {
      let size = (try? FileManager.default.attributesOfItem(atPath: AtomicFile.join(staging, name))[.size] as? Int) ?? 0
      guard size > 0 || name.hasSuffix(".dat") else {
        throw PlotError(description: "gnuplot wrote no \(name) in \(folder)")
      }
    }
    for name in files where rename(AtomicFile.join(staging, name), AtomicFile.join(folder, name)) != 0 {
      throw PlotError(description: "\(folder)/\(name): cannot put in place: \(String(cString: strerror(errno)))")
    }
    return figures.flatMap { f in Figure.formats.map { AtomicFile.join(folder, f.name + "." + $0) } }
  }

  /// Runs `gnuplot script` in `directory`; a non-zero exit is an error with gnuplot's own
  /// message.
  static func run(_ gnuplot: String, script: String, in directory: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: gnuplot)
    process.arguments = [script]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { throw PlotError(description: "cannot run \(gnuplot): \(error)") }
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw PlotError(description: "gnuplot failed on \(script) (exit \(process.terminationStatus)): \(text)")
    }
  }
}
