using System;
using System.Globalization;
using System.Numerics;

namespace CheapLearning.Generator.Algebra
{
    /// <summary>
    /// An exact rational number p/q (q &gt; 0, lowest terms). Coefficients of bit polynomials (Eq 12) are
    /// kept exact: a double literal is taken as the binary fraction it denotes, sums and products never
    /// round, so integer coefficients stay integers. A coefficient is rounded to double once, when emitted.
    /// Equality: by value.
    /// </summary>
    internal readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
    {
        private readonly BigInteger _numerator;
        private readonly BigInteger _denominator; // 0 only in default(Rational), which means 0/1

        private Rational(BigInteger numerator, BigInteger denominator)
        {
            _numerator = numerator;
            _denominator = denominator;
        }

        public BigInteger Numerator => _numerator;
        public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

        public static Rational Zero => default;
        public static Rational One => new(BigInteger.One, BigInteger.One);

        public bool IsZero => _numerator.IsZero;
        public bool IsInteger => Denominator.IsOne;
        public int Sign => _numerator.Sign;

        public static Rational Create(BigInteger numerator, BigInteger denominator)
        {
            if (denominator.IsZero) throw new DivideByZeroException();
            if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
            if (denominator.IsOne) return numerator.IsZero ? Zero : new Rational(numerator, denominator); // integers: the common case
            var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
            if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
            return numerator.IsZero ? Zero : new Rational(numerator, denominator);
        }

        public static implicit operator Rational(long value) => new(value, BigInteger.One);

        /// <summary>The exact value of a finite double (a dyadic fraction m·2ᵉ).</summary>
        public static Rational FromDouble(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value));
            if (value == 0) return Zero;
            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
            exponent -= 1075;
            BigInteger m = negative ? -mantissa : mantissa;
            return exponent >= 0 ? Create(m * BigInteger.Pow(2, exponent), BigInteger.One) : Create(m, BigInteger.Pow(2, -exponent));
        }

        public static Rational operator +(Rational a, Rational b)
        {
            if (a.IsZero) return b;
            if (b.IsZero) return a;
            // Equal denominators (integers, and dyadic constants of one binade) need no cross products.
            if (a.Denominator.Equals(b.Denominator)) return Create(a._numerator + b._numerator, a.Denominator);
            return Create(a._numerator * b.Denominator + b._numerator * a.Denominator, a.Denominator * b.Denominator);
        }

        public static Rational operator -(Rational a) => new(-a._numerator, a.Denominator);

        public static Rational operator -(Rational a, Rational b) => a + -b;

        public static Rational operator *(Rational a, Rational b)
        {
            if (a.IsZero || b.IsZero) return Zero;
            // Cross-reduce first (a/b · c/d with gcd(a,d), gcd(c,b)): the operands are in lowest
            // terms, so the result is too and needs no gcd of the (larger) products.
            var g1 = b.Denominator.IsOne ? BigInteger.One : BigInteger.GreatestCommonDivisor(a._numerator, b.Denominator);
            var g2 = a.Denominator.IsOne ? BigInteger.One : BigInteger.GreatestCommonDivisor(b._numerator, a.Denominator);
            var n = (g1.IsOne ? a._numerator : a._numerator / g1) * (g2.IsOne ? b._numerator : b._numerator / g2);
            var d = (g2.IsOne ? a.Denominator : a.Denominator / g2) * (g1.IsOne ? b.Denominator : b.Denominator / g1);
            return new Rational(n, d);
        }

        public static Rational operator /(Rational a, Rational b) => Create(a._numerator * b.Denominator, a.Denominator * b._numerator);

        public Rational Abs() => _numerator.Sign < 0 ? -this : this;

        /// <summary>
        /// The nearest double (round half to even; ±∞ beyond double's range, subnormals near 0), so the
        /// rounding error is at most half an ulp: |ToDouble() − this| ≤ 2⁻⁵³·|this| for normal results,
        /// ≤ 2⁻¹⁰⁷⁵ for subnormal ones. <see cref="RoundingError"/> gives the exact error.
        /// </summary>
        public double ToDouble()
        {
            if (IsZero) return 0;
            if (TryDyadicToDouble(out double dyadic)) return dyadic;
            var a = BigInteger.Abs(_numerator);
            var q = Denominator;
            // m = ⌊a·2ˢ/q⌋ has 55 or 56 bits; the bits below it only matter as a sticky bit.
            long shift = 55 - (BitLength(a) - BitLength(q));
            var scaled = shift >= 0 ? a << (int)shift : a;
            var divisor = shift >= 0 ? q : q << (int)-shift;
            var m = BigInteger.DivRem(scaled, divisor, out var remainder);
            bool sticky = !remainder.IsZero;
            long length = BitLength(m);
            long exponent = length - 1 - shift; // the value lies in [2^exponent, 2^(exponent+1))
            if (exponent > 1023) return _numerator.Sign < 0 ? double.NegativeInfinity : double.PositiveInfinity;
            // Keep 53 bits, fewer for a subnormal result (its last bit has weight 2⁻¹⁰⁷⁴).
            long drop = length - 53 + Math.Max(0, -1022 - exponent);
            BigInteger kept;
            if (drop >= length + 1) kept = BigInteger.Zero;
            else
            {
                kept = m >> (int)drop;
                var rest = m - (kept << (int)drop);
                var half = BigInteger.One << (int)(drop - 1);
                int c = rest.CompareTo(half);
                if (c > 0 || (c == 0 && (sticky || !kept.IsEven))) kept += 1;
            }
            // kept·2^(drop − shift) is exactly representable: scale in two exact steps.
            long power = drop - shift;
            double value = (double)(long)kept;
            if (power < -1000) value = value * Math.Pow(2, power + 600) * Math.Pow(2, -600);
            else if (power > 1000) value = value * Math.Pow(2, power - 600) * Math.Pow(2, 600);
            else value *= Math.Pow(2, power);
            return _numerator.Sign < 0 ? -value : value;
        }

        /// <summary>
        /// The common case without BigInteger arithmetic: a numerator that fits in a long over 2ᵏ with k ≤ 62
        /// (every double constant, and their sums within a few binades). Converting the long rounds once to
        /// nearest even (IEEE conversion), and the power of two scales it exactly (the result is ≥ 2⁻⁶², far
        /// from subnormals), so the result is the same nearest double as the general path's.
        /// </summary>
        private bool TryDyadicToDouble(out double value)
        {
            value = 0;
            var q = Denominator;
            // A power of two up to long.MaxValue is at most 2⁶².
            if (!q.IsPowerOfTwo || q > long.MaxValue || _numerator < long.MinValue || _numerator > long.MaxValue) return false;
            int k = (int)BitLength(q) - 1;
            value = (long)_numerator * BitConverter.Int64BitsToDouble((long)(1023 - k) << 52);
            return true;
        }

        /// <summary>|ToDouble() − this|, exactly (∞ when the double overflows).</summary>
        public Rational RoundingError(out bool overflow)
        {
            double d = ToDouble();
            overflow = double.IsInfinity(d);
            return overflow ? Abs() : (FromDouble(d) - this).Abs();
        }

        /// <summary>Bits of numerator plus denominator: how costly the exact value is to carry on.</summary>
        public long Size => BitLength(BigInteger.Abs(_numerator)) + BitLength(Denominator);

        /// <summary>The integer power this^k (k ≥ 0), exactly.</summary>
        public Rational Pow(int k)
        {
            if (k == 0) return One;
            if (IsZero) return Zero;
            return new Rational(BigInteger.Pow(_numerator, k), BigInteger.Pow(Denominator, k));
        }

        /// <summary>
        /// Rounds toward zero to <paramref name="bits"/> significant bits when the exact value is larger
        /// than <paramref name="maxSize"/> bits: the relative change is below 2^(1 − bits).
        /// Returns whether it changed.
        /// </summary>
        public bool TryShrink(long maxSize, int bits, out Rational shrunk)
        {
            shrunk = this;
            if (Size <= maxSize) return false;
            var a = BigInteger.Abs(_numerator);
            var q = Denominator;
            long shift = bits - (BitLength(a) - BitLength(q));
            BigInteger m = shift >= 0 ? BigInteger.Divide(a << (int)Math.Min(shift, int.MaxValue), q) : BigInteger.Divide(a, q << (int)-shift);
            if (_numerator.Sign < 0) m = -m;
            shrunk = shift >= 0 ? Create(m, BigInteger.One << (int)shift) : Create(m << (int)-shift, BigInteger.One);
            return true;
        }

        /// <summary>Bit length of a non-negative integer (0 for 0).</summary>
        internal static long BitLength(BigInteger v)
        {
            if (v.IsZero) return 0;
            if (v.Sign > 0 && v <= long.MaxValue)
            {
                // Without ToByteArray's allocation: most numbers here are a double's 53-bit mantissa.
                ulong u = (ulong)v;
                long length = 0;
                while (u != 0) { length++; u >>= 1; }
                return length;
            }
            var bytes = v.ToByteArray();
            long bits = (bytes.Length - 1) * 8L;
            int top = bytes[bytes.Length - 1];
            while (top > 0) { bits++; top >>= 1; }
            return bits;
        }

        public bool Equals(Rational other) => _numerator.Equals(other._numerator) && Denominator.Equals(other.Denominator);
        public override bool Equals(object? obj) => obj is Rational r && Equals(r);
        public override int GetHashCode() => unchecked(_numerator.GetHashCode() * 397 ^ Denominator.GetHashCode());
        public int CompareTo(Rational other) => (_numerator * other.Denominator).CompareTo(other._numerator * Denominator);
        public static bool operator ==(Rational a, Rational b) => a.Equals(b);
        public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

        public override string ToString()
            => IsInteger ? _numerator.ToString(CultureInfo.InvariantCulture)
                         : _numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);
    }
}
