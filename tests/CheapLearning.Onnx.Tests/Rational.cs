using System;
using System.Numerics;

namespace CheapLearning.Onnx.Tests;

/// <summary>An exact rational number, so the reference polynomial carries no rounding at all.</summary>
public readonly struct Rational
{
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    /// <summary>The exact value of a finite double: mantissa · 2^exponent.</summary>
    public static Rational FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value));
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger n = negative ? -mantissa : mantissa;
        return exponent >= 0 ? new Rational(n * BigInteger.Pow(2, exponent), 1) : new Rational(n, BigInteger.Pow(2, -exponent));
    }

    public static implicit operator Rational(double value) => FromDouble(value);
    public static implicit operator Rational(int value) => new(value, 1);

    public static Rational operator +(Rational a, Rational b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static Rational operator -(Rational a, Rational b) => new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);
    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static Rational Pow(Rational a, int k) => new(BigInteger.Pow(a.Numerator, k), BigInteger.Pow(a.Denominator, k));

    /// <summary>Nearest double (to within an ulp; more than enough to compare errors against bounds).</summary>
    public double ToDouble()
    {
        if (Numerator.IsZero) return 0;
        // Scale so the quotient keeps 64 significant bits, then divide exactly in integers.
        long shift = (long)(BigInteger.Abs(Numerator).GetBitLength() - Denominator.GetBitLength()) - 64;
        BigInteger q = shift >= 0 ? Numerator / (Denominator << (int)shift) : (Numerator << (int)-shift) / Denominator;
        return (double)q * Math.Pow(2, shift);
    }
}
