using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using CheapLearning.Generator.Algebra;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Algebra;

/// <summary>
/// <see cref="Rational"/> keeps values that fit in two longs without BigInteger and falls back to BigInteger on
/// overflow. Every operation is checked here against fractions computed in this test with BigInteger alone
/// (reduced by their gcd), on random values and on the edges where long arithmetic overflows: the value must be
/// exact, in lowest terms, and equal (with an equal hash) to the same value built from BigIntegers.
/// </summary>
public class RationalFastPathTests
{
    /// <summary>The test's own exact fraction: numerator and positive denominator in lowest terms.</summary>
    private readonly record struct Fraction(BigInteger P, BigInteger Q)
    {
        public static Fraction Of(BigInteger p, BigInteger q)
        {
            if (q.Sign < 0) (p, q) = (-p, -q);
            var g = BigInteger.GreatestCommonDivisor(p, q);
            return g.IsZero || g.IsOne ? new Fraction(p, p.IsZero ? BigInteger.One : q) : new Fraction(p / g, q / g);
        }

        public static Fraction operator +(Fraction a, Fraction b) => Of(a.P * b.Q + b.P * a.Q, a.Q * b.Q);
        public static Fraction operator -(Fraction a, Fraction b) => Of(a.P * b.Q - b.P * a.Q, a.Q * b.Q);
        public static Fraction operator *(Fraction a, Fraction b) => Of(a.P * b.P, a.Q * b.Q);
        public static Fraction operator /(Fraction a, Fraction b) => Of(a.P * b.Q, a.Q * b.P);
        public int CompareTo(Fraction b) => (P * b.Q).CompareTo(b.P * Q);
    }

    private static readonly BigInteger LongMax = long.MaxValue;

    /// <summary>Numerators and denominators around every boundary the long arithmetic can cross.</summary>
    private static IEnumerable<BigInteger> EdgeIntegers()
    {
        foreach (var b in new BigInteger[] { 1, 2, 3, 7, int.MaxValue, (BigInteger)int.MaxValue + 1, uint.MaxValue, 3037000499, 3037000500,
                                             BigInteger.One << 52, BigInteger.One << 53, BigInteger.One << 62, LongMax - 1, LongMax,
                                             LongMax + 1, LongMax + 2, BigInteger.One << 64, BigInteger.One << 100 })
        {
            yield return b;
            if (b > 1) yield return b - 1;
        }
    }

    private static BigInteger RandomInteger(Random r)
    {
        // Mostly within long (the fast path), sometimes just past it (the fallback), with every bit length.
        int bits = r.Next(100) < 85 ? r.Next(1, 64) : r.Next(63, 70);
        var bytes = new byte[bits / 8 + 2];
        r.NextBytes(bytes);
        bytes[^1] = 0;
        var v = new BigInteger(bytes) & ((BigInteger.One << bits) - 1);
        return v.IsZero ? BigInteger.One : v;
    }

    private static List<Fraction> Values(Random r, int count)
    {
        var values = new List<Fraction> { Fraction.Of(0, 1), Fraction.Of(1, 1), Fraction.Of(-1, 1), Fraction.Of(long.MinValue, 1), Fraction.Of(long.MinValue, 3) };
        foreach (var p in EdgeIntegers())
            foreach (var q in new BigInteger[] { 1, 2, 3, BigInteger.One << 62, LongMax, LongMax + 1, 3037000500 })
            {
                values.Add(Fraction.Of(p, q));
                values.Add(Fraction.Of(-p, q));
            }
        while (values.Count < count)
        {
            var p = RandomInteger(r) * (r.Next(2) == 0 ? 1 : -1);
            // A third with power-of-two denominators (every double constant is one).
            var q = r.Next(3) == 0 ? BigInteger.One << r.Next(0, 66) : RandomInteger(r);
            values.Add(Fraction.Of(p, q));
        }
        return values;
    }

    private static Rational Build(Fraction f) => Rational.Create(f.P, f.Q);

