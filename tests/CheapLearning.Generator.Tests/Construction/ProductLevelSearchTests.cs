using System;
using System.Linq;
using System.Numerics;
using CheapLearning.Generator.Construction;
using CheapLearning.TestKit;

namespace CheapLearning.Generator.Tests.Construction;

/// <summary>
/// The divide-and-conquer level search (<see cref="ProductLevelSearch"/>, behind CHEAP010's smallest depth) against
/// the exact scan it replaced, kept here as the oracle, over every product size the search is used for
/// (n ≤ <see cref="TheoryCounts.ApproxSearchLimit"/>), and the facts its proof rests on, checked one by one.
/// </summary>
public class ProductLevelSearchTests
{
    private const int Limit = TheoryCounts.ApproxSearchLimit;

    /// <summary>
    /// The former TheoryCounts.ProductLevels, verbatim except that it keeps every row: row i, entry m is the cost
    /// for m factors with at most i levels, and an entry never depends on n (row m reads only entries t &lt; m of
    /// the row before), so the table for n = 2048 holds the former answer ProductLevels(n)[i] = table[i][n] for
    /// every n ≤ 2048 and i ≤ ⌈log₂ n⌉.
    /// </summary>
    private static double[][] FormerScan(int n)
    {
        int depth = TheoryCounts.CeilLog2(n);
        var table = new double[depth + 1][];
        var previous = new double[n + 1];
        for (int m = 2; m <= n; m++) previous[m] = PowerOfTwo(m);
        table[1] = previous;
        for (int i = 2; i <= depth; i++)
        {
            var current = new double[n + 1];
            for (int m = 2; m <= n; m++)
            {
                double cost = PowerOfTwo(m);
                for (int target = m - 1; target >= 2; target--)
                {
                    int q = m / target, extra = m % target;
                    double level = extra * PowerOfTwo(q + 1) + (target - extra) * PowerOfTwo(q);
                    if (level >= cost) break;
                    cost = Math.Min(cost, level + previous[target]);
                }
                current[m] = cost;
            }
            previous = current;
            table[i] = previous;
        }
        return table;
    }

    private static double PowerOfTwo(int m) => m <= 1023 ? BitConverter.Int64BitsToDouble((long)(m + 1023) << 52) : double.PositiveInfinity;

    private static readonly Lazy<double[][]> Former = new(() => FormerScan(Limit));

    /// <summary>The former answer of ProductNeuronsApprox(n, k) for n ≤ 2048, read from the oracle's table as it indexed it.</summary>
    private static double FormerAnswer(int n, int k) => n <= 1 ? 0 : Former.Value[Math.Min(Math.Max(k, 1), TheoryCounts.CeilLog2(n))][n];

    [Fact]
    public void Every_row_entry_up_to_2048_factors_equals_the_former_scan()
    {
        var table = Former.Value;
        int depth = table.Length - 1;
        var rows = ProductLevelSearch.Rows(Limit, depth);
        for (int i = 2; i <= depth; i++)
            for (int m = 2; m <= Limit; m++)
            {
                // Below 2⁵³ every entry is an exact integer, so the long and the double say the same thing.
                Assert.True(table[i][m] < 9007199254740992.0, $"f_{i}({m}) = {table[i][m]} is not exact in double");
                Assert.True(table[i][m] == rows[i][m], $"f_{i}({m}): {rows[i][m]}, the former scan {table[i][m]}");
            }
    }

    [Fact]
    public void Every_depth_of_every_product_up_to_300_factors_and_random_ones_up_to_2048_equal_the_former_scan()
    {
        int seed = Seeds.Stable(nameof(Every_depth_of_every_product_up_to_300_factors_and_random_ones_up_to_2048_equal_the_former_scan));
        var random = new Random(seed);
        var sizes = Enumerable.Range(0, 301).Concat(Enumerable.Range(0, 60).Select(_ => random.Next(301, Limit + 1))).Concat(new[] { 1000, 1024, 1025, 2047, 2048 });
        foreach (int n in sizes)
        {
            var byDepth = TheoryCounts.ProductNeuronsApproxByDepth(n, 12);
            for (int k = 0; k <= 12; k++)
            {
                Assert.True(FormerAnswer(n, k) == byDepth[k], $"n = {n}, k = {k}: {byDepth[k]}, the former scan {FormerAnswer(n, k)} (seed {seed})");
                Assert.True(FormerAnswer(n, k) == TheoryCounts.ProductNeuronsApprox(n, k), $"n = {n}, k = {k} (seed {seed})");
            }
        }
        // The former scan, run for one n as it was (not read from the big table), agrees with the table.
        Assert.Equal(FormerScan(1000)[7][1000], Former.Value[7][1000]);
    }

