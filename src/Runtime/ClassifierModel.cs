using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.ComponentModel;

namespace CheapLearning
{
    /// <summary>
    /// A Bayes classifier as a network (paper, Eq 8): p(x) = softmax(−H(x) − µ). The Hamiltonian networks compute
    /// H_y(x) side by side; one softmax layer with weights −1 and bias −µ turns them into the posterior.
    /// </summary>
    public sealed class ClassifierModel
    {
        private readonly NetworkModel[] _hamiltonians;
        private readonly double[] _mu;

        /// <summary>Creates a classifier from one Hamiltonian network per class and µ_y = −ln p(y).</summary>
        /// <exception cref="ArgumentOutOfRangeException">A µ is NaN.</exception>
        public ClassifierModel(IReadOnlyList<NetworkModel> hamiltonians, IReadOnlyList<double> mu)
        {
            if (hamiltonians is null) throw new ArgumentNullException(nameof(hamiltonians));
            if (mu is null) throw new ArgumentNullException(nameof(mu));
            if (hamiltonians.Count < 1 || hamiltonians.Count != mu.Count) throw new ArgumentException("One µ per Hamiltonian, at least one class.", nameof(mu));
            _hamiltonians = new NetworkModel[hamiltonians.Count];
            _mu = new double[mu.Count];
            for (int i = 0; i < _hamiltonians.Length; i++)
            {
                _hamiltonians[i] = hamiltonians[i] ?? throw new ArgumentNullException(nameof(hamiltonians));
                if (_hamiltonians[i].InputCount != _hamiltonians[0].InputCount) throw new ArgumentException("All Hamiltonians read the same inputs.", nameof(hamiltonians));
                // A NaN µ is no prior (µ = −ln p(y)): every score of its class is NaN, so no class would be the most probable
                // on any input. ±∞ stay accepted (µ = +∞ is a class of prior 0).
                if (double.IsNaN(mu[i])) throw new ArgumentOutOfRangeException(nameof(mu), mu[i], $"µ of class {i} is NaN.");
                _mu[i] = mu[i];
            }
            Hamiltonians = new ReadOnlyCollection<NetworkModel>(_hamiltonians);
            Mu = new ReadOnlyCollection<double>(_mu);
        }

        /// <summary>The Hamiltonian networks H_y, one per class.</summary>
        public IReadOnlyList<NetworkModel> Hamiltonians { get; }

        /// <summary>µ_y = −ln p(y); the softmax layer's bias is −µ.</summary>
        public IReadOnlyList<double> Mu { get; }

        /// <summary>Number of classes.</summary>
        public int ClassCount => _hamiltonians.Length;

        /// <summary>Number of inputs.</summary>
        public int InputCount => _hamiltonians[0].InputCount;

        /// <summary>Neurons of the Hamiltonian networks plus the softmax layer's.</summary>
        public long Neurons
        {
            get
            {
                long n = ClassCount;
                foreach (var h in _hamiltonians) n += h.Neurons;
                return n;
            }
        }

        /// <summary>Synapses of the Hamiltonian networks plus the softmax layer's (one per class).</summary>
        public long Synapses
        {
            get
            {
                long n = ClassCount;
                foreach (var h in _hamiltonians) n += h.Synapses;
                return n;
            }
        }

        /// <summary>Writes p(y|x) for every class into <paramref name="destination"/>.</summary>
        public void Probabilities(ReadOnlySpan<double> inputs, Span<double> destination)
        {
            if (destination.Length < ClassCount) throw new ArgumentException($"The destination needs {ClassCount} elements.", nameof(destination));
            // Each class's score is written before the next Hamiltonian reads the inputs: a destination over the inputs
            // (one buffer for both) changed the inputs of every later class, a silent wrong posterior.
            if (inputs.Overlaps(destination.Slice(0, ClassCount))) inputs = inputs.ToArray();
            Scores(inputs, destination);
            Softmax.Apply(destination.Slice(0, ClassCount));
        }

        /// <summary>scores[y] = −H_y(x) − µ_y, the logits of Eq 8, for every class (the inputs must not overlap the scores).</summary>
        private void Scores(ReadOnlySpan<double> inputs, Span<double> scores)
        {
            for (int y = 0; y < ClassCount; y++) scores[y] = -_hamiltonians[y].Evaluate(inputs) - _mu[y];
        }

