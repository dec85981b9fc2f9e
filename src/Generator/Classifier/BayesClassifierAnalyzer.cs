using System.Collections.Immutable;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Classifier
{
    /// <summary>Reports the diagnostics of <c>[BayesClassifier]</c> classes (CHEAP026–029 and their Hamiltonians' own).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BayesClassifierAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            // Its Hamiltonians' front-end diagnostics (polynomial or bits), then the classifier's own.
            DiagnosticDescriptors.CannotReceiveMembers, DiagnosticDescriptors.UnsupportedSignature, DiagnosticDescriptors.InvalidArgument, DiagnosticDescriptors.InternalError,
            DiagnosticDescriptors.NotABitParameter, DiagnosticDescriptors.NotBitAlgebra, DiagnosticDescriptors.NotAFunctionOfBits,
            DiagnosticDescriptors.NotAPolynomial,
            DiagnosticDescriptors.MismatchedHamiltonians,
            DiagnosticDescriptors.PriorsNotNormalized,
            DiagnosticDescriptors.InvalidPrior,
            DiagnosticDescriptors.TooFewHamiltonians,
            DiagnosticDescriptors.OrphanHamiltonian);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(ClassifierFrontEnd.AttributeName);
                if (attributeType is null) return;
                start.RegisterSymbolAction(c => Analyze(c, attributeType), SymbolKind.NamedType);
            });
        }

        /// <summary>A [Hamiltonian] method in a type without [BayesClassifier] would be silently ignored: say so.</summary>
        private static void ReportOrphanHamiltonians(SymbolAnalysisContext context, INamedTypeSymbol type)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ClassifierFrontEnd.HamiltonianAttributeName);
                var location = attribute?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation();
                if (location is not null)
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OrphanHamiltonian, location, method.Name, type.Name));
            }
        }

        private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)))
            {
                ReportOrphanHamiltonians(context, type);
                return;
            }
            var (spec, diagnostics) = ClassifierFrontEnd.Analyze(type, context.Compilation, context.CancellationToken);
            foreach (var d in diagnostics) context.ReportDiagnostic(d);
            if (spec is null) return;
            try
            {
                ClassifierPlanner.Build(spec, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, type.Locations.FirstOrDefault(), type.Name, e.GetType().Name + ": " + e.Message));
            }
        }
    }
}
