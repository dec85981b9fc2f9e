namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// A method whose declaration reads a member our generators emit (a constant of a generated FNetwork class or of the
    /// Classifier, directly, through constants of the user's, in an attribute argument or a parameter's default) cannot be
    /// built: the generators run on the user's code alone, where that name does not exist, so they read no value there
    /// (C#'s error in their compilation is never shown), while the analyzers, on the compilation with the generated files,
    /// found the name bound and reported nothing. Shared by every feature's front end: in the generators' compilation an
    /// attribute argument or default that C# cannot evaluate refuses the method silently (it used to be dropped: the
    /// network took the default InputBound, or the default 0 for the parameter), and in the analyzers' compilation a read
    /// of a member declared only in our generated files is CHEAP033 at the name. The analyzers reuse the generators' answer
    /// only where no such name is written or read through a constant (<see cref="CompilationDelta"/>), so both paths agree.
    /// </summary>
    internal static class GeneratedReads
    {
        /// <summary>False when the method must not be built (CHEAP033 reported, or a value C# cannot compute here).</summary>
        public static bool Check(IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, string label, SemanticModel model,
                                 List<Diagnostic> diagnostics, CancellationToken ct)
        {
            bool ok = true;
            var visited = new Dictionary<ISymbol, ISymbol?>(SymbolEqualityComparer.Default);
            string subject = label == "[Hamiltonian]" ? $"'{method.Name}' (nor its classifier)" : $"'{method.Name}'";
            if (attribute.ApplicationSyntaxReference?.GetSyntax(ct) is AttributeSyntax { ArgumentList: { } arguments } applied)
            {
                var attributeModel = ModelFor(model, applied.SyntaxTree);
                foreach (var argument in arguments.Arguments)
                {
                    ok &= Evaluable(attributeModel, argument.Expression, ct);
                    ok &= Scan(argument.Expression, attributeModel, null, subject, visited, diagnostics, ct);
                }
            }
            foreach (var parameter in (method.PartialDefinitionPart ?? method).Parameters)
                foreach (var reference in parameter.DeclaringSyntaxReferences)
                    if (reference.GetSyntax(ct) is ParameterSyntax { Default: { } value })
                    {
                        var parameterModel = ModelFor(model, value.SyntaxTree);
                        ok &= Evaluable(parameterModel, value.Value, ct);
                        ok &= Scan(value.Value, parameterModel, null, subject, visited, diagnostics, ct);
                    }
            if (((SyntaxNode?)syntax.Body ?? syntax.ExpressionBody) is { } body)
            {
                // Parameters and the method's own locals never lead to generated code (a local constant's initializer is scanned where it stands).
                var own = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in method.Parameters) own.Add(p.Name);
                foreach (var node in body.DescendantNodes())
                    if (DeclaredNames.Of(node) is { } declared) own.Add(declared);
                ok &= Scan(body, model, own, subject, visited, diagnostics, ct);
            }
            return ok;
        }

        /// <summary>Whether C# computes <paramref name="value"/> as a constant; false only where C# reports an error (the name does not exist in this compilation).</summary>
        private static bool Evaluable(SemanticModel model, ExpressionSyntax value, CancellationToken ct)
            => model.GetConstantValue(value, ct).HasValue || !CompilerErrors.In(model, value.Span, ct);

        private static SemanticModel ModelFor(SemanticModel model, SyntaxTree tree)
            => tree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(tree);

        /// <summary>CHEAP033 at each read in <paramref name="root"/> of a generated member, directly or through constants; false if any.</summary>
        private static bool Scan(SyntaxNode root, SemanticModel model, HashSet<string>? own, string subject, Dictionary<ISymbol, ISymbol?> visited,
                                 List<Diagnostic> diagnostics, CancellationToken ct)
        {
            bool ok = true;
            int reportedEnd = -1;
            foreach (var node in root.DescendantNodesAndSelf())
            {
                if (node is not SimpleNameSyntax name || name.SpanStart < reportedEnd) continue;
                if (own is not null && own.Contains(name.Identifier.ValueText)) continue;
                ct.ThrowIfCancellationRequested();
                var symbol = model.GetSymbolInfo(name, ct).Symbol;
                if (symbol is null) continue;
                string? prefix = null;
                ISymbol? generated = null;
                if (IsGenerated(symbol)) (prefix, generated) = ("The method reads", symbol);
                else if (IsConstant(symbol) && ReadThrough(symbol, model.Compilation, visited, ct) is { } found)
                    (prefix, generated) = ($"The constant '{Outer(name)}' reads", found);
                if (generated is null) continue;
                var at = Outer(name);
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.ReadsGeneratedMember, at.GetLocation(), prefix, generated.ToDisplayString(), subject));
                reportedEnd = at.Span.End;
                ok = false;
            }
            return ok;
        }

        /// <summary>The whole qualified read a name is part of: 'C.SqNetwork.Degree' for 'SqNetwork'.</summary>
        private static SyntaxNode Outer(SimpleNameSyntax name)
        {
            SyntaxNode node = name;
            while (node.Parent is MemberAccessExpressionSyntax access && (access.Expression == node || access.Name == node)
                   || node.Parent is QualifiedNameSyntax qualified && (qualified.Left == node || qualified.Right == node))
                node = node.Parent;
            return node;
        }

        private static bool IsConstant(ISymbol symbol) => symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true };

        /// <summary>
        /// Whether <paramref name="symbol"/> is declared only in our generated files, or is a member of a type that is: a network
        /// class, the Classifier (the user's types, re-declared around them, are declared in the user's files too).
        /// </summary>
        private static bool IsGenerated(ISymbol symbol)
        {
            for (var s = symbol; s is not null; s = s.ContainingType)
            {
                var references = s.DeclaringSyntaxReferences;
                if (references.Length == 0) continue;
                bool ours = true;
                foreach (var r in references)
                    if (!CompilationDelta.IsOurs(r.SyntaxTree.FilePath)) { ours = false; break; }
                if (ours) return true;
            }
            return false;
        }

        /// <summary>The generated member a constant's initializer reads, through other constants too (each read once: <paramref name="visited"/> remembers the answer, null while in progress), or null.</summary>
        private static ISymbol? ReadThrough(ISymbol constant, Compilation compilation, Dictionary<ISymbol, ISymbol?> visited, CancellationToken ct)
        {
            if (visited.TryGetValue(constant, out var known)) return known;
            visited[constant] = null;
            var result = Find(constant, compilation, visited, ct);
            visited[constant] = result;
            return result;
        }

        private static ISymbol? Find(ISymbol constant, Compilation compilation, Dictionary<ISymbol, ISymbol?> visited, CancellationToken ct)
        {
            foreach (var reference in constant.DeclaringSyntaxReferences)
            {
                var value = reference.GetSyntax(ct) switch
                {
                    VariableDeclaratorSyntax v => v.Initializer?.Value,
                    EnumMemberDeclarationSyntax e => e.EqualsValue?.Value,
                    _ => null,
                };
                if (value is null || !compilation.ContainsSyntaxTree(value.SyntaxTree)) continue;
                var model = compilation.GetSemanticModel(value.SyntaxTree);
                foreach (var node in value.DescendantNodesAndSelf())
                {
                    if (node is not SimpleNameSyntax name) continue;
                    var symbol = model.GetSymbolInfo(name, ct).Symbol;
                    if (symbol is null) continue;
                    if (IsGenerated(symbol)) return symbol;
                    if (IsConstant(symbol) && ReadThrough(symbol, compilation, visited, ct) is { } found) return found;
                }
            }
            return null;
        }
    }
}
