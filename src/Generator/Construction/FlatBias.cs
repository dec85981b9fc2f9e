using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Bias and λ choices shared by the flat constructions: candidate biases per degree (where the
    /// leading error term σ⁽ᵈ⁺²⁾(b) vanishes, where |σ⁽ᵈ⁾| peaks, and 0) and the λ grid, whose values
    /// have a 3-bit mantissa so that λ·w is exact for the small integer weights w of the identities.
    /// </summary>
    internal static class FlatBias
    {
        /// <summary>Highest derivative order ActivationCalculus tabulates for every activation.</summary>
        public const int MaxDerivativeOrder = 14;

        // By (activation, degree) packed into one int (degree · 8 + activation; the activations are 0…4), not a value
        // tuple: a dictionary keyed by a tuple is compiled by the JIT for that type in every compiler process, and
        // ConcurrentDictionary<int, double[]> is compiled once for FlatTaylor too.
        private static readonly ConcurrentDictionary<int, double[]> Cache = new();

        /// <summary>Biases b worth trying for a degree-d identity (σ⁽ᵈ⁾(b) clearly non-zero).</summary>
        public static double[] Candidates(ActivationCalculus sigma, int d)
            => d >= 0 && d <= MaxDerivativeOrder && (int)sigma.Kind is >= 0 and < 8
                ? Cache.GetOrAdd(d * 8 + (int)sigma.Kind, _ => Compute(sigma, d))
                : Compute(sigma, d);

        private static double[] Compute(ActivationCalculus sigma, int d)
        {
            if (sigma.Kind == Activation.Exp) return new[] { 0.0 };
            var result = new List<double> { 0.0 };
            for (int order = d + 1; order <= Math.Min(d + 2, MaxDerivativeOrder); order++)
                result.AddRange(Roots(sigma, order));
            var kept = new List<double>();
            double peak = 0;
            foreach (double b in result) peak = Math.Max(peak, Math.Abs(sigma.Derivative(d, b)));
            foreach (double b in result)
                if (Math.Abs(sigma.Derivative(d, b)) > 1e-3 * peak && !kept.Contains(b)) kept.Add(b);
            kept.Sort();
            return kept.ToArray();
        }

        private static IEnumerable<double> Roots(ActivationCalculus sigma, int order)
        {
            const double lo = -8, step = 0.02;
            double prev = sigma.Derivative(order, lo);
            for (int i = 1; i <= 800; i++)
            {
                double z = lo + i * step, cur = sigma.Derivative(order, z);
                if (Math.Sign(prev) != Math.Sign(cur))
                {
                    double a = z - step, b = z;
                    for (int it = 0; it < 80; it++)
                    {
                        double m = 0.5 * (a + b);
                        if (Math.Sign(sigma.Derivative(order, m)) == Math.Sign(sigma.Derivative(order, a))) a = m; else b = m;
                    }
                    yield return 0.5 * (a + b);
                }
                prev = cur;
            }
        }

        /// <summary>
        /// Minimizes <paramref name="score"/> over λ = m·2ᵉ, m ∈ {1, 1.25, 1.5, 1.75} (a 3-bit mantissa,
        /// so λ·w is exact for small integers w), λ·reach in [2⁻⁴⁰, 8]: powers of two first, then
        /// every mantissa next to the best one.
        /// </summary>
        public static (double Lambda, double Score) SearchLambda(double reach, Func<double, double> score)
        {
            int lo = (int)Math.Floor(-40 - Math.Log(reach, 2)), hi = (int)Math.Floor(3 - Math.Log(reach, 2));
            double bestLambda = Math.Pow(2, hi), bestScore = double.PositiveInfinity;
            int bestE = hi;
            for (int e = lo; e <= hi; e++)
            {
                double s = score(Math.Pow(2, e));
                if (s < bestScore) { bestScore = s; bestLambda = Math.Pow(2, e); bestE = e; }
            }
            double[] mantissas = { 1.25, 1.5, 1.75 };
            for (int e = bestE - 1; e <= bestE; e++)
                foreach (double m in mantissas)
                {
                    double lambda = m * Math.Pow(2, e);
                    if (lambda * reach > 8) continue;
                    double s = score(lambda);
                    if (s < bestScore) { bestScore = s; bestLambda = lambda; }
                }
            return (bestLambda, bestScore);
        }
    }
}
