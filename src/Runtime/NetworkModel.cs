using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;

namespace CheapLearning
{
    /// <summary>
    /// A strictly layered feedforward network (paper, Eq 6): affine maps A₁…A_L with σ applied
    /// elementwise between them, f = A_L ∘ σ ∘ … ∘ σ ∘ A₁. The generator emits one per evaluator
    /// (<c>DeepModel</c>, <c>FlatModel</c>) so the network can be inspected, drawn or exported.
    /// <see cref="Evaluate(ReadOnlySpan{double})"/> performs exactly the floating-point operations, in the same order,
    /// as the generated straight-line evaluator.
    /// </summary>
    public sealed partial class NetworkModel
    {
        private readonly AffineLayer[] _layers;

        /// <summary>Creates a model from its affine maps (the last one is the output map).</summary>
        public NetworkModel(Activation activation, int inputCount, IReadOnlyList<AffineLayer> layers,
                            double inputBound, double errorBound, bool checkInputs = true)
        {
            if (layers is null) throw new ArgumentNullException(nameof(layers));
            // An undefined activation was accepted and threw only at the first Evaluate through a hidden layer; a NaN input
            // bound turned the input check off (|x| > NaN is false) and a negative one refused every input, 0 included.
            if (activation is < Activation.Softplus or > Activation.ReLU)
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
            if (!(inputBound >= 0))
                throw new ArgumentOutOfRangeException(nameof(inputBound), inputBound, "The input bound R (every |xᵢ| ≤ R) must be a non-negative number.");
            if (errorBound < 0)
                throw new ArgumentOutOfRangeException(nameof(errorBound), errorBound, "An error bound is not negative.");
            if (layers.Count == 0) throw new ArgumentException("A network has at least its output map.", nameof(layers));
            _layers = new AffineLayer[layers.Count];
            int width = inputCount;
            for (int i = 0; i < layers.Count; i++)
            {
                var layer = layers[i] ?? throw new ArgumentNullException(nameof(layers));
                if (layer.InputCount != width) throw new ArgumentException($"Layer {i} reads {layer.InputCount} values but the previous layer has {width}.", nameof(layers));
                width = layer.OutputCount;
                _layers[i] = layer;
            }
            // Evaluate returns the first output: a model without one threw IndexOutOfRangeException there.
            if (width == 0) throw new ArgumentException("The output map has no outputs.", nameof(layers));
            Activation = activation;
            InputCount = inputCount;
            InputBound = inputBound;
            ErrorBound = errorBound;
            CheckInputs = checkInputs;
            Layers = new ReadOnlyCollection<AffineLayer>(_layers);
            long neurons = 0;
            int widest = inputCount, scratch = 0;
            for (int i = 0; i < _layers.Length; i++)
            {
                if (i < _layers.Length - 1) neurons += _layers[i].OutputCount;
                widest = Math.Max(widest, _layers[i].OutputCount);
                if (_layers[i].GateInputs is { } g) scratch = Math.Max(scratch, g.OutputCount);
            }
            Neurons = neurons;
            _widest = widest;
            _scratch = scratch;
        }

        private readonly int _widest, _scratch;

        /// <summary>The nonlinearity applied after every hidden affine map.</summary>
        public Activation Activation { get; }

        /// <summary>Number of inputs.</summary>
        public int InputCount { get; }

        /// <summary>Number of outputs (the width of the last affine map).</summary>
        public int OutputCount => _layers[_layers.Length - 1].OutputCount;

        /// <summary>The affine maps; σ follows every one but the last.</summary>
        public IReadOnlyList<AffineLayer> Layers { get; }

        /// <summary>Number of hidden layers (affine maps followed by σ).</summary>
        public int HiddenLayers => _layers.Length - 1;

        /// <summary>Sum of the hidden layers' widths.</summary>
        public long Neurons { get; }

        /// <summary>Number of non-zero weights over all affine maps.</summary>
        public long Synapses
        {
            get
            {
                if (_synapses < 0)
                {
                    long total = 0;
                    foreach (var layer in _layers) total += layer.NonZeroWeights;
                    _synapses = total;
                }
                return _synapses;
            }
        }

        private long _synapses = -1;

        /// <summary>R: the error bound holds for inputs with every |xᵢ| ≤ R.</summary>
        public double InputBound { get; }

        /// <summary>Proven bound on |network(x) − p(x)| for inputs within <see cref="InputBound"/>.</summary>
        public double ErrorBound { get; }

        /// <summary>Whether <see cref="Evaluate(ReadOnlySpan{double})"/> rejects finite inputs outside ±InputBound.</summary>
        public bool CheckInputs { get; }

