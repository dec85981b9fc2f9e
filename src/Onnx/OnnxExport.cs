using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text;
using Google.Protobuf;
using Onnx;

namespace CheapLearning.Onnx
{
    /// <summary>
    /// Writes <see cref="NetworkModel"/> and <see cref="ClassifierModel"/> as ONNX models: one input
    /// [batch, n] with a symbolic batch, one output [batch, 1] (a classifier: [batch, classes]
    /// probabilities), each affine map as MatMul + Add, σ as ONNX operators, and the bound, activation
    /// and sizes in <c>metadata_props</c> and <c>doc_string</c>.
    /// </summary>
    public static class OnnxExport
    {
        /// <summary>Writes <paramref name="model"/> to <paramref name="stream"/>.</summary>
        public static void SaveOnnx(this NetworkModel model, Stream stream, OnnxExportOptions? options = null)
            => Write(CheckWritable(stream), ToModelProto(model, options));

        /// <summary>Writes <paramref name="model"/> to the file <paramref name="path"/> (created or overwritten).</summary>
        public static void SaveOnnx(this NetworkModel model, string path, OnnxExportOptions? options = null)
            => Write(path, ToModelProto(model, options));

        /// <summary>The ONNX model as bytes, e.g. for <c>new InferenceSession(bytes)</c>.</summary>
        public static byte[] ToOnnxBytes(this NetworkModel model, OnnxExportOptions? options = null)
            => ToModelProto(model, options).ToByteArray();

        /// <summary>Writes <paramref name="model"/> to <paramref name="stream"/>.</summary>
        public static void SaveOnnx(this ClassifierModel model, Stream stream, OnnxExportOptions? options = null)
            => Write(CheckWritable(stream), ToModelProto(model, options));

        /// <summary>Writes <paramref name="model"/> to the file <paramref name="path"/> (created or overwritten).</summary>
        public static void SaveOnnx(this ClassifierModel model, string path, OnnxExportOptions? options = null)
            => Write(path, ToModelProto(model, options));

        /// <summary>The ONNX model as bytes.</summary>
        public static byte[] ToOnnxBytes(this ClassifierModel model, OnnxExportOptions? options = null)
            => ToModelProto(model, options).ToByteArray();

        /// <summary>
        /// The bound an export states: the proven <see cref="NetworkModel.ErrorBound"/> for float64, and
        /// <see cref="Float32ErrorBound.Derive"/> for float32, over the 0/1 inputs when <paramref name="inputsAreBits"/>
        /// or the model is a bit network's (<see cref="NetworkModel.InputsAreBits"/>: its bound holds there only).
        /// </summary>
        public static double StatedErrorBound(NetworkModel model, OnnxElementType elementType, bool inputsAreBits = false)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            return elementType == OnnxElementType.Float64 ? model.ErrorBound : Float32ErrorBound.Derive(model, inputsAreBits || model.InputsAreBits);
        }

