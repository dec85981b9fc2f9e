namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// CHEAP002 for a feature's attribute on a local function or a lambda (C# 10), which can receive no generated
    /// members and which no generator looks at: without it the attribute was ignored without a word. One check for
    /// every feature's analyzer (the method features' <see cref="AnnotatedMethodAnalyzer"/> and the classifier's
    /// [Hamiltonian]), so a fix reaches them all.
    /// </summary>
    internal static class FunctionAttributes
    {
        /// <summary>The syntax kinds to register the check for.</summary>
        public static readonly System.Collections.Immutable.ImmutableArray<SyntaxKind> Kinds =
            System.Collections.Immutable.ImmutableArray.Create(SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression);

        /// <summary>The attribute lists of a node of <see cref="Kinds"/>, for the syntax-only pre-filter.</summary>
        public static SyntaxList<AttributeListSyntax> Lists(SyntaxNode node)
            => node is ParenthesizedLambdaExpressionSyntax lambda ? lambda.AttributeLists : ((LocalFunctionStatementSyntax)node).AttributeLists;

        /// <summary>The attribute of type <paramref name="attributeType"/> on <paramref name="symbol"/>, or null (also when the type is not resolved).</summary>
        public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType)
            => attributeType is null ? null : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

        /// <summary>
        /// Reports CHEAP002 when the local function or lambda of <paramref name="context"/> carries
        /// <paramref name="attributeType"/>: at a local function's name, at a lambda's attribute (it has no name).
        /// <paramref name="message"/> gets the local function's name, or null for a lambda.
        /// </summary>
        public static void Report(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, Func<string?, string> message)
        {
            var local = context.Node as LocalFunctionStatementSyntax;
            var symbol = local is not null
                ? context.SemanticModel.GetDeclaredSymbol(local, context.CancellationToken)
                : context.SemanticModel.GetSymbolInfo((ParenthesizedLambdaExpressionSyntax)context.Node, context.CancellationToken).Symbol;
            if (symbol is not IMethodSymbol function) return;
            var attribute = Find(function, attributeType);
            if (attribute is null) return;
            var location = local?.Identifier.GetLocation()
                           ?? attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation()
                           ?? context.Node.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CannotReceiveMembers, location, message(local is null ? null : function.Name)));
        }
    }
}
