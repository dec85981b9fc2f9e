using System;

namespace CheapLearning.Generator.Tests.Infrastructure;

/// <summary>
/// Double-double arithmetic (≈ 32 significant digits): the tests' reference value of a polynomial,
/// so that a measured network error is not polluted by the reference's own double rounding.
/// </summary>
public readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static implicit operator DoubleDouble(double d) => new(d, 0);

    public double ToDouble() => Hi + Lo;

    private static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b, bb = s - a, err = (a - (s - bb)) + (b - bb);
        return new DoubleDouble(s, err);
    }

    private static DoubleDouble QuickTwoSum(double a, double b)
    {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        var s = TwoSum(a.Hi, b.Hi);
        var t = TwoSum(a.Lo, b.Lo);
        var u = QuickTwoSum(s.Hi, s.Lo + t.Hi);
        return QuickTwoSum(u.Hi, u.Lo + t.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi;
        double e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);
        e += a.Hi * b.Lo + a.Lo * b.Hi;
        return QuickTwoSum(p, e);
    }
}
