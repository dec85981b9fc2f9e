using System;
using System.Collections.Generic;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// The one-hidden-layer identity for a monomial Π xᵢ^rᵢ of degree d (paper Eq 28 and Appendix A,
    /// generalized by Rolnick &amp; Tegmark Thm II.1). With weight vectors wⱼ, wⱼᵢ = rᵢ − 2jᵢ
    /// (jᵢ = 0…rᵢ) and signs cⱼ = Π (−1)^{jᵢ} C(rᵢ, jᵢ):
    /// Σⱼ cⱼ e^{t wⱼ·x} = Π (2 sinh t xᵢ)^{rᵢ} = 2ᵈtᵈ Π xᵢ^{rᵢ} (1 + t² Σ rᵢxᵢ²/6 + O(t⁴)),
    /// so Σⱼ cⱼ (wⱼ·x)ᵏ vanishes for k &lt; d and k = d+1, and
    /// Σⱼ cⱼ σ(b + λ wⱼ·x) / (2ᵈ λᵈ σ⁽ᵈ⁾(b)) = Π xᵢ^{rᵢ} + (σ⁽ᵈ⁺²⁾(b)/σ⁽ᵈ⁾(b)) λ² Π xᵢ^{rᵢ} Σ rᵢxᵢ²/6 + O(λ⁴).
    /// Π (rᵢ + 1) neurons, the proven minimum; for rᵢ = 1 this is Eq 28 with its 2ⁿ sign vectors.
    /// </summary>
    internal sealed class FlatMonomial
    {
        public FlatMonomial(int[] exponents)
        {
            Exponents = exponents;
            int count = 1;
            foreach (int r in exponents)
            {
                Degree += r;
                count = checked(count * (r + 1)); // Π (rᵢ + 1) neurons
            }
            var weights = new int[count][];
            var signs = new double[count];
            int next = 0;
            var j = new int[exponents.Length];
            do
            {
                var w = new int[exponents.Length];
                double c = 1;
                for (int i = 0; i < w.Length; i++)
                {
                    w[i] = exponents[i] - 2 * j[i];
                    c *= (j[i] % 2 == 0 ? 1 : -1) * Binomial(exponents[i], j[i]);
                }
                weights[next] = w;
                signs[next++] = c;
            }
            while (NextChoice(j, exponents));
            Weights = weights;
            Signs = signs;
        }

        /// <summary>
        /// Steps <paramref name="j"/> to the next choice 0 ≤ jᵢ ≤ rᵢ (an odometer, j₀ fastest): every neuron wⱼ of
        /// the identity once, starting from all zeros. False after the last choice, with j back at zeros.
        /// </summary>
        public static bool NextChoice(int[] j, ReadOnlySpan<int> exponents)
        {
            int k = 0;
            while (k < j.Length && j[k] == exponents[k]) j[k++] = 0;
            if (k == j.Length) return false;
            j[k]++;
            return true;
        }

        public int[] Exponents { get; }
        public int Degree { get; }

        /// <summary>wⱼ: the integer weight vectors (λ·wⱼ are the neurons' input weights).</summary>
        public int[][] Weights { get; }

        /// <summary>cⱼ = Π (−1)^{jᵢ} C(rᵢ, jᵢ); Σ |cⱼ| = 2ᵈ.</summary>
        public double[] Signs { get; }

        /// <summary>Σⱼ |cⱼ| · |wⱼ|₁ᵏ / 2ᵈ: what the Taylor remainder of order k sums to (per Rᵏ).</summary>
        public double RemainderMoment(int k)
        {
            lock (_moments)
            {
                if (_moments.TryGetValue(k, out double cached)) return cached;
            }
            double sum = 0;
            for (int j = 0; j < Weights.Length; j++) sum += Math.Abs(Signs[j]) * Math.Pow(L1(Weights[j]), k);
            sum /= Math.Pow(2, Degree);
            lock (_moments) _moments[k] = sum;
            return sum;
        }

        private readonly Dictionary<int, double> _moments = new();

        public static int L1(int[] w)
        {
            int s = 0;
            foreach (int x in w) s += Math.Abs(x);
            return s;
        }

        public static int NonZero(int[] w)
        {
            int s = 0;
            foreach (int x in w) if (x != 0) s++;
            return s;
        }

        private static double Binomial(int n, int k)
        {
            double c = 1;
            for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
            return Math.Round(c);
        }
    }
}