    [Fact]
    public void Level_cost_is_the_balanced_grouping_and_grows_by_2_to_the_smallest_group()
    {
        for (int m = 1; m <= 200; m++)
            for (int t = 1; t <= m; t++)
            {
                var exact = TheoryCounts.LevelCost(m, t);
                // Saturated arithmetic stores min(true value, Saturated).
                Assert.Equal(BigInteger.Min(exact, ProductLevelSearch.Saturated), new BigInteger(ProductLevelSearch.Level(m, t)));
                // Fact (1) of the proof: one more value costs 2^⌊m/t⌋.
                Assert.Equal(BigInteger.Pow(2, m / t), TheoryCounts.LevelCost(m + 1, t) - exact);
            }
        // Saturated, never wrapped: 2⁶⁰·(one group) fits; 2⁶² and beyond are the ceiling.
        Assert.Equal(1L << 60, ProductLevelSearch.Level(60, 1));
        Assert.Equal(ProductLevelSearch.Saturated, ProductLevelSearch.Level(62, 1));
        Assert.Equal(ProductLevelSearch.Saturated, ProductLevelSearch.Level(4000, 2));
        Assert.Equal(ProductLevelSearch.Saturated, ProductLevelSearch.Level(int.MaxValue, 3));
    }

    [Fact]
    public void The_smallest_best_group_count_never_decreases_with_the_number_of_factors()
    {
        // Fact (3) of the proof, on the oracle's exact table by a full scan of every t.
        var table = Former.Value;
        for (int i = 2; i < table.Length; i++)
        {
            int previousBest = 1;
            for (int m = 2; m <= 600; m++)
            {
                int best = 1;
                double bestCost = double.PositiveInfinity;
                for (int t = 1; t < m; t++)
                {
                    double cost = (double)TheoryCounts.LevelCost(m, t) + (t == 1 ? 0 : table[i - 1][t]);
                    if (cost < bestCost) { bestCost = cost; best = t; }
                }
                Assert.Equal(table[i][m], bestCost);
                Assert.True(best >= previousBest, $"depth {i}: m = {m} is best with {best} groups, m − 1 with {previousBest}");
                previousBest = best;
            }
        }
    }

    [Fact]
    public void Depths_beyond_the_table_and_tiny_products()
    {
        var rows = ProductLevelSearch.Rows(1, 1);
        Assert.Equal(2, rows.Length);
        Assert.Equal(new double[] { 0, 0 }, TheoryCounts.ProductNeuronsApproxByDepth(1, 1));
        Assert.Equal(new double[] { 4, 4, 4 }, TheoryCounts.ProductNeuronsApproxByDepth(2, 2));
        // Three factors: 2³ = 8 flat, and no depth does better (a pair and a copy cost 6 before the last pair's 4).
        Assert.Equal(new double[] { 8, 8, 8, 8 }, TheoryCounts.ProductNeuronsApproxByDepth(3, 3));
    }

    [Fact]
    public void Every_depth_k_plan_up_to_256_factors_equals_the_former_BigInteger_scan()
    {
        const int n = 256, depth = 8;
        // The former scan, still the plan past 2⁶² (TheoryCounts.ExactPlanTables): its entries never depend on n,
        // so one run for n = 256 holds the former plan of every smaller n.
        var (best, next) = TheoryCounts.ExactPlanTables(n, depth);
        for (int m = 2; m <= n; m++)
            for (int k = 1; k <= depth + 2; k++)
            {
                int clamped = Math.Min(k, TheoryCounts.CeilLog2(m));
                var levels = new System.Collections.Generic.List<int> { m };
                for (int i = clamped, v = m; v > 1; i--)
                {
                    v = next[i][v];
                    levels.Add(v);
                }
                var (neurons, plan) = TheoryCounts.ProductPlan(m, k);
                Assert.True(best[clamped][m] == neurons, $"n = {m}, k = {k}: {neurons}, the former scan {best[clamped][m]}");
                Assert.Equal(levels, plan);
            }
    }

    [Fact]
    public void A_depth_2_plan_beyond_long_takes_the_BigInteger_scan_and_is_the_best_single_split()
    {
        // f₂(n) = min over t of L(n, t) + 2ᵗ, written out directly; at n = 3600 it is about 2⁶⁴, past the saturated search.
        const int n = 3600;
        BigInteger expected = BigInteger.Pow(2, n);
        int split = 1;
        for (int t = 2; t < n; t++)
        {
            var cost = TheoryCounts.LevelCost(n, t) + BigInteger.Pow(2, t);
            if (cost < expected) { expected = cost; split = t; }
        }
        Assert.True(expected >= ProductLevelSearch.Saturated);
        var (neurons, levels) = TheoryCounts.ProductPlan(n, 2);
        Assert.Equal(expected, neurons);
        Assert.Equal(new[] { n, split, 1 }, levels);
    }
}
