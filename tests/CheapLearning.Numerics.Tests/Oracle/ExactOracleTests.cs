using System;
using System.Numerics;
using CheapLearning.TestKit;
using Xunit;

namespace CheapLearning.Numerics.Tests.Oracle;

/// <summary>The exact oracle itself, on cases computed by hand.</summary>
public class ExactOracleTests
{
    private static PolynomialOracle Oracle(string parameters, string body)
        => PolynomialOracle.FromSource($"using System; public static class C {{ public static double F({parameters}) {body} }}", "C", "F");

    private static ExactNumber E(double d) => ExactNumber.FromDouble(d);

    [Fact]
    public void Cancellation_keeps_the_exact_coefficient_of_the_doubles()
    {
        var p = Oracle("double x", "=> 0.1*x*1e20 + 0.2*x*1e20 - 0.3*x*1e20;").Polynomial;
        // 1e20·(0.1d + 0.2d − 0.3d) with exact arithmetic on the three doubles: not 0, not the double sum.
        var expected = E(1e20) * (E(0.1) + E(0.2) - E(0.3));
        Assert.False(expected.IsZero);
        Assert.Equal(expected, p.CoefficientOf(1));
        Assert.Equal(1, p.TermCount);
        // 0.1d + 0.2d − 0.3d is exactly 2^-55 (by hand from the three doubles' binary expansions).
        Assert.Equal(E(1e20) * new ExactNumber(1, BigInteger.One << 55), expected);
    }

    [Fact]
    public void Csharp_constant_folding_stays()
    {
        // 1/2 is integer division in C#: 0. (1.0/3) is folded by the compiler to the double nearest 1/3.
        var p = Oracle("double x", "=> 1/2 * x + (1.0/3) * x * x;").Polynomial;
        Assert.True(p.CoefficientOf(1).IsZero);
        Assert.Equal(E(1.0 / 3), p.CoefficientOf(2));
    }

    [Fact]
    public void Division_by_a_constant_is_exact_not_the_double_reciprocal()
    {
        var p = Oracle("double x", "=> x / 3;").Polynomial;
        Assert.Equal(new ExactNumber(1, 3), p.CoefficientOf(1));
        Assert.NotEqual(E(1.0 / 3), p.CoefficientOf(1));
    }

    [Fact]
    public void Blocks_locals_compound_assignments_pow_and_const_fields()
    {
        const string source = """
            using System;
            public static class C
            {
                private const double K = 0.5;
                public static double F(double x, double y)
                {
                    const double two = 2;
                    double t = x + y;   // t = x + y
                    t *= t;             // (x + y)²
                    t -= two * x * y;   // x² + y²
                    t += Math.Pow(x, 3);
                    t /= 4;
                    return K * t;       // (x² + y² + x³)/8
                }
            }
            """;
        var p = PolynomialOracle.FromSource(source, "C", "F").Polynomial;
        Assert.Equal(3, p.TermCount);
        Assert.Equal(new ExactNumber(1, 8), p.CoefficientOf(2, 0));
        Assert.Equal(new ExactNumber(1, 8), p.CoefficientOf(0, 2));
        Assert.Equal(new ExactNumber(1, 8), p.CoefficientOf(3, 0));
        Assert.Equal(3, p.Degree);
    }

    [Fact]
    public void Evaluation_is_exact_where_double_arithmetic_is_not()
    {
        // p = x + xy exactly; in double, (0.5 + 1e16) − 1e16 is 0 (1e16 has ulp 2), so the method itself returns 0.05.
        var o = Oracle("double x, double y", "=> (x + 1e16) - 1e16 + x * y;");
        Assert.Equal(E(0.5) + E(0.5) * E(0.1), o.Value(new[] { 0.5, 0.1 }));
        double x = 0.5, y = 0.1;
        Assert.NotEqual(0.5 + 0.5 * 0.1, (x + 1e16) - 1e16 + x * y);
    }

    [Fact]
    public void Scale_is_the_sum_of_absolute_terms_at_R()
    {
        var o = Oracle("double x, double y", "=> 3 * x * x * y - 2 * y + 5;");
        Assert.Equal(3.0 * 8 + 2 * 2 + 5, o.Scale(2));
        // τ·S rounded down: the double product 1e-9·33 rounds up, so the oracle's value is one ulp below it.
        double tauS = o.ToleranceTimesScale(1e-9, 2);
        Assert.True(E(tauS) <= E(1e-9) * 33 && E(Math.BitIncrement(tauS)) > E(1e-9) * 33);
        Assert.Equal(Math.BitDecrement(1e-9 * 33), tauS);
    }

