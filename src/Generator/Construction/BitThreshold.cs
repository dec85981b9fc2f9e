using System;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// The sigmoid threshold neuron of Eq 13 and its error analysis. A neuron reads an integer-valued
    /// form L of exact bits (integer weights wᵢ) and computes h = σ(β(L − θ)) with θ a half-integer, so the
    /// exact pre-activation is at least β/2 away from 0 and h is within σ(−β/2) ≤ e^(−β/2) of the step
    /// [L &gt; θ]. (The paper's "β &gt; D ln 10 for D digits" overlooks that the margin is β/2, not β: one
    /// term needs β &gt; 2D ln 10.)
    ///
    /// Errors propagate: if the inputs are off by δᵢ, L is off by e = Σ|wᵢ|δᵢ (+ rounding), the margin
    /// shrinks to β(½ − e), and the neuron is off by δ = σ(−β(½ − e) + r) + 4u, where u = 2⁻⁵³, r bounds the
    /// rounding of the pre-activation (≤ 2uβ(Σ|wᵢ| + |θ − c|)) and 4u that of σ itself (|σ| ≤ 1).
    /// The output Σ c_s ĥ_s + c₀ is then off by Σ|c_s|δ_s + (k + 3)u·S with S = |c₀| + Σ|c_s|(1 + δ_s)
    /// (coefficient rounding and the k-term summation).
    /// </summary>
    internal static class BitThreshold
    {
        public const double Unit = GateDesign.Unit;

        /// <summary>Error bound of one neuron: inputs' weighted error e (already summed), Σ|w|, |θ − c|, β.</summary>
        public static double NeuronError(double inputError, double weightSum, double offset, double beta)
        {
            double margin = 0.5 - inputError;
            if (!(margin > 0)) return double.PositiveInfinity;
            double rounding = 2 * Unit * beta * (weightSum + offset);
            return ActivationFunctions.Sigmoid(-(beta * margin - rounding)) + 4 * Unit;
        }

        /// <summary>
        /// Error of a row Σ wᵢ x̂ᵢ + c: propagated error Σ|wᵢ|eᵢ plus rounding of the k-term sum, with
        /// |wᵢ| = <paramref name="absWeights"/>[i] and eᵢ = <paramref name="errors"/>[<paramref name="columns"/>[i]].
        /// </summary>
        public static double RowError(int[] columns, double[] absWeights, double[] errors, double constant)
        {
            double propagated = 0, scale = Math.Abs(constant);
            for (int i = 0; i < columns.Length; i++)
            {
                double w = absWeights[i], e = errors[columns[i]];
                propagated += w * e;
                scale += w * (1 + e);
            }
            return propagated + (columns.Length + 3) * Unit * scale * 1.01;
        }

        /// <summary>
        /// The smallest β (rounded up to 0.01) with bound(β) ≤ tolerance, searched on a geometric grid and
        /// refined by bisection; when none reaches it, the β with the smallest bound (Reached = false).
        /// </summary>
        public static (double Beta, double Bound, bool Reached) ChooseBeta(Func<double, double> bound, double tolerance)
        {
            double previous = 1, bestBeta = 1, bestBound = double.PositiveInfinity;
            for (int k = 0; k <= 400; k++)
            {
                double beta = 2 * Math.Pow(1.03, k);
                double b = bound(beta);
                if (b < bestBound) { bestBound = b; bestBeta = beta; }
                if (b <= tolerance)
                {
                    double lo = previous, hi = beta;
                    for (int it = 0; it < 50; it++)
                    {
                        double mid = 0.5 * (lo + hi);
                        if (bound(mid) <= tolerance) hi = mid; else lo = mid;
                    }
                    double rounded = Math.Ceiling(hi * 100) / 100;
                    double br = bound(rounded);
                    return br <= tolerance ? (rounded, br, true) : (beta, b, true);
                }
                previous = beta;
            }
            return (bestBeta, bestBound, false);
        }
    }
}
