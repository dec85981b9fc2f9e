using System;
using System.Linq;
using System.Numerics;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Construction;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Construction;

/// <summary>
/// The planner's shortcuts of issue 12 answer exactly what the slow computations they replace answer:
/// the order of a multiplication gate's inputs (which the emitted code shows), the exactness test of
/// a shared copy's scaled coefficients, and the rounding of a dyadic rational. Each is checked against
/// the slow form on many random inputs, across the double range.
/// </summary>
public class PlannerFastPathTests
{
    [Fact]
    public void Form_order_is_the_ordinal_order_of_the_texts()
    {
        var random = new Random(Seeds.Stable(nameof(Form_order_is_the_ordinal_order_of_the_texts)));
        // Values chosen so that texts share prefixes ("1" vs "1.5" vs "10", "-0" vs "0", 12 vs 3).
        double[] values = { 0, -0.0, 1, 1.5, 10, 0.1, -1, -2.5, 1e-300, 1e300, 0.30000000000000004, 0.3, 2, 12, 3 };
        int[] signals = { 0, 1, 2, 3, 9, 10, 12, 100, 21 };
        SignalForm Form()
        {
            int count = random.Next(4);
            var chosen = signals.OrderBy(_ => random.Next()).Take(count).OrderBy(s => s).ToArray();
            var terms = chosen.Select(s => new SignalTerm(s, random.Next(3) == 0 ? values[random.Next(values.Length)] : random.NextDouble() * 4 - 2)).ToArray();
            return new SignalForm(random.Next(3) == 0 ? values[random.Next(values.Length)] : 0, terms);
        }
        int differing = 0;
        for (int i = 0; i < 50_000; i++)
        {
            var a = Form();
            var b = random.Next(10) == 0 ? new SignalForm(a.Constant, a.Terms.ToArray()) : Form();
            int expected = Math.Sign(string.CompareOrdinal(a.Key, b.Key));
            Assert.Equal(expected, Math.Sign(SignalForm.CompareKeys(a, b)));
            Assert.Equal(expected == 0, a.Equals(b));
            if (expected == 0) Assert.Equal(a.GetHashCode(), b.GetHashCode());
            else differing++;
        }
        Assert.True(differing > 40_000);
    }