        /// <summary>
        /// Runs the network on <paramref name="inputs"/> (first output). A NaN or infinite input
        /// gives NaN; a finite input outside ±<see cref="InputBound"/> throws when
        /// <see cref="CheckInputs"/> is set, and so does, in a bit network, any input (NaN too) that is not 0 or 1.
        /// </summary>
        public double Evaluate(ReadOnlySpan<double> inputs)
        {
            if (inputs.Length != InputCount)
                throw new ArgumentException($"Expected {InputCount} inputs but got {inputs.Length}.", nameof(inputs));
            for (int i = 0; i < inputs.Length; i++)
                if (!IsAccepted(inputs[i], nameof(inputs), point: -1, i)) return double.NaN;
            // No allocation: scratch on the stack when small, else from the pool.
            int size = 2 * _widest + _scratch;
            if (size <= StackScratch) return Run(inputs, stackalloc double[size]);
            double[] rented = System.Buffers.ArrayPool<double>.Shared.Rent(size);
            try
            {
                return Run(inputs, rented.AsSpan(0, size));
            }
            finally
            {
                System.Buffers.ArrayPool<double>.Shared.Return(rented);
            }
        }

        /// <summary>
        /// The input check of every entry point, single-point and batched: false for NaN or ±∞ (the point's value is
        /// NaN); with <see cref="CheckInputs"/>, throws for a finite input outside ±<see cref="InputBound"/> or, in a bit
        /// network, one that is not 0 or 1 (NaN and ±∞ included). <paramref name="point"/> is the point's index in a batch, or −1 for a single point.
        /// </summary>
        private bool IsAccepted(double x, string parameter, int point, int input)
        {
            if (!Numeric.IsFinite(x))
            {
                // A bit is 0 or 1 and NaN is neither: the generated Deep(...) of a [BitNetwork] throws for it, so its model does too.
                if (CheckInputs && InputsAreBits)
                    throw new ArgumentOutOfRangeException(parameter, x, $"{InputName(parameter, point, input)} is a bit: 0 or 1.");
                return false;
            }
            if (!CheckInputs) return true;
            if (Math.Abs(x) > InputBound)
                throw new ArgumentOutOfRangeException(parameter, x, $"{InputName(parameter, point, input)} is outside the network's input bound ±{InputBound}.");
            if (InputsAreBits && x != 0 && x != 1)
                throw new ArgumentOutOfRangeException(parameter, x, $"{InputName(parameter, point, input)} is a bit: 0 or 1.");
            return true;
        }

        private static string InputName(string parameter, int point, int input)
            => point < 0 ? $"Input {input}" : $"{(parameter == "columns" ? "Point" : "Row")} {point}, input {input}";

        /// <summary>Doubles of scratch the single-point path takes from the stack (8 KiB).</summary>
        private const int StackScratch = 1024;

        private double Run(ReadOnlySpan<double> inputs, Span<double> scratch)
        {
            Span<double> a = scratch.Slice(0, _widest), b = scratch.Slice(_widest, _widest), s = scratch.Slice(2 * _widest);
            inputs.CopyTo(a);
            int width = InputCount;
            for (int l = 0; l < _layers.Length; l++)
            {
                var layer = _layers[l];
                layer.Apply(a.Slice(0, width), s, b.Slice(0, layer.OutputCount));
                width = layer.OutputCount;
                if (l < _layers.Length - 1)
                    for (int r = 0; r < width; r++) b[r] = ActivationFunctions.Evaluate(Activation, b[r]);
                var t = a; a = b; b = t;
            }
            return a[0];
        }

        /// <summary>
        /// Creates the model of a bit network (paper, Eq 12–13): its inputs are bits, 0 or 1, and
        /// <paramref name="errorBound"/> holds on each of the 2ⁿ bit inputs (not between them).
        /// <see cref="Evaluate(ReadOnlySpan{double})"/> rejects any other input unless <paramref name="checkInputs"/> is false.
        /// </summary>
        public static NetworkModel ForBits(Activation activation, int inputCount, IReadOnlyList<AffineLayer> layers,
                                           double errorBound, bool checkInputs = true)
            => new NetworkModel(activation, inputCount, layers, 1.0, errorBound, checkInputs) { InputsAreBits = true };

        /// <summary>
        /// Whether the inputs are bits (0 or 1), as in a <c>[BitNetwork]</c>'s model: <see cref="ErrorBound"/> then
        /// holds on every bit input, and <see cref="InputBound"/> is 1.
        /// </summary>
        public bool InputsAreBits { get; private set; }

        /// <summary>
        /// A one-line summary (invariant culture) whose domain fits the network: "… for |xᵢ| ≤ R" for a polynomial's
        /// box, "… on every 0/1 input" for a bit network.
        /// </summary>
        public override string ToString()
        {
            var inv = CultureInfo.InvariantCulture;
            string domain = InputsAreBits ? "on every 0/1 input" : "for |xᵢ| ≤ " + InputBound.ToString("G6", inv);
            return $"{CountText.Of(InputCount, "input")}, {CountText.Of(HiddenLayers, "hidden layer")}, {CountText.Of(Neurons, "neuron")}, {CountText.Of(Synapses, "synapse")}, "
                 + $"{Activation}; error ≤ {BoundText.AtMost(ErrorBound)} {domain}";
        }
    }
}
