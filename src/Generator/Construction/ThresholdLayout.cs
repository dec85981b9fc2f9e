using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>A threshold neuron as laid out: integer weights on columns of the previous layer and offset c − θ.</summary>
    internal readonly record struct LayoutUnit((int Column, double Weight)[] Terms, double Offset);

    /// <summary>
    /// A strictly layered network of sigmoid threshold neurons h = σ(β(Σ wᵢxᵢ + offset)) (Eq 13) and a linear
    /// output, independent of β; <see cref="Bound"/> gives the proven worst-case error over all bit inputs for a
    /// β (see <see cref="BitThreshold"/>) and <see cref="Build"/> the weights. Used by both the deep and the flat form.
    /// </summary>
    internal sealed class ThresholdLayout
    {
        public ThresholdLayout(int inputCount, List<List<LayoutUnit>> layers, double outputConstant, (int Column, double Weight)[] outputTerms,
                               int outputExponent = 0)
        {
            InputCount = inputCount;
            Layers = layers;
            OutputConstant = outputConstant;
            OutputTerms = outputTerms;
            OutputExponent = outputExponent;
        }

        public int InputCount { get; }
        /// <summary>The hidden layers' units; never changed after construction (<see cref="Bound"/> reads them once and keeps that).</summary>
        public List<List<LayoutUnit>> Layers { get; }
        public double OutputConstant { get; }
        public (int Column, double Weight)[] OutputTerms { get; }

        /// <summary>
        /// k: the output row's coefficients are the exact ones over 2ᵏ (<see cref="OutputScaling"/>), and the network
        /// multiplies the row by 2ᵏ; 0 (no scaling) unless the exact coefficients reach double's range.
        /// </summary>
        public int OutputExponent { get; }

        public long Neurons => Layers.Sum(l => (long)l.Count);

        /// <summary>Proven bound on |network − exact| over every bit input, for this β.</summary>
        /// <remarks>
        /// β's search (<see cref="BitThreshold.ChooseBeta"/>) calls this some 160 times, so the rows are read once
        /// into arrays (<see cref="BoundRows"/>) and each call is one pass without allocation but two error vectors.
        /// </remarks>
        public double Bound(double beta) => (_rows ??= new BoundRows(this)).Bound(beta);

        private BoundRows? _rows;

        /// <summary>The layout's rows as arrays: columns, |wᵢ|, Σ|wᵢ| and |offset| per unit (the bound's inputs).</summary>
        private sealed class BoundRows
        {
            private readonly int _inputCount;
            private readonly Row[][] _layers;
            private readonly Row _output;
            private readonly double _outputConstant;
            private readonly int[] _firstLayerSame;
            private readonly int _exponent;

            public BoundRows(ThresholdLayout layout)
            {
                _inputCount = layout.InputCount;
                _exponent = layout.OutputExponent;
                _layers = new Row[layout.Layers.Count][];
                for (int l = 0; l < _layers.Length; l++)
                {
                    var layer = layout.Layers[l];
                    _layers[l] = new Row[layer.Count];
                    for (int k = 0; k < layer.Count; k++) _layers[l][k] = new Row(layer[k].Terms, layer[k].Offset);
                }
                _output = new Row(layout.OutputTerms, 0);
                _outputConstant = layout.OutputConstant;
                _firstLayerSame = _layers.Length == 0 ? Array.Empty<int>() : FirstOfEach(_layers[0]);
            }

            /// <summary>
            /// For each unit of the first layer, the first unit with the same |wᵢ| in the same order and the same |offset|.
            /// Its inputs are exact bits (error 0), so its error is a function of those alone: computed once per β for
            /// each kind (the flat form of n bits has at most n kinds among up to 2ⁿ − 1 units) and copied, the very same double.
            /// </summary>
            private static int[] FirstOfEach(Row[] layer)
            {
                var first = new int[layer.Length];
                var seen = new Dictionary<Row, int>(RowShape.Instance);
                for (int k = 0; k < layer.Length; k++)
                {
                    if (!seen.TryGetValue(layer[k], out first[k])) seen.Add(layer[k], first[k] = k);
                }
                return first;
            }

            public double Bound(double beta)
            {
                var previous = new double[_inputCount]; // inputs are exact bits
                for (int l = 0; l < _layers.Length; l++)
                {
                    var layer = _layers[l];
                    var current = new double[layer.Length];
                    for (int k = 0; k < layer.Length; k++)
                    {
                        if (l == 0 && _firstLayerSame[k] < k)
                        {
                            current[k] = current[_firstLayerSame[k]];
                            continue;
                        }
                        var row = layer[k];
                        double e = BitThreshold.RowError(row.Columns, row.AbsWeights, previous, 0);
                        current[k] = BitThreshold.NeuronError(e, row.WeightSum, row.AbsOffset, beta);
                    }
                    previous = current;
                }
                // Coefficients were rounded from exact rationals: ≤ 2u relative, covered by RowError's (k + 3)u. A scaled row
                // (exponent e) is bounded scaled, then by 2ᵉ: the network's product by 2ᵉ is exact (OutputScaling).
                double scaled = BitThreshold.RowError(_output.Columns, _output.AbsWeights, previous, _outputConstant);
                return _exponent == 0 ? scaled : scaled * OutputScaling.Power(_exponent) + OutputScaling.SubnormalRounding(_output.Columns.Length, _exponent);
            }

            private sealed class Row
            {
                public Row((int Column, double Weight)[] terms, double offset)
                {
                    Columns = new int[terms.Length];
                    AbsWeights = new double[terms.Length];
                    double sum = 0;
                    for (int i = 0; i < terms.Length; i++)
                    {
                        Columns[i] = terms[i].Column;
                        AbsWeights[i] = Math.Abs(terms[i].Weight);
                        sum += AbsWeights[i]; // in order, as the sum Σ|wᵢ| always was
                    }
                    WeightSum = sum;
                    AbsOffset = Math.Abs(offset);
                }

                public int[] Columns { get; }
                public double[] AbsWeights { get; }
                public double WeightSum { get; }
                public double AbsOffset { get; }
            }

            /// <summary>Rows equal in |wᵢ| (in order, bit for bit) and |offset|; columns ignored.</summary>
            private sealed class RowShape : IEqualityComparer<Row>
            {
                public static readonly RowShape Instance = new();

                public bool Equals(Row? a, Row? b)
                {
                    if (a is null || b is null) return ReferenceEquals(a, b);
                    if (a.AbsOffset.CompareTo(b.AbsOffset) != 0 || a.AbsWeights.Length != b.AbsWeights.Length) return false;
                    for (int i = 0; i < a.AbsWeights.Length; i++)
                        if (a.AbsWeights[i].CompareTo(b.AbsWeights[i]) != 0) return false;
                    return true;
                }

                public int GetHashCode(Row row)
                {
                    int hash = row.AbsOffset.GetHashCode() * 31 + row.AbsWeights.Length;
                    foreach (double w in row.AbsWeights) hash = hash * 31 + w.GetHashCode();
                    return hash;
                }
            }
        }

        public BuiltNetwork Build(double beta, double errorBound, int copies)
        {
            var layers = new List<BuiltLayer>();
            int previousWidth = InputCount;
            foreach (var layer in Layers)
            {
                var inputs = new Stage.Builder();
                var neurons = new Stage.Builder();
                var rows = new Dictionary<string, int>();
                long synapses = 0;
                foreach (var unit in layer)
                {
                    string key = Key(unit.Terms);
                    if (!rows.TryGetValue(key, out int row))
                    {
                        row = inputs.Rows;
                        inputs.AddRow(0, unit.Terms.Select(t => new KeyValuePair<int, double>(t.Column, t.Weight)));
                        rows.Add(key, row);
                    }
                    neurons.AddRow(beta * unit.Offset, new[] { new KeyValuePair<int, double>(row, beta) });
                    synapses += unit.Terms.Length;
                }
                layers.Add(new BuiltLayer(inputs.Build(previousWidth), neurons.Build(inputs.Rows), synapses));
                previousWidth = layer.Count;
            }
            var output = new Stage.Builder();
            output.AddRow(OutputConstant, OutputTerms.Select(t => new KeyValuePair<int, double>(t.Column, t.Weight)));
            layers.Add(OutputLayer(output.Build(previousWidth), OutputExponent, OutputTerms.Count(t => t.Weight != 0)));
            return new BuiltNetwork(Activation.Sigmoid, InputCount, layers, errorBound, 0, 0, copies);
        }

        /// <summary>
        /// The output layer: the row itself, or, scaled by 2⁻ᵏ (k &gt; 0), the row then one stage 2ᵏ·row without bias
        /// (the generated code, the model and ONNX all compute the two stages in turn; <see cref="OutputScaling"/>).
        /// </summary>
        public static BuiltLayer OutputLayer(Stage row, int exponent, long synapses)
        {
            if (exponent == 0) return new BuiltLayer(null, row, synapses);
            var scale = new Stage.Builder(1, 1);
            scale.Add(0, OutputScaling.Power(exponent));
            scale.EndRow(0);
            return new BuiltLayer(row, scale.Build(1), synapses);
        }

        /// <summary>
        /// The largest |scaled exact output| over the bit inputs, with the input where it is reached (−1: an upper bound
        /// from the coefficients' signs, when running every input is too costly), and the slack of that double
        /// computation against the exact value: the coefficients' and the sum's rounding, (terms + 3)u·Σ|c| with margin.
        /// Every unit is evaluated as its exact step [L &gt; θ] (integer weights, exact in double below 2⁵⁰), for up to 2²⁵ terms in all
        /// (only a row that needed scaling is checked: values near ±1e308).
        /// </summary>
        public (double Value, long Input, double Slack) OutputExtreme()
        {
            double total = Math.Abs(OutputConstant), hi = OutputConstant, lo = OutputConstant;
            foreach (var (_, w) in OutputTerms)
            {
                total += Math.Abs(w);
                if (w > 0) hi += w; else lo += w;
            }
            double slack = (OutputTerms.Length + 3) * BitThreshold.Unit * total * 1.01 + (2 * OutputTerms.Length + 2) * double.Epsilon;
            int n = InputCount;
            long work = Layers.Sum(l => l.Sum(u => (long)u.Terms.Length + 1)) + OutputTerms.Length + 1;
            bool exact = Layers.All(l => l.All(u => Math.Abs(u.Offset) + u.Terms.Sum(t => Math.Abs(t.Weight)) < 1L << 50));
            if (n > 20 || !exact || (work << n) > 1 << 25) return (Math.Max(Math.Abs(hi), Math.Abs(lo)), -1, slack);
            double best = -1;
            long at = 0;
            for (long input = 0; input < 1L << n; input++)
            {
                var previous = new double[n];
                for (int i = 0; i < n; i++) previous[i] = (input >> i) & 1;
                foreach (var layer in Layers)
                {
                    var current = new double[layer.Count];
                    for (int u = 0; u < layer.Count; u++)
                    {
                        double value = layer[u].Offset;
                        foreach (var (column, weight) in layer[u].Terms) value += weight * previous[column];
                        current[u] = value > 0 ? 1 : 0;
                    }
                    previous = current;
                }
                double y = OutputConstant;
                foreach (var (column, weight) in OutputTerms) y += weight * previous[column];
                if (Math.Abs(y) > best) { best = Math.Abs(y); at = input; }
            }
            return (best, at, slack);
        }

        private static string Key((int Column, double Weight)[] terms)
        {
            var sb = new StringBuilder();
            foreach (var (c, w) in terms) sb.Append(c).Append(':').Append(w.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            return sb.ToString();
        }

        /// <summary>The deep form: the circuit's neurons layer by layer, columns = positions within the previous layer.</summary>
        public static ThresholdLayout FromCircuit(BitCircuit circuit)
        {
            int n = circuit.InputCount, depth = circuit.Depth;
            var position = new Dictionary<int, int>();
            for (int i = 0; i < n; i++) position[i] = i;
            var layers = new List<List<LayoutUnit>>();
            for (int l = 1; l <= depth; l++) layers.Add(new List<LayoutUnit>());
            for (int u = 0; u < circuit.Units.Count; u++)
            {
                var unit = circuit.Units[u];
                var layer = layers[unit.Level - 1];
                position[n + u] = layer.Count;
                layer.Add(new LayoutUnit(Columns(unit.Input.Terms, position), (unit.Input.Constant - unit.Threshold).ToDouble()));
            }
            int k = OutputScaling.Exponent(circuit.Output.Constant, circuit.Output.Terms.Values);
            return new ThresholdLayout(n, layers, OutputScaling.Scaled(circuit.Output.Constant, k), Columns(circuit.Output.Terms, position, k), k);
        }

        // A loop into the array, not LINQ's Select(…).ToArray(): LINQ over (int, double), a value type, was compiled by
        // the JIT for that type in every compiler process (with List<(int, double)> in Flat, about 45 methods).
        private static (int Column, double Weight)[] Columns(SortedDictionary<int, Rational> terms, Dictionary<int, int> position, int exponent = 0)
        {
            var columns = new (int Column, double Weight)[terms.Count];
            int i = 0;
            foreach (var t in terms) columns[i++] = (position[t.Key], OutputScaling.Scaled(t.Value, exponent));
            return columns;
        }

        /// <summary>
        /// The flat form (Eq 13): one neuron per non-constant monomial K, σ(−β(|K| − ½ − Σ_{i∈K} xᵢ)), and the
        /// output c_∅ + Σ c_K h_K. Every neuron is within σ(−β/2) of its exact bit on every input, so the
        /// error is at most C·σ(−β/2) + rounding with C = Σ_{K≠∅}|c_K|: β = 2 ln(C/τ − 1) suffices for
        /// tolerance τ when rounding is negligible (the paper's single term, C = 1, needs β ≥ 2D ln 10).
        /// </summary>
        public static ThresholdLayout Flat(Multilinear polynomial)
        {
            var units = new List<LayoutUnit>();
            var weights = new List<double>(); // the output's weights, one per unit (unit i is column i)
            int k = OutputScaling.Exponent(polynomial.Constant, polynomial.Terms.Where(t => t.Key != 0).Select(t => t.Value));
            foreach (var t in polynomial.Terms)
            {
                if (t.Key == 0) continue;
                int count = 0;
                for (int i = 0; i < polynomial.VariableCount; i++) if ((t.Key >> i & 1) != 0) count++;
                var terms = new (int Column, double Weight)[count];
                count = 0;
                for (int i = 0; i < polynomial.VariableCount; i++) if ((t.Key >> i & 1) != 0) terms[count++] = (i, 1.0);
                weights.Add(OutputScaling.Scaled(t.Value, k));
                units.Add(new LayoutUnit(terms, -(terms.Length - 0.5)));
            }
            var output = new (int Column, double Weight)[weights.Count];
            for (int i = 0; i < output.Length; i++) output[i] = (i, weights[i]);
            var layers = units.Count == 0 ? new List<List<LayoutUnit>>() : new List<List<LayoutUnit>> { units };
            return new ThresholdLayout(polynomial.VariableCount, layers, OutputScaling.Scaled(polynomial.Constant, k), output, k);
        }
    }
}