    [Fact]
    public void ExactError_rounds_up_and_treats_nan_as_infinite()
    {
        var o = Oracle("double x", "=> x / 3;");
        double network = 1.0 / 3;            // below 1/3 by about 1.85e-17
        double err = o.ExactError(network, new[] { 1.0 });
        var exact = (new ExactNumber(1, 3) - E(network)).Abs();
        Assert.True(E(err) >= exact);
        Assert.True(E(Math.BitDecrement(err)) < exact);
        Assert.Equal(double.PositiveInfinity, o.ExactError(double.NaN, new[] { 1.0 }));
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(4.9e-324)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(-0.1)]
    [InlineData(123456.789)]
    public void Rounding_brackets_the_exact_value(double d)
    {
        var third = E(d) / 3;
        double up = third.RoundUp(), down = third.RoundDown();
        Assert.True(E(up) >= third && E(down) <= third);
        Assert.True(up == down || Math.BitIncrement(down) == up);
        Assert.Equal(d, E(d).RoundUp());
        Assert.Equal(d, E(d).ToDouble());
    }

    [Fact]
    public void Unsupported_constructs_are_refused_not_guessed()
    {
        Assert.Throws<NotSupportedException>(() => Oracle("double x", "=> Math.Sin(x);"));
        Assert.Throws<NotSupportedException>(() => Oracle("double x", "=> 1 / x;"));
        Assert.Throws<NotSupportedException>(() => Oracle("double x", "=> Math.Pow(x, 0.5);"));
    }

    [Fact]
    public void Pointwise_values_equal_the_expanded_polynomial_at_every_point()
    {
        // Two readings of one method: expanded then evaluated, and interpreted at the point. Random blocks with
        // locals, compound assignments, powers and a division by a constant, at random points (corners included).
        int seed = Seeds.Stable(nameof(Pointwise_values_equal_the_expanded_polynomial_at_every_point));
        var random = new Random(seed);
        string[] names = { "x", "y", "z" };
        for (int method = 0; method < 40; method++)
        {
            string Term() => $"{random.Next(-9, 10)}.{random.Next(0, 100):00} * {names[random.Next(3)]}" + (random.Next(2) == 0 ? $" * {names[random.Next(3)]}" : "");
            string source = "using System; public static class C { public static double F(double x, double y, double z) { "
                          + $"double t = {Term()} + {Term()}; t *= {Term()} - {Term()}; t += Math.Pow({Term()} + 1, {random.Next(0, 4)}); t /= {random.Next(1, 8)}; return t - {Term()}; }} }}";
            var expanded = PolynomialOracle.FromSource(source, "C", "F");
            var pointwise = PolynomialOracle.PointwiseFromSource(source, "C", "F");
            for (int k = 0; k < 25; k++)
            {
                var x = new double[3];
                for (int i = 0; i < 3; i++) x[i] = k < 8 ? ((k >> i & 1) == 0 ? -1.5 : 1.5) : 3 * random.NextDouble() - 1.5;
                Assert.True(expanded.Value(x) == pointwise(x), $"{source} at ({string.Join(", ", x)}), {Seeds.Replay(seed)}");
            }
        }
    }

    [Fact]
    public void Pointwise_value_of_a_power_too_large_to_expand()
    {
        // (a + … + h)^40 has 62,891,499 monomials; at a point it is one exact power of one sum, computed here by hand.
        const string source = "using System; public static class C { public static double F(double a, double b, double c, double d, double e, double f, double g, double h) => Math.Pow(a + b + c + d + e + f + g + h, 40); }";
        var pointwise = PolynomialOracle.PointwiseFromSource(source, "C", "F");
        double[] x = { 0.1, -0.03, 0.07, 0.011, -0.09, 0.05, 0.002, -0.0007 };
        var sum = ExactNumber.Zero;
        foreach (double v in x) sum += E(v);
        var expected = ExactNumber.One;
        for (int i = 0; i < 40; i++) expected *= sum;
        Assert.Equal(expected, pointwise(x));
        Assert.NotEqual(E(Math.Pow(x[0] + x[1] + x[2] + x[3] + x[4] + x[5] + x[6] + x[7], 40)), pointwise(x));
    }

    [Fact]
    public void Stable_seeds_do_not_change_between_processes()
    {
        // FNV-1a of "" is the offset basis; of "a" the published test vector 0xE40C292C (masked to 31 bits).
        Assert.Equal((int)(2166136261u & 0x7fffffff), Seeds.Stable(""));
        Assert.Equal(0x640C292C, Seeds.Stable("a"));
    }
}
