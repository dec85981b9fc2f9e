using System;
using System.Collections.Generic;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Derivatives of σ to any order, their suprema on intervals, and the biases where the gates'
    /// leading error terms vanish. Every derivative of the logistic function s is a polynomial in s
    /// (s' = s(1 − s)), and softplus' = s, tanh(z) = 2s(2z) − 1, so one recurrence serves three
    /// activations; exp is its own derivative.
    /// </summary>
    internal sealed class ActivationCalculus
    {
        private const int MaxOrder = 14;
        private static readonly double[][] LogisticPolys = BuildLogisticPolynomials();

        public static ActivationCalculus Softplus => SoftplusCalculus.Value;
        public static ActivationCalculus Sigmoid => SigmoidCalculus.Value;
        public static ActivationCalculus Tanh => TanhCalculus.Value;
        public static ActivationCalculus Exp => ExpCalculus.Value;

        // Each calculus is built on its first use, by its own holder's static constructor (once, thread-safe, no mutable
        // state): building one scans σ's derivatives for the gates' biases, a few ms of a cold process's first-call code,
        // and a project uses one activation or two. They were all built together, on the first use of any.
        private static class SoftplusCalculus { public static readonly ActivationCalculus Value = new(Activation.Softplus); }
        private static class SigmoidCalculus { public static readonly ActivationCalculus Value = new(Activation.Sigmoid); }
        private static class TanhCalculus { public static readonly ActivationCalculus Value = new(Activation.Tanh); }
        private static class ExpCalculus { public static readonly ActivationCalculus Value = new(Activation.Exp); }

        /// <summary>
        /// The calculus of a smooth activation. ReLU has none (σ'' = 0 everywhere but at 0, so every Taylor
        /// gate of the paper degenerates): its networks come from <see cref="ReluAssembler"/> and
        /// <see cref="ReluBits"/>, and asking for its calculus is a planner bug, not a user error.
        /// </summary>
        public static ActivationCalculus For(Activation activation) => activation switch
        {
            Activation.Softplus => Softplus,
            Activation.Sigmoid => Sigmoid,
            Activation.Tanh => Tanh,
            Activation.Exp => Exp,
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation,
                     "Only smooth activations have Taylor gates; ReLU networks are built by ReluAssembler and ReluBits."),
        };

        private ActivationCalculus(Activation kind)
        {
            Kind = kind;
            if (kind == Activation.Exp)
            {
                // σ⁽ᵏ⁾ = eᵇ for every k: no bias kills the λ² term, and the ratios that set the
                // error do not depend on b, so b = 0.
                ProductBiases = new[] { 0.0 };
                CopyBiases = new[] { 0.0 };
            }
            else
            {
                // Multiplication and squaring gates: σ''''(b) = 0 with σ''(b) ≠ 0 makes the error
                // O(λ⁴) instead of the paper's O(λ²) (DESIGN.md, Eq 11 note); the maxima of |σ''|
                // (σ''' = 0) are kept as candidates too. Copy gates: σ'''(b) = 0 with σ'(b) ≠ 0.
                ProductBiases = Candidates(order: 4, nonZeroOrder: 2, fallbackOrder: 3);
                var copies = new List<double>(Candidates(order: 3, nonZeroOrder: 1, fallbackOrder: 2));
                if (kind == Activation.Softplus) copies.Insert(0, 0.0);
                CopyBiases = copies.ToArray();
            }
        }

        public Activation Kind { get; }

        /// <summary>Biases b tried for multiplication and squaring gates.</summary>
        public double[] ProductBiases { get; }

        /// <summary>Biases b tried for copy gates.</summary>
        public double[] CopyBiases { get; }

        /// <summary>
        /// Softplus satisfies σ(x) − σ(−x) = x exactly (paper, footnote 3): its copy gate at b = 0
        /// has no truncation error.
        /// </summary>
        public bool HasExactCopyAtZero => Kind == Activation.Softplus;

        public double Value(double z) => ActivationFunctions.Evaluate(Kind, z);

        /// <summary>σ⁽ᵏ⁾(z).</summary>
        public double Derivative(int k, double z)
        {
            if (k == 0) return Value(z);
            switch (Kind)
            {
                case Activation.Exp: return Math.Exp(z);
                case Activation.Softplus: return Horner(LogisticPolys[k - 1], ActivationFunctions.Sigmoid(z));
                case Activation.Sigmoid: return Horner(LogisticPolys[k], ActivationFunctions.Sigmoid(z));
                default: return 2 * Math.Pow(2, k) * Horner(LogisticPolys[k], ActivationFunctions.Sigmoid(2 * z));
            }
        }

        /// <summary>An upper bound of sup |σ⁽ᵏ⁾| on [lo, hi] (k ≥ 1), rigorous up to rounding.</summary>
        public double SupAbsDerivative(int k, double lo, double hi)
        {
            if (Kind == Activation.Exp) return Math.Exp(hi);
            int index = Kind == Activation.Softplus ? k - 1 : k;
            double scale = Kind == Activation.Tanh ? 2 * Math.Pow(2, k) : 1;
            double zLo = Kind == Activation.Tanh ? 2 * lo : lo, zHi = Kind == Activation.Tanh ? 2 * hi : hi;
            double sLo = ActivationFunctions.Sigmoid(zLo), sHi = ActivationFunctions.Sigmoid(zHi);
            var p = LogisticPolys[index];
            // Sample the polynomial in s on [sLo, sHi] and add its Lipschitz constant times half
            // the sample spacing, which bounds what lies between samples.
            const int samples = 24;
            double lipschitz = 0;
            for (int i = 1; i < p.Length; i++) lipschitz += i * Math.Abs(p[i]);
            double max = 0, step = (sHi - sLo) / samples;
            for (int i = 0; i <= samples; i++) max = Math.Max(max, Math.Abs(Horner(p, sLo + i * step)));
            return scale * (max + lipschitz * step / 2) * (1 + 1e-12);
        }

        /// <summary>The roots b of σ⁽ᵒʳᵈᵉʳ⁾ in [−12, 12] where σ⁽ⁿᵒⁿᶻᵉʳᵒ⁾(b) is not small.</summary>
        private double[] Candidates(int order, int nonZeroOrder, int fallbackOrder)
        {
            var result = new List<double>();
            foreach (double b in Roots(order))
                if (Math.Abs(Derivative(nonZeroOrder, b)) > 1e-3) result.Add(b);
            foreach (double b in Roots(fallbackOrder))
                if (Math.Abs(Derivative(nonZeroOrder, b)) > 1e-3) result.Add(b);
            if (result.Count == 0) result.Add(1.0);
            return result.ToArray();
        }

        private IEnumerable<double> Roots(int order)
        {
            const double lo = -12, step = 0.01;
            double prev = Derivative(order, lo);
            for (int i = 1; i <= 2400; i++)
            {
                double z = lo + i * step, cur = Derivative(order, z);
                if (prev == 0 || Math.Sign(prev) != Math.Sign(cur))
                {
                    double a = z - step, b = z;
                    for (int it = 0; it < 100; it++)
                    {
                        double m = 0.5 * (a + b);
                        if (Math.Sign(Derivative(order, m)) == Math.Sign(Derivative(order, a))) a = m; else b = m;
                    }
                    yield return 0.5 * (a + b);
                }
                prev = cur;
            }
        }

        private static double Horner(double[] p, double s)
        {
            double r = 0;
            for (int i = p.Length - 1; i >= 0; i--) r = r * s + p[i];
            return r;
        }

        private static double[][] BuildLogisticPolynomials()
        {
            // P₀(s) = s, P_{k+1}(s) = P_k'(s) · (s − s²).
            var polys = new double[MaxOrder + 1][];
            polys[0] = new[] { 0.0, 1.0 };
            for (int k = 0; k < MaxOrder; k++)
            {
                var p = polys[k];
                var next = new double[p.Length + 1];
                for (int i = 1; i < p.Length; i++)
                {
                    double d = i * p[i]; // coefficient of s^(i−1) in P'
                    next[i] += d;        // × s
                    next[i + 1] -= d;    // × (−s²)
                }
                polys[k + 1] = next;
            }
            return polys;
        }
    }
}
