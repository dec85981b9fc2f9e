using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CheapLearning.Generator.Common;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// The literal caches of <see cref="Literals"/> (a shortcut for the emitter) against the computation they replace:
/// every cached literal equals the freshly formatted one, in any order of first use, across the bound that clears
/// the cache, and on several threads at once.
/// </summary>
public class LiteralsTests
{
    private static readonly double[] Specials =
    {
        0.0, -0.0, 1.0, -1.0, 0.1, -0.1, 1e-300, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue,
        1e16, 123456789012345678.0, 0.00542762379936834, -1.3169578969248166, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    };

    private static double[] RandomDoubles(int seed, int count)
    {
        var random = new Random(seed);
        var bytes = new byte[8];
        return Enumerable.Range(0, count).Select(i =>
        {
            if (i % 3 == 0) return Math.Round((random.NextDouble() - 0.5) * 200, random.Next(0, 6)); // short decimals, as written in code
            random.NextBytes(bytes);
            return BitConverter.ToDouble(bytes, 0); // any bit pattern, subnormals and NaN payloads included
        }).ToArray();
    }

    [Fact]
    public void Zero_and_negative_zero_keep_their_own_literal_whichever_is_cached_first()
    {
        Assert.Equal("0.0", Literals.Double(0.0));
        Assert.Equal("-0.0", Literals.Double(-0.0));
        Assert.Equal("0.0", Literals.Double(0.0));
        Assert.Equal("-0.0", Literals.Double(-0.0));
    }

    [Fact]
    public void Cached_double_literals_equal_the_formatted_ones_past_the_cache_bound()
    {
        var values = Specials.Concat(RandomDoubles(7, 3 * Literals.MaxCachedDoubles)).ToArray();
        for (int pass = 0; pass < 2; pass++) // the first pass fills (and clears) the cache, the second reads it
        {
            foreach (var d in values)
            {
                string literal = Literals.Double(d);
                Assert.Equal(Literals.FormatDouble(d), literal);
                if (!double.IsNaN(d) && !double.IsInfinity(d))
                    Assert.Equal(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits(double.Parse(literal, CultureInfo.InvariantCulture)));
            }
        }
    }

    [Fact]
    public void Cached_double_literals_are_right_on_concurrent_threads()
    {
        var values = Specials.Concat(RandomDoubles(11, 2000)).ToArray();
        Parallel.For(0, 8, t =>
        {
            for (int i = 0; i < values.Length; i++)
            {
                var d = values[(i * (t + 1)) % values.Length];
                Assert.Equal(Literals.FormatDouble(d), Literals.Double(d));
            }
        });
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(4095L)]
    [InlineData(4096L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Int_literals_are_invariant_digits_cached_or_not(long value)
    {
        string expected = value.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(expected, Literals.Int(value));
        Assert.Equal(expected, Literals.Int(value));
    }
}

public class NumericIsFiniteTests
{
    [Theory]
    [InlineData(0.0, true)]
    [InlineData(-1.5, true)]
    [InlineData(double.Epsilon, true)]
    [InlineData(double.MaxValue, true)]
    [InlineData(double.MinValue, true)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(double.NegativeInfinity, false)]
    public void IsFinite_is_false_exactly_for_NaN_and_infinities(double value, bool finite)
        => Assert.Equal(finite, CheapLearning.Numeric.IsFinite(value));
}
