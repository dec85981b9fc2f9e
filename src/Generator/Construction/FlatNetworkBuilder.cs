using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>The flat (one hidden layer) network of a method, the S of its accuracy contract and the polynomial's degree.</summary>
    internal sealed class FlatPlan
    {
        public FlatPlan(BuiltNetwork network, double scale, int degree)
        {
            Network = network;
            Scale = scale;
            Degree = degree;
        }

        public BuiltNetwork Network { get; }
        public double Scale { get; }
        public int Degree { get; }
        public double ReachableTolerance => Scale > 0 ? Network.ErrorBound / Scale : Network.ErrorBound;
    }

    /// <summary>
    /// Builds one-hidden-layer networks (paper Eq 28, Appendix A). A univariate polynomial of
    /// degree D uses D + 1 neurons (<see cref="FlatUnivariate"/>); otherwise every monomial uses its
    /// <see cref="FlatMonomial"/> identity, with one bias and λ per degree chosen to minimize the
    /// proven bound, and neurons with identical bias and input weights are shared across monomials.
    /// The error bound is proven like the deep gates': Taylor truncation with derivative suprema
    /// from <see cref="ActivationCalculus"/> plus a rounding model of every operation.
    /// </summary>
    internal static class FlatNetworkBuilder
    {
        /// <summary>Degrees above this need derivatives beyond <see cref="FlatBias.MaxDerivativeOrder"/>.</summary>
        public const int MaxDegree = FlatBias.MaxDerivativeOrder - 2;

        private const double Unit = GateDesign.Unit;

        /// <summary>Relative error of a computed σ⁽ᵏ⁾(b) (a short Horner sum in the logistic function).</summary>
        public const double DerivativeRelativeError = 256 * Unit;

        /// <summary>Neurons of the construction, counted without building it (monomials' grids deduplicated).</summary>
        public static long CountNeurons(Polynomial p)
        {
            if (IsUnivariate(p, out _, out int degree)) return degree + 1;
            // The (degree, wⱼ) pairs of every monomial's identity, enumerated in one scratch key (only new
            // keys are copied) rather than by building each identity; packed into a long when small.
            int n = p.VariableCount;
            if (PackedKeys.Fit(p)) return PackedKeys.Count(p);
            var seen = new HashSet<int[]>(NeuronKey.Comparer);
            var key = new int[n + 1];
            var j = new int[n];
            foreach (var term in p.Terms)
            {
                if (term.Key.Degree == 0) continue;
                var e = term.Key.Exponents;
                int d = 0;
                foreach (int r in e) d += r;
                key[0] = d;
                do
                {
                    for (int i = 0; i < n; i++) key[i + 1] = e[i] - 2 * j[i];
                    if (!seen.Contains(key)) seen.Add((int[])key.Clone());
                }
                while (FlatMonomial.NextChoice(j, e));
            }
            return seen.Count;
        }

        public static FlatPlan Build(Polynomial p, ActivationCalculus sigma, double inputBound, CancellationToken ct)
        {
            double scale = p.AbsoluteSum(inputBound);
            if (p.Degree > MaxDegree) throw new InvalidOperationException($"degree {p.Degree} exceeds the flat form's maximum {MaxDegree}");
            // Scale-free like the deep gates: build for q(y) = p(R·y) on [−1, 1]ⁿ (coefficients c·R^deg,
            // exact, rounded once) and read y = x·(1/R) in the gate-input stage, so no λᵏ·Rᵏ term can
            // over- or underflow for any accepted R.
            var q = p.Rescaled(inputBound);
            double inputScale = 1 / inputBound;
            var network = IsUnivariate(q, out int variable, out _)
                ? FlatUnivariate.Build(q, variable, sigma, inputScale, ct)
                : BuildMonomials(q, sigma, inputScale, ct);
            // Both constructions work from the coefficients rounded once to double: add what that costs
            // (each rounding relative to its exact coefficient, DESIGN.md accuracy contract).
            return new FlatPlan(network.WithAddedError(q.RoundingError(1)), scale, p.Degree);
        }

        /// <summary>True when at least two non-constant terms use one and the same variable only.</summary>
        private static bool IsUnivariate(Polynomial p, out int variable, out int degree)
        {
            variable = -1;
            degree = 0;
            int terms = 0;
            foreach (var t in p.Terms)
            {
                if (t.Key.Degree == 0) continue;
                terms++;
                if (t.Key.Support != 1) return false;
                int v = 0;
                while (t.Key[v] == 0) v++;
                if (variable >= 0 && v != variable) return false;
                variable = v;
                degree = Math.Max(degree, t.Key.Degree);
            }
            return terms >= 2;
        }

        /// <summary>
        /// <see cref="CountNeurons"/> for the common small case: at most 7 variables and degree below 128, so
        /// the degree and each wᵢ ∈ [−rᵢ, rᵢ] fit a byte each and a neuron's key is one long (no array per key),
        /// and at most <see cref="MaxKeys"/> keys before sharing, which are sorted and counted without a set.
        /// </summary>
        private static class PackedKeys
        {
            private const int MaxKeys = 1 << 20;

            public static bool Fit(Polynomial p)
            {
                if (p.VariableCount > 7) return false;
                var terms = p.Terms;
                long keys = 0;
                for (int t = 0; t < terms.Count; t++)
                {
                    var m = terms[t].Key;
                    if (m.Degree >= 128) return false;
                    if (m.Degree == 0) continue;
                    long product = 1;
                    foreach (int r in m.Exponents) product *= r + 1; // ≤ 128⁷ < 2⁶³
                    keys += product;
                    if (keys > MaxKeys) return false;
                }
                return true;
            }

            [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization (netstandard2.0 lacks the name): hot, and at tier 0 through a warm server's first dozen compilations (notes-warm, issue 12)
            public static long Count(Polynomial p)
            {
                int n = p.VariableCount;
                var terms = p.Terms;
                int total = 0;
                for (int t = 0; t < terms.Count; t++)
                {
                    if (terms[t].Key.Degree == 0) continue;
                    int product = 1;
                    foreach (int r in terms[t].Key.Exponents) product *= r + 1;
                    total += product;
                }
                var keys = new long[total];
                int count = 0;
                var j = new int[n];
                for (int t = 0; t < terms.Count; t++)
                {
                    var monomial = terms[t].Key;
                    if (monomial.Degree == 0) continue;
                    var e = monomial.Exponents;
                    int d = 0;
                    foreach (int r in e) d += r;
                    do
                    {
                        long key = d;
                        for (int i = 0; i < n; i++) key = (key << 8) | (byte)(sbyte)(e[i] - 2 * j[i]);
                        keys[count++] = key;
                    }
                    while (FlatMonomial.NextChoice(j, e));
                }
                Array.Sort(keys);
                long distinct = 0;
                for (int i = 0; i < keys.Length; i++) if (i == 0 || keys[i] != keys[i - 1]) distinct++;
                return distinct;
            }
        }

        /// <summary>A neuron's identity in a degree group: its degree then its integer weight vector wⱼ.</summary>
        private static class NeuronKey
        {
            // A concrete, field-free type: immutable shared state (NoIoNoStateTests).
            public static readonly ContentComparer Comparer = new();

            public static int[] Of(int degree, int[] w)
            {
                var key = new int[w.Length + 1];
                key[0] = degree;
                Array.Copy(w, 0, key, 1, w.Length);
                return key;
            }

            public sealed class ContentComparer : IEqualityComparer<int[]>
            {
                public bool Equals(int[]? x, int[]? y)
                {
                    if (ReferenceEquals(x, y)) return true;
                    if (x is null || y is null || x.Length != y.Length) return false;
                    for (int i = 0; i < x.Length; i++) if (x[i] != y[i]) return false;
                    return true;
                }

                public int GetHashCode(int[] key)
                {
                    unchecked
                    {
                        int h = key.Length;
                        foreach (int x in key) h = h * 31 + x;
                        return h;
                    }
                }
            }
        }

        /// <summary>A neuron σ(Bias + Lambda·W·x) and its output weight.</summary>
        internal sealed class Neuron
        {
            public Neuron(double bias, double lambda, int[] w)
            {
                Bias = bias;
                Lambda = lambda;
                W = w;
            }

            public double Bias { get; }
            public double Lambda { get; }
            public int[] W { get; }
            /// <summary>The output weight as computed.</summary>
            public double Output;

            /// <summary>Bound on |Output − the exact weight of the identity|.</summary>
            public double OutputError;
        }

        private static BuiltNetwork BuildMonomials(Polynomial p, ActivationCalculus sigma, double inputScale, CancellationToken ct)
        {
            double r = FlatLayer.NormalizedBound(inputScale);
            int n = p.VariableCount;
            double constant = 0, truncation = 0, common = 0;
            var neurons = new Dictionary<int[], Neuron>(NeuronKey.Comparer);
            var scratch = new int[n + 1];
            var order = new List<Neuron>();
            foreach (var group in p.Terms.Where(t => t.Key.Degree > 0).GroupBy(t => t.Key.Degree).OrderBy(g => g.Key))
            {
                ct.ThrowIfCancellationRequested();
                int d = group.Key;
                var monomials = group.Select(t => (Identity: new FlatMonomial(t.Key.Exponents.ToArray()), Coefficient: t.Value)).ToList();
                var (b, lambda) = Choose(monomials, d, n, sigma, r);
                double sd = sigma.Derivative(d, b);
                foreach (var (m, c) in monomials)
                {
                    truncation += Math.Abs(c) * Truncation(m, sigma, b, lambda, r);
                    common += Math.Abs(c) * Math.Pow(r, d) * DerivativeRelativeError;
                    double scale = c / (Math.Pow(2, d) * Math.Pow(lambda, d) * sd);
                    for (int j = 0; j < m.Weights.Length; j++)
                    {
                        scratch[0] = d;
                        Array.Copy(m.Weights[j], 0, scratch, 1, n);
                        if (!neurons.TryGetValue(scratch, out var neuron))
                        {
                            neuron = new Neuron(b, lambda, m.Weights[j]);
                            neurons.Add(NeuronKey.Of(d, m.Weights[j]), neuron);
                            order.Add(neuron);
                        }
                        double a = scale * m.Signs[j];
                        neuron.Output += a;
                        // a = c·cⱼ/(2ᵈ·λᵈ·σ⁽ᵈ⁾): about d + 3 roundings, then one more per shared addition.
                        neuron.OutputError += (d + 6) * Unit * Math.Abs(a) + Unit * Math.Abs(neuron.Output);
                    }
                }
            }
            foreach (var t in p.Terms) if (t.Key.Degree == 0) constant += t.Value;
            return FlatLayer.Assemble(sigma, n, order, constant, inputScale, truncation + common);
        }

        /// <summary>
        /// Bound on |identity(x) − Π xᵢ^rᵢ| in exact arithmetic (per unit coefficient). The orders
        /// k = d+2, d+4, … below Q are taken explicitly, |σ⁽ᵏ⁾(b)|λᵏ⁻ᵈRᵏ[uᵏ](2 sinh u)ᵈ / (2ᵈ|σ⁽ᵈ⁾(b)|)
        /// (<see cref="FlatTaylor"/>), and the rest by the Lagrange remainder of order Q,
        /// Σⱼ|cⱼ|(λ|wⱼ|₁R)^Q sup|σ⁽Q⁾| / (Q! 2ᵈλᵈ|σ⁽ᵈ⁾(b)|); the best Q ≤ 14 is used. With σ⁽ᵈ⁺²⁾(b) = 0
        /// the error is O(λ⁴). Softplus at b = 0 with d = 1 is exact (σ(z) − σ(−z) = z, footnote 3).
        /// </summary>
        internal static double Truncation(FlatMonomial m, ActivationCalculus sigma, double b, double lambda, double r, double[]? sups = null)
        {
            int d = m.Degree;
            sups ??= Sups(sigma, d, b, lambda, r);
            if (d == 1 && b == 0 && sigma.HasExactCopyAtZero) return 0;
            double sd = Math.Abs(sigma.Derivative(d, b));
            var g = FlatTaylor.SinhPowerCoefficients(d);
            double explicitSum = 0, best = double.PositiveInfinity, twoD = Math.Pow(2, d);
            for (int q = d + 2; q <= FlatBias.MaxDerivativeOrder; q++)
            {
                double remainder = Math.Pow(lambda, q - d) * Math.Pow(r, q) * m.RemainderMoment(q)
                                   * sups[q] / (Factorial(q) * sd);
                best = Math.Min(best, explicitSum + remainder);
                if ((q - d) % 2 == 0)
                    explicitSum += Math.Abs(sigma.Derivative(q, b)) * Math.Pow(lambda, q - d) * Math.Pow(r, q) * g[q] / (twoD * sd);
            }
            return double.IsNaN(best) ? double.PositiveInfinity : best;
        }

        /// <summary>sup|σ⁽q⁾| on [b − λdR, b + λdR] for q = d+2…14 (shared by a degree group's monomials).</summary>
        internal static double[] Sups(ActivationCalculus sigma, int d, double b, double lambda, double r)
        {
            double t = lambda * d * r;
            var sups = new double[FlatBias.MaxDerivativeOrder + 1];
            for (int q = d + 2; q <= FlatBias.MaxDerivativeOrder; q++) sups[q] = FlatTaylor.SupAbs(sigma, q, b - t, b + t);
            return sups;
        }

        /// <summary>
        /// The bias and λ minimizing truncation + an estimate of rounding for a degree group: the
        /// output weights sum to Σ|c|/(λᵈ|σ⁽ᵈ⁾(b)|) in magnitude and each neuron is off by about
        /// ε(σ'·|z|·(2n+1) + 13σ) (argument, activation, weight and output-sum rounding).
        /// </summary>
        private static (double Bias, double Lambda) Choose(List<(FlatMonomial Identity, double Coefficient)> monomials, int d, int n,
                                                           ActivationCalculus sigma, double r)
        {
            // A lone monomial's choice depends on its exponents up to order only (the score scales with |c|).
            if (monomials.Count != 1) return Search(monomials, d, n, sigma, r);
            var sorted = monomials[0].Identity.Exponents.Where(e => e > 0).OrderBy(e => e).ToArray();
            string key = $"{(int)sigma.Kind}|{n}|{r.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}|{string.Join(",", sorted)}";
            if (ChoiceCache.TryGetValue(key, out var cached)) return (cached.Bias, cached.Lambda);
            var choice = Search(monomials, d, n, sigma, r);
            // Bounded like GateDesignCache: a memo of a choice that only steers the search (the error
            // bound is always computed for the choice actually used), cleared when full.
            if (ChoiceCache.Count >= 4096) ChoiceCache.Clear();
            ChoiceCache.TryAdd(key, new BiasAndLambda(choice.Bias, choice.Lambda));
            return choice;
        }

        /// <summary>The bias and λ for one identity on inputs normalized to [−1, 1] (depth-k blocks).</summary>
        internal static (double Bias, double Lambda) ChooseFor(FlatMonomial identity, ActivationCalculus sigma)
            => Choose(new List<(FlatMonomial, double)> { (identity, 1.0) }, identity.Degree, identity.Exponents.Length, sigma, 1.0);

        // Values are objects, not (double, double) tuples: a dictionary of a value type is compiled by the JIT for that
        // type in every compiler process, one of reference types shares the code compiled for all of them.
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, BiasAndLambda> ChoiceCache = new();

        private sealed class BiasAndLambda
        {
            public BiasAndLambda(double bias, double lambda)
            {
                Bias = bias;
                Lambda = lambda;
            }

            public double Bias { get; }

            public double Lambda { get; }
        }

        private static (double Bias, double Lambda) Search(List<(FlatMonomial Identity, double Coefficient)> monomials, int d, int n,
                                                           ActivationCalculus sigma, double r)
        {
            double bestScore = double.PositiveInfinity, bestB = 0, bestLambda = 1;
            double absSum = monomials.Sum(m => Math.Abs(m.Coefficient));
            foreach (double b in FlatBias.Candidates(sigma, d))
            {
                double sd = Math.Abs(sigma.Derivative(d, b));
                var (lambda, score) = FlatBias.SearchLambda(d * r, lambda =>
                {
                    double t = lambda * d * r;
                    double sigmaMax = Math.Max(Math.Abs(sigma.Value(b - t)), Math.Abs(sigma.Value(b + t)));
                    double slope = sigma.SupAbsDerivative(1, b - t, b + t);
                    double perUnit = Unit * (slope * (t + (2 * n + 1) * (Math.Abs(b) + t)) + 13 * sigmaMax);
                    double total = absSum * perUnit / (Math.Pow(lambda, d) * sd);
                    var sups = Sups(sigma, d, b, lambda, r);
                    foreach (var (m, c) in monomials) total += Math.Abs(c) * Truncation(m, sigma, b, lambda, r, sups);
                    return total;
                });
                if (score < bestScore)
                {
                    bestScore = score;
                    bestB = b;
                    bestLambda = lambda;
                }
            }
            return (bestB, bestLambda);
        }

        internal static double Factorial(int n)
        {
            double f = 1;
            for (int i = 2; i <= n; i++) f *= i;
            return f;
        }
    }
}
