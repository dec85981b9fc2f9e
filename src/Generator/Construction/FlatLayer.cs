using System;
using System.Collections.Generic;
using System.Linq;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Turns the neurons of a flat construction into a <see cref="BuiltNetwork"/> with one hidden
    /// layer, and adds the rounding of the network's own arithmetic to the exact-arithmetic error.
    /// The hidden layer's gate-input stage normalises the inputs, y = x·(1/R), so the construction works
    /// on [−1, 1]ⁿ for every R; λ·w is exact (<see cref="FlatBias.SearchLambda"/>).
    /// </summary>
    internal static class FlatLayer
    {
        private const double Unit = GateDesign.Unit;
        private const double ActivationUlps = 4;

        /// <summary>
        /// The bound of the normalised inputs y = fl(fl(1/R)·x): exactly 1 when 1/R is a power of two,
        /// else 1 + 4ε (two roundings), which the Taylor bounds then use.
        /// </summary>
        public static double NormalizedBound(double inputScale) => IsExact(inputScale) ? 1 : 1 + 4 * Unit;

        private static bool IsExact(double inputScale) => NetworkAssembler.IsPowerOfTwo(inputScale);

        public static BuiltNetwork Assemble(ActivationCalculus sigma, int inputCount, List<FlatNetworkBuilder.Neuron> neurons,
                                            double constant, double inputScale, double exactError)
        {
            double inputBound = NormalizedBound(inputScale);
            // y's own error (≤ 2.0001ε|y|) moves the pre-activation by ≤ 2.0001ε·t: counted in units of t below.
            double inputUlps = IsExact(inputScale) ? 0 : 2.0001;
            var ordered = Balance(sigma, neurons, constant);
            var identity = new Stage.Builder();
            for (int i = 0; i < inputCount; i++) identity.AddRow(0, new[] { new KeyValuePair<int, double>(i, inputScale) });
            var hidden = new Stage.Builder();
            var output = new List<KeyValuePair<int, double>>();
            long synapses = 0;
            double propagated = 0, weights = 0, partials = 0, products = 0;
            double running = constant, drift = 0;
            for (int j = 0; j < ordered.Count; j++)
            {
                var neuron = ordered[j];
                var entries = new List<KeyValuePair<int, double>>();
                for (int i = 0; i < neuron.W.Length; i++)
                    if (neuron.W[i] != 0) entries.Add(new(i, neuron.Lambda * neuron.W[i]));
                hidden.AddRow(neuron.Bias, entries);
                synapses += entries.Count;
                output.Add(new(j, neuron.Output));

                // The pre-activation z = b + Σ λwᵢxᵢ: each product and each addition rounds.
                double t = neuron.Lambda * FlatMonomial.L1(neuron.W) * inputBound;
                double lo = neuron.Bias - t, hi = neuron.Bias + t;
                double sigmaMax = Math.Max(Math.Abs(sigma.Value(lo)), Math.Abs(sigma.Value(hi)));
                double slope = sigma.SupAbsDerivative(1, lo, hi);
                double argument = Unit * ((1 + inputUlps) * t + entries.Count * (Math.Abs(neuron.Bias) + t));
                double own = slope * argument + ActivationUlps * Unit * sigmaMax;
                double magnitude = sigmaMax + own;
                double w = Math.Abs(neuron.Output);
                propagated += w * own;
                weights += neuron.OutputError * magnitude;

                // Output sum, bias first: |partial sum| ≤ |c + Σ aⱼσ(bⱼ)| + Σ |aⱼ|·(|h − σ(b)| bound).
                running += neuron.Output * sigma.Value(neuron.Bias);
                drift += w * (slope * t + own);
                products += w * magnitude;
                partials += Math.Abs(running) + drift;
            }
            if (ordered.Count > 0) synapses += ordered.Count(n => n.Output != 0);
            double rounding = propagated + weights + Unit * (partials + products) * (1 + 1e-6);
            double bound = (exactError + rounding) * (1 + 1e-9);
            if (double.IsNaN(bound)) bound = double.PositiveInfinity;

            var outStage = new Stage.Builder();
            outStage.AddRow(constant, output);
            var layers = new[]
            {
                new BuiltLayer(identity.Build(inputCount), hidden.Build(inputCount), synapses - ordered.Count(n => n.Output != 0)),
                new BuiltLayer(null, outStage.Build(ordered.Count), ordered.Count(n => n.Output != 0)),
            };
            return new BuiltNetwork(sigma.Kind, inputCount, layers, bound, 0, 0, 0);
        }

        /// <summary>
        /// Orders the neurons so that the output sum's partial sums stay small: the terms aⱼσ(bⱼ)
        /// nearly cancel in total, so take the largest remaining term of the sign opposite to the
        /// running sum. Deterministic (ties keep construction order).
        /// </summary>
        private static List<FlatNetworkBuilder.Neuron> Balance(ActivationCalculus sigma, List<FlatNetworkBuilder.Neuron> neurons, double constant)
        {
            // Objects and List.Sort, not value tuples through LINQ's OrderBy: LINQ over a value type is compiled by the JIT
            // for that type in every compiler process (about 130 methods here). Same order: by value (descending for the
            // positive terms), ties by construction order (Index is unique, so the sort is total and needs no stability).
            var pos = new List<OutputTerm>();
            var neg = new List<OutputTerm>();
            foreach (var n in neurons)
            {
                double v = n.Output * sigma.Value(n.Bias);
                var list = v >= 0 ? pos : neg;
                list.Add(new OutputTerm(v, n, list.Count));
            }
            pos.Sort(static (a, b) => { int c = b.V.CompareTo(a.V); return c != 0 ? c : a.Index.CompareTo(b.Index); });
            neg.Sort(static (a, b) => { int c = a.V.CompareTo(b.V); return c != 0 ? c : a.Index.CompareTo(b.Index); });
            var result = new List<FlatNetworkBuilder.Neuron>(neurons.Count);
            int p = 0, q = 0;
            double running = constant;
            while (p < pos.Count || q < neg.Count)
            {
                bool takePositive = q >= neg.Count || (p < pos.Count && running <= 0);
                var e = takePositive ? pos[p++] : neg[q++];
                running += e.V;
                result.Add(e.N);
            }
            return result;
        }

        /// <summary>A neuron's output term aⱼσ(bⱼ) and its place among the terms of its sign.</summary>
        private sealed class OutputTerm
        {
            public OutputTerm(double v, FlatNetworkBuilder.Neuron n, int index)
            {
                V = v;
                N = n;
                Index = index;
            }

            public double V { get; }

            public FlatNetworkBuilder.Neuron N { get; }

            public int Index { get; }
        }
    }
}
