using System;
using System.Collections.Generic;
using System.Linq;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// A bit network (deep or flat layout) with ReLU threshold units, exact on {0, 1} inputs. A unit's
    /// pre-activation L = Σ wᵢbᵢ + c − θ is a half-integer (integer weights on exact bits, θ a
    /// half-integer) and its value the step [L &gt; 0]:
    /// <list type="bullet">
    /// <item>σ(L + ½) when L ≤ ½ on every input (one neuron: an AND, and every monomial of Eq 12,
    /// Π_{i∈K} xᵢ = σ(Σ_{i∈K} xᵢ − |K| + 1));</item>
    /// <item>1 − σ(½ − L) when L ≥ −½ on every input (one neuron: an OR, 1 − σ(1 − a − b));</item>
    /// <item>σ(L + ½) − σ(L − ½) otherwise (two neurons).</item>
    /// </list>
    /// Every hidden quantity is then a multiple of ½ far below 2⁵³, so floating point computes it
    /// exactly: there is no β and no truncation, and the only error is the rounding of the output
    /// map's non-integer coefficients.
    /// </summary>
    internal static class ReluBits
    {
        /// <summary>Magnitudes below this keep every half-integer sum exact in double.</summary>
        private const double ExactLimit = 1L << 50;

        private readonly struct BitValue
        {
            public BitValue(double constant, (int Column, double Weight)[] terms)
            {
                Constant = constant;
                Terms = terms;
            }

            public double Constant { get; }
            public (int Column, double Weight)[] Terms { get; }
        }

        /// <summary>The exact ReLU network of <paramref name="layout"/>, or null when its weights are not the integers and half-integers the layout promises.</summary>
        public static BuiltNetwork? Build(ThresholdLayout layout, int copies)
        {
            int n = layout.InputCount;
            var bits = Enumerable.Range(0, n).Select(i => new BitValue(0, new[] { (i, 1.0) })).ToArray();
            var magnitudes = Enumerable.Repeat(1.0, n).ToArray();
            var layers = new List<BuiltLayer>();
            var ranges = ExactRanges(layout);
            for (int l = 0; l < layout.Layers.Count; l++)
            {
                var layer = layout.Layers[l];
                var rows = new Stage.Builder();
                var neurons = new Stage.Builder();
                var next = new BitValue[layer.Count];
                var nextMagnitudes = new List<double>();
                long synapses = 0;
                for (int u = 0; u < layer.Count; u++)
                {
                    var unit = layer[u];
                    if (!IsHalfInteger(unit.Offset) || unit.Terms.Any(t => !IsInteger(t.Weight))) return null;
                    double max = unit.Offset + unit.Terms.Where(t => t.Weight > 0).Sum(t => t.Weight);
                    double min = unit.Offset + unit.Terms.Where(t => t.Weight < 0).Sum(t => t.Weight);
                    if (ranges is not null) (min, max) = ranges[l][u];
                    if (Math.Max(Math.Abs(max), Math.Abs(min)) + 1 > ExactLimit) return null;
                    // L as a row over the previous layer's neurons (bits there are forms of neurons).
                    double constant = unit.Offset;
                    var row = new SortedDictionary<int, double>();
                    foreach (var (column, weight) in unit.Terms)
                    {
                        var bit = bits[column];
                        constant += weight * bit.Constant;
                        foreach (var (c, w) in bit.Terms)
                        {
                            row.TryGetValue(c, out double old);
                            row[c] = old + weight * w;
                        }
                    }
                    int r = rows.Rows;
                    var entries = row.Where(e => e.Value != 0).ToArray();
                    rows.AddRow(constant, entries);
                    foreach (var e in entries) if (!IsInteger(e.Value)) return null;
                    int first = neurons.Rows;
                    if (max <= 0.5)
                    {
                        Add(neurons, nextMagnitudes, r, 1, 0.5, max);
                        next[u] = new BitValue(0, new[] { (first, 1.0) });
                    }
                    else if (min >= -0.5)
                    {
                        Add(neurons, nextMagnitudes, r, -1, 0.5, -min);
                        next[u] = new BitValue(1, new[] { (first, -1.0) });
                    }
                    else
                    {
                        Add(neurons, nextMagnitudes, r, 1, 0.5, max);
                        Add(neurons, nextMagnitudes, r, 1, -0.5, max);
                        next[u] = new BitValue(0, new[] { (first, 1.0), (first + 1, -1.0) });
                    }
                    synapses += (neurons.Rows - first) * (long)entries.Length;
                }
                layers.Add(new BuiltLayer(rows.Build(magnitudes.Length), neurons.Build(rows.Rows), synapses));
                bits = next;
                magnitudes = nextMagnitudes.ToArray();
            }
            return Finish(layout, bits, magnitudes, layers, copies);
        }

        /// <summary>Inputs up to which the exact range of every unit's L is found by running all 2ⁿ inputs.</summary>
        private const int MaxEnumeratedWork = 1 << 22;

        /// <summary>
        /// The exact [min, max] of every unit's L over all 2ⁿ inputs, when that is cheap; null otherwise
        /// (then the interval from the weights' signs, which treats the previous units as independent
        /// bits and may call for two neurons where one would do — XOR's forms a + b − 2·ab are not).
        /// </summary>
        private static (double Min, double Max)[][]? ExactRanges(ThresholdLayout layout)
        {
            int n = layout.InputCount;
            long terms = layout.Layers.Sum(l => l.Sum(u => (long)u.Terms.Length + 1));
            if (n > 20 || (terms << n) > MaxEnumeratedWork) return null;
            var ranges = layout.Layers.Select(l => l.Select(_ => (double.PositiveInfinity, double.NegativeInfinity)).ToArray()).ToArray();
            for (long input = 0; input < 1L << n; input++)
            {
                var previous = new double[n];
                for (int i = 0; i < n; i++) previous[i] = (input >> i) & 1;
                for (int l = 0; l < layout.Layers.Count; l++)
                {
                    var layer = layout.Layers[l];
                    var current = new double[layer.Count];
                    for (int u = 0; u < layer.Count; u++)
                    {
                        double value = layer[u].Offset;
                        foreach (var (column, weight) in layer[u].Terms) value += weight * previous[column];
                        var (lo, hi) = ranges[l][u];
                        ranges[l][u] = (Math.Min(lo, value), Math.Max(hi, value));
                        current[u] = value > 0 ? 1 : 0;
                    }
                    previous = current;
                }
            }
            return ranges;
        }

        private static void Add(Stage.Builder neurons, List<double> magnitudes, int row, double sign, double bias, double reach)
        {
            neurons.AddRow(bias, new[] { new KeyValuePair<int, double>(row, sign) });
            magnitudes.Add(Math.Max(0, reach + bias));
        }

        /// <summary>
        /// The output c₀ + Σ c_s·bit_s with the bits' forms substituted. Hidden values are exact, so the
        /// error is the rounding of this one row: (k + 1)u for the k-term sum after the bias, u for the
        /// coefficients (exact rationals rounded once), and u per constant folded into the bias.
        /// </summary>
        private static BuiltNetwork Finish(ThresholdLayout layout, BitValue[] bits, double[] magnitudes, List<BuiltLayer> layers, int copies)
        {
            double constant = layout.OutputConstant, folded = Math.Abs(constant);
            int folds = 0;
            var row = new SortedDictionary<int, double>();
            foreach (var (column, weight) in layout.OutputTerms)
            {
                var bit = bits[column];
                if (bit.Constant != 0)
                {
                    constant += weight * bit.Constant;
                    folded += Math.Abs(weight * bit.Constant) + Math.Abs(constant);
                    folds++;
                }
                foreach (var (c, w) in bit.Terms)
                {
                    row.TryGetValue(c, out double old);
                    row[c] = old + weight * w;
                }
            }
            var entries = row.Where(e => e.Value != 0).ToArray();
            double scale = Math.Abs(constant);
            foreach (var e in entries) scale += Math.Abs(e.Value) * magnitudes[e.Key];
            // A scaled row (OutputScaling) whose hidden magnitudes (a two-neuron unit's value reaches its L) take its sum
            // above 2¹⁰²⁰ is scaled down further by a power of two, exactly (a subnormal's rounding is counted below).
            int exponent = layout.OutputExponent, extra = 0;
            if (exponent > 0)
            {
                while (!(scale <= Math.Pow(2, OutputScaling.MaxLog2)) && exponent + extra < OutputScaling.MaxExponent) { extra++; scale /= 2; }
                if (extra > 0)
                {
                    double factor = Math.Pow(2, -extra);
                    constant *= factor;
                    folded *= factor;
                    for (int i = 0; i < entries.Length; i++) entries[i] = new KeyValuePair<int, double>(entries[i].Key, entries[i].Value * factor);
                }
            }
            double error = GateDesign.Unit * ((entries.Length + 2) * scale + folded + Math.Abs(layout.OutputConstant) * Math.Pow(2, -extra)) * (1 + 1e-12)
                         + (entries.Length + folds + 1) * double.Epsilon;
            exponent += extra;
            if (exponent > 0) error = error * OutputScaling.Power(exponent) + OutputScaling.SubnormalRounding(entries.Length + folds, exponent);
            var output = new Stage.Builder();
            output.AddRow(constant, entries);
            layers.Add(ThresholdLayout.OutputLayer(output.Build(magnitudes.Length), exponent, entries.Length));
            return new BuiltNetwork(Activation.ReLU, layout.InputCount, layers, error, 0, 0, copies);
        }

        private static bool IsInteger(double d) => Math.Abs(d) < ExactLimit && Math.Floor(d) == d;

        private static bool IsHalfInteger(double d) => IsInteger(d - 0.5);
    }
}
