using System;
using System.Collections.Generic;

namespace CheapLearning
{
    /// <summary>
    /// One affine map of a network (paper, Eq 6). A hidden layer built from gates is stored
    /// factored, <c>Neurons ∘ GateInputs</c>: each gate input (u, v of a multiplication gate) is
    /// summed once and shared by the gate's neurons, which keeps rounding consistent across them.
    /// The composed map W = W₂W₁, b = W₂b₁ + b₂ is the network's actual weight matrix; it is what
    /// <see cref="Weight"/>, <see cref="Bias"/> and <see cref="NonZeroWeights"/> (synapses) describe.
    /// </summary>
    public sealed class AffineLayer
    {
        private Composed? _composed;

        /// <summary>A layer that is a single sparse affine map.</summary>
        public AffineLayer(SparseAffineMap map)
        {
            Map = map ?? throw new ArgumentNullException(nameof(map));
        }

        /// <summary>A layer factored as <paramref name="neurons"/> ∘ <paramref name="gateInputs"/>.</summary>
        public AffineLayer(SparseAffineMap gateInputs, SparseAffineMap neurons)
        {
            GateInputs = gateInputs ?? throw new ArgumentNullException(nameof(gateInputs));
            Map = neurons ?? throw new ArgumentNullException(nameof(neurons));
            if (neurons.InputCount != gateInputs.OutputCount)
                throw new ArgumentException("The neuron map must read exactly the gate inputs.", nameof(neurons));
        }

        /// <summary>For a factored layer, the map from the previous layer to the gate inputs; otherwise null.</summary>
        public SparseAffineMap? GateInputs { get; }

        /// <summary>The map producing this layer's outputs (from the gate inputs when factored).</summary>
        public SparseAffineMap Map { get; }

        /// <summary>Width of the layer this map reads.</summary>
        public int InputCount => GateInputs?.InputCount ?? Map.InputCount;

        /// <summary>Width of the layer this map writes (neurons, or outputs for the last map).</summary>
        public int OutputCount => Map.OutputCount;

        /// <summary>Number of non-zero weights of the composed map: this layer's synapses.</summary>
        public int NonZeroWeights => GetComposed().NonZero;

        /// <summary>The composed weight from input <paramref name="column"/> to output <paramref name="row"/> (0 when absent).</summary>
        public double Weight(int row, int column)
        {
            if ((uint)row >= (uint)OutputCount) throw new ArgumentOutOfRangeException(nameof(row));
            if ((uint)column >= (uint)InputCount) throw new ArgumentOutOfRangeException(nameof(column));
            return GetComposed().Rows[row].TryGetValue(column, out double w) ? w : 0;
        }

        /// <summary>The composed bias of output <paramref name="row"/>.</summary>
        public double Bias(int row)
        {
            if ((uint)row >= (uint)OutputCount) throw new ArgumentOutOfRangeException(nameof(row));
            return GetComposed().Bias[row];
        }

        /// <summary>The composed row: (input index, weight) pairs in increasing input order.</summary>
        public IReadOnlyList<KeyValuePair<int, double>> Row(int row)
        {
            if ((uint)row >= (uint)OutputCount) throw new ArgumentOutOfRangeException(nameof(row));
            var list = new List<KeyValuePair<int, double>>(GetComposed().Rows[row]);
            list.Sort((a, b) => a.Key.CompareTo(b.Key));
            return list;
        }

        /// <summary>Applies the layer (both stages when factored), in the generated evaluators' order.</summary>
        /// <exception cref="ArgumentException"><paramref name="source"/> is shorter than <see cref="InputCount"/>,
        /// <paramref name="destination"/> shorter than <see cref="OutputCount"/>, or (factored layer) <paramref name="scratch"/>
        /// shorter than the gate inputs.</exception>
        public void Apply(ReadOnlySpan<double> source, Span<double> scratch, Span<double> destination)
        {
            if (GateInputs is not null && scratch.Length < GateInputs.OutputCount)
                throw new ArgumentException($"The layer has {GateInputs.OutputCount} gate inputs but scratch has {scratch.Length}.", nameof(scratch));
            if (GateInputs is null)
            {
                Map.Apply(source, destination);
                return;
            }
            var middle = scratch.Slice(0, GateInputs.OutputCount);
            GateInputs.Apply(source, middle);
            Map.Apply(middle, destination);
        }

        private Composed GetComposed() => _composed ??= Compose();

        private Composed Compose()
        {
            var rows = new Dictionary<int, double>[OutputCount];
            var bias = new double[OutputCount];
            for (int r = 0; r < OutputCount; r++)
            {
                var row = new Dictionary<int, double>();
                bias[r] = Map.Bias[r];
                for (int k = Map.RowStarts[r]; k < Map.RowStarts[r + 1]; k++)
                {
                    int c = Map.Columns[k];
                    double w = Map.Weights[k];
                    if (GateInputs is null)
                    {
                        Add(row, c, w);
                        continue;
                    }
                    bias[r] += w * GateInputs.Bias[c];
                    for (int j = GateInputs.RowStarts[c]; j < GateInputs.RowStarts[c + 1]; j++)
                        Add(row, GateInputs.Columns[j], w * GateInputs.Weights[j]);
                }
                var zeros = new List<int>();
                foreach (var kv in row) if (kv.Value == 0) zeros.Add(kv.Key);
                foreach (int z in zeros) row.Remove(z);
                rows[r] = row;
            }
            int nonZero = 0;
            foreach (var row in rows) nonZero += row.Count;
            return new Composed(rows, bias, nonZero);
        }

        private static void Add(Dictionary<int, double> row, int column, double weight)
        {
            row.TryGetValue(column, out double w);
            row[column] = w + weight;
        }

        /// <summary>"affine map 2 → 4, 12 weights" (composed), with the gate inputs a factored layer goes through.</summary>
        public override string ToString()
            => $"affine map {InputCount} → {OutputCount}, {CountText.Of(NonZeroWeights, "weight")}"
             + (GateInputs is { } g ? $", factored through {CountText.Of(g.OutputCount, "gate input")}" : "");

        private sealed class Composed
        {
            public Composed(Dictionary<int, double>[] rows, double[] bias, int nonZero)
            {
                Rows = rows;
                Bias = bias;
                NonZero = nonZero;
            }

            public Dictionary<int, double>[] Rows { get; }
            public double[] Bias { get; }
            public int NonZero { get; }
        }
    }
}
