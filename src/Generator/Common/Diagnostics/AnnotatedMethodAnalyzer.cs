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
                    if (filter.MayName(((MethodDeclarationSyntax)c.Node).AttributeLists, c.Node, c.CancellationToken) && Resolve(c.CancellationToken) is { } type)
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

        private void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
        {
            var syntax = (MethodDeclarationSyntax)context.Node;
            if (syntax.AttributeLists.Count == 0) return;
            if (context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method) return;
            var attribute = FunctionAttributes.Find(method, attributeType);
            if (attribute is null) return;
            // Partial methods have two declarations; analyze the one with the body only. The generator reads the body of the
            // declaration that carries the attribute, so an attribute on the bodiless one gave no network and no word.
            if (method.PartialImplementationPart is not null && syntax.Body is null && syntax.ExpressionBody is null)
            {
                if (attribute.ApplicationSyntaxReference is { } applied && applied.SyntaxTree == syntax.SyntaxTree && syntax.AttributeLists.Span.Contains(applied.Span))
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CannotReceiveMembers, applied.GetSyntax(context.CancellationToken).GetLocation(),
                        $"'{method.Name}' is a partial method: put [{attributeType.Name.Substring(0, attributeType.Name.Length - "Attribute".Length)}] on its implementing declaration, the one with the body"));
                return;
            }

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
