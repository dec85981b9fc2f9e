using System;
using System.Numerics;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Algebra;

/// <summary>Rounding each exact coefficient once: to the nearest double, ties to even, through the subnormals.</summary>
public class RationalRoundingTests
{
    [Fact]
    public void Quotients_of_small_integers_round_like_IEEE_division()
    {
        // p/q with |p|, q < 2⁵³ are exact doubles, and IEEE division rounds their quotient correctly.
        var r = new Random(11);
        for (int i = 0; i < 20_000; i++)
        {
            long p = (long)(r.NextDouble() * (1L << 53)) * (r.Next(2) == 0 ? 1 : -1);
            long q = 1 + (long)(r.NextDouble() * ((1L << r.Next(1, 53)) - 1));
            Assert.Equal((double)p / q, Rational.Create(p, q).ToDouble());
        }
    }

    [Fact]
    public void Every_double_round_trips_including_subnormals()
    {
        var r = new Random(12);
        for (int i = 0; i < 20_000; i++)
        {
            double d = BitConverter.Int64BitsToDouble((long)(r.NextDouble() * long.MaxValue));
            if (double.IsNaN(d) || double.IsInfinity(d)) continue;
            Assert.Equal(d, Rational.FromDouble(d).ToDouble());
            Assert.Equal(-d, Rational.FromDouble(-d).ToDouble());
        }
        Assert.Equal(double.Epsilon, Rational.FromDouble(double.Epsilon).ToDouble());
        Assert.Equal(double.MaxValue, Rational.FromDouble(double.MaxValue).ToDouble());
    }

    [Fact]
    public void Ties_go_to_even_and_the_ends_of_the_range_saturate()
    {
        Rational Two(int e) => e >= 0 ? Rational.Create(BigInteger.Pow(2, e), 1) : Rational.Create(1, BigInteger.Pow(2, -e));
        Assert.Equal(1.0, (Rational.One + Two(-53)).ToDouble());                          // halfway, 1 is even
        Assert.Equal(1 + Math.Pow(2, -51), (Rational.One + 3 * Two(-53)).ToDouble());    // halfway, up to even
        Assert.Equal(1 + Math.Pow(2, -52), (Rational.One + Two(-53) + Two(-200)).ToDouble()); // above halfway
        Assert.Equal(double.PositiveInfinity, Two(1024).ToDouble());
        Assert.Equal(double.NegativeInfinity, (-Two(1100)).ToDouble());
        Assert.Equal(0.0, Two(-1076).ToDouble());                                      // below half the least subnormal
        Assert.Equal(double.Epsilon, (3 * Two(-1076)).ToDouble());                      // 0.75 of it rounds up
        Assert.Equal(2 * double.Epsilon, (3 * Two(-1075)).ToDouble());                  // 1.5 units: tie to even (2)
    }

    [Fact]
    public void Rounding_error_is_exact_and_at_most_half_an_ulp()
    {
        var r = new Random(13);
        for (int i = 0; i < 2_000; i++)
        {
            var x = Rational.Create(new BigInteger(r.NextDouble() * 1e30) + 1, new BigInteger(r.NextDouble() * 1e25) + 1);
            double d = x.ToDouble();
            var error = x.RoundingError(out bool overflow);
            Assert.False(overflow);
            Assert.Equal((Rational.FromDouble(d) - x).Abs(), error);
            Assert.True(error.CompareTo(x.Abs() * Rational.Create(1, BigInteger.Pow(2, 53))) <= 0);
        }
    }

    [Fact]
    public void Magnitudes_beyond_double_keep_their_size()
    {
        var s = Magnitude.Of(1e100).Pow(4) + Magnitude.Of(3.0);
        Assert.Equal(double.PositiveInfinity, s.ToDouble());
        Assert.InRange(s.Log2 / Math.Log2(10), 399.999, 400.001);
        var tiny = Magnitude.Of(1e-200).Pow(3);
        Assert.Equal(0.0, tiny.ToDouble());
        Assert.InRange(tiny.Log2 / Math.Log2(10), -600.001, -599.999);
        Assert.Equal(6e-300, (Magnitude.Of(2e-150) * Magnitude.Of(3e-150)).ToDouble(), 1e-313);
    }

    [Fact]
    public void A_constant_that_is_not_finite_is_reported_not_thrown()
    {
        const string source = """
            using CheapLearning;
            public static partial class C
            {
                [PolynomialNetwork]
                public static double F(double x) => x - 1e308 * 10;
            }
            """;
        var (_, run) = TestCompilation.RunGenerator(TestCompilation.Create(source));
        Assert.Empty(run.Diagnostics);
        Assert.Contains(TestCompilation.Analyze(source), d => d.Id == "CHEAP001");
    }
}
