using System;

namespace CheapLearning.Numerics.Tests.Batch;

/// <summary>
/// A reference for σ with about 100 correct bits: double-double arithmetic (hi + lo, error-free sums and FMA
/// products). It shares no code with the runtime's σ: exp is a range reduction by ln 2 (in double-double) and a
/// 27-term Taylor series, log a Newton step on that exp, and tiny arguments use their series.
/// </summary>
internal readonly struct DoubleDouble
{
    public readonly double Hi, Lo;

    public DoubleDouble(double hi, double lo = 0) { Hi = hi; Lo = lo; }

    private static DoubleDouble Normalize(double hi, double lo)
    {
        double s = hi + lo;
        return new DoubleDouble(s, lo - (s - hi));
    }

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        double s = a.Hi + b.Hi, bb = s - a.Hi, e = (a.Hi - (s - bb)) + (b.Hi - bb);
        return Normalize(s, e + a.Lo + b.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);
    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + -b;

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi, e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p);
        return Normalize(p, e + a.Hi * b.Lo + a.Lo * b.Hi);
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        double q1 = a.Hi / b.Hi;
        var r = a - b * new DoubleDouble(q1);
        double q2 = r.Hi / b.Hi;
        r -= b * new DoubleDouble(q2);
        return Normalize(q1, q2) + new DoubleDouble(r.Hi / b.Hi);
    }

    public static implicit operator DoubleDouble(double x) => new(x);

    public double ToDouble() => Hi + Lo;

    private static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    /// <summary>eˣ for |x| ≤ 700 (no overflow, no subnormal result).</summary>
    public static DoubleDouble Exp(DoubleDouble x)
    {
        double k = Math.Round(x.Hi / Ln2.Hi);
        var r = x - Ln2 * k; // |r| ≤ 0.35
        DoubleDouble sum = 1, term = 1;
        for (int n = 1; n <= 27; n++)
        {
            term = term * r / n;
            sum += term;
        }
        double scale = Math.ScaleB(1.0, (int)k);
        return new DoubleDouble(sum.Hi * scale, sum.Lo * scale);
    }

    /// <summary>ln(1 + t) for t ≥ 0: its series below 1e-4, else a Newton step y + (1 + t)e^(−y) − 1 from y = Math.Log(1 + t).</summary>
    public static DoubleDouble Log1p(DoubleDouble t)
    {
        if (t.Hi < 1e-4)
        {
            DoubleDouble sum = 0, power = t;
            for (int n = 1; n <= 12; n++)
            {
                sum += (n % 2 == 1 ? power : -power) / n;
                power *= t;
            }
            return sum;
        }
        var w = t + 1;
        double y = Math.Log(w.Hi);
        return new DoubleDouble(y) + (w * Exp(-y) - 1);
    }

    public static DoubleDouble Softplus(double z)
        => Math.Max(z, 0) + Log1p(Exp(-Math.Abs(z)));

    public static DoubleDouble Sigmoid(double z)
    {
        var e = Exp(-Math.Abs(z));
        return (z >= 0 ? (DoubleDouble)1 : e) / (e + 1);
    }

    public static DoubleDouble Tanh(double z)
    {
        double a = Math.Abs(z);
        DoubleDouble t;
        if (a < 1e-5)
        {
            var a2 = new DoubleDouble(a) * a;
            t = new DoubleDouble(a) * (1 - a2 * (new DoubleDouble(1) / 3 - a2 * (new DoubleDouble(2) / 15 - a2 * (new DoubleDouble(17) / 315))));
        }
        else
        {
            var e = Exp(-2 * a);
            t = (1 - e) / (1 + e);
        }
        return z < 0 ? -t : t;
    }
}
