// SPDX-License-Identifier: MIT
import ArgumentParser
import NUMASim

struct Plot: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plot",
    abstract: "Draw a run's or a sweep's pictures (SVG and PNG, with gnuplot) beside its CSV files.",
    discussion: """
      A run folder gets free-pages (each zone against min/low/high, kswapd's running periods
      shaded), lru (the LRU lists per node), stalls (each direct-reclaim stall and their CDF)
      and latency (the share of allocations, stalls and accesses slower than x). A sweep folder
      gets heatmap (--metric over two swept keys) and tradeoff (--metric against --cost, 95%
      intervals, the Pareto points joined). Each picture's gnuplot script (NAME.gp) and data
      (NAME.dat) are kept beside it: edit and run `gnuplot NAME.gp` in the folder.
      """)

  @Argument(help: "A results folder of `numasim run` or `numasim sweep`.")
  var folder: String

  @OptionGroup var plot: PlotOptions

  func run() throws {
    try reportingInputErrors {
      let gnuplot = try locateGnuplot()
      try drawPlots(of: folder, options: plot.sweepOptions, gnuplot: gnuplot)
    }
  }
}
