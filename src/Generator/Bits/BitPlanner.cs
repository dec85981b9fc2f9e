using System.Globalization;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// The one plan function of <c>[BitNetwork]</c>, called by the generator and the analyzer: the deep and
    /// flat threshold networks of <see cref="BitNetworkPlanner"/> and the findings, without locations:
    /// CHEAP023 (flat over the budget), CHEAP024 (digits out of reach), CHEAP025 (too large: no plan).
    /// </summary>
    internal static class BitPlanner
    {
        public static (BitPlan? Plan, IReadOnlyList<Finding> Findings) Plan(BitMethodSpec spec, CancellationToken ct)
        {
            var findings = new List<Finding>();
            string name = spec.MethodName;
            BitPlan plan;
            try
            {
                plan = BitNetworkPlanner.Plan(spec.Graph, spec.Options, spec.Options.Activation, ct);
            }
            catch (BitNetworkTooLargeException e)
            {
                findings.Add(new Finding(DiagnosticDescriptors.BitNetworkTooLarge, Array.Empty<Place>(), name, e.Limit.ToString("N0", CultureInfo.InvariantCulture)));
                return (null, findings);
            }
            if (plan.FlatOverBudget)
                findings.Add(FlatOverBudget(spec, plan));
            foreach (var (form, label) in new[] { (plan.Deep, "deep"), (plan.Flat, "flat") })
            {
                if (form is null || form.DigitsReached) continue;
                double bound = form.Network.ErrorBound;
                findings.Add(new Finding(DiagnosticDescriptors.DigitsUnreachable, new[] { Place.ArgumentOf("Digits"), Place.Attribute },
                    spec.Options.Digits.ToString(CultureInfo.InvariantCulture), label, name,
                    BoundText.AtMost(bound),
                    Math.Max(0, Math.Floor(-Math.Log10(bound))).ToString(CultureInfo.InvariantCulture)));
            }
            return (plan, findings);
        }

        /// <summary>
        /// CHEAP023: why the requested flat form was not emitted: its size above MaxFlatNeurons, or more than 64 bit
        /// inputs, where the exact polynomial (Eq 12) is not computed (an AND of 65 bits "needed more than 65,536 neurons").
        /// </summary>
        public static Finding FlatOverBudget(BitMethodSpec spec, BitPlan plan)
            => new(DiagnosticDescriptors.FlatBitNetworkTooLarge, new[] { Place.ArgumentOf("Form"), Place.Attribute },
                spec.MethodName,
                plan.TooWideForFlat
                    ? $"is not built: it reads {plan.InputCount.ToString(CultureInfo.InvariantCulture)} bits, and the exact polynomial (Eq 12) is computed for at most {BitNetworkPlanner.MaxFlatInputs} (Form = NetworkForm.Deep builds any width)"
                    : $"needs {plan.FlatNeuronText} neurons (one per non-constant monomial of Eq 12), above MaxFlatNeurons = ",
                plan.TooWideForFlat ? "" : spec.Options.MaxFlatNeurons.ToString(CultureInfo.InvariantCulture),
                CountText.Of(plan.Deep.Network.Neurons, "neuron"));
    }
}
