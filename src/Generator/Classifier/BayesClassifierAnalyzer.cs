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
            DiagnosticDescriptors.NotAPolynomial, DiagnosticDescriptors.ToleranceUnreachable, DiagnosticDescriptors.DigitsUnreachable, DiagnosticDescriptors.BitNetworkTooLarge,
            DiagnosticDescriptors.FloatRounding,
            DiagnosticDescriptors.MismatchedHamiltonians,
            DiagnosticDescriptors.PriorsNotNormalized,
            DiagnosticDescriptors.InvalidPrior,
            DiagnosticDescriptors.TooFewHamiltonians,
            DiagnosticDescriptors.VacuousPosteriorBound,
            DiagnosticDescriptors.OrphanHamiltonian);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // No symbol work at compilation start (see CompilationScoped): the attributes resolve at the first type.
                var compilation = start.Compilation;
                var attributes = new CompilationScoped<(INamedTypeSymbol? Classifier, INamedTypeSymbol? Hamiltonian)>();
                start.RegisterSymbolAction(c =>
                {
                    var (attributeType, hamiltonianType) = attributes.Get(c.CancellationToken, _ => (
                        compilation.GetTypeByMetadataName(ClassifierFrontEnd.AttributeName),
                        compilation.GetTypeByMetadataName(ClassifierFrontEnd.HamiltonianAttributeName)));
                    if (attributeType is not null) Analyze(c, attributeType, hamiltonianType);
                }, SymbolKind.NamedType);
                // A local function is no member of any type, so the symbol action above never sees it: CHEAP002, as for
                // [PolynomialNetwork] and [BitNetwork] on a local function (it was ignored without a word).
                var filter = new AttributeNameFilter(ClassifierFrontEnd.HamiltonianAttributeName, compilation);
                start.RegisterSyntaxNodeAction(c =>
                {
                    if (!filter.MayName(FunctionAttributes.Lists(c.Node), c.Node, c.CancellationToken)) return;
                    var hamiltonianType = attributes.Get(c.CancellationToken, _ => (
                        compilation.GetTypeByMetadataName(ClassifierFrontEnd.AttributeName),
                        compilation.GetTypeByMetadataName(ClassifierFrontEnd.HamiltonianAttributeName))).Hamiltonian;
                    const string Why = "[Hamiltonian] is a static method of a [BayesClassifier] class, and nothing is generated from this one";
                    if (hamiltonianType is not null)
                        FunctionAttributes.Report(c, hamiltonianType, name => name is null ? "A lambda cannot be a [Hamiltonian]: a " + Why : $"'{name}' is a local function; a " + Why);
                }, FunctionAttributes.Kinds);
            });
        }

        /// <summary>
        /// What the classifier's plan finds about its Hamiltonians (as their method features would: CHEAP004, CHEAP024,
        /// CHEAP025); a failure throws (CHEAP009). The generator stores the same value after building the networks.
        /// </summary>
        internal static IReadOnlyList<Finding> ClassifierFindings(ClassifierSpec spec, CancellationToken ct)
            => ClassifierPlanner.Plan(spec, ct).Findings;

        /// <summary>
        /// A Hamiltonian's finding at its attribute's argument or its name, as for a method feature; else at the class.
        /// Null for CHEAP024 when the Hamiltonian does not write Digits: as for a default Tolerance, a default never
        /// warns (its bound, HamiltonianErrorBound, is stated either way, and the posterior's follows from it).
        /// </summary>
        private static Diagnostic? Place(Finding finding, INamedTypeSymbol type, INamedTypeSymbol? hamiltonianType, Location name, CancellationToken ct)
        {
            var (method, attribute) = finding.Member is null ? default : type.GetMembers(finding.Member).OfType<IMethodSymbol>()
                .Select(m => (Method: m, Attribute: FunctionAttributes.Find(m, hamiltonianType)))
                .FirstOrDefault(x => x.Attribute is not null);
            if (method is null || attribute is null) return finding.ToDiagnostic(null, name);
            if (finding.Descriptor.Id == DiagnosticIds.DigitsUnreachable && !attribute.NamedArguments.Any(a => a.Key == "Digits")) return null;
            return finding.ToDiagnostic(new AttributeArguments(attribute, ct), method.Locations.FirstOrDefault() ?? name);
        }

        /// <summary>
        /// A [Hamiltonian] method in a type without [BayesClassifier] would be silently ignored: say so. Attribute
        /// classes compare as symbols, resolved once per compilation, not as formatted names: this runs on every
        /// method of every type of the project, and formatting cost a string per attribute (issue 12).
        /// </summary>
        private static void ReportOrphanHamiltonians(SymbolAnalysisContext context, INamedTypeSymbol type, INamedTypeSymbol? hamiltonianType)
        {
            if (hamiltonianType is null) return;
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var attribute = FunctionAttributes.Find(method, hamiltonianType);
                var location = attribute?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation();
                if (location is not null)
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OrphanHamiltonian, location, method.Name, type.Name));
            }
        }

        private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attributeType, INamedTypeSymbol? hamiltonianType)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (!type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)))
            {
                ReportOrphanHamiltonians(context, type, hamiltonianType);
                return;
            }
            var (spec, diagnostics) = ClassifierFrontEnd.Analyze(type, context.Compilation, context.CancellationToken);
            foreach (var d in diagnostics) context.ReportDiagnostic(d);
            if (spec is null) return;
            try
            {
                // The generator's plan when it already made it (a build runs generators first; the IDE too, per edit).
                var findings = Plans.ClassifierFindings.GetOrAdd(spec, () => ClassifierFindings(spec, context.CancellationToken));
                var name = type.Locations.FirstOrDefault() ?? Location.None;
                foreach (var finding in findings)
                    if (Place(finding, type, hamiltonianType, name, context.CancellationToken) is { } diagnostic) context.ReportDiagnostic(diagnostic);
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
