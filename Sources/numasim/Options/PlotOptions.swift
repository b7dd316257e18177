// SPDX-License-Identifier: MIT
import ArgumentParser
import Foundation
import NUMASim

/// What a sweep's pictures show; shared by `plot`, `sweep --plot`.
struct PlotOptions: ParsableArguments {
  @Option(
    help: "The sweep metric of the heatmap and the trade-off (a sweep.csv column, or allocstall: the per-zone sum).")
  var metric = "allocstall"

  @Option(help: "The trade-off's cost axis, a sweep.csv column.")
  var cost = "free_mean_mib"

  @Option(
    help:
      "The heatmap's two swept keys, X,Y (default: the first two), e.g. vm.min_free_kbytes,vm.watermark_scale_factor.")
  var axes: String?

  var sweepOptions: SweepFigures.Options {
    var options = SweepFigures.Options()
    options.metric = metric
    options.cost = cost
    options.axes = axes?.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    return options
  }
}

/// Draws the figures of `folder` (a run's or a sweep's) and prints where they went.
func drawPlots(of folder: String, options: SweepFigures.Options, gnuplot: String) throws {
  do {
    let figures = try Plotter.figures(folder: folder, sweep: options)
    let pictures = try Plotter.draw(figures, into: folder, gnuplot: gnuplot)
    print("plots: " + pictures.filter { $0.hasSuffix(".svg") }.joined(separator: ", ") + " (and .png, .gp scripts)")
  } catch let e as InputErrors {
    throw CLIError.input(e.errors)
  } catch let e as PlotError {
    throw CLIError.input([InputError(file: folder, message: e.description)])
  }
}

/// The gnuplot executable, or the error that says how to install it.
func locateGnuplot() throws -> String {
  do { return try Plotter.gnuplot() } catch let e as PlotError {
    throw CLIError.input([InputError(file: "<command line>", keyPath: "--plot", message: e.description)])
  }
}
