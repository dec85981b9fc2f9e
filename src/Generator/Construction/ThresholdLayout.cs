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
        public ThresholdLayout(int inputCount, List<List<LayoutUnit>> layers, double outputConstant, (int Column, double Weight)[] outputTerms)
        {
            InputCount = inputCount;
            Layers = layers;
            OutputConstant = outputConstant;
            OutputTerms = outputTerms;
        }

        public int InputCount { get; }
        /// <summary>The hidden layers' units; never changed after construction (<see cref="Bound"/> reads them once and keeps that).</summary>
        public List<List<LayoutUnit>> Layers { get; }
        public double OutputConstant { get; }
        public (int Column, double Weight)[] OutputTerms { get; }

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

            public BoundRows(ThresholdLayout layout)
            {
                _inputCount = layout.InputCount;
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
                // Coefficients were rounded from exact rationals: ≤ 2u relative, covered by RowError's (k + 3)u.
                return BitThreshold.RowError(_output.Columns, _output.AbsWeights, previous, _outputConstant);
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
            layers.Add(new BuiltLayer(null, output.Build(previousWidth), OutputTerms.Count(t => t.Weight != 0)));
            return new BuiltNetwork(Activation.Sigmoid, InputCount, layers, errorBound, 0, 0, copies);
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
            return new ThresholdLayout(n, layers, circuit.Output.Constant.ToDouble(), Columns(circuit.Output.Terms, position));
        }

        // A loop into the array, not LINQ's Select(…).ToArray(): LINQ over (int, double), a value type, was compiled by
        // the JIT for that type in every compiler process (with List<(int, double)> in Flat, about 45 methods).
        private static (int Column, double Weight)[] Columns(SortedDictionary<int, Rational> terms, Dictionary<int, int> position)
        {
            var columns = new (int Column, double Weight)[terms.Count];
            int i = 0;
            foreach (var t in terms) columns[i++] = (position[t.Key], t.Value.ToDouble());
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
            foreach (var t in polynomial.Terms)
            {
                if (t.Key == 0) continue;
                int count = 0;
                for (int i = 0; i < polynomial.VariableCount; i++) if ((t.Key >> i & 1) != 0) count++;
                var terms = new (int Column, double Weight)[count];
                count = 0;
                for (int i = 0; i < polynomial.VariableCount; i++) if ((t.Key >> i & 1) != 0) terms[count++] = (i, 1.0);
                weights.Add(t.Value.ToDouble());
                units.Add(new LayoutUnit(terms, -(terms.Length - 0.5)));
            }
            var output = new (int Column, double Weight)[weights.Count];
            for (int i = 0; i < output.Length; i++) output[i] = (i, weights[i]);
            var layers = units.Count == 0 ? new List<List<LayoutUnit>>() : new List<List<LayoutUnit>> { units };
            return new ThresholdLayout(polynomial.VariableCount, layers, polynomial.Constant.ToDouble(), output);
        }
    }
}
