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
        // Two representations, each value in exactly one (so equality compares fields): a numerator in
        // (−2⁶³, 2⁶³) over a denominator in [1, 2⁶³) as two longs, _big null (default(Rational): 0/0, meaning 0/1);
        // anything larger in _big. Why: every double constant is a 53-bit mantissa over a power of two, and a
        // BigInteger beyond 32 bits allocates its digits, so exact folding allocated on nearly every operation
        // (dotnet-trace, issue 12). Operations on two small values use long arithmetic with overflow checks and
        // fall back to BigInteger on overflow: the result, reduced to lowest terms, is the same value either way.
        private readonly long _n;
        private readonly long _d;
        private readonly Big? _big;

        /// <summary>A reduced p/q (q &gt; 0) that does not fit the small representation.</summary>
        private sealed record Big(BigInteger Numerator, BigInteger Denominator);

        private Rational(long numerator, long denominator)
        {
            _n = numerator;
            _d = denominator;
            _big = null;
        }

        private Rational(Big big)
        {
            _n = 0;
            _d = 0;
            _big = big;
        }

        public BigInteger Numerator => _big?.Numerator ?? _n;
        public BigInteger Denominator => _big?.Denominator ?? SmallDenominator;

        private long SmallDenominator => _d == 0 ? 1 : _d;

        public static Rational Zero => default;
        public static Rational One => new(1, 1);

        public bool IsZero => _big is null && _n == 0;
        public bool IsInteger => _big is null ? SmallDenominator == 1 : _big.Denominator.IsOne;

        /// <summary>
        /// Whether the value is exactly a float (C# keeps it through a float operation; any other value is rounded).
        /// Rounding through double first is harmless: a float is a double, and no other value can come back equal.
        /// A value beyond float's range is not a float (C# gives ∞), and ∞ has no rational to compare (FromDouble throws).
        /// </summary>
        public bool IsFloat => (float)ToDouble() is var f && !float.IsInfinity(f) && FromDouble(f) == this;
        public int Sign => _big?.Numerator.Sign ?? Math.Sign(_n);

        public static Rational Create(BigInteger numerator, BigInteger denominator)
        {
            if (denominator.IsZero) throw new DivideByZeroException();
            if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
            if (!denominator.IsOne)
            {
                var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
                if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
            }
            return Reduced(numerator, denominator);
        }

        /// <summary>p/q already in lowest terms with q &gt; 0, in its one representation.</summary>
        private static Rational Reduced(BigInteger numerator, BigInteger denominator)
        {
            if (numerator > long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue)
                return Small((long)numerator, (long)denominator);
            return new Rational(new Big(numerator, denominator));
        }

        /// <summary>n/d in lowest terms, n ≠ long.MinValue, d ≥ 1.</summary>
        private static Rational Small(long n, long d) => n == 0 ? Zero : new Rational(n, d);

        /// <summary>n/d with n ≠ long.MinValue and d ≥ 1, reduced to lowest terms.</summary>
        private static Rational SmallReduced(long n, long d)
        {
            if (n == 0) return Zero;
            if (d == 1) return new Rational(n, 1);
            long g = Gcd(n < 0 ? -n : n, d);
            return g == 1 ? new Rational(n, d) : new Rational(n / g, d / g);
        }

        /// <summary>gcd of two positive longs (binary: shifts and subtractions only).</summary>
        private static long Gcd(long a, long b)
        {
            ulong u = (ulong)a, v = (ulong)b;
            int shift = TrailingZeros(u | v);
            u >>= TrailingZeros(u);
            while (v != 0)
            {
                v >>= TrailingZeros(v);
                if (u > v) (u, v) = (v, u);
                v -= u;
            }
            return (long)(u << shift);
        }

        private static int TrailingZeros(ulong v)
        {
            if (v == 0) return 64;
            int n = 0;
            if ((v & 0xFFFFFFFF) == 0) { n += 32; v >>= 32; }
            if ((v & 0xFFFF) == 0) { n += 16; v >>= 16; }
            if ((v & 0xFF) == 0) { n += 8; v >>= 8; }
            if ((v & 0xF) == 0) { n += 4; v >>= 4; }
            if ((v & 0x3) == 0) { n += 2; v >>= 2; }
            if ((v & 0x1) == 0) n += 1;
            return n;
        }

        /// <summary>a·b when it fits in (−2⁶³, 2⁶³).</summary>
        private static bool TryMultiply(long a, long b, out long product)
        {
            product = unchecked(a * b);
            if (a == 0 || b == 0) return true;
            if (product == long.MinValue || a == long.MinValue || b == long.MinValue) return false;
            return product / b == a && (product < 0) == ((a < 0) != (b < 0));
        }

        /// <summary>a + b when it fits in (−2⁶³, 2⁶³).</summary>
        private static bool TryAdd(long a, long b, out long sum)
        {
            sum = unchecked(a + b);
            // Overflow flips the sign away from both operands' common sign.
            return ((a ^ sum) & (b ^ sum)) >= 0 && sum != long.MinValue;
        }

        public static implicit operator Rational(long value) => value == long.MinValue ? new Rational(new Big(value, BigInteger.One)) : Small(value, 1);

        /// <summary>The exact value of a finite double (a dyadic fraction m·2ᵉ).</summary>
        public static Rational FromDouble(double value)
        {
            if (!Numeric.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value));
            if (value == 0) return Zero;
            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
            exponent -= 1075;
            if (exponent < 0)
            {
                // m / 2^k in lowest terms: the common factor is a power of two.
                int strip = Math.Min(TrailingZeros((ulong)mantissa), -exponent);
                mantissa >>= strip;
                int k = -exponent - strip;
                long signed = negative ? -mantissa : mantissa;
                return k <= 62 ? new Rational(signed, 1L << k) : Reduced(signed, BigInteger.One << k);
            }
            else if (BitLength((ulong)mantissa) + exponent <= 62)
            {
                long integer = mantissa << exponent;
                return new Rational(negative ? -integer : integer, 1);
            }
            BigInteger m = negative ? -mantissa : mantissa;
            return Reduced(m << exponent, BigInteger.One);
        }

        public static Rational operator +(Rational a, Rational b)
        {
            if (a.IsZero) return b;
            if (b.IsZero) return a;
            if (a._big is null && b._big is null)
            {
                long ad = a.SmallDenominator, bd = b.SmallDenominator;
                // Equal denominators (integers, and dyadic constants of one binade) need no cross products.
                if (ad == bd)
                {
                    if (TryAdd(a._n, b._n, out long sum)) return SmallReduced(sum, ad);
                }
                else
                {
                    // Over the least common denominator: dyadic constants of different binades share most of their
                    // denominators, and the plain cross products would overflow where these do not.
                    long g = Gcd(ad, bd);
                    if (TryMultiply(a._n, bd / g, out long x) && TryMultiply(b._n, ad / g, out long y) && TryAdd(x, y, out long n)
                        && TryMultiply(ad / g, bd, out long d))
                        return SmallReduced(n, d);
                }
            }
            return AddBig(a, b);
        }

        private static Rational AddBig(Rational a, Rational b)
        {
            var (an, ad, bn, bd) = (a.Numerator, a.Denominator, b.Numerator, b.Denominator);
            if (ad.Equals(bd)) return Create(an + bn, ad);
            return Create(an * bd + bn * ad, ad * bd);
        }

        public static Rational operator -(Rational a)
            => a._big is null ? new Rational(-a._n, a._d) : Reduced(-a._big.Numerator, a._big.Denominator);

        public static Rational operator -(Rational a, Rational b) => a + -b;

        public static Rational operator *(Rational a, Rational b)
        {
            if (a.IsZero || b.IsZero) return Zero;
            if (a._big is null && b._big is null)
            {
                // Cross-reduce first (a/b · c/d with gcd(a,d), gcd(c,b)): the operands are in lowest
                // terms, so the result is too and needs no gcd of the (larger) products.
                long ad = a.SmallDenominator, bd = b.SmallDenominator;
                long g1 = bd == 1 ? 1 : Gcd(a._n < 0 ? -a._n : a._n, bd);
                long g2 = ad == 1 ? 1 : Gcd(b._n < 0 ? -b._n : b._n, ad);
                if (TryMultiply(a._n / g1, b._n / g2, out long n) && TryMultiply(ad / g2, bd / g1, out long d)) return new Rational(n, d);
            }
            return MultiplyBig(a, b);
        }

        private static Rational MultiplyBig(Rational a, Rational b)
        {
            var (an, ad, bn, bd) = (a.Numerator, a.Denominator, b.Numerator, b.Denominator);
            var g1 = bd.IsOne ? BigInteger.One : BigInteger.GreatestCommonDivisor(an, bd);
            var g2 = ad.IsOne ? BigInteger.One : BigInteger.GreatestCommonDivisor(bn, ad);
            var n = (g1.IsOne ? an : an / g1) * (g2.IsOne ? bn : bn / g2);
            var d = (g2.IsOne ? ad : ad / g2) * (g1.IsOne ? bd : bd / g1);
            return Reduced(n, d);
        }

        public static Rational operator /(Rational a, Rational b)
        {
            if (b.IsZero) throw new DivideByZeroException();
            // 1/b of a reduced b is reduced: swap, moving the sign to the numerator.
            var reciprocal = b._big is null
                ? new Rational(b._n < 0 ? -b.SmallDenominator : b.SmallDenominator, b._n < 0 ? -b._n : b._n)
                : Reduced(b._big.Numerator.Sign < 0 ? -b._big.Denominator : b._big.Denominator, BigInteger.Abs(b._big.Numerator));
            return a * reciprocal;
        }

        public Rational Abs() => Sign < 0 ? -this : this;

        /// <summary>
        /// The nearest double (round half to even; ±∞ beyond double's range, subnormals near 0), so the
        /// rounding error is at most half an ulp: |ToDouble() − this| ≤ 2⁻⁵³·|this| for normal results,
        /// ≤ 2⁻¹⁰⁷⁵ for subnormal ones. <see cref="RoundingError"/> gives the exact error.
        /// </summary>
        public double ToDouble()
        {
            if (IsZero) return 0;
            if (TryDyadicToDouble(out double dyadic)) return dyadic;
            var a = BigInteger.Abs(Numerator);
            var q = Denominator;
            // m = ⌊a·2ˢ/q⌋ has 55 or 56 bits; the bits below it only matter as a sticky bit.
            long shift = 55 - (BitLength(a) - BitLength(q));
            var scaled = shift >= 0 ? a << (int)shift : a;
            var divisor = shift >= 0 ? q : q << (int)-shift;
            var m = BigInteger.DivRem(scaled, divisor, out var remainder);
            bool sticky = !remainder.IsZero;
            long length = BitLength(m);
            long exponent = length - 1 - shift; // the value lies in [2^exponent, 2^(exponent+1))
            if (exponent > 1023) return Sign < 0 ? double.NegativeInfinity : double.PositiveInfinity;
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
            return Sign < 0 ? -value : value;
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
            long numerator;
            int k;
            if (_big is null)
            {
                long d = SmallDenominator;
                if ((d & (d - 1)) != 0) return false;
                numerator = _n;
                k = BitLength((ulong)d) - 1;
            }
            else
            {
                var q = _big.Denominator;
                // A power of two up to long.MaxValue is at most 2⁶².
                if (!q.IsPowerOfTwo || q > long.MaxValue || _big.Numerator < long.MinValue || _big.Numerator > long.MaxValue) return false;
                numerator = (long)_big.Numerator;
                k = (int)BitLength(q) - 1;
            }
            value = numerator * BitConverter.Int64BitsToDouble((long)(1023 - k) << 52);
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
        public long Size => _big is null ? BitLength((ulong)(_n < 0 ? -_n : _n)) + BitLength((ulong)SmallDenominator) : BitLength(BigInteger.Abs(_big.Numerator)) + BitLength(_big.Denominator);

        /// <summary>The integer power this^k (k ≥ 0), exactly.</summary>
        public Rational Pow(int k)
        {
            if (k == 0) return One;
            if (IsZero) return Zero;
            return Reduced(BigInteger.Pow(Numerator, k), BigInteger.Pow(Denominator, k));
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
            var a = BigInteger.Abs(Numerator);
            var q = Denominator;
            long shift = bits - (BitLength(a) - BitLength(q));
            BigInteger m = shift >= 0 ? BigInteger.Divide(a << (int)Math.Min(shift, int.MaxValue), q) : BigInteger.Divide(a, q << (int)-shift);
            if (Sign < 0) m = -m;
            shrunk = shift >= 0 ? Create(m, BigInteger.One << (int)shift) : Create(m << (int)-shift, BigInteger.One);
            return true;
        }

        /// <summary>Bit length of a non-negative integer (0 for 0).</summary>
        internal static long BitLength(BigInteger v)
        {
            if (v.IsZero) return 0;
            // Without ToByteArray's allocation: most numbers here are a double's 53-bit mantissa.
            if (v.Sign > 0 && v <= long.MaxValue) return BitLength((ulong)v);
            var bytes = v.ToByteArray();
            long bits = (bytes.Length - 1) * 8L;
            int top = bytes[bytes.Length - 1];
            while (top > 0) { bits++; top >>= 1; }
            return bits;
        }

        private static int BitLength(ulong u)
        {
            int length = 0;
            if (u >> 32 != 0) { length += 32; u >>= 32; }
            if (u >> 16 != 0) { length += 16; u >>= 16; }
            if (u >> 8 != 0) { length += 8; u >>= 8; }
            if (u >> 4 != 0) { length += 4; u >>= 4; }
            if (u >> 2 != 0) { length += 2; u >>= 2; }
            if (u >> 1 != 0) { length += 1; u >>= 1; }
            return length + (int)u;
        }

        public bool Equals(Rational other)
        {
            if (_big is null) return other._big is null && _n == other._n && SmallDenominator == other.SmallDenominator;
            return other._big is not null && _big.Numerator.Equals(other._big.Numerator) && _big.Denominator.Equals(other._big.Denominator);
        }

        public override bool Equals(object? obj) => obj is Rational r && Equals(r);

        public override int GetHashCode()
            => _big is null ? unchecked(_n.GetHashCode() * 397 ^ SmallDenominator.GetHashCode())
                            : unchecked(_big.Numerator.GetHashCode() * 397 ^ _big.Denominator.GetHashCode());

        public int CompareTo(Rational other)
        {
            if (_big is null && other._big is null)
            {
                long d = SmallDenominator, od = other.SmallDenominator;
                if (d == od) return _n.CompareTo(other._n);
                if (TryMultiply(_n, od, out long x) && TryMultiply(other._n, d, out long y)) return x.CompareTo(y);
            }
            return (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
        }

        public static bool operator ==(Rational a, Rational b) => a.Equals(b);
        public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

        public override string ToString()
        {
            if (_big is not null)
                return _big.Denominator.IsOne ? _big.Numerator.ToString(CultureInfo.InvariantCulture)
                    : _big.Numerator.ToString(CultureInfo.InvariantCulture) + "/" + _big.Denominator.ToString(CultureInfo.InvariantCulture);
            long d = SmallDenominator;
            return d == 1 ? _n.ToString(CultureInfo.InvariantCulture) : _n.ToString(CultureInfo.InvariantCulture) + "/" + d.ToString(CultureInfo.InvariantCulture);
        }
    }
}
