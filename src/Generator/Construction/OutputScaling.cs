using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// The output row c₀ + Σ c_s·b_s of a bit network whose exact coefficients reach double's range (values near
    /// ±1.8e308: <c>a ? 1.7e308 : -1.7e308</c> is −1.7e308 + 3.4e308·a). The row is computed scaled by 2⁻ᵏ, with every
    /// coefficient c_s/2ᵏ and T/2ᵏ ≤ 2¹⁰²⁰ (T = |c₀| + Σ|c_s|), so no weight and no partial sum overflows in any
    /// summation order (the generated code's, the model's, ONNX's MatMul), and the network multiplies the result by 2ᵏ
    /// (a second stage of the output layer: one weight 2ᵏ, no bias). Scaling by a power of two is exact outside the
    /// subnormals, so the scaled row's error bound times 2ᵏ is the network's, and the final product is exact as long as
    /// it is within double's range: where |exact value| + bound ≤ double.MaxValue on every input (<see cref="RangeClause"/>).
    /// It used to be one row with the coefficient 3.4e308 rounded to +∞: NaN at a = 0 (∞·0), +∞ at a = 1.
    /// </summary>
    internal static class OutputScaling
    {
        /// <summary>log₂ of the largest scaled T: a factor 16 below double.MaxValue, so sums of values off by their errors stay finite.</summary>
        public const int MaxLog2 = 1020;

        /// <summary>The largest exponent k whose 2ᵏ is a double.</summary>
        public const int MaxExponent = 1023;

        /// <summary>The smallest k ≥ 0 with (|c₀| + Σ|c_s|)/2ᵏ ≤ 2¹⁰²⁰ (0 for every row that fits, so those rows are unchanged).</summary>
        public static int Exponent(Rational constant, IEnumerable<Rational> coefficients)
        {
            var total = constant.Abs();
            foreach (var c in coefficients) total += c.Abs();
            if (total.IsZero) return 0;
            // T < 2^(bits(N) − bits(D) + 1), so k = that − 1020 gives T/2ᵏ < 2¹⁰²⁰.
            long log = Bits(total.Numerator) - Bits(total.Denominator) + 1;
            return (int)Math.Min(MaxExponent, Math.Max(0, log - MaxLog2));
        }

        /// <summary>c/2ᵏ rounded once to the nearest double.</summary>
        public static double Scaled(Rational c, int k)
            => k == 0 || c.IsZero ? c.ToDouble() : Rational.Create(c.Numerator, c.Denominator << k).ToDouble();

        /// <summary>2ᵏ as a double (k ≤ 1023).</summary>
        public static double Power(int k) => k >= 1000 ? Math.Pow(2, k - 600) * Math.Pow(2, 600) : Math.Pow(2, k);

        /// <summary>
        /// The extra rounding of a scaled row of <paramref name="terms"/> terms in absolute terms, scaled back: a coefficient
        /// or a product below 2⁻¹⁰²² rounds to a multiple of 2⁻¹⁰⁷⁴ (half of it at most), not within 2⁻⁵³ relative,
        /// which the row's relative bound assumes; each such rounding is at most 2⁻¹⁰⁷⁴ (the sums of subnormals are exact).
        /// </summary>
        public static double SubnormalRounding(int terms, int k) => k == 0 ? 0 : (2 * terms + 2) * double.Epsilon * Power(k);

        /// <summary>
        /// Null when the scaled output (exponent <paramref name="k"/>) times 2ᵏ is within double's range on every bit input,
        /// so the network's values are within <paramref name="bound"/> of the exact ones; otherwise CHEAP024's account of
        /// what the network returns. <paramref name="extreme"/> gives the largest |scaled exact value| with an input where
        /// it is reached (null input: an upper bound, not found on an input), computed in doubles within <paramref name="slack"/>
        /// (scaled) of the exact one.
        /// </summary>
        public static string? RangeClause(int k, double bound, (double Value, string? Input) extreme, double slack)
        {
            if (k == 0) return null;
            double limit = double.MaxValue / Power(k); // exact: a power of two
            double reach = Math.Abs(extreme.Value);
            if (!double.IsInfinity(bound) && reach + slack + bound / Power(k) <= limit) return null;
            string about = About(reach, k);
            if (extreme.Input is null)
                return $"the exact values may exceed double's range (they are bounded only by about {about}, not checked on every input): where they do, the network returns ±∞, so it has no error bound; keep the values within about ±1e307";
            if (reach - slack > limit)
                return $"the exact value is about {about} on the input {extreme.Input}, beyond double's range (±1.8e308): the network returns ±∞ there, as the method does, so it has no error bound; keep the values within about ±1e307";
            return $"the exact value is about {about} on the input {extreme.Input}, within the network's rounding of double's largest value (1.8e308), so it may return ±∞ there and has no error bound; keep the values within about ±1e307";
        }

        /// <summary>|value|·2ᵏ to 2 significant digits ("3.4e308"), beyond double's range too.</summary>
        private static string About(double value, int k)
        {
            if (value == 0 || !Numeric.IsFinite(value)) return value.ToString("G3", CultureInfo.InvariantCulture);
            double log = Math.Log10(value) + k * Math.Log10(2);
            double exponent = Math.Floor(log);
            double mantissa = Math.Pow(10, log - exponent);
            if (mantissa >= 9.95) { mantissa /= 10; exponent += 1; }
            return mantissa.ToString("0.0", CultureInfo.InvariantCulture) + "e" + exponent.ToString("0", CultureInfo.InvariantCulture);
        }

        private static long Bits(BigInteger value)
        {
            var a = BigInteger.Abs(value);
            long bits = 0;
            byte[] bytes = a.ToByteArray();
            int top = bytes.Length - 1;
            while (top > 0 && bytes[top] == 0) top--;
            bits = 8L * top;
            for (int b = bytes[top]; b != 0; b >>= 1) bits++;
            return bits;
        }
    }
}
