namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// CHEAP002 for a feature's attribute on a local function or a lambda (C# 10), an accessor, an operator or a finalizer, which can receive no generated
    /// members and which no generator looks at: without it the attribute was ignored without a word. One check for
    /// every feature's analyzer (the method features' <see cref="AnnotatedMethodAnalyzer"/> and the classifier's
    /// [Hamiltonian]), so a fix reaches them all.
    /// </summary>
    internal static class FunctionAttributes
    {
        /// <summary>The syntax kinds to register the check for.</summary>
        /// <remarks>
        /// Besides local functions and lambdas, every other declaration a method-targeted attribute may sit on: property,
        /// indexer and event accessors, operators, conversion operators and finalizers. No generator reads them (their
        /// syntax is no MethodDeclarationSyntax), and <c>static double Area { [PolynomialNetwork] get => 3.14; }</c> or
        /// <c>[PolynomialNetwork] public static explicit operator double(T t)</c> lost the attribute without a word.
        /// </remarks>
        public static readonly System.Collections.Immutable.ImmutableArray<SyntaxKind> Kinds =
            System.Collections.Immutable.ImmutableArray.Create(SyntaxKind.LocalFunctionStatement, SyntaxKind.ParenthesizedLambdaExpression,
                SyntaxKind.GetAccessorDeclaration, SyntaxKind.SetAccessorDeclaration, SyntaxKind.InitAccessorDeclaration,
                SyntaxKind.AddAccessorDeclaration, SyntaxKind.RemoveAccessorDeclaration,
                SyntaxKind.OperatorDeclaration, SyntaxKind.ConversionOperatorDeclaration, SyntaxKind.DestructorDeclaration);

        /// <summary>The attribute lists of a node of <see cref="Kinds"/>, for the syntax-only pre-filter.</summary>
        public static SyntaxList<AttributeListSyntax> Lists(SyntaxNode node) => node switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => lambda.AttributeLists,
            LocalFunctionStatementSyntax local => local.AttributeLists,
            AccessorDeclarationSyntax accessor => accessor.AttributeLists,
            BaseMethodDeclarationSyntax member => member.AttributeLists,
            _ => default,
        };

        /// <summary>The attribute of type <paramref name="attributeType"/> on <paramref name="symbol"/>, or null (also when the type is not resolved).</summary>
        public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? attributeType)
            => attributeType is null ? null : symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

        /// <summary>
        /// Reports CHEAP002 when the declaration of <paramref name="context"/> (a node of <see cref="Kinds"/>) carries
        /// <paramref name="attributeType"/>: at a local function's name, an accessor's keyword, an operator's token, a
        /// conversion's type, a finalizer's name, a lambda's attribute (it has no name). <paramref name="message"/> gets what
        /// the declaration is ("'F' is a local function", "'Area.get' is a property accessor", …), or null for a lambda.
        /// </summary>
        public static void Report(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, Func<string?, string> message)
        {
            var model = context.SemanticModel;
            var ct = context.CancellationToken;
            ISymbol? symbol = context.Node switch
            {
                LocalFunctionStatementSyntax local => model.GetDeclaredSymbol(local, ct),
                AccessorDeclarationSyntax accessor => model.GetDeclaredSymbol(accessor, ct),
                BaseMethodDeclarationSyntax member => model.GetDeclaredSymbol(member, ct),
                _ => model.GetSymbolInfo((ParenthesizedLambdaExpressionSyntax)context.Node, ct).Symbol,
            };
            if (symbol is not IMethodSymbol function) return;
            var attribute = Find(function, attributeType);
            if (attribute is null) return;
            var (what, at) = Describe(context.Node, function);
            var location = at?.GetLocation()
                           ?? attribute.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation()
                           ?? context.Node.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CannotReceiveMembers, location, message(what)));
        }

        /// <summary>What the declaration is, as the subject of a sentence, and the token to report at (null for a lambda).</summary>
        private static (string? What, SyntaxToken? At) Describe(SyntaxNode node, IMethodSymbol function)
        {
            switch (node)
            {
                case LocalFunctionStatementSyntax local:
                    return ($"'{function.Name}' is a local function", local.Identifier);
                case AccessorDeclarationSyntax accessor:
                    bool indexer = function.AssociatedSymbol is IPropertySymbol { IsIndexer: true };
                    string kind = function.AssociatedSymbol is IEventSymbol ? "an event accessor" : indexer ? "an indexer accessor" : "a property accessor";
                    string owner = indexer ? "this[]" : function.AssociatedSymbol?.Name ?? "";
                    return ($"'{owner}.{accessor.Keyword.ValueText}' is {kind}", accessor.Keyword);
                case OperatorDeclarationSyntax op:
                    return ($"'operator {op.OperatorToken.ValueText}' is an operator", op.OperatorToken);
                case ConversionOperatorDeclarationSyntax conversion:
                    return ($"'{conversion.ImplicitOrExplicitKeyword.ValueText} operator {conversion.Type}' is a conversion operator", conversion.OperatorKeyword);
                case DestructorDeclarationSyntax destructor:
                    return ($"'~{destructor.Identifier.ValueText}' is a finalizer", destructor.Identifier);
                default:
                    return (null, null);
            }
        }
    }
}
