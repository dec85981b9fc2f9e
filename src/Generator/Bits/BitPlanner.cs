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
                    form.Range is { } range ? range.Clause(spec.Target.ParameterNames) : BoundClause(form.Network)));
            }
            return (plan, findings);
        }

        /// <summary>
        /// CHEAP024's account of the bound reached: "the best bound is b (about d digits)", or, for a network beyond double's
        /// range (values near ±1.8e308: `a ? 1.7e308 : -1.7e308` has the exact polynomial −1.7e308 + 3.4e308·a), what the
        /// emitted network does. It said "the best bound is Infinity (about 0 digits)" and returned NaN and +∞.
        /// </summary>
        private static string BoundClause(BuiltNetwork network)
        {
            double bound = network.ErrorBound;
            if (!network.WeightsAreFinite)
                return "the network's weights exceed double's range (values or exact polynomial coefficients near ±1.8e308), so it returns NaN or ±∞ on some inputs and has no error bound; keep the values within about ±1e307";
            if (!Numeric.IsFinite(bound))
                return "the network's sums exceed double's range (values near ±1.8e308): no error bound is proven, and an output may be NaN or ±∞; keep the values within about ±1e307";
            return $"the best bound is {BoundText.AtMost(bound)} (about {Math.Max(0, Math.Floor(-Math.Log10(bound))).ToString(CultureInfo.InvariantCulture)} digits)";
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
