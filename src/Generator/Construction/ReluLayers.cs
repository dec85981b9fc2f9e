using System;
using System.Collections.Generic;
using System.Linq;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// A value a ReLU network computes: Constant + Σ weight·column over the current layer (inputs or
    /// neurons), with a bound on its exact value and on the computed value's deviation from it.
    /// The error is tracked per value, not per neuron, so structure the neurons share is kept: the
    /// tooth 2σ(z) − 4σ(z − ½) is 2-Lipschitz although its two neurons have weights 2 and 4.
    /// </summary>
    internal sealed class ReluValue
    {
        public ReluValue(double constant, IReadOnlyList<KeyValuePair<int, double>> terms, double bound, double error)
        {
            Constant = constant;
            Terms = terms;
            Bound = bound;
            Error = error;
        }

        public double Constant { get; }

        /// <summary>(column, weight) pairs, distinct columns in increasing order, no zero weight.</summary>
        public IReadOnlyList<KeyValuePair<int, double>> Terms { get; }

        /// <summary>|exact value| ≤ Bound.</summary>
        public double Bound { get; }

        /// <summary>|computed − exact| ≤ Error.</summary>
        public double Error { get; }

        public static ReluValue Column(int column, double bound, double error)
            => new(0, new[] { new KeyValuePair<int, double>(column, 1) }, bound, error);

        /// <summary>constant + Σ kᵢ·valueᵢ with the given bound and error (the caller proves them).</summary>
        public static ReluValue Combine(double constant, IEnumerable<(ReluValue Value, double Weight)> parts, double bound, double error)
        {
            var sum = new SortedDictionary<int, double>();
            foreach (var (value, k) in parts)
            {
                constant += k * value.Constant;
                foreach (var t in value.Terms)
                {
                    sum.TryGetValue(t.Key, out double w);
                    sum[t.Key] = w + k * t.Value;
                }
            }
            var terms = sum.Where(t => t.Value != 0).ToArray();
            return new ReluValue(constant, terms, bound, error);
        }
    }

    /// <summary>
    /// Builds a ReLU network layer by layer. A hidden layer is factored as in <see cref="BuiltLayer"/>:
    /// rows z (linear in the previous layer, each computed once) and neurons σ(±z + β) with β ∈ {0, −½},
    /// so a neuron adds at most the rounding of one addition, and none when β = 0. σ = max(0, ·) is
    /// computed exactly and is 1-Lipschitz, so a neuron's error is at most its pre-activation's.
    /// </summary>
    internal sealed class ReluLayers
    {
        private readonly List<BuiltLayer> _layers = new();
        private double[] _magnitudes;
        private Stage.Builder _rows = new(), _neurons = new();
        private readonly List<double> _rowMagnitudes = new(), _nextMagnitudes = new();
        private long _synapses;

        public ReluLayers(int inputCount, double inputBound)
        {
            InputCount = inputCount;
            _magnitudes = Enumerable.Repeat(inputBound, inputCount).ToArray();
        }

        public int InputCount { get; }

        public int HiddenLayers => _layers.Count;

        /// <summary>
        /// Adds the row computing <paramref name="value"/> from the current layer. Its error is the value's
        /// plus the rounding of the sum (γ over the terms) and of the weights themselves (one ulp each);
        /// a single weight-1 term with no constant is copied exactly.
        /// </summary>
        public (int Row, double Error, double Magnitude) Row(ReluValue value)
        {
            int row = _rows.Rows;
            _rows.AddRow(value.Constant, value.Terms);
            double magnitude = value.Bound + value.Error;
            _rowMagnitudes.Add(magnitude);
            return (row, value.Error + Rounding(value), magnitude);
        }

        /// <summary>
        /// Adds neuron σ(sign·z + bias) to the next layer, reading row <paramref name="row"/>; returns its
        /// column in the next layer and the rounding of adding the bias (0 when there is none).
        /// </summary>
        public (int Column, double Rounding) Neuron(int row, double sign, double bias, int rowTerms)
        {
            int column = _neurons.Rows;
            _neurons.AddRow(bias, new[] { new KeyValuePair<int, double>(row, sign) });
            double m = _rowMagnitudes[row];
            // σ(±z + β) ≤ max(0, |z| + β) up to the rounding of the addition.
            _nextMagnitudes.Add(Math.Max(0, m + bias) * (1 + 2 * GateDesign.Unit) + double.Epsilon);
            _synapses += rowTerms;
            double rounding = bias == 0 ? 0 : GateDesign.Unit * (m + Math.Abs(bias)) + double.Epsilon;
            return (column, rounding);
        }

        /// <summary>Closes the layer being built: its neurons become the current columns.</summary>
        public void EndLayer()
        {
            int previousWidth = _magnitudes.Length;
            _layers.Add(new BuiltLayer(_rows.Build(previousWidth), _neurons.Build(_rows.Rows), _synapses));
            _magnitudes = _nextMagnitudes.ToArray();
            _rows = new Stage.Builder();
            _neurons = new Stage.Builder();
            _rowMagnitudes.Clear();
            _nextMagnitudes.Clear();
            _synapses = 0;
        }

        /// <summary>Adds the output map and returns the finished network with the output's total error.</summary>
        public BuiltNetwork Finish(ReluValue output, int multiply, int square, int copy)
        {
            var stage = new Stage.Builder();
            stage.AddRow(output.Constant, output.Terms);
            double error = output.Error + Rounding(output);
            _layers.Add(new BuiltLayer(null, stage.Build(_magnitudes.Length), output.Terms.Count));
            if (double.IsNaN(error)) error = double.PositiveInfinity;
            return new BuiltNetwork(Activation.ReLU, InputCount, _layers.ToArray(), error, multiply, square, copy);
        }

        /// <summary>
        /// Rounding of evaluating the row: bias first, then k products and additions, so ≤ (k + 1)u·S with
        /// S = |c| + Σ|wⱼ|·Hⱼ (Hⱼ bounds the computed column), plus 4u·S for the weights and constant having
        /// been rounded when they were formed (at most four roundings each: the scale 1/Û or Û·V̂, the gate's
        /// own weight, the circuit coefficient and a merge of equal columns), plus a subnormal per operation.
        /// </summary>
        private double Rounding(ReluValue value)
        {
            var terms = value.Terms;
            if (value.Constant == 0 && terms.Count == 1 && terms[0].Value == 1) return 0;
            if (terms.Count == 0) return 0;
            double s = Math.Abs(value.Constant);
            foreach (var t in terms) s += Math.Abs(t.Value) * _magnitudes[t.Key];
            return GateDesign.Unit * (terms.Count + 5) * s * (1 + 1e-12) + 2 * (terms.Count + 1) * double.Epsilon;
        }
    }
}
