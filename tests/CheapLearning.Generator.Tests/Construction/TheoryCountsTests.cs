using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using CheapLearning.Generator.Construction;

using CheapLearning.Generator.Tests.Infrastructure;

namespace CheapLearning.Generator.Tests.Construction;

public class TheoryCountsTests
{
    [Fact]
    public void A_product_of_1000_variables_gets_its_exact_flat_count()
    {
        // How fast: GuardBenchmarks.FlatCountOfAProductOf1000 in tests/CheapLearning.Benchmarks, not a stopwatch here.
        var count = TheoryCounts.FlatNeurons(Enumerable.Repeat(1, 1000).ToArray());
        Assert.Equal(BigInteger.One << 1000, count);
        Assert.Equal(new BigInteger(3996), TheoryCounts.DeepNeurons(1000));
        // Depth 2: at best √1000 ≈ 32 groups of 31–32 factors, ≥ 32·2³¹ neurons; depth 3: about 10 groups of 10, each of
        // 10 groups of 10 — 100·2¹⁰ + 10·2¹⁰ + 2¹⁰ ≈ 114,000.
        Assert.Equal(3, TheoryCounts.SmallestDepthWithin(1000, 1_000_000));
        Assert.True(TheoryCounts.ProductNeuronsApprox(1000, 3) <= 100 * 1024 + 10 * 1024 + 1024);
    }

    [Theory]
    [InlineData(new[] { 1, 1 }, 4, 12)]          // Eq 11: 4 neurons, 2 inputs each + 4 outputs
    [InlineData(new[] { 2 }, 3, 5)]              // x²: weights 2, 0, −2 → 2 input synapses + 3 outputs
    [InlineData(new[] { 3, 1, 0 }, 8, 24)]      // Π(rᵢ+1) = 4·2; every neuron reads both variables
    [InlineData(new[] { 2, 2 }, 9, 21)]          // 9 neurons; (3·3 − 1·3)+(3·3 − 3·1) = 12 inputs + 9 outputs
    public void Flat_neurons_and_synapses_of_a_monomial(int[] exponents, int neurons, int synapses)
    {
        Assert.Equal(new BigInteger(neurons), TheoryCounts.FlatNeurons(exponents));
        Assert.Equal(new BigInteger(synapses), TheoryCounts.FlatSynapses(exponents));
        var m = new FlatMonomial(exponents);
        Assert.Equal(neurons, m.Weights.Length);
        Assert.Equal(synapses, m.Weights.Sum(FlatMonomial.NonZero) + m.Weights.Length);
    }

    [Fact]
    public void Papers_example_32_variables()
    {
        Assert.Equal(BigInteger.Parse("4294967296"), TheoryCounts.FlatNeurons(32));
        Assert.Equal(new BigInteger(124), TheoryCounts.DeepNeurons(32));
        Assert.Equal(new BigInteger(124), TheoryCounts.ProductNeurons(32, 5));
        Assert.Equal("4,294,967,296", TheoryCounts.Grouped(TheoryCounts.FlatNeurons(32)));
        Assert.Equal("3.46e7", TheoryCounts.Ratio(TheoryCounts.FlatNeurons(32), 124));
    }

    /// <summary>Thm III.1 as stated: min over ordered factorizations n = b₁⋯b_L (L ≤ k, bᵢ ≥ 2) of Σᵢ (Π_{j&gt;i} bⱼ)·2^{bᵢ}.</summary>
    internal static BigInteger? TheoremFormula(int n, int k)
    {
        BigInteger? best = null;
        void Walk(int left, List<int> b)
        {
            if (left == 1)
            {
                BigInteger cost = 0;
                for (int i = 0; i < b.Count; i++)
                {
                    BigInteger groups = 1;
                    for (int j = i + 1; j < b.Count; j++) groups *= b[j];
                    cost += groups * BigInteger.Pow(2, b[i]);
                }
                if (best is null || cost < best) best = cost;
                return;
            }
            if (b.Count == k) return;
            for (int f = 2; f <= left; f++)
                if (left % f == 0) { b.Add(f); Walk(left / f, b); b.RemoveAt(b.Count - 1); }
        }
        Walk(n, new List<int>());
        return best;
    }

    /// <summary>Exhaustive: every level merges the m values into any groups (any sizes), singletons costing a 2-neuron copy.</summary>
    private static BigInteger BruteForce(int m, int k, Dictionary<(int, int), BigInteger> memo)
    {
        if (m == 1) return 0;
        if (memo.TryGetValue((m, k), out var cached)) return cached;
        BigInteger best = BigInteger.Pow(2, m);
        if (k > 1)
            foreach (var parts in Partitions(m, m))
                if (parts.Count > 1 && parts.Count < m)
                    best = BigInteger.Min(best, parts.Aggregate(BigInteger.Zero, (acc, s) => acc + BigInteger.Pow(2, s)) + BruteForce(parts.Count, k - 1, memo));
        memo[(m, k)] = best;
        return best;
    }

