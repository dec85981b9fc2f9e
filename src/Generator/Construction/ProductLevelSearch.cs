using System;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// The cheapest depth-i networks for products of m ≤ n factors (Rolnick &amp; Tegmark, Thm III.1, as counted by
    /// <see cref="TheoryCounts"/>), between the two extremes of the paper's polynomial no-flattening theorem (Sec. III H):
    /// the flat n-input multiplication gate of Eq 28 with its proven-minimal 2ⁿ neurons (Appendix A), and the binary tree
    /// of 4-neuron gates (Eq 11) over ⌈log₂ n⌉ layers. Each level merges groups of values by flat gates of Eq 28 (a
    /// group of s costs 2ˢ): f₁(m) = 2ᵐ, and for i ≥ 2
    /// f_i(m) = min over 1 ≤ t &lt; m of C(m, t) = L(m, t) + f_{i−1}(t), with L(m, t) = Σ_groups 2^size the cost of
    /// merging m values into t balanced groups (a singleton crossing the level as a 2-neuron copy, footnote 3).
    /// <para>
    /// <b>Why divide and conquer is exact.</b> Write q = ⌊m/t⌋ and r = m − qt, so L(m, t) = r·2^(q+1) + (t − r)·2^q.
    /// (1) One more value joins a smallest group: L(m + 1, t) − L(m, t) = 2^⌊m/t⌋ for m ≥ t (if r &lt; t − 1 a group of
    /// q becomes q + 1; if r = t − 1 the last group of q does, and all t groups have q + 1). (2) Hence for t &lt; s ≤ m &lt; m′,
    /// L(m′, t) − L(m, t) = Σ_{j=m}^{m′−1} 2^⌊j/t⌋ ≥ Σ_{j=m}^{m′−1} 2^⌊j/s⌋ = L(m′, s) − L(m, s), because ⌊j/t⌋ ≥ ⌊j/s⌋.
    /// (3) Let s be the smallest minimizer of C(m, ·). For every t &lt; s: C(m′, t) − C(m′, s) ≥ C(m, t) − C(m, s) &gt; 0
    /// (add f_{i−1}(t) − f_{i−1}(s) to both sides of (2)), so the smallest minimizer for any m′ &gt; m is ≥ s.
    /// Solving the middle row of a block of rows therefore bounds the minimizers of the rows below and above it,
    /// and each row is searched only between those bounds: O(n log n) candidates per depth.
    /// </para>
    /// <para>
    /// Arithmetic is in long, saturated at <see cref="Saturated"/>: a stored value is min(true value, Saturated),
    /// which keeps the order of every value below it, so a row whose optimum is below it gets its exact optimum and
    /// smallest minimizer. A saturated row has all candidates at Saturated; it gives the rows below it no tighter upper
    /// bound, and every row above it is saturated too (f_i is nondecreasing in m: drop one value from a plan for m).
    /// For i ≥ 2 and m ≤ 2048 no row saturates (f₂(2048) ≈ 2⁵⁰).
    /// </para>
    /// </summary>
    internal static class ProductLevelSearch
    {
        /// <summary>The ceiling of the saturated arithmetic: 2⁶² − 1, so that the sum of two stored values cannot overflow.</summary>
        public const long Saturated = long.MaxValue >> 1;

        /// <summary>
        /// rows[i][m] = f_i(m) for 2 ≤ i ≤ <paramref name="depth"/> and 0 ≤ m ≤ <paramref name="n"/> (f_i(0) = f_i(1) = 0), saturated.
        /// rows[0] and rows[1] are the flat row 2ᵐ (saturated) so that any index 1…depth reads a depth.
        /// </summary>
        public static long[][] Rows(int n, int depth) => Search(n, depth).Rows;

        /// <summary>
        /// <see cref="Rows"/> and, for each depth i ≥ 2 and unsaturated row m, the smallest best t (Choices[i][m]; 1 is the
        /// flat product of all m). Choices[0] and Choices[1] are all 1.
        /// </summary>
        public static (long[][] Rows, int[][] Choices) Search(int n, int depth)
        {
            int levels = Math.Max(depth, 1) + 1;
            var rows = new long[levels][];
            var choices = new int[levels][];
            var flat = new long[n + 1];
            var alone = new int[n + 1];
            for (int m = 2; m <= n; m++)
            {
                flat[m] = m < 62 ? 1L << m : Saturated;
                alone[m] = 1;
            }
            rows[0] = rows[1] = flat;
            choices[0] = choices[1] = alone;
            for (int i = 2; i <= depth; i++)
            {
                rows[i] = new long[n + 1];
                choices[i] = new int[n + 1];
                if (n >= 2) Solve(rows[i - 1], rows[i], choices[i], 2, n, 1, n - 1);
            }
            return (rows, choices);
        }

        /// <summary>
        /// Fills row[m] for lo ≤ m ≤ hi, knowing that each unsaturated row's smallest minimizer lies in [tLo, tHi]:
        /// the middle row is scanned over that range, and its minimizer splits the range for the two halves.
        /// </summary>
        private static void Solve(long[] previous, long[] row, int[] choice, int lo, int hi, int tLo, int tHi)
        {
            while (lo <= hi)
            {
                int m = lo + (hi - lo) / 2;
                long best = long.MaxValue;
                int bestT = tLo;
                int last = Math.Min(tHi, m - 1);
                for (int t = tLo; t <= last; t++)
                {
                    long cost = Add(Level(m, t), previous[t]);
                    if (cost < best) { best = cost; bestT = t; }
                }
                row[m] = best;
                choice[m] = bestT;
                // A saturated row bounds nothing below it (its minimizer is only the first of equal candidates).
                Solve(previous, row, choice, lo, m - 1, tLo, best >= Saturated ? tHi : bestT);
                lo = m + 1;
                tLo = bestT;
            }
        }

        /// <summary>L(m, t) = 2^q·(m − (q − 1)·t) with q = ⌊m/t⌋ (= r·2^(q+1) + (t − r)·2^q), saturated; 1 ≤ t ≤ m.</summary>
        public static long Level(int m, int t)
        {
            int q = m / t;
            if (q >= 62) return Saturated;
            long groups = m - (long)(q - 1) * t; // t + r < 2t
            return groups > Saturated >> q ? Saturated : groups << q;
        }

        private static long Add(long a, long b) => Math.Min(a + b, Saturated);
    }
}
