using System;
using System.Collections.Generic;

namespace CheapLearning.Generator.Construction
{
    /// <summary>One sparse affine map y = W·x + b in compressed rows, summed bias first, then in column order.</summary>
    internal sealed class Stage
    {
        public Stage(int inputCount, int[] rowStarts, int[] columns, double[] weights, double[] bias)
        {
            InputCount = inputCount;
            RowStarts = rowStarts;
            Columns = columns;
            Weights = weights;
            Bias = bias;
        }

        public int InputCount { get; }
        public int OutputCount => Bias.Length;
        public int[] RowStarts { get; }
        public int[] Columns { get; }
        public double[] Weights { get; }
        public double[] Bias { get; }

        /// <summary>
        /// Collects rows one by one, entry by entry (<see cref="Add"/> then <see cref="EndRow"/>) into arrays
        /// grown by doubling, so that a row costs no list, enumerator or boxed sequence (the deep planner adds
        /// one row per neuron and per gate input; at 1,000 methods the per-row garbage was ~60 MB a build).
        /// </summary>
        public sealed class Builder
        {
            private int[] _starts;
            private int[] _columns;
            private double[] _weights;
            private double[] _bias;
            private int _rows, _entries;
            private bool _handedOver; // Build gave its full arrays to a Stage: copy before writing again

            /// <summary>A builder with room for <paramref name="rows"/> rows and <paramref name="entries"/> entries; when they are exact, Build copies nothing.</summary>
            public Builder(int rows = 4, int entries = 4)
            {
                _starts = new int[rows + 1];
                _bias = new double[rows];
                _columns = new int[entries];
                _weights = new double[entries];
            }

            public int Rows => _rows;

            /// <summary>Index of the first entry of <paramref name="row"/> (entries are numbered across rows).</summary>
            public int RowStart(int row) => _starts[row];

            /// <summary>One past the last entry of <paramref name="row"/>.</summary>
            public int RowEnd(int row) => _starts[row + 1];

            /// <summary>The column of entry <paramref name="entry"/>.</summary>
            public int Column(int entry) => _columns[entry];

            /// <summary>Adds an entry to the row being written; a zero weight is no synapse and is dropped.</summary>
            public void Add(int column, double weight)
            {
                if (weight == 0) return;
                if (_handedOver) TakeBack();
                if (_entries == _columns.Length)
                {
                    Array.Resize(ref _columns, Math.Max(4, 2 * _entries));
                    Array.Resize(ref _weights, _columns.Length);
                }
                _columns[_entries] = column;
                _weights[_entries++] = weight;
            }

            /// <summary>Closes the row being written with its bias.</summary>
            public void EndRow(double bias)
            {
                if (_handedOver) TakeBack();
                if (_rows == _bias.Length)
                {
                    Array.Resize(ref _bias, Math.Max(4, 2 * _rows));
                    Array.Resize(ref _starts, _bias.Length + 1);
                }
                _bias[_rows++] = bias;
                _starts[_rows] = _entries;
            }

            public void AddRow(double bias, IEnumerable<KeyValuePair<int, double>> entries)
            {
                foreach (var e in entries) Add(e.Key, e.Value);
                EndRow(bias);
            }

            public Stage Build(int inputCount)
            {
                _handedOver = true;
                return new(inputCount, Prefix(_starts, _rows + 1), Prefix(_columns, _entries), Prefix(_weights, _entries), Prefix(_bias, _rows));
            }

            /// <summary>The first <paramref name="count"/> items: the array itself when it holds exactly that many.</summary>
            private static T[] Prefix<T>(T[] array, int count)
            {
                if (count == array.Length) return array;
                var copy = new T[count];
                Array.Copy(array, copy, count);
                return copy;
            }

            /// <summary>Copies the arrays a built Stage now owns, so that it never changes.</summary>
            private void TakeBack()
            {
                _starts = (int[])_starts.Clone();
                _columns = (int[])_columns.Clone();
                _weights = (double[])_weights.Clone();
                _bias = (double[])_bias.Clone();
                _handedOver = false;
            }
        }
    }

    /// <summary>
    /// A hidden layer is σ(Neurons(GateInputs(previous))): the layer's affine map factored so that
    /// each gate input (u, v) is summed once and shared by the gate's neurons. The rounding of that
    /// sum is then the same for all of a gate's neurons and behaves like an input error, instead of
    /// differing per neuron and being amplified by 1/λ. The output layer has one stage only.
    /// </summary>
    internal sealed class BuiltLayer
    {
        public BuiltLayer(Stage? gateInputs, Stage map, long synapses)
        {
            GateInputs = gateInputs;
            Map = map;
            Synapses = synapses;
        }

        public Stage? GateInputs { get; }
        public Stage Map { get; }
        public int OutputCount => Map.OutputCount;

        /// <summary>Non-zero weights of the composed map (the network's synapses in this layer).</summary>
        public long Synapses { get; }
    }

    /// <summary>A finished network: layers, sizes and the proven error bound on the input box.</summary>
    internal sealed class BuiltNetwork
    {
        public BuiltNetwork(Activation activation, int inputCount, IReadOnlyList<BuiltLayer> layers, double errorBound,
                            int multiplyGates, int squareGates, int copyGates)
        {
            Activation = activation;
            InputCount = inputCount;
            Layers = layers;
            ErrorBound = errorBound;
            MultiplyGates = multiplyGates;
            SquareGates = squareGates;
            CopyGates = copyGates;
            long neurons = 0, synapses = 0;
            for (int i = 0; i < layers.Count; i++)
            {
                synapses += layers[i].Synapses;
                if (i < layers.Count - 1) neurons += layers[i].OutputCount;
            }
            Neurons = neurons;
            Synapses = synapses;
        }

        /// <summary>The same network with <paramref name="extra"/> added to its error bound.</summary>
        public BuiltNetwork WithAddedError(double extra)
            => new(Activation, InputCount, Layers, ErrorBound + extra, MultiplyGates, SquareGates, CopyGates);

        public Activation Activation { get; }
        public int InputCount { get; }
        public IReadOnlyList<BuiltLayer> Layers { get; }
        public int HiddenLayers => Layers.Count - 1;
        public long Neurons { get; }
        public long Synapses { get; }
        public double ErrorBound { get; }
        public int MultiplyGates { get; }
        public int SquareGates { get; }
        public int CopyGates { get; }

        /// <summary>Every weight and bias is finite and so is the error bound (then every output is finite).</summary>
        public bool IsFinite => Numeric.IsFinite(ErrorBound) && WeightsAreFinite;

        /// <summary>Every weight and bias is finite (an infinite one makes outputs ±∞ or NaN, ∞ − ∞ or 0·∞).</summary>
        public bool WeightsAreFinite
        {
            get
            {
                foreach (var layer in Layers)
                    foreach (var stage in new[] { layer.GateInputs, layer.Map })
                    {
                        if (stage is null) continue;
                        foreach (double w in stage.Weights) if (!Numeric.IsFinite(w)) return false;
                        foreach (double b in stage.Bias) if (!Numeric.IsFinite(b)) return false;
                    }
                return true;
            }
        }
    }
}
