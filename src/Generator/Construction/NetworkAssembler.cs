using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Turns a layered circuit into weights, choosing every gate's bias and λ from interval bounds
    /// on its inputs, and propagates a proven error bound forward: each signal carries a bound B on
    /// its exact value over the box and a bound E on the network's deviation from it.
    /// For a product, |ûv̂ − uv| ≤ B_u·E_v + B_v·E_u + E_u·E_v is added to the gate's own error.
    /// </summary>
    internal static class NetworkAssembler
    {
        private sealed class SignalInfo
        {
            public double Bound;       // |exact value| ≤ Bound on the box
            public double Error;       // |computed − exact| ≤ Error
            public int Level;
            public int FirstNeuron;    // gate signals: first neuron index in their layer
            public GateDesign? Design; // gate signals
        }

        public static BuiltNetwork Assemble(Circuit layered, ActivationCalculus sigma, double inputBound, CancellationToken ct)
        {
            int n = layered.InputCount;
            var info = new SignalInfo[layered.SignalCount];
            for (int i = 0; i < n; i++) info[i] = new SignalInfo { Bound = inputBound, Error = 0, Level = 0 };

            int depth = layered.Gates.Count == 0 ? 0 : layered.Gates.Max(g => g.Level);
            var byLevel = new List<int>[depth + 1];
            for (int l = 0; l <= depth; l++) byLevel[l] = new List<int>();
            for (int g = 0; g < layered.Gates.Count; g++) byLevel[layered.Gates[g].Level].Add(n + g);

            var designs = new Dictionary<(GateKind, double, double), GateDesign>();
            var layers = new List<BuiltLayer>();
            int previousWidth = n;
            int multiply = 0, square = 0, copy = 0;
            for (int level = 1; level <= depth; level++)
            {
                ct.ThrowIfCancellationRequested();
                var inputs = new Stage.Builder();
                var neurons = new Stage.Builder();
                var rowColumns = new List<HashSet<int>>();
                long synapses = 0;
                int neuron = 0;
                foreach (int signal in byLevel[level])
                {
                    var gate = layered.GateOf(signal);
                    switch (gate.Kind)
                    {
                        case GateKind.Multiply: multiply++; break;
                        case GateKind.Square: square++; break;
                        default: copy++; break;
                    }
                    int rowA = inputs.Rows;
                    var colsA = AddFormRow(inputs, gate.A, info, layered.InputCount);
                    var (boundA, errorA) = FormBounds(gate.A, info, layered.InputCount);
                    double boundB = 0, errorB = 0;
                    int rowB = -1;
                    HashSet<int>? colsB = null;
                    if (gate.B is not null)
                    {
                        rowB = inputs.Rows;
                        colsB = AddFormRow(inputs, gate.B, info, layered.InputCount);
                        (boundB, errorB) = FormBounds(gate.B, info, layered.InputCount);
                    }
                    var key = (gate.Kind, boundA + errorA, boundB + errorB);
                    if (!designs.TryGetValue(key, out var design))
                    {
                        design = GateDesignCache.Choose(gate.Kind, sigma, key.Item2, key.Item3);
                        designs.Add(key, design);
                    }
                    for (int k = 0; k < design.NeuronCount; k++)
                    {
                        var entries = new List<KeyValuePair<int, double>>
                        {
                            new(rowA, design.Lambda * design.DirectionsU[k]),
                        };
                        if (rowB >= 0) entries.Add(new(rowB, design.Lambda * design.DirectionsV[k]));
                        neurons.AddRow(design.Bias, entries);
                        var cols = new HashSet<int>(colsA);
                        if (colsB is not null) cols.UnionWith(colsB);
                        synapses += cols.Count;
                    }

                    double bound, error;
                    double own = design.Truncation + design.Rounding;
                    switch (gate.Kind)
                    {
                        case GateKind.Multiply:
                            bound = boundA * boundB;
                            error = own + boundA * errorB + boundB * errorA + errorA * errorB;
                            break;
                        case GateKind.Square:
                            bound = boundA * boundA;
                            error = own + 2 * boundA * errorA + errorA * errorA;
                            break;
                        default:
                            bound = boundA;
                            error = own + errorA;
                            break;
                    }
                    info[signal] = new SignalInfo { Bound = bound, Error = error, Level = level, FirstNeuron = neuron, Design = design };
                    neuron += design.NeuronCount;
                }
                var layer = new BuiltLayer(inputs.Build(previousWidth), neurons.Build(inputs.Rows), synapses);
                layers.Add(layer);
                previousWidth = neuron;
            }

            var output = new Stage.Builder();
            var outCols = AddFormRow(output, layered.Output, info, layered.InputCount);
            var (_, outputError) = FormBounds(layered.Output, info, layered.InputCount);
            layers.Add(new BuiltLayer(null, output.Build(previousWidth), outCols.Count));
            if (double.IsNaN(outputError)) outputError = double.PositiveInfinity;
            return new BuiltNetwork(sigma.Kind, n, layers, outputError, multiply, square, copy);
        }

        /// <summary>
        /// Adds the row computing <paramref name="form"/> from the previous layer: an input xᵢ is
        /// column i; a gate output Σ aⱼhⱼ + c contributes coefficient·aⱼ on its neurons and
        /// coefficient·c to the bias. Returns the columns used.
        /// </summary>
        private static HashSet<int> AddFormRow(Stage.Builder stage, SignalForm form, SignalInfo[] info, int inputCount)
        {
            double bias = form.Constant;
            var entries = new List<KeyValuePair<int, double>>();
            foreach (var t in form.Terms)
            {
                var s = info[t.Signal];
                if (t.Signal < inputCount)
                {
                    entries.Add(new(t.Signal, t.Coefficient));
                    continue;
                }
                var d = s.Design!;
                bias += t.Coefficient * d.OutputConstant;
                for (int j = 0; j < d.NeuronCount; j++) entries.Add(new(s.FirstNeuron + j, t.Coefficient * d.OutputWeights[j]));
            }
            stage.AddRow(bias, entries);
            return new HashSet<int>(entries.Where(e => e.Value != 0).Select(e => e.Key));
        }

        /// <summary>
        /// Bound on the form's exact value and on its error: the signals' errors plus the rounding
        /// of the row sum, ≤ ε(Σ|partial sums| + Σ|products|), where the partial sum inside one
        /// signal's group of neurons is bounded by the previous groups' values plus the group's
        /// running magnitude.
        /// </summary>
        private static (double Bound, double Error) FormBounds(SignalForm form, SignalInfo[] info, int inputCount)
        {
            double bias = form.Constant;
            foreach (var t in form.Terms)
                if (t.Signal >= inputCount) bias += t.Coefficient * info[t.Signal].Design!.OutputConstant;
            double bound = Math.Abs(form.Constant), error = 0;
            double settled = Math.Abs(bias), partials = 0, products = 0;
            foreach (var t in form.Terms)
            {
                var s = info[t.Signal];
                double w = Math.Abs(t.Coefficient);
                bound += w * s.Bound;
                error += w * s.Error;
                if (t.Signal < inputCount)
                {
                    double term = w * s.Bound;
                    products += term;
                    partials += settled + term;
                    settled += term;
                    continue;
                }
                var d = s.Design!;
                double running = settled, h = d.NeuronMagnitude;
                foreach (double a in d.OutputWeights)
                {
                    double term = w * Math.Abs(a) * h;
                    products += term;
                    running += term;
                    partials += running;
                }
                settled += w * (s.Bound + s.Error + Math.Abs(d.OutputConstant));
            }
            // Besides the evaluation's own rounding, the weights coefficient·aⱼ and the folded bias
            // were themselves rounded when the network was built: once more the products, plus the
            // constants folded into the bias.
            double folded = Math.Abs(form.Constant);
            foreach (var t in form.Terms)
                if (t.Signal >= inputCount) folded += 2 * Math.Abs(t.Coefficient * info[t.Signal].Design!.OutputConstant);
            error += GateDesign.Unit * (partials + 2 * products + folded);
            return (bound, error);
        }
    }
}
