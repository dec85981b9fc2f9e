using System;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Construction
{
    /// <summary>One built bit network (deep or flat) with the β chosen for it and its proven bound.</summary>
    internal sealed class BitNetworkForm
    {
        public BitNetworkForm(BuiltNetwork network, double beta, bool digitsReached)
        {
            Network = network;
            Beta = beta;
            DigitsReached = digitsReached;
        }

        public BuiltNetwork Network { get; }
        public double Beta { get; }
        public bool DigitsReached { get; }
    }

    /// <summary>What the generator emits for a <c>[BitNetwork]</c> method, and what the analyzer reports.</summary>
    internal sealed class BitPlan
    {
        public BitPlan(BitNetworkForm deep, BitCircuit circuit, Multilinear? polynomial, int countLimit, BitNetworkForm? flat, bool flatOverBudget, int inputCount)
        {
            InputCount = inputCount;
            Deep = deep;
            Circuit = circuit;
            Polynomial = polynomial;
            CountLimit = countLimit;
            Flat = flat;
            FlatOverBudget = flatOverBudget;
        }

        public BitNetworkForm Deep { get; }
        public BitCircuit Circuit { get; }

        /// <summary>The exact multilinear polynomial (Eq 12), or null when it has more than <see cref="CountLimit"/> terms.</summary>
        public Multilinear? Polynomial { get; }
        public int CountLimit { get; }
        public BitNetworkForm? Flat { get; }

        /// <summary>Flat requested but above MaxFlatNeurons (or not countable): CHEAP023.</summary>
        public bool FlatOverBudget { get; }

        /// <summary>The bit inputs (the graph's variables).</summary>
        public int InputCount { get; }

        /// <summary>More than <see cref="BitNetworkPlanner.MaxFlatInputs"/> inputs: the exact polynomial, hence the flat form, is not computed.</summary>
        public bool TooWideForFlat => Polynomial is null && InputCount > BitNetworkPlanner.MaxFlatInputs;

        /// <summary>"N" or "more than N" (or "an uncounted number of", above 64 inputs): the flat form's neuron count, for messages.</summary>
        public string FlatNeuronText => TooWideForFlat ? "an uncounted number of"
            : Polynomial is null
            ? "more than " + CountLimit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            : Polynomial.MonomialCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Builds the deep form, reduces to the exact polynomial (guarded), and builds the flat form when requested and within budget.</summary>
    internal static class BitNetworkPlanner
    {
        /// <summary>
        /// Terms of the exact polynomial are counted at least this far (more when MaxFlatNeurons is larger), so that
        /// the docs and CHEAP023 state the flat size exactly up to 16-bit parity; beyond, "more than 65,536".
        /// </summary>
        public const int CountLimit = 1 << 16;

        /// <summary>The exact polynomial's monomials are 64-bit masks: above this many inputs it is not computed.</summary>
        public const int MaxFlatInputs = 64;

        public static BitPlan Plan(BitGraph graph, BitOptions options, CancellationToken ct)
            => Plan(graph, options, Activation.Sigmoid, ct);

        /// <summary>
        /// As above with the threshold units' activation: sigmoid (Eq 13, β chosen for the digits) or
        /// ReLU (exact units, <see cref="ReluBits"/>; no β).
        /// </summary>
        public static BitPlan Plan(BitGraph graph, BitOptions options, Activation activation, CancellationToken ct)
        {
            double tolerance = options.Tolerance;
            bool relu = activation == Activation.ReLU;
            var circuit = BitCircuit.Build(graph, ct);
            var deepLayout = ThresholdLayout.FromCircuit(circuit);
            var deep = Choose(deepLayout, tolerance, circuit.Count(ThresholdRole.Copy), relu);

            bool wantsFlat = options.Form != NetworkForm.Deep;
            int limit = Math.Max(options.MaxFlatNeurons, CountLimit);
            // Over the symbolic budget, a function of at most 16 bits still has its exact polynomial from its truth table.
            var polynomial = MultilinearReduction.TryReduce(graph, limit + 1, ct) ?? Bits.BitTruthTable.TryReduce(graph, limit + 1, ct);
            BitNetworkForm? flat = null;
            bool over = false;
            if (wantsFlat)
            {
                if (polynomial is null || polynomial.MonomialCount > options.MaxFlatNeurons) over = true;
                else flat = Choose(ThresholdLayout.Flat(polynomial), tolerance, 0, relu);
            }
            return new BitPlan(deep, circuit, polynomial, limit, flat, over, graph.VariableCount);
        }

        private static BitNetworkForm Choose(ThresholdLayout layout, double tolerance, int copies, bool relu)
        {
            // The layout's integer weights make the ReLU form exact; were they ever not, sigmoid is kept.
            if (relu && ReluBits.Build(layout, copies) is { } exact)
                return new BitNetworkForm(exact, 0, exact.ErrorBound <= tolerance);
            var (beta, bound, reached) = BitThreshold.ChooseBeta(layout.Bound, tolerance);
            return new BitNetworkForm(layout.Build(beta, bound, copies), beta, reached);
        }
    }
}
