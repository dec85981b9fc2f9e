using System.Globalization;

namespace CheapLearning
{
    /// <summary>
    /// How a proven error bound is written for people, linked into the generator (the evaluators' XML docs) and the
    /// runtime (<c>NetworkModel.ToString</c>), so the two say the same. A text "error ≤ b" must not state a b below the
    /// proven bound: rounding to nearest wrote x·y's 9.1038e-11 as 9.1E-11.
    /// </summary>
    internal static class BoundText
    {
        /// <summary>
        /// <paramref name="bound"/> to 3 significant digits rounded up, in the "G3" layout (invariant culture); NaN, ±∞ and
        /// values ≤ 0 as "G3" writes them.
        /// </summary>
        public static string AtMost(double bound)
        {
            var inv = CultureInfo.InvariantCulture;
            if (!Numeric.IsFinite(bound) || bound <= 0) return bound.ToString("G3", inv);
            string nearest = bound.ToString("E2", inv);                        // d.ddE±xxx
            double value = double.Parse(nearest, inv);
            if (value < bound)
            {
                int mantissa = int.Parse(nearest.Substring(0, 1) + nearest.Substring(2, 2), inv) + 1;
                int exponent = int.Parse(nearest.Substring(nearest.IndexOf('E') + 1), inv) - 2;
                value = double.Parse(mantissa.ToString(inv) + "E" + exponent.ToString(inv), inv);
            }
            return value.ToString("G3", inv);
        }
    }
}
