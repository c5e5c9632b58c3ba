/// A figure that `PlotRenderer` can write as `<stem>.{dat,gp}` and render to PNG and SVG.
public protocol GnuplotFigure: Sendable {
  /// The experiment the figure belongs to (names its folder under the plots root).
  var experiment: String { get }
  /// File name stem shared by the `.gp`, `.dat`, `.png` and `.svg` files.
  var stem: String { get }
  /// The `.dat` file the script reads.
  func dataText() -> String
  /// The gnuplot script that draws the `.dat` file into `<outbase>.png` and `<outbase>.svg`.
  func scriptText() -> String
}

extension GnuplotFigure {
  /// A number as gnuplot reads it: integers plain, others with 4 decimals, NaN as `?`.
  static func number(_ value: Double) -> String {
    GnuplotScript.number(value)
  }
}
