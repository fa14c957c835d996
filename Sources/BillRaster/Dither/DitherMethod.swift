/// How a gray picture becomes printer dots.
public enum DitherMethod: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Black where the gray is darker than mid-gray. Crisp edges; gradients become blocks.
    case threshold
    /// Floyd–Steinberg error diffusion: all of a pixel's error spreads to four neighbours.
    case floydSteinberg
    /// Atkinson error diffusion: three quarters of the error spreads to six neighbours. Keeps solid
    /// areas clean and edges crisp and offsets thermal paper's dot gain; the default.
    case atkinson
}
