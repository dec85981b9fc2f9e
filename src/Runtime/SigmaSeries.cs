using System;
using System.Collections.Generic;

namespace CheapLearning
{
    /// <summary>
    /// σ near one point c as its Taylor polynomial, σ(c + t) ≈ Σₖ aₖ·tᵏ (k ≤ <see cref="Degree"/>, |t| ≤ <see cref="Radius"/>),
    /// for the batch engine. A gate's neurons share one bias — the shift c where the squaring and multiplication gates
    /// expand σ (paper, Eqs 10–11, with σ''(c) ≠ 0) — and their pre-activations z = c + λ·(u ± v) stay within a small
    /// λ·|u ± v| of it (the gates are accurate only for small λ), so one polynomial of 12 fused multiply-adds replaces exp and log1p there. Lanes farther from c take
    /// the full σ. Error, in units of 2⁻⁵³·|σ(z)| (the 4-unit contract, GateDesign.ActivationUlps):
    /// <list type="bullet">
    /// <item>Truncation. σ' (sigmoid, tanh or exp) is analytic on the disc |w − c| ≤ 1 (its nearest poles are ≥ π/2 away),
    /// bounded there by some M; by Cauchy's estimate |aₖ| ≤ M for k ≥ 1, so the remainder past degree 12 is at most
    /// M·32⁻¹³·32/31 ≈ 2.7e-20·M. For softplus, sigmoid and exp, M ≤ 2e·σ(c) (|1 + e^{∓w}| ≥ 1 when |Im w| ≤ 1): under
    /// 0.01 unit; tanh is measured.</item>
    /// <item>The coefficients. a₀ = σ(c) is ActivationFunctions' scalar σ (within about one unit); a₁…a₁₂ come from the
    /// Riccati equation (σ')' = α + β·σ' + γ·σ'² (exact recurrences below), in double, each within a few units of itself,
    /// and weighted by |t|ᵏ ≤ 32⁻ᵏ they add under 0.1 unit.</item>
    /// <item>Horner's rule with fused multiply-adds: the last step rounds once (0.5 unit); the rest is weighted by |t·a₁/σ| ≤ 1/32.</item>
    /// <item>t = z − c is exact when |c| ≥ 2·Radius (Sterbenz) or c = 0; otherwise it is rounded once, |δt| ≤ 2⁻⁵³/32, which for
    /// softplus, sigmoid and exp (σ ≥ 0.4 there) is under 0.1 unit. Tanh, which vanishes at 0, gets a series only for c = 0
    /// (odd, a₀ = 0) or |c| ≥ 4·Radius, where |tanh(z)| ≥ 3/4·|tanh(c)|.</item>
    /// </list>
    /// So a lane within the radius is within about 2 units; VectorActivationAccuracyTests measures it against a
    /// double-double reference on many points around many centers.
    /// </summary>
    internal sealed class SigmaSeries
    {
        /// <summary>Degree of the polynomial.</summary>
        public const int Degree = 12;

        /// <summary>Largest |z − c| the polynomial is used for.</summary>
        public const double Radius = 1.0 / 32;

        private SigmaSeries(double center, double[] coefficients)
        {
            Center = center;
            Coefficients = coefficients;
            Lanes = new System.Numerics.Vector<double>[coefficients.Length];
            for (int k = 0; k < coefficients.Length; k++) Lanes[k] = new System.Numerics.Vector<double>(coefficients[k]);
        }

        /// <summary>
        /// a₀ … a_Degree, each broadcast to a vector: the batch kernel reads them from memory at each step, so they do not
        /// hold 13 vector registers across its loop, which the full σ of the lanes outside the radius needs for its own
        /// constants (with them held, a bit network's threshold neurons, never near their bias, took their full σ about a
        /// third slower than without a series).
        /// </summary>
        internal System.Numerics.Vector<double>[] Lanes { get; }

        /// <summary>c.</summary>
        public double Center { get; }

