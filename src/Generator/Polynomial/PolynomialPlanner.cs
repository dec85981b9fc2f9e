using System.Collections.Immutable;
using System.Globalization;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Polynomials
{
    /// <summary>
    /// What one <c>[PolynomialNetwork]</c> method becomes: the deep plan (null when only the flat form was
    /// requested), the flat plan (null when not requested or not built), and the findings, without locations.
    /// </summary>
    internal sealed class PolynomialPlan
    {
        public PolynomialPlan(DeepPlan? deep, FlatPlan? flat, Finding? flatNotEmitted, IReadOnlyList<Finding> findings)
        {
            Deep = deep;
            Flat = flat;
            FlatNotEmitted = flatNotEmitted;
            Findings = findings;
        }

        public DeepPlan? Deep { get; }

        public FlatPlan? Flat { get; }

        /// <summary>Why a requested flat form was not emitted (CHEAP009/010/011/013), or null.</summary>
        public Finding? FlatNotEmitted { get; }

        public IReadOnlyList<Finding> Findings { get; }
    }

    /// <summary>
    /// The one plan function of <c>[PolynomialNetwork]</c>, called by the generator (which emits the plan
    /// and explains the forms it could not emit) and by the analyzer (which places the findings): project
    /// settings, budgets and every check on the built networks live here and nowhere else.
    /// Findings: CHEAP004 (only for a Tolerance the user wrote, or a bound that is not finite), CHEAP006,
    /// CHEAP010–014. Counts come from <see cref="FlatAssessment"/>, so nothing huge is enumerated.
    /// </summary>
    internal static class PolynomialPlanner
    {
        /// <summary>Diagnostic.Properties key of the smallest fitting HiddenLayers (CHEAP010), read by the code fix.</summary>
        public const string HiddenLayersProperty = DiagnosticIds.HiddenLayersProperty;

        /// <summary>Builds the plan; a failure of the deep construction propagates (the caller reports CHEAP009).</summary>
        public static PolynomialPlan Plan(MethodSpec spec, ProjectSettings settings, CancellationToken ct)
        {
            var options = settings.Apply(spec.Options);
            var findings = new List<Finding>();
            string name = spec.MethodName;
            bool deepRequested = options.Form != NetworkForm.Flat, flatRequested = options.Form != NetworkForm.Deep;

            // The deep plan is built even for Form = Flat: the size report and the depth checks are about it.
            // Its expansion (DeepPlan.Expanded: the graph expanded with options.MaxExpandedTerms, null when over
            // the limit) is the one the flat assessment needs, so the graph is expanded once.
            var deep = DepthPlanner.Plan(spec.Graph, options, ct);
            if (deep.Expanded is null)
                findings.Add(new Finding(DiagnosticDescriptors.TooLargeToExpand, NameOnly, name, Int(options.MaxExpandedTerms)));

            FlatAssessment assessment;
            FlatPlan? flat = null;
            Finding? flatNotEmitted = null;
            if (flatRequested)
            {
                try
                {
                    (assessment, flat) = FlatPlanner.Plan(deep.Expanded, options, ct);
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception e)
                {
                    flatNotEmitted = new Finding(DiagnosticDescriptors.InternalError, NameOnly, name, e.GetType().Name + ": " + e.Message);
                    findings.Add(flatNotEmitted);
                    assessment = FlatAssessment.Assess(deep.Expanded, options.MaxFlatNeurons, options.MaxFlatNeuronsExplicit, ct);
                }
            }
            else assessment = FlatAssessment.Assess(deep.Expanded, options.MaxFlatNeurons, options.MaxFlatNeuronsExplicit, ct);

            findings.Add(SizeReport(name, deep, assessment));
            if (options.HiddenLayers > 0 && deep.Network.HiddenLayers > options.HiddenLayers)
            {
                string reason = options.Activation == Activation.ReLU
                    ? "a ReLU square needs m + 1 hidden layers (Yarotsky), so depth-k ReLU networks are not built"
                    : deep.Expanded is null
                    ? "the polynomial has too many terms to expand, and depth-k networks are built from its monomials"
                    : DepthPlanner.LargestBlock(deep.Expanded, options.HiddenLayers) is var block && block > FlatNetworkBuilder.MaxDegree
                    ? $"its flat product blocks would multiply {Int(block)} factors, more than {Int(FlatNetworkBuilder.MaxDegree)}, the highest degree whose one-hidden-layer error CheapLearning can bound"
                    : $"a network with {CountText.Of(options.HiddenLayers, "hidden layer")} would need more than {Grouped(DepthPlanner.MaxNeurons)} neurons (Thm III.1)";
                findings.Add(new Finding(DiagnosticDescriptors.HiddenLayersNotHonored, new[] { Place.ValueOf("HiddenLayers") },
                    Int(options.HiddenLayers), name, reason, Int(deep.Network.HiddenLayers)));
            }
            if (flatRequested && flatNotEmitted is null)
            {
                var verdict = FlatVerdictFinding(spec, options, assessment);
                if (verdict is not null)
                {
                    findings.Add(verdict);
                    flatNotEmitted = flat is null ? verdict : null;
                }
                else if (flat is not null)
                {
                    // As for the deep form below: a flat bound that is not finite (S beyond double's range, or the flat
                    // network's weights or sums beyond it) guarantees nothing and is reported without a written Tolerance
                    // too. It was silent (Form = Flat, 1e307·x³ or InputBound = 1e100 with x²y²: FlatErrorBound = ∞, NaN outputs).
                    bool vacuous = double.IsInfinity(flat.Scale) || !flat.Network.IsFinite;
                    if (vacuous || (options.ToleranceExplicit && !(flat.Network.ErrorBound <= options.Tolerance * flat.Scale)))
                        findings.Add(new Finding(DiagnosticDescriptors.ToleranceUnreachable, AtTolerance(Place.ArgumentOf("Form")),
                            options.ToleranceExplicit ? G(options.Tolerance) : G(options.Tolerance) + " (the default)",
                            name, options.Activation + " in the flat form", BoundText.AtMost(flat.Network.ErrorBound), G(flat.Scale),
                            vacuous
                                ? WhyNoTolerance(double.IsInfinity(flat.Scale) ? NumericLimit.ScaleExceedsDouble : NumericLimit.NetworkExceedsDouble,
                                                 deep.ScaleLog10, "the flat network's weights or sums")
                                : G(RoundUp(flat.ReachableTolerance)))
                        { Properties = vacuous ? ImmutableDictionary<string, string?>.Empty : Reachable(RoundUp(flat.ReachableTolerance)) });
                }
            }
            if (deepRequested)
            {
                // An infinite (or NaN) bound guarantees nothing, even when S overflowed too (τ·∞ = ∞ used to
                // let ∞ ≤ ∞ pass silently, e.g. degree 4 with InputBound = 1e100): always say so.
                bool vacuous = deep.Limit != NumericLimit.None || !Numeric.IsFinite(deep.Network.ErrorBound);
                if (vacuous || (options.ToleranceExplicit && !(deep.Network.ErrorBound <= options.Tolerance * deep.Scale)))
                    findings.Add(new Finding(DiagnosticDescriptors.ToleranceUnreachable, AtTolerance(),
                        // Only an infinite bound warns without a written Tolerance: say the value is not the user's.
                        options.ToleranceExplicit ? G(options.Tolerance) : G(options.Tolerance) + " (the default)",
                        name, options.Activation.ToString(), BoundText.AtMost(deep.Network.ErrorBound), G(deep.Scale),
                        vacuous ? WhyNoTolerance(deep.Limit == NumericLimit.ScaleExceedsDouble ? NumericLimit.ScaleExceedsDouble : NumericLimit.NetworkExceedsDouble,
                                                 deep.ScaleLog10, DeepOverflowSite(deep.Network))
                                : G(RoundUp(deep.ReachableTolerance)))
                    { Properties = vacuous ? ImmutableDictionary<string, string?>.Empty : Reachable(RoundUp(deep.ReachableTolerance)) });
            }
            SharedReachableTolerance(findings);
            return new PolynomialPlan(deepRequested ? deep : null, flat, flatRequested && flat is null ? flatNotEmitted : null, findings);
        }

        /// <summary>
        /// Why no tolerance can be promised, from the plan's overflow-free magnitudes (<see cref="DeepPlan.Limit"/>):
        /// either S itself, the bound of |p| on the box, is beyond double's range, or the network's intermediate
        /// sums (about 10⁵·S inside an Eq 11 multiplication gate) are.
        /// </summary>
        private static string WhyNoTolerance(NumericLimit limit, double scaleLog10, string network)
        {
            string s = "1e" + Math.Floor(scaleLog10).ToString("F0", CultureInfo.InvariantCulture);
            return limit == NumericLimit.ScaleExceedsDouble
                ? $"none: the polynomial's values on this input box reach S ≈ {s}, beyond double's range (1.8e308); lower InputBound"
                : $"none: S ≈ {s} fits in a double, but {network} do not; lower InputBound";
        }

        /// <summary>
        /// Where a finite S still overflows in the deep network, for CHEAP004: inside a multiplication gate (about 10⁵·S)
        /// when there is one; a network without hidden neurons (a linear or constant polynomial, e.g. double.MaxValue·x)
        /// has none, only its output sum and error bound, which reach S and more. It said "multiplication gate" for those too.
        /// </summary>
        private static string DeepOverflowSite(BuiltNetwork network)
            => network.Neurons > 0 ? "the network's intermediate sums (about 1e5·S inside a multiplication gate)"
                                   : "the network's output sum and its error bound (it has no hidden neuron: its output is a weighted sum of the inputs plus a bias)";

        /// <summary>
        /// Form = Both with both forms short of the Tolerance: both CHEAP004 carry the larger reachable tolerance, so one
        /// "Set Tolerance" silences both. With a value each, the IDE offered two fixes of which the tighter left the other
        /// warning, and Fix All kept one of the two conflicting edits.
        /// </summary>
        private static void SharedReachableTolerance(List<Finding> findings)
        {
            double largest = 0;
            int count = 0;
            foreach (var f in findings)
                if (f.Descriptor.Id == DiagnosticIds.ToleranceUnreachable && f.Properties.TryGetValue(DiagnosticIds.ReachableToleranceProperty, out var text)
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double t))
                {
                    largest = Math.Max(largest, t);
                    count++;
                }
            if (count < 2) return;
            for (int i = 0; i < findings.Count; i++)
                if (findings[i].Descriptor.Id == DiagnosticIds.ToleranceUnreachable && findings[i].Properties.ContainsKey(DiagnosticIds.ReachableToleranceProperty))
                    findings[i] = new Finding(findings[i].Descriptor, findings[i].Places.ToArray(), findings[i].Arguments)
                    { Properties = Reachable(largest), Member = findings[i].Member };
        }

        /// <summary>The CHEAP004 data its code fix writes back as <c>Tolerance = t</c>.</summary>
        private static ImmutableDictionary<string, string?> Reachable(double tolerance)
            => ImmutableDictionary<string, string?>.Empty.Add(DiagnosticIds.ReachableToleranceProperty, tolerance.ToString("R", CultureInfo.InvariantCulture));

        /// <summary>A finding about the method as a whole: at its name.</summary>
        private static Place[] NameOnly => Array.Empty<Place>();

        private static Place[] AtTolerance(params Place[] then)
        {
            var places = new List<Place> { Place.ArgumentOf("Tolerance") };
            places.AddRange(then);
            places.Add(Place.Attribute);
            return places.ToArray();
        }

        private static Finding SizeReport(string name, DeepPlan deep, FlatAssessment assessment)
        {
            if (assessment.ReluFlatMinimum is { } relu)
                return new Finding(DiagnosticDescriptors.NetworkSizes, NameOnly, name,
                    TheoryCounts.Grouped(deep.Network.Neurons), CountText.Of(deep.Network.HiddenLayers, "hidden layer"), "at least " + ReluCount(relu) + " (ReLU)",
                    deep.Network.Neurons > 0 ? (relu / deep.Network.Neurons).ToString("G3", CultureInfo.InvariantCulture) + " at least" : "n/a");
            string flatCount = assessment.FlatNeurons is { } exact ? TheoryCounts.Grouped(exact)
                               : assessment.Forcing is null ? "unknown (not expanded)" : "at least " + TheoryCounts.Grouped(assessment.ForcingFlatNeurons);
            string cn = assessment.FlatNeurons is { } f && deep.Network.Neurons > 0 ? TheoryCounts.Ratio(f, deep.Network.Neurons) : "n/a";
            return new Finding(DiagnosticDescriptors.NetworkSizes, NameOnly, name,
                TheoryCounts.Grouped(deep.Network.Neurons), CountText.Of(deep.Network.HiddenLayers, "hidden layer"), flatCount, cn);
        }


        /// <summary>Why the flat form cannot be built (CHEAP010, 011, 013), or null when it can.</summary>
        private static Finding? FlatVerdictFinding(MethodSpec spec, NetworkOptions options, FlatAssessment assessment)
        {
            string name = spec.MethodName;
            var atForm = new[] { Place.ArgumentOf("Form"), Place.Attribute };
            if (assessment.ReluFlatMinimum is { } relu)
            {
                // ReLU's no-flattening law (ReluCounts): the flat form is counted, never built.
                string law = $"one hidden ReLU layer of N neurons is piecewise linear with at most N + 1 pieces along any line, and within τ·S = {G(options.Tolerance * assessment.Expanded!.AbsoluteSum(options.InputBound))} that needs N ≥ {ReluCount(relu)} (a piece of width h is off by |f''|h²/16; x² on [−1, 1]: N + 1 ≥ 2/√(8ε))";
                if (assessment.Verdict == FlatVerdict.BelowMinimum)
                    return new Finding(DiagnosticDescriptors.FlatBudgetBelowMinimum, new[] { Place.ValueOf("MaxFlatNeurons"), Place.ArgumentOf("Form"), Place.Attribute },
                        Grouped(options.MaxFlatNeurons), ReluCount(relu), name, law);
                if (assessment.Verdict == FlatVerdict.OverBudget)
                    return new Finding(DiagnosticDescriptors.FlatFormUnavailable, atForm, name,
                        $"{law}, more than MaxFlatNeurons = {Grouped(options.MaxFlatNeurons)}; the deep ReLU network (Yarotsky squares) is emitted");
                if (assessment.Verdict == FlatVerdict.ReluNotBuilt)
                    return new Finding(DiagnosticDescriptors.FlatFormUnavailable, atForm, name,
                        assessment.ReluFlatConstruction < 0
                            ? $"its degree exceeds {ReluFlatBuilder.MaxDegree}, the highest whose polarization directions the flat ReLU construction enumerates ({law})"
                            : $"the flat ReLU construction (one ridge per polarization direction, piecewise-linear interpolants) needs {TheoryCounts.Grouped(assessment.ReluFlatConstruction)} neurons, more than MaxFlatNeurons = {Grouped(options.MaxFlatNeurons)}, although {law}");
            }
            switch (assessment.Verdict)
            {
                case FlatVerdict.BelowMinimum:
                {
                    string forcing = assessment.Forcing!.ToString(spec.ParameterNames);
                    string why = assessment.LowerBoundIsMonomial
                        ? $"the monomial {forcing} needs Π(rᵢ+1) = {TheoryCounts.Grouped(assessment.ForcingFlatNeurons)} (Rolnick & Tegmark, Thm II.1; 2ⁿ for n variables, Eq 28)"
                        : $"a sum of c = {assessment.MonomialCount} monomials needs at least max_j m₁(q_j)/c = {TheoryCounts.Grouped(assessment.ForcingFlatNeurons)}/{assessment.MonomialCount} (the lower bound for sums; the largest m₁ is that of {forcing})";
                    return new Finding(DiagnosticDescriptors.FlatBudgetBelowMinimum, new[] { Place.ValueOf("MaxFlatNeurons"), Place.ArgumentOf("Form"), Place.Attribute },
                        Grouped(options.MaxFlatNeurons), TheoryCounts.Grouped(assessment.LowerBound), name, why);
                }
                case FlatVerdict.OverBudget:
                {
                    string total = assessment.FlatNeurons is { } exact ? TheoryCounts.Grouped(exact)
                                   : $"between {TheoryCounts.Grouped(assessment.ForcingFlatNeurons)} and {TheoryCounts.Grouped(assessment.UnsharedNeurons)}";
                    string depth = assessment.SmallestFittingDepth is { } k
                        ? $"HiddenLayers = {Int(k)} is the smallest depth that fits (Rolnick & Tegmark, Thm III.1)"
                        : "no network with fewer layers than the deep form fits the budget";
                    var properties = ImmutableDictionary<string, string?>.Empty;
                    if (assessment.SmallestFittingDepth is { } kk) properties = properties.Add(HiddenLayersProperty, Int(kk));
                    return new Finding(DiagnosticDescriptors.FlatFormTooLarge, atForm,
                        name, total, Grouped(options.MaxFlatNeurons), assessment.Forcing!.ToString(spec.ParameterNames),
                        TheoryCounts.Grouped(assessment.ForcingFlatNeurons), TheoryCounts.Grouped(assessment.ForcingDeepNeurons),
                        TheoryCounts.Ratio(assessment.ForcingFlatNeurons, assessment.ForcingDeepNeurons),
                        TheoryCounts.Ratio(assessment.ForcingFlatSynapses, assessment.ForcingDeepSynapses), depth) { Properties = properties };
                }
                case FlatVerdict.DegreeTooHigh:
                    return new Finding(DiagnosticDescriptors.FlatFormUnavailable, atForm, name,
                        $"its degree {assessment.Expanded!.Degree} exceeds {FlatNetworkBuilder.MaxDegree}, the highest degree whose one-hidden-layer error CheapLearning can bound");
                case FlatVerdict.NotExpanded:
                    return new Finding(DiagnosticDescriptors.FlatFormUnavailable, atForm, name,
                        $"it has more than {Int(options.MaxExpandedTerms)} terms when expanded, and a flat network is built from the monomials");
                default:
                    return null;
            }
        }

        private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);

        private static string ReluCount(double n) => n.ToString(n < 1e15 ? "N0" : "G3", CultureInfo.InvariantCulture);

        private static string Grouped(int i) => i.ToString("N0", CultureInfo.InvariantCulture);

        private static string G(double d) => d.ToString("G3", CultureInfo.InvariantCulture);

        /// <summary>A tolerance the user can write: the reachable one rounded up to two significant digits.</summary>
        private static double RoundUp(double t)
        {
            if (!(t > 0) || double.IsInfinity(t)) return t;
            int exponent = (int)Math.Floor(Math.Log10(t)) - 1;
            double digits = Math.Ceiling(t / Math.Pow(10, exponent));
            // The double nearest the decimal digits·10^exponent, which the code fix writes as a short literal: the product
            // digits·10^exponent was often a neighbour (9.199999999999999e-11 for 9.2e-11), and the fix wrote all its digits.
            // Rounding is monotonic, so it is ≥ t unless t / 10^exponent rounded down to a whole number: then one digit more.
            double rounded = Decimal(digits, exponent);
            return rounded >= t ? rounded : Decimal(digits + 1, exponent);
        }

        private static double Decimal(double digits, int exponent)
            => double.Parse(digits.ToString("R", CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
