using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Neuron and synapse counts of flat, depth-k and deep networks for monomials, computed
    /// analytically with <see cref="BigInteger"/> (never by enumerating neurons), so a product of
    /// 1,000 variables gets its flat count 2¹⁰⁰⁰ at once. Pure math, no Roslyn.
    /// <list type="bullet">
    /// <item>Flat (one hidden layer): Π(rᵢ+1) neurons for Π xᵢ^rᵢ, the minimum (Rolnick &amp; Tegmark,
    /// Thm II.1; 2ⁿ for n distinct variables, paper Eq 28 and Appendix A).</item>
    /// <item>Deep: a tree of the paper's 4-neuron multiplication gates (Eq 11) over the d = Σrᵢ
    /// factors: 4(d − 1) neurons (a product of 32 variables: 124).</item>
    /// <item>At most k hidden layers (Rolnick &amp; Tegmark, Thm III.1): the factors are merged in k
    /// levels; a group of s values merged by a flat product costs 2ˢ neurons, a value left alone
    /// crosses the level through a 2-neuron copy (2¹). With equal groups b₁…b_k (Π bᵢ = n) this is
    /// Σᵢ (Π_{j&gt;i} bⱼ)·2^{bᵢ}; the optimum over all level sizes (balanced groups per level) is
    /// found by dynamic programming over the number of values left after each level.</item>
    /// </list>
    /// Flattening costs (paper Eq 25–26): C_n = N_flat / N_deep, C_s likewise for synapses.
    /// </summary>
    internal static class TheoryCounts
    {
        /// <summary>Π (rᵢ + 1): the minimal neuron count of one hidden layer for Π xᵢ^rᵢ.</summary>
        public static BigInteger FlatNeurons(ReadOnlySpan<int> exponents)
        {
            BigInteger n = BigInteger.One;
            foreach (int r in exponents) if (r > 0) n *= r + 1;
            return n;
        }

        /// <summary>2ⁿ for a product of n distinct variables (Eq 28).</summary>
        public static BigInteger FlatNeurons(int distinctVariables) => BigInteger.Pow(2, distinctVariables);

        /// <summary>
        /// Synapses of the flat monomial network: every neuron reads the variables with a non-zero
        /// weight and feeds the output once. The weight of xᵢ is rᵢ − 2jᵢ (jᵢ = 0…rᵢ), zero for exactly
        /// one jᵢ when rᵢ is even, so Σ_neurons (non-zero inputs) = N·Σᵢ (1 − [rᵢ even]/(rᵢ+1)).
        /// </summary>
        public static BigInteger FlatSynapses(ReadOnlySpan<int> exponents)
        {
            var neurons = FlatNeurons(exponents);
            BigInteger inputs = BigInteger.Zero;
            foreach (int r in exponents)
            {
                if (r <= 0) continue;
                inputs += r % 2 == 0 ? neurons / (r + 1) * r : neurons;
            }
            return inputs + neurons;
        }

        /// <summary>4(d − 1) neurons: d − 1 four-neuron multiplication gates in a tree (0 for d ≤ 1).</summary>
        public static BigInteger DeepNeurons(int degree) => degree <= 1 ? BigInteger.Zero : 4 * new BigInteger(degree - 1);

        /// <summary>
        /// Synapses of a tree of d − 1 multiplication gates over d leaves: each gate's 4 neurons read
        /// each child, a leaf through 1 weight and a gate through its 4 neurons. The d leaf edges and
        /// d − 2 gate edges give 4·(d + 4(d − 2)) + 4 (the output reads the root) = 20d − 28.
        /// </summary>
        public static BigInteger DeepSynapses(int degree) => degree <= 1 ? new BigInteger(Math.Max(degree, 0)) : new BigInteger(20L * degree - 28);

        /// <summary>
        /// Neurons of the cheapest network with at most <paramref name="k"/> hidden layers for a
        /// product of <paramref name="n"/> factors (Thm III.1 with balanced groups per level).
        /// k = 1 is 2ⁿ; for k ≥ ⌈log₂ n⌉ it reaches 4(n − 1).
        /// </summary>
        public static BigInteger ProductNeurons(int n, int k)
        {
            if (n <= 1) return BigInteger.Zero;
            if (k < 1) throw new ArgumentOutOfRangeException(nameof(k));
            return ProductPlan(n, k).Neurons;
        }

        /// <summary>
        /// The level sizes m₀ = n &gt; m₁ &gt; … &gt; m_L = 1 (L ≤ k) of the cheapest depth-k product, and its cost; each level
        /// has the smallest group count among the cheapest. Found by <see cref="ProductLevelSearch"/> (O(k·n log n)) when the
        /// cost is below 2⁶², else by the exact scan over every group count in BigInteger (O(k·n²)).
        /// </summary>
        public static (BigInteger Neurons, int[] Levels) ProductPlan(int n, int k)
        {
            if (n <= 1) return (BigInteger.Zero, new[] { Math.Max(n, 1) });
            k = Math.Min(k, CeilLog2(n));
            if (k <= 1) return (BigInteger.Pow(2, n), new[] { n, 1 });
            var (rows, choices) = ProductLevelSearch.Search(n, k);
            if (rows[k][n] >= ProductLevelSearch.Saturated) return ExactProductPlan(n, k);
            // Every row on the path costs at most the whole, so none is saturated and each choice is exact.
            return (rows[k][n], Levels(n, k, choices));
        }

        /// <summary>n, then each level's chosen group count down to 1: m ← next[i][m] for i = k, k − 1, ….</summary>
        private static int[] Levels(int n, int k, int[][] next)
        {
            var levels = new List<int> { n };
            for (int i = k, m = n; m > 1; i--)
            {
                m = next[i][m];
                levels.Add(m);
            }
            return levels.ToArray();
        }

        /// <summary><see cref="ProductPlan"/> by scanning every group count of every level in BigInteger, for costs beyond long.</summary>
        private static (BigInteger Neurons, int[] Levels) ExactProductPlan(int n, int k)
        {
            var (best, next) = ExactPlanTables(n, k);
            return (best[k][n], Levels(n, k, next));
        }

        /// <summary>
        /// The exact scan (the level search before <see cref="ProductLevelSearch"/>, and its test oracle): best[i][m], the
        /// cheapest way to merge m ≤ n values into 1 with at most i ≤ k levels, and next[i][m], the smallest best group count.
        /// </summary>
        internal static (BigInteger[][] Best, int[][] Next) ExactPlanTables(int n, int k)
        {
            var pow2 = new BigInteger[n + 2];
            pow2[0] = BigInteger.One;
            for (int i = 1; i < pow2.Length; i++) pow2[i] = pow2[i - 1] << 1;
            var best = new BigInteger[k + 1][];
            var next = new int[k + 1][];
            for (int i = 1; i <= k; i++)
            {
                best[i] = new BigInteger[n + 1];
                next[i] = new int[n + 1];
                for (int m = 1; m <= n; m++)
                {
                    if (m == 1) { best[i][m] = BigInteger.Zero; next[i][m] = 1; continue; }
                    var cost = pow2[m];
                    int choice = 1;
                    if (i > 1)
                    {
                        for (int target = 2; target < m; target++)
                        {
                            int q = m / target, extra = m % target;
                            if (pow2[q] >= cost) continue;
                            var c = extra * pow2[q + 1] + (target - extra) * pow2[q] + best[i - 1][target];
                            if (c < cost) { cost = c; choice = target; }
                        }
                    }
                    best[i][m] = cost;
                    next[i][m] = choice;
                }
            }
            return (best, next);
        }

        /// <summary>Above this many factors <see cref="ProductNeuronsApprox"/> uses the equal-group formula.</summary>
        public const int ApproxSearchLimit = 2048;

        /// <summary>
        /// The same optimum as <see cref="ProductNeurons"/> in double precision (exact below 2⁵³, +∞
        /// past 2¹⁰²⁴): fast enough for comparing against a budget with thousands of factors.
        /// </summary>
        public static double ProductNeuronsApprox(int n, int k)
        {
            if (n <= 1) return 0;
            k = Math.Min(Math.Max(k, 1), CeilLog2(n));
            // Past a few thousand factors the theorem's equal-group cost stands in for the level search, an upper
            // bound of the optimum (Thm III.1):
            // b = ⌈n^(1/k)⌉ per level, Σᵢ b^(k−i)·2^b = 2^b·(b^k − 1)/(b − 1).
            if (n > ApproxSearchLimit)
            {
                double b = Math.Ceiling(Math.Pow(n, 1.0 / k) - 1e-9);
                return b <= 1 ? 0 : Math.Pow(2, b) * (Math.Pow(b, k) - 1) / (b - 1);
            }
            return ProductLevels(n)[k];
        }

        /// <summary><see cref="ProductNeuronsApprox"/> for every depth k = 0…<paramref name="maxDepth"/> (index k), in one level search.</summary>
        public static double[] ProductNeuronsApproxByDepth(int n, int maxDepth)
        {
            var result = new double[maxDepth + 1];
            if (n <= 1) return result;
            double[]? levels = n > ApproxSearchLimit ? null : ProductLevels(n);
            for (int k = 0; k <= maxDepth; k++)
                result[k] = levels is null ? ProductNeuronsApprox(n, k) : levels[Math.Min(Math.Max(k, 1), levels.Length - 1)];
            return result;
        }

        /// <summary>
        /// The level search of <see cref="ProductNeuronsApprox"/> for every depth k = 1…⌈log₂ n⌉ at once (index k):
        /// f₁(m) = 2ᵐ, and for i ≥ 2, f_i(m) = min over 1 ≤ t &lt; m of L(m, t) + f_{i−1}(t), where L(m, t) merges m
        /// values into t balanced groups (<see cref="LevelCost"/>; t = 1 is the flat product of all m, paper Eq 28,
        /// and Rolnick &amp; Tegmark's Thm III.1 allows any level sizes). Row i is found by divide and conquer over
        /// m, O(n log n) per depth instead of the O(n²) scan of every t, which is exact because the best t never
        /// decreases as m grows (<see cref="ProductLevelSearch"/> proves it). The answers are the exact integers in
        /// double: every f_i(n) with i ≥ 2 is below 2⁵³ for n ≤ <see cref="ApproxSearchLimit"/> (f₂(2048) ≈ 2⁵⁰),
        /// so they are the doubles the former floating-point scan produced, which tests check for every n up to the limit.
        /// </summary>
        private static double[] ProductLevels(int n)
        {
            int depth = CeilLog2(n);
            var byDepth = new double[depth + 1];
            if (depth == 0) return byDepth;
            byDepth[1] = PowerOfTwo(n);
            var rows = ProductLevelSearch.Rows(n, depth);
            for (int i = 2; i <= depth; i++) byDepth[i] = rows[i][n] < ProductLevelSearch.Saturated ? rows[i][n] : double.PositiveInfinity;
            return byDepth;
        }

        /// <summary>Math.Pow(2, m) for m ≥ 0 (exact up to 2¹⁰²³, ∞ from 1024 on), written from its bits instead of calling pow.</summary>
        private static double PowerOfTwo(int m) => m <= 1023 ? BitConverter.Int64BitsToDouble((long)(m + 1023) << 52) : double.PositiveInfinity;

        /// <summary>Merging m values into t groups as equal as possible: Σ_groups 2^size.</summary>
        public static BigInteger LevelCost(int m, int t)
        {
            int q = m / t, extra = m % t;
            return extra * BigInteger.Pow(2, q + 1) + (t - extra) * BigInteger.Pow(2, q);
        }

        /// <summary>Hidden layers of the fully deep product tree: ⌈log₂ n⌉.</summary>
        public static int CeilLog2(int n)
        {
            int k = 0;
            while ((1L << k) < n) k++;
            return k;
        }

        /// <summary>
        /// Neurons of the cheapest network with at most k hidden layers for the monomial Π xᵢ^rᵢ of
        /// degree d: Π(rᵢ+1) when k = 1, otherwise the better of that and the depth-k product of d factors.
        /// </summary>
        public static BigInteger MonomialNeurons(ReadOnlySpan<int> exponents, int k)
        {
            var flat = FlatNeurons(exponents);
            if (k <= 1) return flat;
            int degree = 0;
            foreach (int r in exponents) degree += Math.Max(r, 0);
            var depth = ProductNeurons(degree, k);
            return depth < flat ? depth : flat;
        }

        /// <summary>
        /// The smallest k ≥ 2 whose depth-k count is at most <paramref name="budget"/>, or null when
        /// not even the deep form fits. Stops at the deep depth ⌈log₂ d⌉.
        /// </summary>
        public static int? SmallestDepthWithin(int degree, BigInteger budget)
        {
            int deepest = Math.Max(2, CeilLog2(degree));
            for (int k = 2; k <= deepest; k++)
                if (ProductNeuronsApprox(degree, k) <= (double)budget) return k;
            return null;
        }

        /// <summary>A ratio of two counts for humans: "34,636,833" or "3.37e298" (3 significant digits past a million).</summary>
        public static string Ratio(BigInteger numerator, BigInteger denominator)
        {
            if (denominator.IsZero) return "∞";
            double log = BigInteger.Log10(numerator) - BigInteger.Log10(denominator);
            if (log < 6)
            {
                double value = Math.Exp(log * Math.Log(10));
                return value.ToString(value >= 100 ? "N0" : "0.##", CultureInfo.InvariantCulture);
            }
            int exponent = (int)Math.Floor(log);
            double mantissa = Math.Pow(10, log - exponent);
            if (mantissa >= 9.995) { mantissa /= 10; exponent++; }
            return mantissa.ToString("0.00", CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>An exact count with thousands separators, e.g. 4,294,967,296.</summary>
        public static string Grouped(BigInteger value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
