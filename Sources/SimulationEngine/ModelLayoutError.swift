/// Why a scenario cannot be laid out for simulation. The loader never builds such a scenario;
/// a scenario assembled in code (an option with a mistyped `set` path, say) can be one.
public enum ModelLayoutError: Error, Equatable, CustomStringConvertible {
    /// `path` is not the path of any parameter of the scenario; `where` says who names it.
    case unknownParameter(path: String, where: String)

    public var description: String {
        switch self {
        case .unknownParameter(let path, let place):
            return "\(place): `\(path)` is not a parameter of the scenario; check the path (`phm schema` lists the keys)"
        }
    }
}