        /// <summary>
        /// The most probable class. With bit Hamiltonians (<see cref="NetworkModel.InputsAreBits"/>): the first y whose
        /// −H_y(x) − µ_y may be the largest given their <see cref="NetworkModel.ErrorBound"/>
        /// (<see cref="Softmax.ArgMax(ReadOnlySpan{double}, double)"/>), so on exact ties the first one, and never a class more
        /// than 4 bounds (plus the scores' own rounding) below the most probable; otherwise the argmax of the networks' scores (the first one on ties).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">An input is NaN or infinite: its posterior is NaN and no class is the most probable.</exception>
        /// <exception cref="ArgumentException">A score −H_y(x) − µ_y is NaN (a network that overflows, or +∞ − ∞ with an infinite µ): no class is the most probable.</exception>
        public int Classify(ReadOnlySpan<double> inputs)
        {
            // Probabilities gives NaN for such an input (as Evaluate does), but an argmax over NaN would name class 0: a
            // silent wrong answer. Bit inputs need no check here: their networks throw for anything but 0 and 1.
            for (int i = 0; i < inputs.Length; i++)
                if (!Numeric.IsFinite(inputs[i]))
                    throw new ArgumentOutOfRangeException(nameof(inputs), inputs[i], $"Input {i} is not finite: no class is the most probable.");
            // The scores before the softmax, whose rounding would add to the networks' bound.
            Span<double> scores = ClassCount <= 64 ? stackalloc double[ClassCount] : new double[ClassCount];
            Scores(inputs, scores);
            double bound = 0;
            bool bits = true;
            foreach (var h in _hamiltonians)
            {
                bound = Math.Max(bound, h.ErrorBound);
                bits &= h.InputsAreBits;
            }
            // As the generated Classify: on doubles the bound is a worst case over the box, often far above the error.
            return bits ? Softmax.ArgMax(scores, bound) : Softmax.ArgMax(scores);
        }

        /// <summary>"Bayes classifier: 2 classes, 9 inputs, 40 neurons, 92 synapses (Hamiltonian networks + softmax layer)".</summary>
        public override string ToString()
            => $"Bayes classifier: {CountText.Of(ClassCount, "class", "classes")}, {CountText.Of(InputCount, "input")}, {CountText.Of(Neurons, "neuron")}, "
             + $"{CountText.Of(Synapses, "synapse")} (Hamiltonian networks + softmax layer)";
    }

    /// <summary>The softmax σ̃ of Eq 7, computed without overflow. Called by generated classifiers.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class Softmax
    {
        /// <summary>
        /// Replaces z by softmax(z) in place: e^(zᵢ − max z) / Σ e^(zⱼ − max z), so no exponential overflows and
        /// the largest term is exactly 1. An infinite or NaN entry gives NaN everywhere, except −∞ which gives 0.
        /// </summary>
        public static void Apply(Span<double> z)
        {
            if (z.Length == 0) return;
            double max = double.NegativeInfinity;
            foreach (double v in z)
            {
                if (double.IsNaN(v) || double.IsPositiveInfinity(v)) { z.Fill(double.NaN); return; }
                if (v > max) max = v;
            }
            if (double.IsNegativeInfinity(max)) { z.Fill(double.NaN); return; }
            double sum = 0;
            for (int i = 0; i < z.Length; i++)
            {
                z[i] = Math.Exp(z[i] - max);
                sum += z[i];
            }
            for (int i = 0; i < z.Length; i++) z[i] /= sum;
        }

        /// <summary>
        /// The first index that may hold the largest exact value when every entry is within <paramref name="bound"/> of its
        /// exact value plus the rounding of −H − µ (one subtraction: half an ulp of the entry itself): the first i with
        /// values[i] + tᵢ ≥ max − t_max, tᵢ = bound + 2⁻⁵²·|values[i]|. Networks of equal exact scores differ by up to the
        /// bound, so the plain argmax named a later class on exact ties; this one names the first, and never one more than
        /// 4·bound + 2⁻⁵¹·(|values[i]| + |max|) below the exact largest. Each entry's rounding is its own: a far smaller
        /// entry (a class with µ = 1e20) does not widen the others' ties. −1 when empty.
        /// </summary>
        /// <exception cref="ArgumentException">An entry is NaN: no entry is the largest (as <see cref="ArgMax(ReadOnlySpan{double})"/>).</exception>
        public static int ArgMax(ReadOnlySpan<double> values, double bound)
        {
            if (values.Length == 0) return -1;
            double max = double.NegativeInfinity;
            for (int i = 0; i < values.Length; i++)
            {
                if (double.IsNaN(values[i])) throw NaNEntry(i);
                if (values[i] > max) max = values[i];
            }
            const double Ulp = 1.0 / (1L << 52);
            double slack = Math.Max(bound, 0);
            double floor = max - (slack + Math.Abs(max) * Ulp);
            for (int i = 0; i < values.Length; i++)
                if (values[i] + (slack + Math.Abs(values[i]) * Ulp) >= floor) return i;
            return ArgMax(values); // max = ±∞ (floor NaN or −∞): the plain argmax, the first infinite maximum
        }

        /// <summary>Index of the largest entry (the first one on ties); −1 when empty.</summary>
        /// <exception cref="ArgumentException">
        /// An entry is NaN: no entry is the largest. (A NaN first entry used to win and a later one to be skipped, and the
        /// bounded overload skipped every NaN: a classifier's NaN score named class 0 or another class silently.)
        /// </exception>
        public static int ArgMax(ReadOnlySpan<double> values)
        {
            int best = values.Length == 0 ? -1 : 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (double.IsNaN(values[i])) throw NaNEntry(i);
                if (values[i] > values[best]) best = i;
            }
            return best;
        }

        private static ArgumentException NaNEntry(int i)
            => new ArgumentException($"Entry {i} is NaN: no entry is the largest (a classifier's score −H − µ is NaN: no class is the most probable).", "values");
    }
}
