using System.Collections.Immutable;

namespace CheapLearning.Generator.Polynomials
{
    /// <summary>
    /// Reports every diagnostic of <c>[PolynomialNetwork]</c> methods: the front end's (the generator's own where they
    /// still hold, <see cref="FrontEndReuse"/>), then the findings of
    /// <see cref="PolynomialPlanner"/> (the generator's own plan, with the file's settings), placed at the
    /// attribute argument they concern.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PolynomialNetworkAnalyzer : AnnotatedMethodAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            // The shared target checks (CHEAP002, 003, 005, 009), listed here because this analyzer reports CHEAP002 itself.
            DiagnosticDescriptors.CannotReceiveMembers, DiagnosticDescriptors.UnsupportedSignature, DiagnosticDescriptors.InvalidArgument, DiagnosticDescriptors.InternalError,
            DiagnosticDescriptors.ReadsGeneratedMember,
            DiagnosticDescriptors.NotAPolynomial, DiagnosticDescriptors.FloatRounding, DiagnosticDescriptors.ToleranceUnreachable, DiagnosticDescriptors.TooLargeToExpand,
            DiagnosticDescriptors.FlatFormTooLarge, DiagnosticDescriptors.FlatBudgetBelowMinimum, DiagnosticDescriptors.NetworkSizes,
            DiagnosticDescriptors.FlatFormUnavailable, DiagnosticDescriptors.HiddenLayersNotHonored, DiagnosticDescriptors.InvalidSetting,
            DiagnosticDescriptors.DefaultOutsideInputBound);

        private protected override string AttributeName => PolynomialFrontEnd.AttributeName;

        private protected override (IEnumerable<Diagnostic> Diagnostics, Func<IEnumerable<Finding>>? Plan) Analyze(
            SyntaxNodeAnalysisContext context, FrontEndReuse frontEnd, SemanticModel model, IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute)
        {
            var (spec, diagnostics) = frontEnd.Analyze(method, syntax, () => PolynomialFrontEnd.Analyze(method, syntax, attribute, model, context.CancellationToken), context.CancellationToken);
            if (spec is null) return (diagnostics, null);
            var provider = context.Options.AnalyzerConfigOptionsProvider;
            var fileOptions = PolynomialNetworkGenerator.ReadsFileOptions(spec) ? provider.GetOptions(syntax.SyntaxTree) : null;
            var settings = ProjectSettings.Read(fileOptions, provider.GlobalOptions);
            // A file's unreadable flat budget, at each method whose budget it would have set (project-wide ones: ProjectSettingsAnalyzer).
            IEnumerable<Diagnostic> reported = fileOptions is null ? diagnostics
                : diagnostics.Concat(ProjectSettings.Invalid(fileOptions, provider.GlobalOptions)
                    .Select(setting => ProjectSettingsAnalyzer.Create(DiagnosticDescriptors.InvalidSetting, setting, syntax.Identifier.GetLocation())));
            // Defaults the evaluators repeat but their input check refuses (not for a [Hamiltonian]: the classifier's members take every input).
            var o = spec.Options;
            string evaluators = o.Form switch
            {
                NetworkForm.Flat => spec.NetworkClassName + ".Flat",
                NetworkForm.Both => spec.NetworkClassName + ".Deep or " + spec.NetworkClassName + ".Flat",
                _ => spec.NetworkClassName + ".Deep",
            };
            reported = reported.Concat(TargetReader.DefaultsOutsideBox(method, spec.Target.Parameters, o.InputBound, o.CheckInputs, evaluators, syntax));
            // The findings of the generator's plan when it already made it (a build runs generators first; the IDE too, per edit).
            return (reported, () => Plans.PolynomialFindings.GetOrAdd(new ConfiguredSpec(spec, settings), () => PolynomialPlanner.Plan(spec, settings, context.CancellationToken).Findings));
        }
    }
}
