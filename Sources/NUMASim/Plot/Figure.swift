// SPDX-License-Identifier: MIT

/// One picture of a run or a sweep: the gnuplot script that draws it, the data it reads, and
/// what each plotted series holds.
///
/// The script and the data are written beside the pictures (`NAME.gp`, `NAME.dat`); running
/// `gnuplot NAME.gp` in that folder writes `NAME.svg` and `NAME.png`, so a user can edit the
/// script and draw it again.
public struct Figure: Sendable, Equatable {
  /// How a series is drawn, which says what counts as one of its points in the picture.
  public enum Style: String, Sendable {
    /// A polyline through every point.
    case lines
    /// A staircase: a horizontal and a vertical segment per point (a CDF).
    case steps
    /// A marker per point.
    case points
    /// A marker per point with its error bars.
    case errorbars
    /// A filled box per point (kswapd's running samples).
    case boxes
    /// A text label per point.
    case labels
    /// A colour cell per point (a heatmap).
    case image
  }

  /// A series as gnuplot draws it: its key title (empty when it has none), how it is drawn,
  /// and how many points of the data it draws.
  public struct Series: Sendable, Equatable {
    public var title: String
    public var style: Style
    public var points: Int
  }

  /// The file stem: `free-pages` for `free-pages.gp`, `.dat`, `.svg` and `.png`.
  public var name: String
  /// What the picture shows, in a line.
  public var caption: String
  /// The script: draws the data file into both formats.
  public var script: String
  /// The data the script reads: whitespace-separated columns, blocks separated by two blank
  /// lines (gnuplot's `index`).
  public var data: String
  /// Every plotted series in the order the script plots them (panels left to right, top to
  /// bottom).
  public var series: [Series]

  /// The picture formats every script writes.
  public static let formats = ["svg", "png"]
}
