/// Colours that stay distinguishable with the common colour-vision deficiencies: the Okabe–Ito
/// palette (Okabe M, Ito K (2008) Color Universal Design), ordered so that the first colours
/// are the most distinct on white paper and in greyscale print; yellow, which is faint on
/// white, comes last.
public enum Palette {
    public static let okabeIto: [String] = [
        "#0072B2",  // blue
        "#E69F00",  // orange
        "#009E73",  // bluish green
        "#D55E00",  // vermillion
        "#CC79A7",  // reddish purple
        "#56B4E9",  // sky blue
        "#000000",  // black
        "#F0E442",  // yellow
    ]

    /// The colour of the `index`-th series (cycling after eight).
    public static func colour(_ index: Int) -> String {
        okabeIto[((index % okabeIto.count) + okabeIto.count) % okabeIto.count]
    }

    /// Grey for axes, grid lines and reference lines.
    public static let axis = "#555555"
    public static let grid = "#e4e4e4"
}
