using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Networks with at most k hidden layers (Rolnick &amp; Tegmark, Thm III.1). Each monomial's d
    /// factors are merged in the levels of <see cref="TheoryCounts.ProductPlan"/>: at every level the
    /// values are split into balanced groups, and each group is one flat product block
    /// (<see cref="FlatMonomial"/>: 2ˢ neurons for s distinct values, Π(rᵢ+1) for repeated variables,
    /// 2 for a value that only crosses the layer). Monomials that finish early are copied to the last
    /// hidden layer, since the network is strictly layered (Eq 6). Each block normalizes its inputs by
    /// their bounds, so its identity works on [−1, 1] with the bias and λ the flat form chooses.
    /// Errors propagate forward as in <see cref="NetworkAssembler"/>: a block with inputs bounded by
    /// Bᵢ and off by Eᵢ is off by Π(Bᵢ+Eᵢ) − ΠBᵢ plus its own truncation and rounding.
    /// </summary>
    internal static class DepthNetworkBuilder
    {
        private const double Unit = GateDesign.Unit;
        private const double ActivationUlps = 4;

        /// <summary>A value flowing between layers: an input, or a block's output Σ aⱼhⱼ over its neurons.</summary>
        private sealed class Value
        {
            public int Input = -1;          // ≥ 0: the input xᵢ
            public int FirstNeuron;         // block output: its neurons in the previous hidden layer
            public double[] Weights = Array.Empty<double>();
            public double Bound;            // |exact| ≤ Bound
            public double Error;            // |computed − exact| ≤ Error (before the row sum that reads it)
            public double NeuronMagnitude;  // max |h| of its neurons
        }

        public static BuiltNetwork Build(Polynomial p, ActivationCalculus sigma, double r, int k, CancellationToken ct)
        {
            int n = p.VariableCount;
            var monomials = p.Terms.Where(t => t.Key.Degree > 0).ToList();
            double constant = p.Terms.Where(t => t.Key.Degree == 0).Sum(t => t.Value);
            var plans = monomials.Select(t => TheoryCounts.ProductPlan(t.Key.Degree, k).Levels).ToList();
            int depth = Math.Max(1, plans.Count == 0 ? 1 : plans.Max(l => l.Length - 1));

            // Current values per monomial: level 0 is the factor list (variables with multiplicity).
            var current = monomials.Select(t =>
            {
                var list = new List<Value>();
                for (int i = 0; i < n; i++)
                    for (int e = 0; e < t.Key[i]; e++) list.Add(new Value { Input = i, Bound = r });
                return list;
            }).ToList();

            var layers = new List<BuiltLayer>();
            int previousWidth = n;
            // A block of the same members is the same value: x³⁰ in two levels splits into six x⁵ blocks, built once, and
            // the next level's block then takes that one value to the sixth power (Π(rᵢ+1) = 7 neurons, not 2⁶ for six
            // "distinct" values). Keyed per level by the members (an input by its index, a block by its identity).
            var ids = new Dictionary<Value, int>();
            for (int level = 1; level <= depth; level++)
            {
                ct.ThrowIfCancellationRequested();
                var gateInputs = new Stage.Builder();
                var neurons = new Stage.Builder();
                var built = new Dictionary<string, Value>(StringComparer.Ordinal);
                long synapses = 0;
                int neuronCount = 0;
                for (int mi = 0; mi < monomials.Count; mi++)
                {
                    var values = current[mi];
                    var levels = plans[mi];
                    int groups = level < levels.Length ? levels[level] : 1;
                    var next = new List<Value>();
                    int q = values.Count / groups, extra = values.Count % groups, start = 0;
                    for (int g = 0; g < groups; g++)
                    {
                        int size = q + (g < extra ? 1 : 0);
                        var members = values.GetRange(start, size);
                        start += size;
                        string key = string.Join(",", members.Select(m => m.Input >= 0 ? "x" + m.Input : "b" + Id(ids, m)));
                        if (!built.TryGetValue(key, out var block))
                            built[key] = block = Block(members, sigma, gateInputs, neurons, ref neuronCount, ref synapses);
                        next.Add(block);
                    }
                    current[mi] = next;
                }
                layers.Add(new BuiltLayer(gateInputs.Build(previousWidth), neurons.Build(gateInputs.Rows), synapses));
                previousWidth = neuronCount;
            }

            // Output: constant + Σ c·(the monomial's last block).
            var output = new Stage.Builder();
            var entries = new List<KeyValuePair<int, double>>();
            double error = 0, magnitude = Math.Abs(constant);
            int terms = 0;
            for (int mi = 0; mi < monomials.Count; mi++)
            {
                var v = current[mi].Single();
                double c = monomials[mi].Value;
                for (int j = 0; j < v.Weights.Length; j++) entries.Add(new(v.FirstNeuron + j, c * v.Weights[j]));
                error += Math.Abs(c) * (v.Error + 2 * Unit * v.Bound);
                magnitude += Math.Abs(c) * v.Weights.Sum(Math.Abs) * v.NeuronMagnitude;
                terms += v.Weights.Length;
            }
            output.AddRow(constant, entries);
            error += Unit * (terms + 1) * 2 * magnitude;
            layers.Add(new BuiltLayer(null, output.Build(previousWidth), entries.Count(e => e.Value != 0)));
            double bound = error * (1 + 1e-9);
            if (double.IsNaN(bound)) bound = double.PositiveInfinity;
            return new BuiltNetwork(sigma.Kind, n, layers, bound, 0, 0, 0);
        }

        private static int Id(Dictionary<Value, int> ids, Value value)
        {
            if (!ids.TryGetValue(value, out int id)) ids[value] = id = ids.Count;
            return id;
        }

        /// <summary>Adds one product block of the members (gate-input rows, then its neurons) and returns its output value.</summary>
        private static Value Block(List<Value> members, ActivationCalculus sigma, Stage.Builder gateInputs, Stage.Builder neurons,
                                   ref int neuronCount, ref long synapses)
        {
            // Distinct members with multiplicity: at level 1 a variable may repeat (x·x), later a shared block (u·u).
            var distinct = new List<(Value V, int Count)>();
            foreach (var m in members)
            {
                int index = distinct.FindIndex(d => m.Input >= 0 ? d.V.Input == m.Input : ReferenceEquals(d.V, m));
                if (index >= 0) distinct[index] = (distinct[index].V, distinct[index].Count + 1);
                else distinct.Add((m, 1));
            }
            var exponents = distinct.Select(d => d.Count).ToArray();
            var identity = new FlatMonomial(exponents);
            int degree = identity.Degree;
            var (b, lambda) = FlatNetworkBuilder.ChooseFor(identity, sigma);

            // Gate-input rows: each distinct input, computed once (bias first, then its terms).
            var rows = new int[distinct.Count];
            var scales = new double[distinct.Count];
            double exactBound = 1, perturbedBound = 1;
            for (int i = 0; i < distinct.Count; i++)
            {
                var v = distinct[i].V;
                rows[i] = gateInputs.Rows;
                double rowError = v.Error;
                if (v.Input >= 0) gateInputs.AddRow(0, new[] { new KeyValuePair<int, double>(v.Input, 1.0) });
                else
                {
                    gateInputs.AddRow(0, v.Weights.Select((w, j) => new KeyValuePair<int, double>(v.FirstNeuron + j, w)));
                    rowError += Unit * (v.Weights.Length + 1) * 2 * v.Weights.Sum(Math.Abs) * v.NeuronMagnitude;
                }
                scales[i] = (v.Bound + rowError) * (1 + 1e-12);
                for (int e = 0; e < distinct[i].Count; e++)
                {
                    exactBound *= v.Bound;
                    perturbedBound *= v.Bound + rowError;
                }
            }

            // Neurons σ(b + λ Σ wⱼᵢ uᵢ/Sᵢ): the identity on normalized inputs in [−1, 1].
            double sd = sigma.Derivative(degree, b);
            double scaleProduct = 1;
            for (int i = 0; i < distinct.Count; i++) scaleProduct *= Math.Pow(scales[i], distinct[i].Count);
            double factor = scaleProduct / (Math.Pow(2, degree) * Math.Pow(lambda, degree) * sd);
            var weights = new double[identity.Weights.Length];
            double own = 0, hMax = 0;
            for (int j = 0; j < identity.Weights.Length; j++)
            {
                var w = identity.Weights[j];
                var row = new List<KeyValuePair<int, double>>();
                for (int i = 0; i < w.Length; i++)
                    if (w[i] != 0) row.Add(new(rows[i], lambda * w[i] / scales[i]));
                neurons.AddRow(b, row);
                for (int i = 0; i < w.Length; i++)
                    if (w[i] != 0) synapses += distinct[i].V.Input >= 0 ? 1 : distinct[i].V.Weights.Length;
                weights[j] = factor * identity.Signs[j];
                double t = lambda * FlatMonomial.L1(w);
                double sigmaMax = Math.Max(Math.Abs(sigma.Value(b - t)), Math.Abs(sigma.Value(b + t)));
                double slope = sigma.SupAbsDerivative(1, b - t, b + t);
                // Argument: weights λw/S rounded, products and additions rounded, inputs within [−1, 1] up to that.
                double argument = Unit * (2 * t + row.Count * (Math.Abs(b) + t)) * (1 + 1e-6);
                double neuronError = slope * argument + ActivationUlps * Unit * sigmaMax;
                own += Math.Abs(weights[j]) * (neuronError + 3 * Unit * sigmaMax);
                hMax = Math.Max(hMax, sigmaMax + neuronError);
            }
            int first = neuronCount;
            neuronCount += weights.Length;

            // Truncation on normalized inputs, scaled back; the inputs' own errors; the common relative error of σ⁽ᵈ⁾(b).
            double truncation = identity.Degree == 1 && b == 0 && sigma.HasExactCopyAtZero
                ? 0
                : scaleProduct * FlatNetworkBuilder.Truncation(identity, sigma, b, lambda, 1.0);
            double error = truncation + (perturbedBound - exactBound) + own
                           + scaleProduct * (FlatNetworkBuilder.DerivativeRelativeError + 4 * Unit);
            return new Value
            {
                FirstNeuron = first,
                Weights = weights,
                Bound = exactBound,
                Error = double.IsNaN(error) ? double.PositiveInfinity : error,
                NeuronMagnitude = hMax,
            };
        }
    }
}