    [Fact]
    public void Exact_quotient_test_agrees_with_exact_rationals()
    {
        var random = new Random(Seeds.Stable(nameof(Exact_quotient_test_agrees_with_exact_rationals)));
        int exact = 0, inexact = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double k, c;
            if (random.Next(2) == 0)
            {
                // Exact by construction: k of at most 30 significant bits times m of at most 20 is exact, and c/k = m.
                k = random.Next(1, 1 << 30) * Math.Pow(2, random.Next(-1000, 960));
                c = k * random.Next(-(1 << 20), 1 << 20);
            }
            else
            {
                k = RandomDouble(random);
                c = RandomDouble(random);
            }
            if (c == 0 || double.IsInfinity(c) || double.IsNaN(c)) continue;
            double q = c / k;
            if (q == 0 || double.IsInfinity(q)) continue;
            bool expected = Rational.FromDouble(q) * Rational.FromDouble(k) == Rational.FromDouble(c);
            Assert.True(expected == Layering.ExactQuotient(c, k, q), $"c = {c:R}, k = {k:R}, q = {q:R}: exact {expected}");
            if (expected) exact++; else inexact++;
        }
        Assert.True(exact > 50_000 && inexact > 50_000, $"{exact} exact, {inexact} inexact");
    }

    [Fact]
    public void Dyadic_rationals_round_to_the_nearest_double_ties_to_even()
    {
        var random = new Random(Seeds.Stable(nameof(Dyadic_rationals_round_to_the_nearest_double_ties_to_even)));
        for (int i = 0; i < 50_000; i++)
        {
            // Numerators of up to 63 bits (beyond double's 53, so they round), over 2^0 … 2^62.
            int bits = random.Next(1, 64);
            long n = (long)(random.NextDouble() * Math.Pow(2, bits - 1)) | (1L << (bits - 1));
            if (random.Next(4) == 0) n = (n >> 10 << 10) | (1L << 9); // for 63-bit numerators: exactly halfway between doubles
            if (random.Next(2) == 0) n = -n;
            var r = Rational.Create(n, BigInteger.One << random.Next(63));
            double d = r.ToDouble();
            // The oracle: d is nearest (no neighbour closer), ties to the even mantissa.
            var error = (Rational.FromDouble(d) - r).Abs();
            foreach (double neighbour in new[] { Math.BitIncrement(d), Math.BitDecrement(d) })
            {
                int c = error.CompareTo((Rational.FromDouble(neighbour) - r).Abs());
                Assert.True(c < 0 || (c == 0 && (BitConverter.DoubleToInt64Bits(d) & 1) == 0), $"{r} rounded to {d:R}");
            }
        }
    }

    [Fact]
    public void A_power_of_a_sum_of_variables_is_refused_exactly_when_it_has_too_many_terms()
    {
        // The term count is decided before expanding (C(k+v, v) or C(k+v−1, v−1)): it must refuse exactly
        // the powers whose full expansion has more terms than the limit.
        var random = new Random(Seeds.Stable(nameof(A_power_of_a_sum_of_variables_is_refused_exactly_when_it_has_too_many_terms)));
        int refused = 0, expanded = 0;
        for (int i = 0; i < 300; i++)
        {
            int n = random.Next(1, 6), k = random.Next(2, 9);
            var builder = new ExprBuilder(n);
            var sum = random.Next(2) == 0 ? builder.Constant(0) : builder.Constant(random.Next(1, 5) * (random.Next(2) == 0 ? -1 : 1));
            foreach (int v in Enumerable.Range(0, n).Where(_ => random.Next(4) != 0))
                sum = builder.Add(sum, builder.Scale(builder.Variable(v), random.Next(1, 4) * (random.Next(2) == 0 ? -1 : 1)));
            var graph = builder.Build(builder.Power(sum, k));
            int limit = random.Next(1, 200);
            var full = Expansion.TryExpand(graph, 1_000_000, default)!;
            var limited = Expansion.TryExpand(graph, limit, default);
            Assert.Equal(full.ExactTerms.Count > limit, limited is null);
            if (limited is null) refused++;
            else
            {
                expanded++;
                Assert.Equal(full.ExactTerms, limited.ExactTerms);
            }
        }
        Assert.True(refused > 50 && expanded > 50, $"{refused} refused, {expanded} expanded");
    }

    [Fact]
    public void Depth_costs_for_all_depths_at_once_equal_the_search_depth_by_depth()
    {
        // The reference is the search as it was: one level table per depth k, with Math.Pow.
        static double Reference(int n, int k)
        {
            if (n <= 1) return 0;
            k = Math.Min(Math.Max(k, 1), TheoryCounts.CeilLog2(n));
            var previous = new double[n + 1];
            for (int m = 2; m <= n; m++) previous[m] = Math.Pow(2, m);
            for (int i = 2; i <= k; i++)
            {
                var current = new double[n + 1];
                for (int m = 2; m <= n; m++)
                {
                    double cost = Math.Pow(2, m);
                    for (int target = m - 1; target >= 2; target--)
                    {
                        int q = m / target, extra = m % target;
                        double level = extra * Math.Pow(2, q + 1) + (target - extra) * Math.Pow(2, q);
                        if (level >= cost) break;
                        cost = Math.Min(cost, level + previous[target]);
                    }
                    current[m] = cost;
                }
                previous = current;
            }
            return previous[n];
        }
        foreach (int n in new[] { 0, 1, 2, 3, 5, 8, 17, 64, 100, 257, 1000, 1100, 2048 })
        {
            var all = TheoryCounts.ProductNeuronsApproxByDepth(n, 12);
            for (int k = 0; k <= 12; k++)
            {
                Assert.Equal(Reference(n, k), all[k]);
                Assert.Equal(Reference(n, k), TheoryCounts.ProductNeuronsApprox(n, k));
            }
        }
    }

    /// <summary>Random sign, mantissa and exponent over almost the whole double range.</summary>
    private static double RandomDouble(Random random)
        => (random.Next(2) == 0 ? -1 : 1) * (1 + random.NextDouble()) * Math.Pow(2, random.Next(-1070, 1020));
}
