using System;
using System.Collections.Generic;

namespace CheapLearning.Onnx
{
    /// <summary>
    /// The error bound a float32 export states: the network's proven float64 ErrorBound plus a first-order
    /// analysis of float32 rounding (unit u = 2⁻²⁴) through the exported graph. Every value v the graph
    /// computes gets a fresh rounding error δ_v, which reaches the output multiplied by ∂out/∂v:
    /// |error| ≲ Σ_v |∂out/∂v|·δ_v, with
    /// <list type="bullet">
    /// <item>an input rounded to float: δ = u·|x|;</item>
    /// <item>an affine row with K terms in any summation order (MatMul may reorder or fuse), its weights
    /// and bias also rounded to float: δ = (γ_K + u)·(|b| + Σ|w|·|a|), γ_K = Ku/(1 − Ku);</item>
    /// <item>σ(z): δ = 8u·|σ(z)|: 8 ulps cover the float kernels and the softplus composition.</item>
    /// </list>
    /// The derivatives come from back-propagation at each sample, so the cancellation that makes a gate
    /// work (Σ wₖσ'(bₖ)… = ∂(uv)/∂u) is kept; summing |w|·error instead gives bounds 10⁶× larger.
    /// The sum is evaluated at the corners of the box (or 4,096 random sign patterns) and 4,096 random
    /// points — for a bit network (<c>inputsAreBits</c>) at every 0/1 input instead (4,096 random ones
    /// above 12 bits) — and its maximum doubled. It is therefore derived, not proven like ErrorBound: second-order
    /// terms are dropped and points between samples are covered by the margin, not by a proof.
    /// </summary>
    public static class Float32ErrorBound
    {
        private const double Unit = 5.9604644775390625e-8; // 2^-24

        /// <summary>
        /// 2⁻¹⁴⁹, float's smallest subnormal: a rounding to float is off by at most u·|v| or, below float's normal range,
        /// by half this. Without it a weight of 1e-46 (rounded to 0) was charged u·1e-46, and the stated bound of
        /// (a ? 1e-46 : 0) + (b ? 3e-45 : 0) was 1.8e-51 against an error of 3e-46.
        /// </summary>
        private const double Subnormal = 1.4012984643248171e-45;
        private const double SigmaUlps = 8;
        private const double Margin = 2;
        private const int Samples = 4096;

        /// <summary>The bound for a float32 export of <paramref name="model"/> (its first output).</summary>
        /// <param name="model">The network.</param>
        /// <param name="inputsAreBits">The inputs are 0 or 1 (a [BitNetwork] or bit Hamiltonian): sample those, not the box.</param>
        public static double Derive(NetworkModel model, bool inputsAreBits = false)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            double worst = 0;
            foreach (var x in Points(model, inputsAreBits))
            {
                double error = FirstOrderError(model, x);
                // A value beyond float's range is ±∞ or NaN in the export: no bound (one was stated for 1e35·x·y, whose
                // float32 export gives NaN on every input).
                if (!Numeric.IsFinite(error)) return double.PositiveInfinity;
                worst = Math.Max(worst, error);
            }
            return model.ErrorBound + Margin * worst;
        }

        /// <summary>
        /// The largest |output| of <paramref name="model"/> over the points <see cref="Derive"/> samples (every 0/1 input of
        /// up to 12 bits; else the corners or 4,096 random ones, and 4,096 random points of the box).
        /// </summary>
        internal static double LargestOutput(NetworkModel model, bool inputsAreBits)
        {
            double largest = 0;
            foreach (var x in Points(model, inputsAreBits))
            {
                // The layers themselves, not Evaluate: told the inputs are bits, a model of InputBound 0.5 would throw at 1.
                double[] a = x;
                for (int l = 0; l < model.Layers.Count; l++)
                {
                    if (model.Layers[l].GateInputs is { } g) a = Apply(g, a);
                    a = Apply(model.Layers[l].Map, a);
                    if (l < model.Layers.Count - 1)
                        for (int r = 0; r < a.Length; r++) a[r] = ActivationFunctions.Evaluate(model.Activation, a[r]);
                }
                if (double.IsNaN(a[0])) return double.PositiveInfinity;
                largest = Math.Max(largest, Math.Abs(a[0]));
            }
            return largest;
        }

        /// <summary>The inputs the analysis visits, in one array reused from point to point.</summary>
        private static IEnumerable<double[]> Points(NetworkModel model, bool inputsAreBits)
        {
            int n = model.InputCount;
            var random = new Random(20261129);
            var x = new double[n];
            bool allCorners = n <= 12;
            int corners = allCorners ? 1 << n : Samples;
            for (int s = 0; s < corners + Samples; s++)
            {
                if (inputsAreBits && s >= corners) yield break;
                for (int i = 0; i < n; i++)
                {
                    bool high = allCorners ? ((s >> i) & 1) == 1 : random.Next(2) == 1;
                    if (inputsAreBits) x[i] = high ? 1 : 0;
                    else if (s < corners) x[i] = high ? model.InputBound : -model.InputBound;
                    else x[i] = (2 * random.NextDouble() - 1) * model.InputBound;
                }
                yield return x;
            }
        }

