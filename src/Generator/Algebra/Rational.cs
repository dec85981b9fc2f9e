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
            => a.IsZero ? b : b.IsZero ? a : Create(a._numerator * b.Denominator + b._numerator * a.Denominator, a.Denominator * b.Denominator);

        public static Rational operator -(Rational a) => new(-a._numerator, a.Denominator);

        public static Rational operator -(Rational a, Rational b) => a + -b;

        public static Rational operator *(Rational a, Rational b)
            => a.IsZero || b.IsZero ? Zero : Create(a._numerator * b._numerator, a.Denominator * b.Denominator);

        public static Rational operator /(Rational a, Rational b) => Create(a._numerator * b.Denominator, a.Denominator * b._numerator);

        public Rational Abs() => _numerator.Sign < 0 ? -this : this;

        /// <summary>The nearest double, within one unit in the last place (relative error ≤ 2⁻⁵²).</summary>
        public double ToDouble()
        {
            if (IsZero) return 0;
            var q = Denominator;
            // Scale so that the integer quotient has at least 64 significant bits, then divide by 2ᵏ exactly.
            long shift = 64 - ((long)BitLength(BigInteger.Abs(_numerator)) - (long)BitLength(q));
            var scaled = shift >= 0 ? BigInteger.Divide(_numerator << (int)shift, q) : BigInteger.Divide(_numerator, q << (int)-shift);
            return (double)scaled * Math.Pow(2, -shift);
        }

        private static int BitLength(BigInteger v)
        {
            int bits = 0;
            var bytes = v.ToByteArray();
            bits = (bytes.Length - 1) * 8;
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
