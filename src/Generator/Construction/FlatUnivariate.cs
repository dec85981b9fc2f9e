using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// A univariate polynomial p(x) = Σ pₖxᵏ of degree D with D + 1 neurons σ(b + λμₘx) on the nodes
    /// μₘ = D − 2m (those of xᴰ alone). Since Σₘ aₘσ(b + λμₘx) = Σₖ σ⁽ᵏ⁾(b)λᵏxᵏ/k! · Σₘ aₘμₘᵏ, the
    /// output weights solve the Vandermonde system Σₘ aₘμₘᵏ = yₖ = k!pₖ/(σ⁽ᵏ⁾(b)λᵏ) for k = 0…D
    /// (y₀ = 0; p₀ is the output bias), i.e. aₘ = Σₖ ℓₘₖyₖ with ℓₘₖ the coefficients of the Lagrange
    /// basis polynomial of node m. The truncation error is the moments k &gt; D, taken explicitly up
    /// to order D + 3 and by a Lagrange remainder beyond.
    /// </summary>
    internal static class FlatUnivariate
    {
        private const double Unit = GateDesign.Unit;

        /// <summary>Builds p on [−1, 1] (up to <see cref="FlatLayer.NormalizedBound"/>); the input is read as x·inputScale.</summary>
        public static BuiltNetwork Build(Polynomial p, int variable, ActivationCalculus sigma, double inputScale, CancellationToken ct)
        {
            double r = FlatLayer.NormalizedBound(inputScale);
            int n = p.VariableCount;
            int degree = p.Degree;
            var coefficients = new double[degree + 1];
            foreach (var t in p.Terms) coefficients[t.Key.Degree] += t.Value;
            var nodes = Enumerable.Range(0, degree + 1).Select(m => (double)(degree - 2 * m)).ToArray();
            var lagrange = LagrangeCoefficients(nodes);

            double bestScore = double.PositiveInfinity;
            (double B, double Lambda, double[] A, double Truncation) best = (0, 1, new double[0], double.PositiveInfinity);
            var biases = FlatBias.Candidates(sigma, degree).Concat(degree > 1 ? FlatBias.Candidates(sigma, degree - 1) : Array.Empty<double>()).Distinct().ToArray();
            foreach (double b in biases)
            {
                ct.ThrowIfCancellationRequested();
                var (lambda, score) = FlatBias.SearchLambda(degree * r, lambda =>
                {
                    var a = Weights(coefficients, lagrange, sigma, b, lambda, out _);
                    double truncation = Truncation(a, nodes, sigma, b, lambda, r);
                    double t = lambda * degree * r;
                    double sigmaMax = Math.Max(Math.Abs(sigma.Value(b - t)), Math.Abs(sigma.Value(b + t)));
                    double slope = sigma.SupAbsDerivative(1, b - t, b + t);
                    double perUnit = Unit * (slope * (t + 2 * (Math.Abs(b) + t)) + (degree + 13) * sigmaMax);
                    return truncation + a.Sum(Math.Abs) * perUnit;
                });
                if (score < bestScore)
                {
                    bestScore = score;
                    var a = Weights(coefficients, lagrange, sigma, b, lambda, out _);
                    best = (b, lambda, a, Truncation(a, nodes, sigma, b, lambda, r));
                }
            }

            var weights = Weights(coefficients, lagrange, sigma, best.B, best.Lambda, out var absTerms);
            var neurons = new List<FlatNetworkBuilder.Neuron>();
            for (int m = 0; m <= degree; m++)
            {
                var w = new int[n];
                w[variable] = degree - 2 * m;
                neurons.Add(new FlatNetworkBuilder.Neuron(best.B, best.Lambda, w)
                {
                    Output = weights[m],
                    OutputError = (degree + 6) * Unit * absTerms[m],
                });
            }
            double common = 0;
            for (int k = 1; k <= degree; k++) common += Math.Abs(coefficients[k]) * Math.Pow(r, k) * FlatNetworkBuilder.DerivativeRelativeError;
            return FlatLayer.Assemble(sigma, n, neurons, coefficients[0], inputScale, best.Truncation + common);
        }

        private static double[] Weights(double[] p, double[,] lagrange, ActivationCalculus sigma, double b, double lambda, out double[] absTerms)
        {
            int degree = p.Length - 1;
            var a = new double[degree + 1];
            absTerms = new double[degree + 1];
            for (int k = 1; k <= degree; k++)
            {
                if (p[k] == 0) continue;
                double y = FlatNetworkBuilder.Factorial(k) * p[k] / (sigma.Derivative(k, b) * Math.Pow(lambda, k));
                for (int m = 0; m <= degree; m++)
                {
                    a[m] += lagrange[m, k] * y;
                    absTerms[m] += Math.Abs(lagrange[m, k] * y);
                }
            }
            return a;
        }

        /// <summary>
        /// |Σₖ&gt;D σ⁽ᵏ⁾(b)λᵏxᵏ/k! Σₘ aₘμₘᵏ| for |x| ≤ R: orders D+1…Q−1 explicitly (the computed moment
        /// plus its own rounding), order Q as the Lagrange remainder Σₘ|aₘ|(λ|μₘ|R)^Q sup|σ⁽Q⁾|/Q!;
        /// the best Q ≤ 14.
        /// </summary>
        private static double Truncation(double[] a, double[] nodes, ActivationCalculus sigma, double b, double lambda, double r)
        {
            int degree = a.Length - 1;
            double t = lambda * degree * r, explicitSum = 0, best = double.PositiveInfinity;
            for (int q = degree + 1; q <= FlatBias.MaxDerivativeOrder; q++)
            {
                double remainder = 0;
                for (int m = 0; m <= degree; m++) remainder += Math.Abs(a[m]) * Math.Pow(lambda * Math.Abs(nodes[m]) * r, q);
                remainder *= FlatTaylor.SupAbs(sigma, q, b - t, b + t) / FlatNetworkBuilder.Factorial(q);
                best = Math.Min(best, explicitSum + remainder);
                double moment = 0, abs = 0;
                for (int m = 0; m <= degree; m++)
                {
                    double term = a[m] * Math.Pow(nodes[m], q);
                    moment += term;
                    abs += Math.Abs(term);
                }
                explicitSum += (Math.Abs(moment) + (q + 2) * Unit * abs) * Math.Abs(sigma.Derivative(q, b)) * Math.Pow(lambda * r, q) / FlatNetworkBuilder.Factorial(q);
            }
            return double.IsNaN(best) ? double.PositiveInfinity : best;
        }

        /// <summary>ℓ[m, k]: coefficient of xᵏ in Πₙ≠ₘ (x − μₙ)/(μₘ − μₙ).</summary>
        private static double[,] LagrangeCoefficients(double[] nodes)
        {
            int count = nodes.Length;
            var result = new double[count, count];
            for (int m = 0; m < count; m++)
            {
                var poly = new double[count];
                poly[0] = 1;
                int length = 1;
                double denominator = 1;
                for (int j = 0; j < count; j++)
                {
                    if (j == m) continue;
                    for (int i = length; i >= 1; i--) poly[i] = poly[i - 1] - nodes[j] * poly[i];
                    poly[0] = -nodes[j] * poly[0];
                    length++;
                    denominator *= nodes[m] - nodes[j];
                }
                for (int k = 0; k < count; k++) result[m, k] = poly[k] / denominator;
            }
            return result;
        }
    }
}
