using System;
using System.Numerics;

namespace CheapLearning.TestKit;

/// <summary>
/// An exact rational number (BigInteger numerator over a positive denominator, in lowest terms).
/// Written for the test oracle on purpose, independent of the generator's own rationals: a bug
/// shared by the code under test and its oracle would be invisible.
/// </summary>
public readonly struct ExactNumber : IComparable<ExactNumber>, IEquatable<ExactNumber>
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public static readonly ExactNumber Zero = new(BigInteger.Zero, BigInteger.One, normalized: true);
    public static readonly ExactNumber One = new(BigInteger.One, BigInteger.One, normalized: true);

    private ExactNumber(BigInteger numerator, BigInteger denominator, bool normalized)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public ExactNumber(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        if (denominator.IsPowerOfTwo && !numerator.IsZero)
        {
            // Dyadic (every double is): reduce by shifting, much cheaper than a gcd.
            long shift = Math.Min((long)BigInteger.TrailingZeroCount(numerator), (long)denominator.GetBitLength() - 1);
            numerator >>= (int)shift;
            denominator >>= (int)shift;
        }
        else
        {
            var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
            if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
        }
        Numerator = numerator;
        Denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public static implicit operator ExactNumber(BigInteger value) => new(value, BigInteger.One, normalized: true);
    public static implicit operator ExactNumber(long value) => new(value, BigInteger.One, normalized: true);

    /// <summary>The exact value of a finite double (every finite double is m·2^e).</summary>
    public static ExactNumber FromDouble(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "not finite");
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        int shift = exponent - 1075; // value = mantissa · 2^shift
        BigInteger m = negative ? -mantissa : mantissa;
        return shift >= 0 ? new ExactNumber(m << shift, BigInteger.One) : new ExactNumber(m, BigInteger.One << -shift);
    }

    public int Sign => Numerator.Sign;
    public bool IsZero => Numerator.IsZero;
    public ExactNumber Abs() => Sign < 0 ? -this : this;

    public static ExactNumber operator -(ExactNumber a) => new(-a.Numerator, a.Denominator, normalized: true);
    public static ExactNumber operator +(ExactNumber a, ExactNumber b)
        => a.Denominator == b.Denominator ? new(a.Numerator + b.Numerator, a.Denominator)
                                          : new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static ExactNumber operator -(ExactNumber a, ExactNumber b) => a + -b;
    public static ExactNumber operator *(ExactNumber a, ExactNumber b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    public static ExactNumber operator /(ExactNumber a, ExactNumber b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public ExactNumber Pow(int exponent)
    {
        if (exponent < 0) throw new ArgumentOutOfRangeException(nameof(exponent));
        return new ExactNumber(BigInteger.Pow(Numerator, exponent), BigInteger.Pow(Denominator, exponent), normalized: true);
    }

    public int CompareTo(ExactNumber other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
    public bool Equals(ExactNumber other) => Numerator == other.Numerator && Denominator == other.Denominator;
    public override bool Equals(object? obj) => obj is ExactNumber e && Equals(e);
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    public static bool operator <(ExactNumber a, ExactNumber b) => a.CompareTo(b) < 0;
    public static bool operator >(ExactNumber a, ExactNumber b) => a.CompareTo(b) > 0;
    public static bool operator <=(ExactNumber a, ExactNumber b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ExactNumber a, ExactNumber b) => a.CompareTo(b) >= 0;
    public static bool operator ==(ExactNumber a, ExactNumber b) => a.Equals(b);
    public static bool operator !=(ExactNumber a, ExactNumber b) => !a.Equals(b);

    /// <summary>The smallest double ≥ this value (+∞ past double.MaxValue).</summary>
    public double RoundUp()
    {
        double d = Approximate();
        if (double.IsPositiveInfinity(d) || d >= double.MaxValue && FromDouble(double.MaxValue) < this) return double.PositiveInfinity;
        if (double.IsNegativeInfinity(d)) d = double.MinValue;
        while (FromDouble(d) < this) d = Math.BitIncrement(d);
        while (d > double.MinValue && FromDouble(Math.BitDecrement(d)) >= this) d = Math.BitDecrement(d);
        return d;
    }

    /// <summary>The largest double ≤ this value (−∞ below double.MinValue).</summary>
    public double RoundDown() => -(-this).RoundUp();

    /// <summary>The double nearest to this value (ties to the lower one; only tests read it).</summary>
    public double ToDouble()
    {
        double up = RoundUp(), down = RoundDown();
        if (!double.IsFinite(up) || !double.IsFinite(down)) return double.IsFinite(up) ? up : down;
        return (this - FromDouble(down)) <= (FromDouble(up) - this) ? down : up;
    }

    /// <summary>A double within a few ulps (before the exact correction in <see cref="RoundUp"/>).</summary>
    private double Approximate()
    {
        if (IsZero) return 0;
        var n = BigInteger.Abs(Numerator);
        long k = (long)n.GetBitLength() - (long)Denominator.GetBitLength();
        long s = 64 - k; // scale so that the integer quotient has about 64 bits
        if (s > 2000) return Sign * 0.0;
        if (s < -2000) return Sign * double.PositiveInfinity;
        BigInteger t = s >= 0 ? (n << (int)s) / Denominator : n / (Denominator << (int)-s);
        double d = Math.ScaleB((double)t, (int)-s);
        return Sign < 0 ? -d : d;
    }

    public override string ToString() => $"{ToDouble():R} (exact {Numerator}/{Denominator})";
}
