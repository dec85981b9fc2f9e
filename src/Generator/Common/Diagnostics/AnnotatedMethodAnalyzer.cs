namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The analyzer skeleton of a feature whose attribute sits on methods: find the annotated method's
    /// declaration with a body, run the feature's front end and plan (the generator's own), report the
    /// front end's diagnostics and place the plan's findings; CHEAP009 instead of a crash. A separate
    /// analyzer, as the incremental-generator cookbook advises, so #pragma and .editorconfig apply.
    /// </summary>
    public abstract class AnnotatedMethodAnalyzer : DiagnosticAnalyzer
    {
        private protected abstract string AttributeName { get; }

        /// <summary>Runs the feature: returns the front end's diagnostics and the plan's findings (null when the front end failed).</summary>
        private protected abstract (IEnumerable<Diagnostic> Diagnostics, Func<IEnumerable<Finding>>? Plan) Analyze(
            SyntaxNodeAnalysisContext context, IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute);

        /// <inheritdoc />
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // No symbol work here (see CompilationScoped): the attribute's type is resolved at the first method
                // whose attribute lists may name it, so a project without the feature never resolves it at all.
                var compilation = start.Compilation;
                var attributeType = new CompilationScoped<INamedTypeSymbol?>();
                var filter = new AttributeNameFilter(AttributeName, compilation);
                INamedTypeSymbol? Resolve(CancellationToken ct) => attributeType.Get(ct, _ => compilation.GetTypeByMetadataName(AttributeName));
                start.RegisterSyntaxNodeAction(c =>
                {
                    var node = (MethodDeclarationSyntax)c.Node;
                    if ((filter.MayName(node.AttributeLists, node, c.CancellationToken) || DefiningPartMayName(node, filter, c))
                        && Resolve(c.CancellationToken) is { } type)
                        AnalyzeMethod(c, type);
                }, SyntaxKind.MethodDeclaration);
                start.RegisterSyntaxNodeAction(c =>
                {
                    if (filter.MayName(FunctionAttributes.Lists(c.Node), c.Node, c.CancellationToken) && Resolve(c.CancellationToken) is { } type)
                        FunctionAttributes.Report(c, type, name => name is null
                            ? "A lambda cannot receive generated members; networks are generated only for static methods of partial types"
                            : $"'{name}' is a local function; networks are generated only for static methods of partial types");
                }, FunctionAttributes.Kinds);
            });
        }

        /// <summary>
        /// Whether <paramref name="node"/> implements a partial method whose defining declaration may carry the attribute:
        /// the attribute may sit on either part, and the front end reads the part with the body (so does the generator,
        /// <see cref="GeneratorSupport.WithBody"/>). Symbols are looked up for partial methods with a body only.
        /// </summary>
        private static bool DefiningPartMayName(MethodDeclarationSyntax node, AttributeNameFilter filter, SyntaxNodeAnalysisContext c)
            => node.Modifiers.Any(SyntaxKind.PartialKeyword) && (node.Body is not null || node.ExpressionBody is not null)
               && c.SemanticModel.GetDeclaredSymbol(node, c.CancellationToken)?.PartialDefinitionPart?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(c.CancellationToken)
                   is MethodDeclarationSyntax defining
               && filter.MayName(defining.AttributeLists, defining, c.CancellationToken);

        private void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
        {
            var syntax = (MethodDeclarationSyntax)context.Node;
            if (context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method) return;
            // A partial method's attributes are those of both declarations; the implementing one (with the body) is analyzed.
            var attribute = FunctionAttributes.Find(method, attributeType) ?? (method.PartialDefinitionPart is { } defining ? FunctionAttributes.Find(defining, attributeType) : null);
            if (attribute is null) return;
            if (method.PartialImplementationPart is not null && syntax.Body is null && syntax.ExpressionBody is null) return;

            var (diagnostics, plan) = Analyze(context, method, syntax, attribute);
            foreach (var d in diagnostics) context.ReportDiagnostic(d);
            if (plan is null) return;
            var name = syntax.Identifier.GetLocation();
            try
            {
                var arguments = new AttributeArguments(attribute, context.CancellationToken);
                foreach (var finding in plan()) context.ReportDiagnostic(finding.ToDiagnostic(arguments, name));
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, name, method.Name, e.GetType().Name + ": " + e.Message));
            }
        }
    }
}
