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

        /// <summary>Collects rows one by one.</summary>
        public sealed class Builder
        {
            private readonly List<int> _starts = new() { 0 };
            private readonly List<int> _columns = new();
            private readonly List<double> _weights = new();
            private readonly List<double> _bias = new();

            public int Rows => _bias.Count;

            public void AddRow(double bias, IEnumerable<KeyValuePair<int, double>> entries)
            {
                foreach (var e in entries)
                {
                    if (e.Value == 0) continue;
                    _columns.Add(e.Key);
                    _weights.Add(e.Value);
                }
                _starts.Add(_columns.Count);
                _bias.Add(bias);
            }

            public Stage Build(int inputCount) => new(inputCount, _starts.ToArray(), _columns.ToArray(), _weights.ToArray(), _bias.ToArray());
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
        public bool IsFinite
        {
            get
            {
                if (double.IsNaN(ErrorBound) || double.IsInfinity(ErrorBound)) return false;
                foreach (var layer in Layers)
                    foreach (var stage in new[] { layer.GateInputs, layer.Map })
                    {
                        if (stage is null) continue;
                        foreach (double w in stage.Weights) if (double.IsNaN(w) || double.IsInfinity(w)) return false;
                        foreach (double b in stage.Bias) if (double.IsNaN(b) || double.IsInfinity(b)) return false;
                    }
                return true;
            }
        }
    }
}
