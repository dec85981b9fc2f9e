namespace CheapLearning
{
    /// <summary>
    /// Checks on doubles shared by the generator, the runtime and the ONNX exporter (netstandard2.0 has no
    /// <c>double.IsFinite</c>), so "finite" is written once instead of as <c>IsNaN(x) || IsInfinity(x)</c> at every site.
    /// </summary>
    internal static class Numeric
    {
        /// <summary>True for every double but NaN, +∞ and −∞.</summary>
        public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