        /// <summary>
        /// A bound on |p̂(y|x) − p(y|x)| from the Hamiltonians' bounds ε_y: every logit ℓ_y = −H_y − µ_y moves by at most
        /// δ_y = ε_y + u·(2|µ_y| + max|H_y|), so over a set N of classes, with ε = max_N δ_y, every ratio e^(ℓ_k − ℓ_y) moves by a
        /// factor within e^(±2ε) and the softmax over N by at most e^(2ε) − 1; 16 ulps cover the softmax's own rounding. The
        /// u-term is the rounding of µ_y to the element type and of the subtraction, with max|H_y| over the inputs
        /// <see cref="Float32ErrorBound"/> samples: without it the float32 export of a classifier with µ ≈ 1000 stated 1.9e-6
        /// and was off by 8e-6. Each class's δ is its own (as in Softmax.ArgMax): the classes S outside N (those of largest δ)
        /// add their probabilities instead, p_k ≤ e^(ℓ_k − ℓ_j) with ℓ_k − ℓ_j bounded over the inputs from the networks'
        /// output ranges (interval arithmetic, proven), before and after rounding, since removing S moves every other
        /// probability by at most Σ_S p_k. A class with µ = 1e20 (δ ≈ 1e4) made the bound e^(2·1e4) = ∞; its probability
        /// e^(−1e20) now adds 0. The bound is the smallest over the choices of S.
        /// </summary>
        public static double ProbabilityErrorBound(ClassifierModel model, OnnxElementType elementType, bool inputsAreBits = false)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            double unit = elementType == OnnxElementType.Float64 ? 1.1102230246251565e-16 : 5.9604644775390625e-8;
            int classes = model.ClassCount;
            var delta = new double[classes];
            var low = new double[classes];
            var high = new double[classes];
            for (int y = 0; y < classes; y++)
            {
                var h = model.Hamiltonians[y];
                double bound = StatedErrorBound(h, elementType, inputsAreBits);
                double mu = Math.Abs(model.Mu[y]);
                if (elementType == OnnxElementType.Float32 && float.IsInfinity((float)model.Mu[y])) return double.PositiveInfinity;
                double largest = Float32ErrorBound.LargestOutput(h, inputsAreBits || h.InputsAreBits) + bound;
                delta[y] = bound + unit * (2 * mu + largest);
                // A NaN or infinite µ, or a Hamiltonian of no finite bound or value, can make every probability NaN: no bound.
                if (!Numeric.IsFinite(delta[y])) return double.PositiveInfinity;
                // The exact H_y lies within the float64 network's bound of the network's range.
                (low[y], high[y]) = OutputRange(h, inputsAreBits || h.InputsAreBits);
                low[y] -= h.ErrorBound;
                high[y] += h.ErrorBound;
            }
            // p_k ≤ e^(ℓ_k − ℓ_j) ≤ e^(−gap) for every j ≠ k, gap = µ_k − µ_j + min H_k − max H_j, after rounding e^(−gap + δ_k + δ_j).
            var tail = new double[classes];
            for (int k = 0; k < classes; k++)
            {
                double gap = double.NegativeInfinity;
                for (int j = 0; j < classes; j++)
                {
                    if (j == k) continue;
                    double g = model.Mu[k] - model.Mu[j] + low[k] - high[j] - delta[k] - delta[j];
                    // The double arithmetic above rounds by at most a few ulps of its terms' magnitudes.
                    g -= 8 * 1.1102230246251565e-16 * (Math.Abs(model.Mu[k]) + Math.Abs(model.Mu[j]) + Math.Abs(low[k]) + Math.Abs(high[j]) + delta[k] + delta[j]);
                    if (!double.IsNaN(g)) gap = Math.Max(gap, g);
                }
                // Before and after rounding (the second is the larger): 2 e^(−gap), at most 2.
                tail[k] = gap > 0 ? 2 * Math.Exp(-gap) : 2;
            }
            var order = new int[classes];
            for (int y = 0; y < classes; y++) order[y] = y;
            Array.Sort(order, (a, b) => delta[b].CompareTo(delta[a]));
            double best = double.PositiveInfinity, removed = 0;
            for (int m = 0; m < classes; m++)
            {
                // S = the m classes of largest δ; N the rest (never empty), ε = the largest δ in N.
                double epsilon = delta[order[m]];
                best = Math.Min(best, Math.Exp(2 * epsilon) - 1 + removed + 16 * unit);
                removed += tail[order[m]];
            }
            return best;
        }

        /// <summary>
        /// A proven range of the network's output (in float64 rounding, widened by a relative 1e-12 per map): interval
        /// arithmetic through the affine maps and the monotone activations, over the 0/1 inputs or the box ±InputBound.
        /// </summary>
        private static (double Low, double High) OutputRange(NetworkModel model, bool inputsAreBits)
        {
            int n = model.InputCount;
            var lo = new double[n];
            var hi = new double[n];
            for (int i = 0; i < n; i++)
            {
                lo[i] = inputsAreBits ? 0 : -model.InputBound;
                hi[i] = inputsAreBits ? 1 : model.InputBound;
            }
            for (int l = 0; l < model.Layers.Count; l++)
            {
                var layer = model.Layers[l];
                if (layer.GateInputs is { } g) (lo, hi) = Through(g, lo, hi);
                (lo, hi) = Through(layer.Map, lo, hi);
                if (l < model.Layers.Count - 1)
                    for (int r = 0; r < lo.Length; r++)
                    {
                        // Every activation is nondecreasing; its computed value is within a few ulps of the exact one.
                        double a = ActivationFunctions.Evaluate(model.Activation, lo[r]), b = ActivationFunctions.Evaluate(model.Activation, hi[r]);
                        lo[r] = a - Math.Abs(a) * 1e-12 - 1e-300;
                        hi[r] = b + Math.Abs(b) * 1e-12 + 1e-300;
                    }
            }
            if (lo.Length == 0 || double.IsNaN(lo[0]) || double.IsNaN(hi[0])) return (double.NegativeInfinity, double.PositiveInfinity);
            return (lo[0], hi[0]);
        }

        private static (double[] Low, double[] High) Through(SparseAffineMap map, double[] lo, double[] hi)
        {
            var outLo = new double[map.OutputCount];
            var outHi = new double[map.OutputCount];
            var starts = map.RowStarts;
            var columns = map.Columns;
            var weights = map.Weights;
            var bias = map.Bias;
            for (int r = 0; r < map.OutputCount; r++)
            {
                double a = bias[r], b = bias[r], magnitude = Math.Abs(bias[r]);
                for (int k = starts[r]; k < starts[r + 1]; k++)
                {
                    double w = weights[k], x = lo[columns[k]], z = hi[columns[k]];
                    a += w >= 0 ? w * x : w * z;
                    b += w >= 0 ? w * z : w * x;
                    magnitude += Math.Abs(w) * Math.Max(Math.Abs(x), Math.Abs(z));
                }
                // n additions and products round by at most n·u of the magnitudes' sum; 1e-12 covers rows of up to 4,000 terms.
                double slack = magnitude * (1e-12 + 2.3e-16 * (starts[r + 1] - starts[r]));
                outLo[r] = a - slack;
                outHi[r] = b + slack;
            }
            return (outLo, outHi);
        }

        private static Stream CheckWritable(Stream stream)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            if (!stream.CanWrite) throw new ArgumentException("The stream is not writable.", nameof(stream));
            return stream;
        }

        private static void Write(Stream stream, ModelProto proto) => proto.WriteTo(stream);

        /// <summary>Creates or overwrites the file (an unwritable path is an IOException naming it) and writes the model.</summary>
        private static void Write(string path, ModelProto proto)
        {
            using var file = Create(path);
            proto.WriteTo(file);
        }

        private static FileStream Create(string path)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (path.Length == 0 || path.Trim().Length == 0) throw new ArgumentException("The path is empty.", nameof(path));
            try
            {
                return new FileStream(path, FileMode.Create, FileAccess.Write);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is System.Security.SecurityException)
            {
                throw new IOException($"Cannot write the ONNX model to '{path}': {e.Message}", e);
            }
        }

        private static ModelProto ToModelProto(NetworkModel model, OnnxExportOptions? options)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            options = Validate(options, model.InputCount);
            if (model.Layers.Count == 0) throw new ArgumentException("The network has no layers.", nameof(model));
            var builder = new OnnxGraphBuilder(options.ElementType, options.GraphName, options.InputName, options.OutputName);
            builder.Network(model, options.InputName, "");
            // The graph output is a named node output; rename the last Add so it is the graph's output.
            builder.NameLastOutput(options.OutputName);
            var metadata = Metadata(model, options);
            metadata.Add(new KeyValuePair<string, string>("ErrorBound", Format(StatedErrorBound(model, options.ElementType, options.InputsAreBits))));
            metadata.Add(new KeyValuePair<string, string>("ErrorBoundKind", options.ElementType == OnnxElementType.Float64
                ? (InputsAreBits(model, options) ? "proven: |output - f(x)| <= ErrorBound on every 0/1 input" : "proven: |output - p(x)| <= ErrorBound for |x_i| <= InputBound")
                : "derived for float32: the float64 bound plus a first-order float32 rounding analysis with sampled magnitudes (not proven)"));
            if (options.ElementType == OnnxElementType.Float32) metadata.Add(new KeyValuePair<string, string>("Float64ErrorBound", Format(model.ErrorBound)));
            return Model(builder, model.InputCount, model.OutputCount, options, metadata, "the network's value p(x)");
        }

        private static ModelProto ToModelProto(ClassifierModel model, OnnxExportOptions? options)
        {
            if (model is null) throw new ArgumentNullException(nameof(model));
            options = Validate(options, model.InputCount);
            var builder = new OnnxGraphBuilder(options.ElementType, options.GraphName, options.InputName, options.OutputName);
            var energies = new string[model.ClassCount];
            for (int y = 0; y < model.ClassCount; y++) energies[y] = builder.Network(model.Hamiltonians[y], options.InputName, $"H{y}_");
            string h = builder.Node("Concat", "hamiltonians", OnnxGraphBuilder.IntAttribute("axis", 1), energies);
            var mu = new double[model.ClassCount];
            for (int y = 0; y < mu.Length; y++) mu[y] = model.Mu[y];
            // Eq 8: p = softmax(−H − µ).
            string logits = builder.Node("Sub", "logits", builder.Node("Neg", "minus_hamiltonians", h), builder.Initializer("mu", mu, mu.Length));
            builder.Node("Softmax", "probabilities", OnnxGraphBuilder.IntAttribute("axis", 1), logits);
            builder.NameLastOutput(options.OutputName);
            var first = model.Hamiltonians[0];
            var metadata = Metadata(first, options);
            // The bounds hold where every Hamiltonian's does: the smallest InputBound, not the first one's.
            double inputBound = first.InputBound;
            foreach (var hamiltonian in model.Hamiltonians) inputBound = Math.Min(inputBound, hamiltonian.InputBound);
            metadata[metadata.FindIndex(kv => kv.Key == "InputBound")] = new KeyValuePair<string, string>("InputBound", Format(inputBound));
            metadata.RemoveAll(kv => kv.Key == "Neurons" || kv.Key == "Synapses" || kv.Key == "HiddenLayers");
            metadata.Add(new KeyValuePair<string, string>("Classes", model.ClassCount.ToString(CultureInfo.InvariantCulture)));
            metadata.Add(new KeyValuePair<string, string>("Neurons", model.Neurons.ToString(CultureInfo.InvariantCulture)));
            metadata.Add(new KeyValuePair<string, string>("Synapses", model.Synapses.ToString(CultureInfo.InvariantCulture)));
            metadata.Add(new KeyValuePair<string, string>("Mu", string.Join(",", Array.ConvertAll(mu, Format))));
            var bounds = new string[model.ClassCount];
            for (int y = 0; y < bounds.Length; y++) bounds[y] = Format(StatedErrorBound(model.Hamiltonians[y], options.ElementType, options.InputsAreBits));
            metadata.Add(new KeyValuePair<string, string>("HamiltonianErrorBounds", string.Join(",", bounds)));
            metadata.Add(new KeyValuePair<string, string>("ErrorBound", Format(ProbabilityErrorBound(model, options.ElementType, options.InputsAreBits))));
            metadata.Add(new KeyValuePair<string, string>("ErrorBoundKind", "on every probability, from the Hamiltonians' bounds and the rounding of -H - mu: exp(2 max eps) - 1 + softmax rounding, where classes far below another on every input (a huge mu) add their probability instead of their eps"));
            return Model(builder, model.InputCount, model.ClassCount, options, metadata, "p(y|x) = softmax(-H(x) - mu), one column per class (paper, Eq 8)");
        }

        private static OnnxExportOptions Validate(OnnxExportOptions? options, int inputCount)
        {
            options ??= new OnnxExportOptions();
            if (options.Opset < OnnxExportOptions.MinimumOpset || options.Opset > OnnxExportOptions.MaximumOpset)
                throw new ArgumentOutOfRangeException(nameof(options), options.Opset, $"Opset must be {OnnxExportOptions.MinimumOpset}…{OnnxExportOptions.MaximumOpset}.");
            if (options.ElementType != OnnxElementType.Float64 && options.ElementType != OnnxElementType.Float32)
                throw new ArgumentOutOfRangeException(nameof(options), options.ElementType, "Unknown element type.");
            if (options.InputNames is { } names && names.Count != inputCount)
                throw new ArgumentException($"InputNames has {names.Count} names but the network has {inputCount} inputs.", nameof(options));
            if (string.IsNullOrEmpty(options.InputName) || string.IsNullOrEmpty(options.OutputName) || options.InputName == options.OutputName)
                throw new ArgumentException("InputName and OutputName must be non-empty and different.", nameof(options));
            // Google.Protobuf's setter threw ArgumentNullException("value") for a null GraphName, naming no option.
            if (options.GraphName is null) throw new ArgumentException("GraphName must not be null.", nameof(options));
            return options;
        }

        /// <summary>A bit network's model (or a classifier's bit Hamiltonian) is exported as one without being told.</summary>
        private static bool InputsAreBits(NetworkModel model, OnnxExportOptions options) => options.InputsAreBits || model.InputsAreBits;

        private static List<KeyValuePair<string, string>> Metadata(NetworkModel model, OnnxExportOptions options)
        {
            var names = new string[model.InputCount];
            for (int i = 0; i < names.Length; i++) names[i] = options.InputNames?[i] ?? "x" + i.ToString(CultureInfo.InvariantCulture);
            var list = new List<KeyValuePair<string, string>>();
            void Add(string key, string? value)
            {
                if (value is not null) list.Add(new KeyValuePair<string, string>(key, value));
            }
            Add("Signature", options.Signature);
            Add("Polynomial", options.Polynomial);
            Add("InputNames", string.Join(",", names));
            Add("InputBound", Format(model.InputBound));
            Add("Activation", model.Activation.ToString());
            Add("Neurons", model.Neurons.ToString(CultureInfo.InvariantCulture));
            Add("Synapses", model.Synapses.ToString(CultureInfo.InvariantCulture));
            Add("HiddenLayers", model.HiddenLayers.ToString(CultureInfo.InvariantCulture));
            Add("ElementType", options.ElementType == OnnxElementType.Float64 ? "float64" : "float32");
            Add("InputsAreBits", InputsAreBits(model, options) ? "true" : null);
            Add("PackageVersion", PackageVersion);
            return list;
        }

        private static ModelProto Model(OnnxGraphBuilder builder, int inputs, int outputs, OnnxExportOptions options,
                                        List<KeyValuePair<string, string>> metadata, string outputDoc)
        {
            string names = "";
            foreach (var kv in metadata) if (kv.Key == "InputNames") names = kv.Value;
            builder.Graph.Input.Add(builder.Value(options.InputName, inputs, $"[batch, {inputs}] rows of ({names})"));
            builder.Graph.Output.Add(builder.Value(options.OutputName, outputs, outputDoc));
            var proto = new ModelProto
            {
                IrVersion = IrVersion(options.Opset),
                ProducerName = "CheapLearning",
                ProducerVersion = PackageVersion,
                Domain = "cheaplearning",
                ModelVersion = 1,
                Graph = builder.Graph,
            };
            proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = options.Opset });
            var doc = new StringBuilder("Neural network built by CheapLearning (Lin, Tegmark and Rolnick's constructions).");
            foreach (var kv in metadata)
            {
                proto.MetadataProps.Add(new StringStringEntryProto { Key = kv.Key, Value = kv.Value });
                doc.Append('\n').Append(kv.Key).Append(": ").Append(kv.Value);
            }
            proto.DocString = doc.ToString();
            builder.Graph.DocString = proto.DocString;
            return proto;
        }

        /// <summary>The IR version that introduced each opset range (onnx/docs/Versioning.md).</summary>
        private static long IrVersion(int opset) => opset <= 14 ? 7 : opset <= 18 ? 8 : opset <= 20 ? 9 : opset <= 22 ? 10 : 11;

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        private static string PackageVersion
            => typeof(OnnxExport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
               ?? typeof(OnnxExport).Assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
