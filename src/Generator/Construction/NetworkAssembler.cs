using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// Turns a layered circuit into weights and propagates a proven error bound forward: each signal
    /// carries a bound B on its exact value over the box and a bound E on the network's deviation from it.
    /// For a product, |ûv̂ − uv| ≤ B_u·E_v + B_v·E_u + E_u·E_v is added to the gate's own error.
    /// <para>
    /// Gates are scale-free: each input is divided by its own bound Û = B + E (per input, so u and v
    /// of very different sizes each fill [−1, 1]), the gate works on the normalised values, and its
    /// output is multiplied back by Û·V̂ (Û² for a square, Û for a copy). The divisions fold into the
    /// neurons' input weights λ/Û and the product into the output weights, so no neuron is added;
    /// one gate design per kind and activation serves every gate (Eq 11 on [−1, 1]²), and its error
    /// terms scale by Û·V̂, which over- or underflows only where the gate's value itself does.
    /// </para>
    /// </summary>
    internal static class NetworkAssembler
    {
        private struct SignalInfo
        {
            public double Bound;       // |exact value| ≤ Bound on the box
            public double Error;       // |computed − exact| ≤ Error
            public int Level;
            public int FirstNeuron;    // gate signals: first neuron index in their layer
            public GateDesign? Design; // gate signals
            public double Scale;       // gate signals: the output is Scale · (design's output)
        }

        /// <summary>The smallest subnormal, twice the absolute rounding error of one operation whose result underflows.</summary>
        private const double Tiny = double.Epsilon;

        /// <summary>Normalising bounds are kept in [2⁻¹⁰⁰⁰, ∞) so that λ/Û never overflows.</summary>
        private static readonly double MinimumScale = Math.Pow(2, -1000);

        public static BuiltNetwork Assemble(Circuit layered, ActivationCalculus sigma, double inputBound, CancellationToken ct)
        {
            var network = Assemble(layered, sigma, inputBound, 0, ct, out bool valuesFit, out _);
            // A gate amplifies its neurons' small differences by about 1/λ² (Eq 11: the output weights are
            // 1/(4σ''(b)λ²)). When S is near double's limit (x³ with InputBound = 1e100), that amplification times S
            // overflows in the output weights although every value the network computes fits: the network gave NaN
            // everywhere. Wider gates (larger λ·reach: smaller weights, more truncation) then give a finite bound; the
            // narrowest that does is kept. Nothing changes for a network that was finite.
            // Past λ·reach = 1/4 the truncation of Eq 11 is no longer small (about uv itself at 1), so a wider gate
            // is kept only while its bound says something: below the bound of the output's exact value.
            for (double reach = 1.0 / 64; !network.IsFinite && valuesFit && reach <= 0.25; reach *= 4)
            {
                var wider = Assemble(layered, sigma, inputBound, reach, ct, out _, out double outputBound);
                if (wider.IsFinite && wider.ErrorBound < outputBound) return wider;
            }
            return network;
        }

        /// <summary>
        /// The network with gate designs whose λ·reach is at least <paramref name="minimumReach"/> (0: the optimum);
        /// <paramref name="valuesFit"/> tells whether every signal's exact bound, and the output's, is a finite double;
        /// <paramref name="outputBound"/> is the output's.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization (netstandard2.0 lacks the name): hot, and at tier 0 through a warm server's first dozen compilations (notes-warm, issue 12)
        private static BuiltNetwork Assemble(Circuit layered, ActivationCalculus sigma, double inputBound, double minimumReach, CancellationToken ct,
                                             out bool valuesFit, out double outputBound)
        {
            valuesFit = Numeric.IsFinite(inputBound);
            int n = layered.InputCount;
            var info = new SignalInfo[layered.SignalCount];
            for (int i = 0; i < n; i++) info[i] = new SignalInfo { Bound = inputBound, Error = 0, Level = 0, Scale = 1 };

            int depth = layered.Gates.Count == 0 ? 0 : layered.Gates.Max(g => g.Level);
            var byLevel = new List<int>[depth + 1];
            for (int l = 0; l <= depth; l++) byLevel[l] = new List<int>();
            for (int g = 0; g < layered.Gates.Count; g++) byLevel[layered.Gates[g].Level].Add(n + g);

            var layers = new List<BuiltLayer>(depth + 1);
            // The designs for normalised reaches other than 1, per (kind, reach of u, reach of v): gates built
            // alike from alike inputs (every product of two inputs, say) have equal reaches, and a design's error
            // terms cost a derivative supremum each. (The key's activation and minimum reach are this network's.)
            var reached = new Dictionary<GateDesignKey, GateDesign>();
            int previousWidth = n;
            int multiply = 0, square = 0, copy = 0;
            for (int level = 1; level <= depth; level++)
            {
                ct.ThrowIfCancellationRequested();
                var gates = byLevel[level];
                // Exact sizes (barring zero weights), so that the stages are built without regrowth or copies.
                int inputRows = 0, inputEntries = 0, neuronRows = 0, neuronEntries = 0;
                foreach (int signal in gates)
                {
                    var gate = layered.GateOf(signal);
                    int forms = gate.B is null ? 1 : 2;
                    inputRows += forms;
                    inputEntries += Entries(gate.A, info, n) + (gate.B is null ? 0 : Entries(gate.B, info, n));
                    neuronRows += gate.NeuronCount;
                    neuronEntries += forms * gate.NeuronCount;
                }
                var inputs = new Stage.Builder(inputRows, inputEntries);
                var neurons = new Stage.Builder(neuronRows, neuronEntries);
                long synapses = 0;
                int neuron = 0;
                foreach (int signal in gates)
                {
                    var gate = layered.GateOf(signal);
                    switch (gate.Kind)
                    {
                        case GateKind.Multiply: multiply++; break;
                        case GateKind.Square: square++; break;
                        default: copy++; break;
                    }
                    int rowA = AddFormRow(inputs, gate.A, info, layered.InputCount);
                    var (boundA, errorA) = FormBounds(gate.A, info, layered.InputCount);
                    double boundB = 0, errorB = 0;
                    int rowB = -1;
                    if (gate.B is not null)
                    {
                        rowB = AddFormRow(inputs, gate.B, info, layered.InputCount);
                        (boundB, errorB) = FormBounds(gate.B, info, layered.InputCount);
                    }
                    // Per-input normalisation (see the class comment): the design sees inputs in [−1, 1].
                    var (scaleA, reachA) = Normaliser(boundA, errorA);
                    var (scaleB, reachB) = gate.B is null ? (1.0, 1.0) : Normaliser(boundB, errorB);
                    var design = GateDesignCache.Choose(gate.Kind, sigma, 1, 1, minimumReach);
                    // The bias and λ are chosen once for [−1, 1]; the error terms are those of the actual
                    // normalised reach (slightly above 1 when the inputs carry errors).
                    if (reachA != 1 || reachB != 1)
                    {
                        var key = new GateDesignKey(gate.Kind, sigma.Kind, reachA, reachB, minimumReach);
                        if (!reached.TryGetValue(key, out var atReach)) reached.Add(key, atReach = design.WithReach(sigma, reachA, reachB));
                        design = atReach;
                    }
                    double outputScale = gate.Kind switch
                    {
                        GateKind.Multiply => scaleA * scaleB,
                        GateKind.Square => scaleA * scaleA,
                        _ => scaleA,
                    };
                    // Every neuron of the gate reads the columns of u (and v): the synapses of the composed map.
                    int columns = RowColumns.Distinct(inputs, rowA) + (rowB >= 0 ? RowColumns.NotIn(inputs, rowB, rowA) : 0);
                    for (int k = 0; k < design.NeuronCount; k++)
                    {
                        neurons.Add(rowA, design.Lambda * design.DirectionsU[k] / scaleA);
                        if (rowB >= 0) neurons.Add(rowB, design.Lambda * design.DirectionsV[k] / scaleB);
                        neurons.EndRow(design.Bias);
                        synapses += columns;
                    }

                    double bound, error;
                    // Truncation and neuron rounding of the normalised gate, scaled back; products of
                    // bounds that underflow lose less than Tiny each.
                    double own = (design.Truncation + design.Rounding) * outputScale + 4 * Tiny;
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
                    if (!Numeric.IsFinite(bound)) valuesFit = false;
                    info[signal] = new SignalInfo { Bound = bound, Error = error, Level = level, FirstNeuron = neuron, Design = design, Scale = outputScale };
                    neuron += design.NeuronCount;
                }
                var layer = new BuiltLayer(inputs.Build(previousWidth), neurons.Build(inputs.Rows), synapses);
                layers.Add(layer);
                previousWidth = neuron;
            }

            var output = new Stage.Builder(1, Entries(layered.Output, info, n));
            int outputRow = AddFormRow(output, layered.Output, info, layered.InputCount);
            (outputBound, var outputError) = FormBounds(layered.Output, info, layered.InputCount);
            if (!Numeric.IsFinite(outputBound)) valuesFit = false;
            layers.Add(new BuiltLayer(null, output.Build(previousWidth), RowColumns.Distinct(output, outputRow)));
            if (double.IsNaN(outputError)) outputError = double.PositiveInfinity;
            return new BuiltNetwork(sigma.Kind, n, layers, outputError, multiply, square, copy);
        }

        /// <summary>A normal power of two: multiplying or dividing by it is exact (barring over- or underflow).</summary>
        internal static bool IsPowerOfTwo(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d);
            long exponent = (bits >> 52) & 0x7FF;
            return (bits & 0xFFFFFFFFFFFFFL) == 0 && exponent > 0 && exponent < 0x7FF;
        }

        /// <summary>
        /// The scale Û that a gate input is divided by, and the bound of the normalised input û/Û. Û is
        /// the exact bound B (often a power of two, R = 1 say, so λ/Û and aⱼ·Û·V̂ stay exact) with reach
        /// (B + E)/B, unless the error is a sizeable part of B; never below 2⁻¹⁰⁰⁰, so λ/Û cannot overflow.
        /// </summary>
        private static (double Scale, double Reach) Normaliser(double bound, double error)
        {
            double scale = Math.Max(bound, MinimumScale);
            double reach = (scale + error) / scale * (1 + 2 * GateDesign.Unit);
            if (error == 0 && bound >= MinimumScale) return (scale, 1);
            return reach <= 1.5 ? (scale, reach) : (Math.Max(bound + error, MinimumScale), 1 + 2 * GateDesign.Unit);
        }

        /// <summary>A gate's output weights (and constant) with its normalisation folded in.</summary>
        private static double Weight(in SignalInfo s, int j) => s.Design!.OutputWeights[j] * s.Scale;

        private static double OutputConstant(in SignalInfo s) => s.Design!.OutputConstant * s.Scale;

        /// <summary>How many entries <see cref="AddFormRow"/> writes for <paramref name="form"/> (fewer if a weight is zero).</summary>
        private static int Entries(SignalForm form, SignalInfo[] info, int inputCount)
        {
            int entries = 0;
            foreach (var t in form.Terms) entries += t.Signal < inputCount ? 1 : info[t.Signal].Design!.NeuronCount;
            return entries;
        }

        /// <summary>
        /// Adds the row computing <paramref name="form"/> from the previous layer: an input xᵢ is
        /// column i; a gate output Σ aⱼhⱼ + c contributes coefficient·aⱼ on its neurons and
        /// coefficient·c to the bias. Returns the row's index (its columns are the row's entries).
        /// </summary>
        private static int AddFormRow(Stage.Builder stage, SignalForm form, SignalInfo[] info, int inputCount)
        {
            double bias = form.Constant;
            foreach (var t in form.Terms)
            {
                var s = info[t.Signal];
                if (t.Signal < inputCount)
                {
                    stage.Add(t.Signal, t.Coefficient);
                    continue;
                }
                var d = s.Design!;
                bias += t.Coefficient * OutputConstant(s);
                for (int j = 0; j < d.NeuronCount; j++) stage.Add(s.FirstNeuron + j, t.Coefficient * Weight(s, j));
            }
            stage.EndRow(bias);
            return stage.Rows - 1;
        }

        /// <summary>
        /// Bound on the form's exact value and on its error: the signals' errors plus the rounding
        /// of the row sum, ≤ ε(Σ|partial sums| + Σ|products|), where the partial sum inside one
        /// signal's group of neurons is bounded by the previous groups' values plus the group's
        /// running magnitude.
        /// </summary>
        private static (double Bound, double Error) FormBounds(SignalForm form, SignalInfo[] info, int inputCount)
        {
            var (bound, error, _) = FormBounds(form, info, inputCount, 1);
            // The rounding terms are sums of magnitudes (partial sums of partial sums), which can pass double's limit
            // although every value the row computes fits and their ε-multiple is small (outputs near 1e308). Then they
            // are summed scaled by 2⁻²⁰⁰ and their ε-multiple scaled back: exact powers of two, so a form whose terms did
            // not overflow is never recomputed and keeps its bound bit for bit.
            if (!Numeric.IsFinite(error) && Numeric.IsFinite(bound))
            {
                // Only when every partial sum the row computes stays a finite double: the scaled bound on them, with a
                // margin for the sum's own rounding, is below MaxValue·2⁻²⁰⁰; otherwise the evaluation itself may
                // overflow (double.MaxValue·x + 0 sits right at the limit), and no bound is right.
                var scaled = FormBounds(form, info, inputCount, RoundingScale);
                if (scaled.LargestPartial * (1 + 1e-10) < double.MaxValue * RoundingScale) error = scaled.Error;
            }
            return (bound, error);
        }

        /// <summary>2⁻²⁰⁰: the scale of a row's rounding terms when their plain sum overflows (exact: a power of two).</summary>
        private static readonly double RoundingScale = Math.Pow(2, -200);

        /// <summary><see cref="FormBounds(SignalForm, SignalInfo[], int)"/> with the rounding terms summed times <paramref name="scale"/> (a power of two).</summary>
        private static (double Bound, double Error, double LargestPartial) FormBounds(SignalForm form, SignalInfo[] info, int inputCount, double scale)
        {
            double largest = 0; // the largest bound on a partial sum, times scale
            double bias = form.Constant;
            foreach (var t in form.Terms)
                if (t.Signal >= inputCount) bias += t.Coefficient * OutputConstant(info[t.Signal]);
            double bound = Math.Abs(form.Constant), error = 0;
            double settled = Math.Abs(bias) * scale, partials = 0, products = 0, coefficients = Math.Abs(form.Constant) * scale;
            // The zero form (an exactly zero polynomial) is computed exactly: no operation, no error.
            long operations = form.Terms.Length == 0 && form.Constant == 0 ? 0 : 1;
            foreach (var t in form.Terms)
            {
                var s = info[t.Signal];
                double w = Math.Abs(t.Coefficient);
                bound += w * s.Bound;
                error += w * s.Error;
                // The coefficient is the exact one rounded once (CircuitBuilders): off by ≤ ε|c| relative,
                // or by half a subnormal when it underflowed, on a value of size ≤ B + E.
                coefficients += (w + double.Epsilon / GateDesign.Unit) * scale * (s.Bound + s.Error);
                if (t.Signal < inputCount)
                {
                    double term = w * scale * s.Bound;
                    products += term;
                    partials += settled + term;
                    settled += term;
                    largest = Math.Max(largest, settled);
                    operations += 2;
                    continue;
                }
                var d = s.Design!;
                double running = settled, h = d.NeuronMagnitude;
                for (int j = 0; j < d.NeuronCount; j++)
                {
                    double term = w * scale * Math.Abs(Weight(s, j)) * h;
                    products += term;
                    running += term;
                    partials += running;
                }
                largest = Math.Max(largest, running);
                operations += 2 * d.NeuronCount;
                settled += w * scale * (s.Bound + s.Error + Math.Abs(OutputConstant(s)));
                largest = Math.Max(largest, settled);
            }
            // Besides the evaluation's own rounding (partials + products), the weights c·(aⱼ·Û·V̂) were
            // themselves rounded when the network was built (once more the products, twice when the scale
            // is not a power of two), and so were the constants folded into the bias; an operation whose
            // result underflows loses up to Tiny instead.
            double folded = Math.Abs(form.Constant) * scale, scaledProducts = 0;
            foreach (var t in form.Terms)
            {
                if (t.Signal < inputCount) continue;
                var s = info[t.Signal];
                // aⱼ·Û·V̂ is exact when the scale is a power of two (R = 1, say); otherwise one more rounding.
                int roundings = IsPowerOfTwo(s.Scale) ? 2 : 3;
                folded += roundings * Math.Abs(t.Coefficient * OutputConstant(s)) * scale;
                if (roundings == 3)
                    for (int j = 0; j < s.Design!.NeuronCount; j++) scaledProducts += Math.Abs(t.Coefficient * Weight(s, j)) * scale * s.Design.NeuronMagnitude;
            }
            double rounding = partials + 2 * products + scaledProducts + folded + coefficients;
            // Scaled, each of the row's terms may have lost up to a subnormal unit to underflow: counted (a few per term).
            if (scale != 1) rounding += 8 * (form.Terms.Length * 4 + 2) * double.Epsilon;
            error += GateDesign.Unit * rounding / scale + operations * Tiny;
            return (bound, error, largest);
        }
    }
}
