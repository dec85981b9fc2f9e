using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Model;

namespace CheapLearning.Generator.Construction
{
    /// <summary>One built bit network (deep or flat) with the β chosen for it and its proven bound.</summary>
    internal sealed class BitNetworkForm
    {
        public BitNetworkForm(BuiltNetwork network, double beta, bool digitsReached, OutputRange? range = null)
        {
            Network = network;
            Beta = beta;
            DigitsReached = digitsReached;
            Range = range;
        }

        /// <summary>Set when the output's exact values (or their bound) may be out of double's range: the network's bound is then ∞ (CHEAP024 says why).</summary>
        public OutputRange? Range { get; }

        public BuiltNetwork Network { get; }
        public double Beta { get; }
        public bool DigitsReached { get; }
    }

    /// <summary>
    /// A scaled output (<see cref="OutputScaling"/>) not proven within double's range: its exponent, the largest |scaled exact
    /// value| found and the input where (−1: a bound, not an input), the slack of that value, and the bound it was checked with.
    /// </summary>
    internal sealed class OutputRange
    {
        public OutputRange(int exponent, double value, long input, double slack, double bound)
        {
            Exponent = exponent;
            Value = value;
            Input = input;
            Slack = slack;
            Bound = bound;
        }

        public int Exponent { get; }
        public double Value { get; }
        public long Input { get; }
        public double Slack { get; }
        public double Bound { get; }

        /// <summary>CHEAP024's clause, inputs named by <paramref name="names"/> ("a = 1, b = 0").</summary>
        public string Clause(IReadOnlyList<string> names)
        {
            string? input = Input < 0 ? null : string.Join(", ", names.Select((name, i) => name + " = " + ((Input >> i) & 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return OutputScaling.RangeClause(Exponent, Bound, (Value, input), Slack) ?? "";
        }
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
                return Checked(layout, exact, 0, tolerance);
            var (beta, bound, _) = BitThreshold.ChooseBeta(layout.Bound, tolerance);
            return Checked(layout, layout.Build(beta, bound, copies), beta, tolerance);
        }

        /// <summary>
        /// The form, its bound made ∞ when a scaled output (<see cref="OutputScaling"/>) is not proven to stay within
        /// double's range on every input, where the final product by 2ᵏ would give ±∞.
        /// </summary>
        private static BitNetworkForm Checked(ThresholdLayout layout, BuiltNetwork network, double beta, double tolerance)
        {
            int k = layout.OutputExponent;
            if (k > 0)
            {
                var (value, input, slack) = layout.OutputExtreme();
                double bound = network.ErrorBound;
                if (OutputScaling.RangeClause(k, bound, (value, input < 0 ? null : ""), slack) is not null)
                    return new BitNetworkForm(network.WithAddedError(double.PositiveInfinity), beta, false, new OutputRange(k, value, input, slack, bound));
            }
            return new BitNetworkForm(network, beta, network.ErrorBound <= tolerance);
        }
    }
}