    private static IEnumerable<List<int>> Partitions(int m, int max)
    {
        if (m == 0) { yield return new List<int>(); yield break; }
        for (int first = Math.Min(m, max); first >= 1; first--)
            foreach (var rest in Partitions(m - first, first))
            {
                rest.Insert(0, first);
                yield return rest;
            }
    }

    [Fact]
    public void Depth_k_counts_equal_an_exhaustive_search_and_never_exceed_the_theorem_formula()
    {
        var memo = new Dictionary<(int, int), BigInteger>();
        for (int n = 2; n <= 14; n++)
            for (int k = 1; k <= 5; k++)
                Assert.Equal(BruteForce(n, k, memo), TheoryCounts.ProductNeurons(n, k));
        for (int n = 2; n <= 64; n++)
            for (int k = 1; k <= 7; k++)
            {
                var count = TheoryCounts.ProductNeurons(n, k);
                if (TheoremFormula(n, k) is { } formula) Assert.True(count <= formula, $"n={n} k={k}: {count} > {formula}");
                Assert.Equal((double)count, TheoryCounts.ProductNeuronsApprox(n, k));
            }
        // Equal groups of the theorem are optimal for powers of two with k = log₂ n (binary tree): 4(n − 1).
        foreach (int j in new[] { 1, 2, 3, 4, 5, 6 })
            Assert.Equal(TheoremFormula(1 << j, j), TheoryCounts.ProductNeurons(1 << j, j));
    }

    [Fact]
    public void Depth_table_for_products_of_2_to_64_variables()
    {
        const int columns = 6;
        var sb = new StringBuilder();
        sb.Append("<!-- Generated by TheoryCountsTests.Depth_table_for_products_of_2_to_64_variables; CHEAPLEARNING_UPDATE_GOLDEN=1 rewrites it. -->\n");
        sb.Append("# Neurons for a product of n variables, by number of hidden layers\n\n");
        sb.Append("The cheapest network with at most k hidden layers for x₁x₂⋯xₙ (Rolnick & Tegmark, Thm III.1): the factors are merged in k levels; ");
        sb.Append("a group of s values costs 2ˢ neurons (the flat product, Eq 28) and a value crossing a level alone a 2-neuron copy. ");
        sb.Append("With equal groups b₁⋯b_k = n the cost is Σᵢ (Π_{j>i} bⱼ)·2^{bᵢ}; unequal groups are allowed here, which is never worse. ");
        sb.Append("k = 1 is the flat form 2ⁿ; *deep* is the binary tree of 4-neuron gates (Eq 11), 4(n − 1). ");
        sb.Append("Every entry is checked against the theorem's formula and, for n ≤ 14, against an exhaustive search.\n\n");
        int tableStart = sb.Length;
        sb.Append("| n | " + string.Join(" | ", Enumerable.Range(1, columns).Select(k => $"k = {k}")) + " | deep |\n");
        sb.Append("|---:|" + string.Concat(Enumerable.Repeat("---:|", columns)) + "---:|\n");
        for (int n = 2; n <= 64; n++)
        {
            var cells = Enumerable.Range(1, columns).Select(k =>
            {
                var count = TheoryCounts.ProductNeurons(n, k);
                if (k == 1) Assert.Equal(BigInteger.Pow(2, n), count);
                if (TheoremFormula(n, k) is { } formula) Assert.True(count <= formula);
                return TheoryCounts.Grouped(count);
            });
            Assert.Equal(new BigInteger(4 * (n - 1)), TheoryCounts.DeepNeurons(n));
            Assert.Equal(TheoryCounts.DeepNeurons(n), TheoryCounts.ProductNeurons(n, TheoryCounts.CeilLog2(n)));
            sb.Append($"| {n} | {string.Join(" | ", cells)} | {TheoryCounts.Grouped(TheoryCounts.DeepNeurons(n))} |\n");
        }
        MatchDoc("depth-table.md", sb.ToString());
        MatchReadmeBlock("depth-table", sb.ToString(tableStart, sb.Length - tableStart));
    }

    /// <summary>README holds the same table between &lt;!-- NAME:begin --&gt; and &lt;!-- NAME:end --&gt;.</summary>
    private static void MatchReadmeBlock(string name, string block)
    {
        string path = Repository.File("README.md");
        string readme = File.ReadAllText(path).Replace("\r\n", "\n");
        string begin = $"<!-- {name}:begin -->\n", end = $"<!-- {name}:end -->";
        int i = readme.IndexOf(begin, StringComparison.Ordinal), j = readme.IndexOf(end, StringComparison.Ordinal);
        Assert.True(i >= 0 && j > i, $"README.md has no {name} block");
        if (Environment.GetEnvironmentVariable("CHEAPLEARNING_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, readme.Substring(0, i + begin.Length) + block + readme.Substring(j));
            return;
        }
        Assert.Equal(block, readme.Substring(i + begin.Length, j - i - begin.Length));
    }

    private static void MatchDoc(string name, string actual)
    {
        string path = Repository.File("docs", name);
        if (Environment.GetEnvironmentVariable("CHEAPLEARNING_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run with CHEAPLEARNING_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }
}
