using System.Collections.Immutable;

namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// Reports the diagnostics of <c>[BitNetwork]</c> methods (CHEAP002/003/005, CHEAP020–025): the front end's (the
    /// generator's own where they still hold, <see cref="FrontEndReuse"/>),
    /// then the findings of <see cref="BitPlanner"/>, the generator's own plan.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BitNetworkAnalyzer : AnnotatedMethodAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.TargetChecks.AddRange(DiagnosticDescriptors.BitChecks).AddRange(
            DiagnosticDescriptors.FlatBitNetworkTooLarge,
            DiagnosticDescriptors.DigitsUnreachable,
            DiagnosticDescriptors.BitNetworkTooLarge);

        private protected override string AttributeName => BitFrontEnd.AttributeName;

        private protected override (IEnumerable<Diagnostic> Diagnostics, Func<IEnumerable<Finding>>? Plan) Analyze(
            SyntaxNodeAnalysisContext context, FrontEndReuse frontEnd, SemanticModel model, IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute)
        {
            var (spec, diagnostics) = frontEnd.Analyze(method, syntax, () => BitFrontEnd.Analyze(method, syntax, attribute, model, context.CancellationToken), context.CancellationToken);
            if (spec is null) return (diagnostics, null);
            return (diagnostics, () => Plans.BitFindings.GetOrAdd(spec, () => BitPlanner.Plan(spec, context.CancellationToken).Findings));
        }
    }
}
