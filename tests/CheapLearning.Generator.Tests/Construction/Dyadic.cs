using System;
using System.Numerics;

namespace CheapLearning.Generator.Tests.Construction;

/// <summary>
/// An exact dyadic rational M·2^E, written here so the ReLU tests compute exact polynomial values
/// with BigInteger arithmetic of their own (every double is dyadic, and so are sums and products).
/// </summary>
internal readonly record struct Dyadic(BigInteger M, int E)
{
    public static readonly Dyadic Zero = new(BigInteger.Zero, 0);

    public static Dyadic From(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw new ArgumentException("not finite", nameof(d));
        if (d == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(d);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        var m = new BigInteger(mantissa);
        return new Dyadic(d < 0 ? -m : m, exponent - 1075);
    }

    public static Dyadic operator +(Dyadic a, Dyadic b)
    {
        int e = Math.Min(a.E, b.E);
        return new Dyadic((a.M << (a.E - e)) + (b.M << (b.E - e)), e);
    }

    public static Dyadic operator -(Dyadic a) => new(-a.M, a.E);

    public static Dyadic operator -(Dyadic a, Dyadic b) => a + -b;

    public static Dyadic operator *(Dyadic a, Dyadic b) => new(a.M * b.M, a.E + b.E);

    /// <summary>The nearest-ish double (a few ulps; used only for comparing errors against bounds).</summary>
    public double ToDouble()
    {
        if (M.IsZero) return 0;
        long length = (long)M.GetBitLength();
        int shift = (int)Math.Max(0, length - 62);
        double mantissa = (double)(M >> shift);
        return Math.ScaleB(mantissa, E + shift);
    }

    public double AbsDistance(double computed) => Math.Abs((From(computed) - this).ToDouble());
}