        /// <summary>Σ_v |∂out/∂v|·δ_v at one input, by a forward pass and a backward (adjoint) pass.</summary>
        private static double FirstOrderError(NetworkModel model, double[] x)
        {
            // Forward: the maps in order (gate inputs, neurons or output) and the values each one reads.
            var maps = new List<SparseAffineMap>();
            var reads = new List<double[]>();
            var sigmaAfter = new List<bool>();
            double[] a = (double[])x.Clone();
            if (!FitFloat(a)) return double.PositiveInfinity;
            for (int l = 0; l < model.Layers.Count; l++)
            {
                var layer = model.Layers[l];
                if (layer.GateInputs is { } g)
                {
                    maps.Add(g); reads.Add(a); sigmaAfter.Add(false);
                    a = Apply(g, a);
                    if (!FitFloat(g, reads[reads.Count - 1], a)) return double.PositiveInfinity;
                }
                maps.Add(layer.Map); reads.Add(a); sigmaAfter.Add(l < model.Layers.Count - 1);
                a = Apply(layer.Map, a);
                if (!FitFloat(layer.Map, reads[reads.Count - 1], a)) return double.PositiveInfinity;
                if (l < model.Layers.Count - 1)
                {
                    for (int r = 0; r < a.Length; r++) a[r] = ActivationFunctions.Evaluate(model.Activation, a[r]);
                    if (!FitFloat(a)) return double.PositiveInfinity;
                }
            }
            // Backward: adjoint of each map's output, starting from ∂out₀/∂out = e₀.
            var adjoint = new double[a.Length];
            adjoint[0] = 1;
            double total = 0;
            for (int k = maps.Count - 1; k >= 0; k--)
            {
                var map = maps[k];
                var input = reads[k];
                var z = sigmaAfter[k] ? Apply(map, input) : null;
                if (z is not null)
                {
                    // adjoint holds ∂out/∂σ(z): charge σ's rounding, then move to ∂out/∂z.
                    for (int r = 0; r < z.Length; r++)
                    {
                        double h = ActivationFunctions.Evaluate(model.Activation, z[r]);
                        total += Math.Abs(adjoint[r]) * SigmaUlps * (Unit * Math.Abs(h) + Subnormal);
                        adjoint[r] *= Slope(model.Activation, z[r], h);
                    }
                }
                var previous = new double[map.InputCount];
                for (int r = 0; r < map.OutputCount; r++)
                {
                    int terms = map.RowStarts[r + 1] - map.RowStarts[r] + 1;
                    double gamma = terms * Unit / (1 - terms * Unit);
                    double magnitude = Math.Abs(map.Bias[r]);
                    // Below the normal range each rounding is off by up to half a subnormal: the bias, every weight (times
                    // what it multiplies), and every product and sum of the row.
                    double absolute = (2 * terms + 1) * Subnormal;
                    for (int j = map.RowStarts[r]; j < map.RowStarts[r + 1]; j++)
                    {
                        magnitude += Math.Abs(map.Weights[j] * input[map.Columns[j]]);
                        absolute += Subnormal * Math.Abs(input[map.Columns[j]]);
                        previous[map.Columns[j]] += map.Weights[j] * adjoint[r];
                    }
                    total += Math.Abs(adjoint[r]) * ((gamma + Unit) * magnitude + absolute);
                }
                adjoint = previous;
            }
            for (int i = 0; i < x.Length; i++) total += Math.Abs(adjoint[i]) * (Unit * Math.Abs(x[i]) + Subnormal);
            return total;
        }

        /// <summary>Every value is finite in float (|v| rounds below 2¹²⁸).</summary>
        private static bool FitFloat(double[] values)
        {
            foreach (double v in values)
                if (float.IsInfinity((float)v) || double.IsNaN(v)) return false;
            return true;
        }

        /// <summary>The map's weights and bias, every partial sum of a row (a bound on it) and its results are finite in float.</summary>
        private static bool FitFloat(SparseAffineMap map, double[] input, double[] output)
        {
            for (int r = 0; r < map.OutputCount; r++)
            {
                double magnitude = Math.Abs(map.Bias[r]);
                if (float.IsInfinity((float)map.Bias[r])) return false;
                for (int j = map.RowStarts[r]; j < map.RowStarts[r + 1]; j++)
                {
                    if (float.IsInfinity((float)map.Weights[j])) return false;
                    magnitude += Math.Abs(map.Weights[j] * input[map.Columns[j]]);
                }
                if (float.IsInfinity((float)magnitude) || double.IsNaN(magnitude)) return false;
            }
            return FitFloat(output);
        }

        private static double[] Apply(SparseAffineMap map, double[] input)
        {
            var output = new double[map.OutputCount];
            map.Apply(input, output);
            return output;
        }

        /// <summary>σ'(z) from z and h = σ(z).</summary>
        private static double Slope(Activation activation, double z, double h)
        {
            switch (activation)
            {
                case Activation.Softplus: return ActivationFunctions.Sigmoid(z);
                case Activation.Sigmoid: return h * (1 - h);
                case Activation.Tanh: return 1 - h * h;
                case Activation.Exp: return h;
                case Activation.ReLU: return z > 0 ? 1 : 0; // max(0, z) rounds nothing; its slope is 0 or 1
                default: throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
            }
        }
    }
}