        /// <summary>a₀ … a_Degree.</summary>
        public double[] Coefficients { get; }

        /// <summary>The series of σ at <paramref name="center"/>, or null where it does not apply (ReLU, a non-finite c, tanh near 0).</summary>
        public static SigmaSeries? Create(Activation activation, double center)
        {
            if (!Numeric.IsFinite(center) || Math.Abs(center) > 700) return null;
            // σ' = y solves y' = α + β·y + γ·y²: sigmoid (0, 1, −1), tanh (1, 0, −1), exp (0, 1, 0); softplus is sigmoid's integral.
            double alpha, beta, gamma;
            switch (activation)
            {
                case Activation.Softplus:
                case Activation.Sigmoid: alpha = 0; beta = 1; gamma = -1; break;
                case Activation.Tanh:
                    if (center != 0 && Math.Abs(center) < 4 * Radius) return null;
                    alpha = 1; beta = 0; gamma = -1;
                    break;
                case Activation.Exp: alpha = 0; beta = 1; gamma = 0; break;
                default: return null;
            }
            bool integrate = activation == Activation.Softplus;
            // y's Taylor coefficients yₖ: (k + 1)·yₖ₊₁ = α·[k = 0] + β·yₖ + γ·Σᵢ yᵢ·yₖ₋ᵢ.
            int count = integrate ? Degree : Degree + 1;
            var y = new double[count];
            y[0] = integrate ? ActivationFunctions.Sigmoid(center) : ActivationFunctions.Evaluate(activation, center);
            for (int k = 0; k + 1 < count; k++)
            {
                double square = 0;
                for (int i = 0; i <= k; i++) square += y[i] * y[k - i];
                y[k + 1] = ((k == 0 ? alpha : 0) + beta * y[k] + gamma * square) / (k + 1);
            }
            var a = y;
            if (integrate)
            {
                a = new double[Degree + 1];
                a[0] = ActivationFunctions.Softplus(center);
                for (int k = 0; k < Degree; k++) a[k + 1] = y[k] / (k + 1);
            }
            if (a[0] != 0) a[0] = MeanValue(activation, center, a);
            return new SigmaSeries(center, a);
        }

        /// <summary>
        /// a₀ as the mean of 64 estimates σ(zⱼ) − Σₖ≥₁ aₖ·tⱼᵏ, zⱼ spread over the disc (tⱼ = zⱼ − c): the scalar σ is within
        /// 3.5 units at worst but its roundings at distinct points are nearly independent, so their mean is much closer to
        /// σ(c) than σ(c) alone (each estimate's own rounding, σ(zⱼ) − a₀ being exact, is below 0.05 unit).
        /// </summary>
        private static double MeanValue(Activation activation, double center, double[] a)
        {
            const int samples = 64;
            double sum = 0;
            for (int j = 0; j < samples; j++)
            {
                double z = center + Radius * (j - (samples - 1) / 2.0) / (samples / 2.0);
                double t = z - center;
                double rest = 0;
                for (int k = Degree; k >= 1; k--) rest = (rest + a[k]) * t;
                sum += (ActivationFunctions.Evaluate(activation, z) - a[0]) - rest;
            }
            return a[0] + sum / samples;
        }

        /// <summary>
        /// One series per distinct bias of <paramref name="map"/>'s rows (a row's z is its bias plus a sum, so the bias is
        /// where its z clusters), or null for rows without terms (z is the bias itself) and where none applies.
        /// </summary>
        public static SigmaSeries?[] ForRows(Activation activation, SparseAffineMap map, Dictionary<double, SigmaSeries?> shared)
        {
            var rows = new SigmaSeries?[map.OutputCount];
            for (int r = 0; r < rows.Length; r++)
            {
                if (map.RowStarts[r] == map.RowStarts[r + 1]) continue;
                double bias = map.Bias[r];
                if (!shared.TryGetValue(bias, out var series)) shared[bias] = series = Create(activation, bias);
                rows[r] = series;
            }
            return rows;
        }
    }
}
