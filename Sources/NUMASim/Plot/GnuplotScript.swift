// SPDX-License-Identifier: MIT
import Foundation

/// Builds the text of a gnuplot script that draws one figure into SVG and PNG.
///
/// The body (panels and plot commands) runs once per format inside `do for`, so the two
/// pictures come from the same commands. Terminals: `svg` (vector, for the README and
/// browsers) and `pngcairo` (anti-aliased bitmap), both on a white background.
struct GnuplotScript {
  var name: String
  var caption: String
  /// What the columns of the data file are, for the header comment.
  var dataColumns: String
  var width: Int
  var height: Int
  private(set) var body: [String] = []

  init(name: String, caption: String, dataColumns: String, width: Int = 1000, height: Int) {
    self.name = name
    self.caption = caption
    self.dataColumns = dataColumns
    self.width = width
    self.height = height
  }

  /// Appends commands to the body.
  mutating func add(_ lines: String...) { body += lines }

  /// The script: a header saying what it draws and how to re-run it, then once per format a
  /// `reset` (so one pass's settings do not leak into the next), the terminal, the shared
  /// styles and the body.
  var text: String {
    var out = [
      "# \(name).gp: \(caption)",
      "# Written by `numasim plot`. Data: \(name).dat (\(dataColumns)).",
      "# Edit and re-run in this folder with `gnuplot \(name).gp`; it writes \(name).svg and \(name).png.",
      "",
      "set encoding utf8",
      "",
      "do for [format in \"\(Figure.formats.joined(separator: " "))\"] {",
      "  reset",
      "  if (format eq \"svg\") {",
      "    set terminal svg size \(width),\(height) dynamic enhanced font 'sans,11' background rgb 'white'",
      "  } else {",
      "    set terminal pngcairo size \(width),\(height) enhanced font 'sans,10' background rgb 'white'",
      "  }",
      "  set output '\(name).'.format",
    ]
    out += Self.lineStyles.map { "  " + $0 }
    out += body.map { $0.isEmpty ? "" : "  " + $0 }
    out += ["  unset output", "}", ""]
    return out.joined(separator: "\n")
  }

  /// The shared line styles: 1 the measured value, 2–5 the watermarks (min red, low orange,
  /// high green, boosted purple), 6–10 further series.
  static let lineStyles = [
    "set style line 1 lc rgb '#1f77b4' lw 1.5", "set style line 2 lc rgb '#d62728' lw 1.2 dt 2",
    "set style line 3 lc rgb '#ff7f0e' lw 1.2 dt 2", "set style line 4 lc rgb '#2ca02c' lw 1.2 dt 2",
    "set style line 5 lc rgb '#9467bd' lw 1.2 dt 3", "set style line 6 lc rgb '#8c564b' lw 1.5",
    "set style line 7 lc rgb '#e377c2' lw 1.5", "set style line 8 lc rgb '#7f7f7f' lw 1.5",
    "set style line 9 lc rgb '#bcbd22' lw 1.5", "set style line 10 lc rgb '#17becf' lw 1.5",
  ]

  /// `s` as a gnuplot single-quoted string (a quote is doubled; enhanced-text specials
  /// escaped so names print as written).
  static func quoted(_ s: String) -> String {
    var escaped = ""
    for c in s {
      switch c {
      case "'": escaped += "''"
      case "_", "^", "@", "&", "~", "{", "}": escaped += "\\" + String(c)
      default: escaped.append(c)
      }
    }
    return "'" + escaped + "'"
  }

  /// `value` for a data file or a script: up to nine significant digits, `NaN` for a gap.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "NaN" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(format: "%.9g", value)
  }
}

/// The text of a gnuplot data file: rows of numbers, blocks separated by two blank lines.
struct PlotData {
  private(set) var text = ""
  private(set) var blocks = 0

  /// Starts a new block (gnuplot `index blocks`), with a comment naming it.
  mutating func beginBlock(_ comment: String) {
    if blocks > 0 { text += "\n\n" }
    text += "# \(comment)\n"
    blocks += 1
  }

  mutating func row(_ values: [Double]) {
    text += values.map(GnuplotScript.number).joined(separator: " ") + "\n"
  }

  /// The index of the block last begun.
  var current: Int { blocks - 1 }
}
