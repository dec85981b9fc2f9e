using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// The flat ReLU form: one hidden layer of ridge functions. Every monomial of degree d is a sum of
    /// d-th powers of ±1 combinations of its factors (polarization: x₁⋯x_d = Σ_ε Πεᵢ (Σ εᵢxᵢ)ᵈ / (2ᵈ⁻¹d!)
    /// over ε with ε₁ = 1), so p = c₀ + Σ_D q_D(D·x) with one univariate polynomial q_D per direction D.
    /// Each q_D is replaced by its piecewise-linear interpolant on K_D equal pieces of [−L_D, L_D]
    /// (L_D = R·Σ|D_j|), which is K_D ReLU neurons σ(D·x − t_k): off by at most max|q_D''|·h²/8.
    /// The interpolation data are exact rationals at the nodes' actual double values, rounded once.
    /// </summary>
    internal static class ReluFlatBuilder
    {
        /// <summary>Degrees above this have too many polarization directions (2ᵈ⁻¹) to enumerate.</summary>
        public const int MaxDegree = 12;

        private sealed class Ridge
        {
            public Ridge(int[] direction) => Direction = direction;
            public int[] Direction { get; }
            public Dictionary<int, Rational> Q { get; } = new();
        }

        /// <summary>Neurons the construction needs for error <paramref name="allowed"/>, or −1 when it does not apply.</summary>
        public static long Count(Polynomial p, double inputBound, double allowed, CancellationToken ct)
        {
            var ridges = Ridges(p, ct, out _);
            if (ridges is null) return -1;
            return Pieces(ridges, inputBound, allowed).Sum(x => x.K);
        }

        public static FlatPlan? Build(Polynomial p, double inputBound, double allowed, double scale, CancellationToken ct)
        {
            var ridges = Ridges(p, ct, out var constant);
            if (ridges is null || !(allowed > 0)) return null;
            var pieces = Pieces(ridges, inputBound, allowed);
            int n = p.VariableCount;
            var rows = new Stage.Builder();
            var neurons = new Stage.Builder();
            var output = new List<KeyValuePair<int, double>>();
            Rational outputConstant = constant;
            double interpolation = 0, propagated = 0, sum = 0;
            long synapses = 0;
            var weights = new List<(Rational A, double H)>();
            foreach (var (ridge, k, L, m2) in pieces)
            {
                ct.ThrowIfCancellationRequested();
                var d = ridge.Direction;
                int row = rows.Rows;
                var terms = Enumerable.Range(0, n).Where(j => d[j] != 0).Select(j => new KeyValuePair<int, double>(j, d[j])).ToArray();
                rows.AddRow(0, terms);
                // D·x: integer weights, |terms| ≤ R each: ≤ (terms + 1)u·L.
                double rowError = (terms.Length + 1) * GateDesign.Unit * L * (1 + 1e-12) + terms.Length * double.Epsilon;
                var nodes = new double[k + 1];
                for (int i = 0; i <= k; i++) nodes[i] = i == k ? L : -L + 2 * L * i / k;
                nodes[0] = -L;
                var exact = nodes.Select(Rational.FromDouble).ToArray();
                var values = exact.Select(t => Evaluate(ridge.Q, t)).ToArray();
                Rational previousSlope = Rational.Zero;
                outputConstant += values[0];
                double h = 0;
                for (int i = 0; i < k; i++)
                {
                    h = Math.Max(h, nodes[i + 1] - nodes[i]);
                    var slope = (values[i + 1] - values[i]) / (exact[i + 1] - exact[i]);
                    var a = slope - previousSlope;
                    previousSlope = slope;
                    int column = neurons.Rows;
                    neurons.AddRow(-nodes[i], new[] { new KeyValuePair<int, double>(row, 1) });
                    synapses += terms.Length;
                    // σ(z − t) ≤ L − t (+ the errors); its pre-activation is off by the row's error and one addition.
                    double pre = rowError + GateDesign.Unit * (L + Math.Abs(nodes[i]));
                    double hMax = Math.Max(0, L - nodes[i]) + pre;
                    double w = a.ToDouble();
                    output.Add(new KeyValuePair<int, double>(column, w));
                    propagated += Math.Abs(w) * (1 + GateDesign.Unit) * pre;
                    weights.Add((a, hMax));
                    sum += Math.Abs(w) * hMax;
                }
                interpolation += m2 * h * h / 8 * (1 + 1e-9);
            }
            double c = outputConstant.ToDouble();
            var outputStage = new Stage.Builder();
            outputStage.AddRow(c, output);
            int count = output.Count;
            // Output: every weight and the constant rounded once from exact rationals (≤ u relative), then a
            // (count + 1)-term sum; plus the propagated pre-activation errors and the interpolation.
            double rounding = GateDesign.Unit * ((count + 3) * (Math.Abs(c) + sum)) * (1 + 1e-12) + (count + 2) * double.Epsilon;
            double bound = interpolation + propagated + rounding;
            var hidden = new BuiltLayer(rows.Build(n), neurons.Build(rows.Rows), synapses);
            var last = new BuiltLayer(null, outputStage.Build(neurons.Rows), output.Count(o => o.Value != 0));
            var network = new BuiltNetwork(Activation.ReLU, n, new[] { hidden, last }, double.IsNaN(bound) ? double.PositiveInfinity : bound, 0, 0, 0);
            return new FlatPlan(network, scale, p.Degree);
        }

        private static Rational Evaluate(Dictionary<int, Rational> q, Rational t)
        {
            var r = Rational.Zero;
            int degree = q.Count == 0 ? 0 : q.Keys.Max();
            for (int k = degree; k >= 0; k--) r = r * t + (q.TryGetValue(k, out var c) ? c : Rational.Zero);
            return r;
        }

        /// <summary>
        /// Pieces per ridge: half the allowed error is shared equally by the curved ridges' interpolation
        /// (the other half is left to rounding); a linear ridge is one neuron, σ(D·x + L) (exact).
        /// </summary>
        private static List<(Ridge Ridge, int K, double L, double M2)> Pieces(List<Ridge> ridges, double inputBound, double allowed)
        {
            var result = new List<(Ridge, int, double, double)>();
            var curved = ridges.Count(r => r.Q.Keys.Any(k => k >= 2));
            foreach (var ridge in ridges)
            {
                double L = inputBound * ridge.Direction.Sum(Math.Abs) * (1 + 4 * GateDesign.Unit);
                double m2 = 0;
                foreach (var kv in ridge.Q)
                    if (kv.Key >= 2) m2 += Math.Abs(kv.Value.ToDouble()) * kv.Key * (kv.Key - 1) * Math.Pow(L, kv.Key - 2);
                m2 *= 1 + 1e-12;
                double share = 0.5 * allowed / Math.Max(1, curved);
                double k = m2 == 0 ? 1 : Math.Ceiling(2 * L * Math.Sqrt(m2 / (8 * share)) * (1 + 1e-9));
                result.Add((ridge, (int)Math.Min(Math.Max(k, 1), int.MaxValue / 2), L, m2));
            }
            return result;
        }

        private static List<Ridge>? Ridges(Polynomial p, CancellationToken ct, out Rational constant)
        {
            constant = Rational.Zero;
            var ridges = new Dictionary<string, Ridge>();
            int n = p.VariableCount;
            foreach (var term in p.ExactTerms)
            {
                ct.ThrowIfCancellationRequested();
                var m = term.Key;
                int degree = m.Degree;
                if (degree == 0) { constant += term.Value; continue; }
                if (degree > MaxDegree) return null;
                var factors = new List<int>();
                for (int j = 0; j < n; j++) for (int r = 0; r < m[j]; r++) factors.Add(j);
                Rational scale = term.Value / Rational.Create(Factorial(degree) << (degree - 1), 1);
                for (int mask = 0; mask < 1 << (degree - 1); mask++)
                {
                    var d = new int[n];
                    int sign = 1;
                    for (int i = 0; i < degree; i++)
                    {
                        int e = i > 0 && ((mask >> (i - 1)) & 1) != 0 ? -1 : 1;
                        d[factors[i]] += e;
                        sign *= e;
                    }
                    int first = Array.FindIndex(d, x => x != 0);
                    if (first < 0) continue;
                    if (d[first] < 0)
                    {
                        for (int j = 0; j < n; j++) d[j] = -d[j];
                        if (degree % 2 == 1) sign = -sign;
                    }
                    string key = string.Join(",", d);
                    if (!ridges.TryGetValue(key, out var ridge)) ridges[key] = ridge = new Ridge(d);
                    ridge.Q.TryGetValue(degree, out var old);
                    ridge.Q[degree] = old + (sign > 0 ? scale : -scale);
                }
            }
            foreach (var r in ridges.Values)
                foreach (var k in r.Q.Where(kv => kv.Value.IsZero).Select(kv => kv.Key).ToList()) r.Q.Remove(k);
            return ridges.Values.Where(r => r.Q.Count > 0).ToList();
        }

        private static System.Numerics.BigInteger Factorial(int n)
        {
            System.Numerics.BigInteger f = 1;
            for (int i = 2; i <= n; i++) f *= i;
            return f;
        }
    }
}
