using System;
using System.Numerics;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>
    /// A non-negative number m·2ᵉ with m in [0.5, 1) (or 0) and a 64-bit exponent: S = Σ|c|R^deg and
    /// the majorant can exceed double's range (R = 1e100, degree 64), so they are summed here and only
    /// turned into a double at the end (∞ then says "does not fit"). Each operation rounds m once
    /// (relative 2⁻⁵³, to nearest), so a result is within a few ulps of the exact value; where a
    /// bound must not come out low, <see cref="RoundedUp"/> covers a count of such roundings.
    /// </summary>
    internal readonly struct Magnitude : IComparable<Magnitude>
    {
        private readonly double _m; // 0 or in [0.5, 1)
        private readonly long _e;

        private Magnitude(double m, long e)
        {
            _m = m;
            _e = m == 0 ? 0 : e;
        }

        public static Magnitude Zero => default;

        public bool IsZero => _m == 0;

        /// <summary>|d| for a finite double (an infinite or NaN one saturates to an enormous magnitude).</summary>
        public static Magnitude Of(double d)
        {
            d = Math.Abs(d);
            if (d == 0) return Zero;
            if (!Numeric.IsFinite(d)) return new Magnitude(0.5, long.MaxValue / 4);
            return Normalize(d, 0);
        }

        /// <summary>|r|, rounded once.</summary>
        public static Magnitude Of(Rational r)
        {
            if (r.IsZero) return Zero;
            var a = BigInteger.Abs(r.Numerator);
            var q = r.Denominator;
            long shift = 64 - (Rational.BitLength(a) - Rational.BitLength(q));
            var m = shift >= 0 ? BigInteger.Divide(a << (int)shift, q) : BigInteger.Divide(a, q << (int)-shift);
            // m has 64 or 65 bits: as a double it is within 2⁻⁵³ relative of |r|·2ˢ.
            return Normalize((double)m, -shift);
        }

        private const double Unit = 1.1102230246251565e-16;

        private static Magnitude Normalize(double m, long e)
        {
            if (m == 0) return Zero;
            if (double.IsInfinity(m)) return new Magnitude(0.5, e + 1025);
            // Read the binary exponent of m and replace it by −1 (so m ∈ [0.5, 1)), exactly.
            long bits = BitConverter.DoubleToInt64Bits(m);
            int exponent = (int)((bits >> 52) & 0x7FF);
            if (exponent == 0)
            {
                m *= 18446744073709551616.0; // 2⁶⁴: a subnormal becomes normal
                e -= 64;
                bits = BitConverter.DoubleToInt64Bits(m);
                exponent = (int)((bits >> 52) & 0x7FF);
            }
            double mantissa = BitConverter.Int64BitsToDouble((bits & ~(0x7FFL << 52)) | (1022L << 52));
            return new Magnitude(mantissa, e + exponent - 1022);
        }

        public static Magnitude operator *(Magnitude a, Magnitude b)
            => a.IsZero || b.IsZero ? Zero : Normalize(a._m * b._m, a._e + b._e);

        public static Magnitude operator +(Magnitude a, Magnitude b)
        {
            if (a.IsZero) return b;
            if (b.IsZero) return a;
            if (a._e < b._e) (a, b) = (b, a);
            long gap = a._e - b._e;
            double small = gap > 1100 ? 0 : b._m * Math.Pow(2, -gap);
            // A summand lost below the precision still counts: add it as one unit of the larger.
            if (small == 0) small = a._m * Unit;
            return Normalize(a._m + small, a._e);
        }

        public Magnitude Pow(long k)
        {
            var result = Of(1.0);
            var square = this;
            while (k > 0)
            {
                if ((k & 1) != 0) result *= square;
                k >>= 1;
                if (k > 0) square *= square;
            }
            return result;
        }

        /// <summary>This magnitude enlarged to cover <paramref name="roundings"/> relative roundings of 2⁻⁵³.</summary>
        public Magnitude RoundedUp(double roundings) => Normalize(_m * (1 + (roundings + 1) * 2 * Unit), _e);

        /// <summary>The nearest double; +∞ above double's range, 0 below it.</summary>
        public double ToDouble()
        {
            if (IsZero) return 0;
            if (_e > 1024) return double.PositiveInfinity;
            if (_e < -1080) return 0;
            long e = _e;
            double m = _m;
            if (e > 600) { m *= Math.Pow(2, 600); e -= 600; }
            if (e < -600) { m *= Math.Pow(2, -600); e += 600; }
            return m * Math.Pow(2, e);
        }

        /// <summary>log₂ of the value (−∞ for 0).</summary>
        public double Log2 => IsZero ? double.NegativeInfinity : _e + Math.Log(_m, 2);

        public int CompareTo(Magnitude other)
        {
            if (IsZero || other.IsZero) return (IsZero ? 0 : 1) - (other.IsZero ? 0 : 1);
            int c = _e.CompareTo(other._e);
            return c != 0 ? c : _m.CompareTo(other._m);
        }
    }
}
