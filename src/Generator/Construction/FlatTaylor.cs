using System;
using System.Collections.Concurrent;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Taylor bookkeeping of the flat identities. For the monomial identity the network's exact value
    /// is Σₖ σ⁽ᵏ⁾(b)λᵏ⁻ᵈ [tᵏ]G(x) / (2ᵈσ⁽ᵈ⁾(b)) with G(x) = Π(2 sinh t xᵢ)^{rᵢ}; [tᵏ]G is a polynomial
    /// in x with non-negative coefficients, so on the box |[tᵏ]G(x)| ≤ Rᵏ [uᵏ](2 sinh u)ᵈ, which
    /// <see cref="SinhPowerCoefficients"/> tabulates exactly.
    /// </summary>
    internal static class FlatTaylor
    {
        private static readonly ConcurrentDictionary<int, double[]> SinhPowers = new();

        /// <summary>[uᵏ](2 sinh u)ᵈ for k = 0…MaxDerivativeOrder.</summary>
        public static double[] SinhPowerCoefficients(int d) => SinhPowers.GetOrAdd(d, Compute);

        private static double[] Compute(int d)
        {
            int top = FlatBias.MaxDerivativeOrder;
            var sinh = new double[top + 1];
            for (int m = 1; m <= top; m += 2) sinh[m] = 2 / FlatNetworkBuilder.Factorial(m);
            var result = new double[top + 1];
            result[0] = 1;
            for (int i = 0; i < d; i++)
            {
                var next = new double[top + 1];
                for (int a = 0; a <= top; a++)
                {
                    if (result[a] == 0) continue;
                    for (int b = 1; a + b <= top; b += 2) next[a + b] += result[a] * sinh[b];
                }
                result = next;
            }
            return result;
        }

        /// <summary>
        /// A rigorous (up to a rounding allowance) upper bound of sup |σ⁽ᵏ⁾| on [lo, hi], tight at high
        /// orders. σ⁽ᵏ⁾ is a polynomial Pₖ in the logistic s (s' = s(1 − s); softplus' = s,
        /// tanh z = 2s(2z) − 1); on each of <paramref name="pieces"/> pieces of the s-interval with
        /// midpoint s₀ and half-width H, |P(s₀ + h)| ≤ Σᵢ |P⁽ⁱ⁾(s₀)/i!|Hⁱ (the Taylor shift of P is exact
        /// polynomial arithmetic). The coefficients of Pₖ alternate and grow like k!, so the cruder
        /// Lipschitz allowance of <see cref="ActivationCalculus.SupAbsDerivative"/> is far too loose here.
        /// </summary>
        public static double SupAbs(ActivationCalculus sigma, int k, double lo, double hi, int pieces = 8)
        {
            if (sigma.Kind == Activation.Exp) return Math.Exp(hi) * (1 + 1e-12);
            int index = sigma.Kind == Activation.Softplus ? k - 1 : k;
            double scale = sigma.Kind == Activation.Tanh ? 2 * Math.Pow(2, k) : 1;
            double zLo = sigma.Kind == Activation.Tanh ? 2 * lo : lo, zHi = sigma.Kind == Activation.Tanh ? 2 * hi : hi;
            double sLo = ActivationFunctions.Sigmoid(zLo), sHi = ActivationFunctions.Sigmoid(zHi);
            sLo = Math.Max(0, sLo * (1 - 1e-15) - 1e-300);
            sHi = Math.Min(1, sHi * (1 + 1e-15));
            var p = LogisticPolys[index];
            double absSum = 0;
            foreach (double c in p) absSum += Math.Abs(c);
            double max = 0, width = (sHi - sLo) / pieces;
            var shifted = new double[p.Length];
            for (int piece = 0; piece < pieces; piece++)
            {
                double s0 = sLo + (piece + 0.5) * width, h = width / 2;
                Array.Copy(p, shifted, p.Length);
                // Taylor shift: coefficients of P(s₀ + h) in h (repeated synthetic division).
                for (int i = 0; i < shifted.Length; i++)
                    for (int j = shifted.Length - 2; j >= i; j--)
                        shifted[j] += s0 * shifted[j + 1];
                double bound = 0, power = 1;
                foreach (double c in shifted)
                {
                    bound += Math.Abs(c) * power;
                    power *= h;
                }
                max = Math.Max(max, bound);
            }
            // Allowance for the rounding of the shift, relative to the coefficients' size.
            return scale * (max * (1 + 1e-12) + 64 * GateDesign.Unit * absSum * p.Length);
        }

        private static readonly double[][] LogisticPolys = BuildLogisticPolynomials();

        /// <summary>P₀(s) = s, P_{k+1}(s) = P_k'(s)·(s − s²): s⁽ᵏ⁾ = Pₖ(s) (as in ActivationCalculus).</summary>
        private static double[][] BuildLogisticPolynomials()
        {
            var polys = new double[FlatBias.MaxDerivativeOrder + 1][];
            polys[0] = new[] { 0.0, 1.0 };
            for (int k = 0; k < FlatBias.MaxDerivativeOrder; k++)
            {
                var p = polys[k];
                var next = new double[p.Length + 1];
                for (int i = 1; i < p.Length; i++)
                {
                    double d = i * p[i];
                    next[i] += d;
                    next[i + 1] -= d;
                }
                polys[k + 1] = next;
            }
            return polys;
        }
    }
}
