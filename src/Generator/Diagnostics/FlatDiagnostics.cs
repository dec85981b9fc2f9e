using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Threading;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Diagnostics
{
    /// <summary>
    /// The no-flattening diagnostics of one method: CHEAP010 (flat over budget), CHEAP011 (budget below
    /// the proven minimum), CHEAP012 (sizes report), CHEAP013 (flat not available) and CHEAP004 for
    /// the flat form. Counts come from <see cref="FlatAssessment"/>, so nothing huge is enumerated.
    /// </summary>
    internal static class FlatDiagnostics
    {
        /// <summary>Diagnostic.Properties key of the smallest fitting HiddenLayers (CHEAP010), read by the code fix.</summary>
        public const string HiddenLayersProperty = "HiddenLayers";

        public static void Report(Action<Diagnostic> report, MethodSpec spec, DeepPlan? deep, MethodDeclarationSyntax syntax,
                                  AttributeSyntax? attribute, AnalyzerConfigOptions fileOptions, AnalyzerConfigOptions globalOptions,
                                  CancellationToken ct)
        {
            var options = spec.Options with { MaxFlatNeurons = Generator.Settings.MaxFlatNeurons(spec.Options, fileOptions, globalOptions) };
            bool requested = options.Form != NetworkForm.Deep;
            var (assessment, flat) = requested ? FlatPlanner.Plan(spec.Graph, options, ct) : (FlatAssessment.Assess(spec.Graph, options.MaxFlatNeurons, options.MaxFlatNeuronsExplicit, options.MaxExpandedTerms, ct), null);
            string name = spec.MethodName;

            if (deep is not null)
            {
                string flatCount = assessment.FlatNeurons is { } exact ? TheoryCounts.Grouped(exact)
                                   : assessment.Forcing is null ? "unknown (not expanded)" : "at least " + TheoryCounts.Grouped(assessment.ForcingFlatNeurons);
                string cn = assessment.FlatNeurons is { } f && deep.Network.Neurons > 0 ? TheoryCounts.Ratio(f, deep.Network.Neurons) : "n/a";
                report(Diagnostic.Create(DiagnosticDescriptors.NetworkSizes, syntax.Identifier.GetLocation(), name,
                    TheoryCounts.Grouped(deep.Network.Neurons), deep.Network.HiddenLayers.ToString(CultureInfo.InvariantCulture), flatCount, cn));
            }
            if (deep is not null && options.HiddenLayers > 0 && deep.Network.HiddenLayers > options.HiddenLayers)
            {
                string reason = deep.Expanded is null
                    ? "the polynomial has too many terms to expand, and depth-k networks are built from its monomials"
                    : $"a network with {options.HiddenLayers.ToString(CultureInfo.InvariantCulture)} hidden layers would need more than {Grouped(DepthPlanner.MaxNeurons)} neurons (Thm III.1)";
                report(Diagnostic.Create(DiagnosticDescriptors.HiddenLayersNotHonored,
                    Argument(attribute, "HiddenLayers")?.Expression.GetLocation() ?? syntax.Identifier.GetLocation(),
                    options.HiddenLayers.ToString(CultureInfo.InvariantCulture), name, reason, deep.Network.HiddenLayers.ToString(CultureInfo.InvariantCulture)));
            }
            if (!requested) return;

            var formLocation = Argument(attribute, "Form")?.GetLocation() ?? attribute?.GetLocation() ?? syntax.Identifier.GetLocation();
            switch (assessment.Verdict)
            {
                case FlatVerdict.BelowMinimum:
                {
                    var location = Argument(attribute, "MaxFlatNeurons")?.Expression.GetLocation() ?? formLocation;
                    string forcing = Render(assessment.Forcing!, spec);
                    string why = assessment.LowerBoundIsMonomial
                        ? $"the monomial {forcing} needs Π(rᵢ+1) = {TheoryCounts.Grouped(assessment.ForcingFlatNeurons)} (Rolnick & Tegmark, Thm II.1; 2ⁿ for n variables, Eq 28)"
                        : $"a sum of c = {assessment.MonomialCount} monomials needs at least max_j m₁(q_j)/c = {TheoryCounts.Grouped(assessment.ForcingFlatNeurons)}/{assessment.MonomialCount} (the lower bound for sums; the largest m₁ is that of {forcing})";
                    report(Diagnostic.Create(DiagnosticDescriptors.FlatBudgetBelowMinimum, location,
                        Grouped(options.MaxFlatNeurons), TheoryCounts.Grouped(assessment.LowerBound), name, why));
                    break;
                }
                case FlatVerdict.OverBudget:
                {
                    string total = assessment.FlatNeurons is { } exact ? TheoryCounts.Grouped(exact)
                                   : $"between {TheoryCounts.Grouped(assessment.ForcingFlatNeurons)} and {TheoryCounts.Grouped(assessment.UnsharedNeurons)}";
                    string depth = assessment.SmallestFittingDepth is { } k
                        ? $"HiddenLayers = {k.ToString(CultureInfo.InvariantCulture)} is the smallest depth that fits (Rolnick & Tegmark, Thm III.1)"
                        : "no network with fewer layers than the deep form fits the budget";
                    var properties = ImmutableDictionary<string, string?>.Empty;
                    if (assessment.SmallestFittingDepth is { } kk) properties = properties.Add(HiddenLayersProperty, kk.ToString(CultureInfo.InvariantCulture));
                    report(Diagnostic.Create(DiagnosticDescriptors.FlatFormTooLarge, formLocation, properties,
                        name, total, Grouped(options.MaxFlatNeurons), Render(assessment.Forcing!, spec),
                        TheoryCounts.Grouped(assessment.ForcingFlatNeurons), TheoryCounts.Grouped(assessment.ForcingDeepNeurons),
                        TheoryCounts.Ratio(assessment.ForcingFlatNeurons, assessment.ForcingDeepNeurons),
                        TheoryCounts.Ratio(assessment.ForcingFlatSynapses, assessment.ForcingDeepSynapses), depth));
                    break;
                }
                case FlatVerdict.DegreeTooHigh:
                    report(Diagnostic.Create(DiagnosticDescriptors.FlatFormUnavailable, formLocation, name,
                        $"its degree {assessment.Expanded!.Degree} exceeds {FlatNetworkBuilder.MaxDegree}, the highest degree whose one-hidden-layer error CheapLearning can bound"));
                    break;
                case FlatVerdict.NotExpanded:
                    report(Diagnostic.Create(DiagnosticDescriptors.FlatFormUnavailable, formLocation, name,
                        $"it has more than {options.MaxExpandedTerms.ToString(CultureInfo.InvariantCulture)} terms when expanded, and a flat network is built from the monomials"));
                    break;
                default:
                    if (flat is not null && !(flat.Network.ErrorBound <= options.Tolerance * flat.Scale))
                    {
                        var location = Argument(attribute, "Tolerance")?.GetLocation() ?? formLocation;
                        report(Diagnostic.Create(DiagnosticDescriptors.ToleranceUnreachable, location,
                            G(options.Tolerance), name, options.Activation + " in the flat form",
                            G(flat.Network.ErrorBound), G(flat.Scale), G(RoundUp(flat.ReachableTolerance))));
                    }
                    break;
            }
        }

        private static AttributeArgumentSyntax? Argument(AttributeSyntax? attribute, string name)
            => attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == name);

        private static string Render(Algebra.Monomial m, MethodSpec spec) => m.ToString(spec.ParameterNames);

        private static string Grouped(int i) => i.ToString("N0", CultureInfo.InvariantCulture);

        private static string G(double d) => d.ToString("G3", CultureInfo.InvariantCulture);

        private static double RoundUp(double t)
        {
            if (!(t > 0) || double.IsInfinity(t)) return t;
            double scale = Math.Pow(10, Math.Floor(Math.Log10(t)) - 1);
            return Math.Ceiling(t / scale) * scale;
        }
    }
}