    private static void Same(Fraction expected, Rational actual, string what)
    {
        Assert.True(expected.P == actual.Numerator && expected.Q == actual.Denominator,
            $"{what}: expected {expected.P}/{expected.Q}, got {actual.Numerator}/{actual.Denominator}");
        // Built from BigIntegers, the same value must be equal, hash equally and print the same.
        var built = Build(expected);
        Assert.True(built.Equals(actual) && built == actual && built.GetHashCode() == actual.GetHashCode(), $"{what}: not equal to the value built from BigIntegers");
        string text = expected.Q.IsOne ? expected.P.ToString(CultureInfo.InvariantCulture)
            : expected.P.ToString(CultureInfo.InvariantCulture) + "/" + expected.Q.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(text, actual.ToString());
        Assert.Equal(expected.P.IsZero, actual.IsZero);
        Assert.Equal(expected.P.Sign, actual.Sign);
        Assert.Equal(expected.Q.IsOne, actual.IsInteger);
        Assert.Equal(BitLength(BigInteger.Abs(expected.P)) + BitLength(expected.Q), actual.Size);
    }

    private static long BitLength(BigInteger v)
    {
        long n = 0;
        for (; !v.IsZero; v >>= 1) n++;
        return n;
    }

    [Fact]
    public void Arithmetic_matches_BigInteger_fractions_on_random_and_overflow_edge_values()
    {
        int seed = Seeds.Fresh();
        var r = new Random(seed);
        var values = Values(r, 600);
        var pairs = 0;
        for (int i = 0; i < 40_000; i++)
        {
            var (a, b) = (values[r.Next(values.Count)], values[r.Next(values.Count)]);
            var (x, y) = (Build(a), Build(b));
            string what = $"{a.P}/{a.Q} and {b.P}/{b.Q} ({Seeds.Replay(seed)})";
            Same(a + b, x + y, "sum of " + what);
            Same(a - b, x - y, "difference of " + what);
            Same(a * b, x * y, "product of " + what);
            Same(Fraction.Of(-a.P, a.Q), -x, "negation of " + what);
            Same(Fraction.Of(BigInteger.Abs(a.P), a.Q), x.Abs(), "absolute value of " + what);
            if (!b.P.IsZero) Same(a / b, x / y, "quotient of " + what);
            else Assert.Throws<DivideByZeroException>(() => x / y);
            Assert.True(Math.Sign(a.CompareTo(b)) == Math.Sign(x.CompareTo(y)), "order of " + what);
            Assert.Equal(a == b, x == y);
            pairs++;
        }
        Assert.Equal(40_000, pairs);
    }

    [Fact]
    public void Powers_and_long_conversions_match_BigInteger_fractions()
    {
        var r = new Random(Seeds.Stable(nameof(Powers_and_long_conversions_match_BigInteger_fractions)));
        foreach (var f in Values(r, 300))
            for (int k = 0; k <= 5; k++)
                Same(Fraction.Of(BigInteger.Pow(f.P, k), BigInteger.Pow(f.Q, k)), Build(f).Pow(k), $"{f.P}/{f.Q} to the {k}");
        foreach (long v in new[] { 0, 1, -1, long.MaxValue, long.MinValue, long.MinValue + 1, int.MinValue, (long)int.MaxValue + 1 })
            Same(Fraction.Of(v, 1), v, $"the long {v}");
    }

    [Fact]
    public void Doubles_convert_to_their_exact_binary_value()
    {
        var r = new Random(Seeds.Stable(nameof(Doubles_convert_to_their_exact_binary_value)));
        var doubles = new List<double> { double.Epsilon, double.MaxValue, 1, -1, 0.1, 5.64, Math.Pow(2, 62), Math.Pow(2, 63), Math.Pow(2, -62), Math.Pow(2, -63), 3 * Math.Pow(2, 60), 1e19, -1e19 };
        for (int i = 0; i < 20_000; i++)
        {
            double d = r.Next(2) == 0 ? BitConverter.Int64BitsToDouble((long)(r.NextDouble() * long.MaxValue)) : (r.NextDouble() - 0.5) * Math.Pow(2, r.Next(-80, 80));
            if (!double.IsNaN(d) && !double.IsInfinity(d)) doubles.Add(d);
        }
        foreach (double d in doubles)
        {
            // IEEE 754 binary64, decoded here: sign · m · 2^(e − 1075), m with the hidden bit for normal numbers.
            long bits = BitConverter.DoubleToInt64Bits(d);
            int e = (int)((bits >> 52) & 0x7FF);
            BigInteger m = bits & 0xFFFFFFFFFFFFFL;
            if (e == 0) e = 1; else m += BigInteger.One << 52;
            if (bits < 0) m = -m;
            e -= 1075;
            var exact = e >= 0 ? Fraction.Of(m << e, 1) : Fraction.Of(m, BigInteger.One << -e);
            Same(exact, Rational.FromDouble(d), $"the double {d:R}");
        }
    }
}
