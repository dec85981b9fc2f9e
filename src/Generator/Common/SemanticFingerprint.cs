using System.Globalization;
using System.Text;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Everything a method front end (polynomial or bits) reads that is not the annotated method's own syntax,
    /// written as one string, cheap to compute (symbol facts and name lookups, never binding the body): two runs with
    /// the same node and the same fingerprint get the same spec (<see cref="FrontEndMemo{T}"/>). It covers
    /// <list type="bullet">
    /// <item>the attribute's and the parameters' attribute arguments (constants may be declared in other files);</item>
    /// <item>the signature: static, accessibility, generic, return and parameter types, ref kinds;</item>
    /// <item>the containing types: kind, generic, every declaration's place, keyword and partial modifier (other files may declare them);</item>
    /// <item>the generated name's clash checks: the other members named like the method or like its generated class;</item>
    /// <item>every name the method uses that it does not declare itself, looked up where the method stands: what it
    /// denotes, with the assembly it comes from, and a constant's value; checked overflow, which changes folding, and the nullable context (types in messages).</item>
    /// </list>
    /// Null (no memo) when a name denotes a source symbol other than a constant field (a type or namespace declared in
    /// source may gain members elsewhere), when a name is alias-qualified, or when the tree has syntax errors.
    /// </summary>
    internal static class SemanticFingerprint
    {
        private const char Separator = '\u0001';

        /// <summary>The fingerprint of an annotated method's front end (polynomial or bits); null when it cannot be covered.</summary>
        public static string? Of(IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, SemanticModel model, CancellationToken ct)
        {
            var sb = new StringBuilder(256);
            Options(sb, model.Compilation.Options);
            return Method(sb, method, syntax, attribute, model, ct) ? sb.ToString() : null;
        }

        /// <summary>
        /// The fingerprint of a <c>[BayesClassifier]</c> class's front end: the class and each of its methods' attributes,
        /// and each <c>[Hamiltonian]</c> method as <see cref="Of"/> covers it. Null unless the class has this one
        /// declaration (then every Hamiltonian's syntax is inside the node the memo is keyed by).
        /// </summary>
        public static string? OfClassifier(INamedTypeSymbol type, SyntaxNode syntax, AttributeData attribute, SemanticModel model, CancellationToken ct)
        {
            if (type.DeclaringSyntaxReferences.Length != 1 || syntax.ContainsDiagnostics) return null;
            var sb = new StringBuilder(1024);
            Options(sb, model.Compilation.Options);
            Attribute(sb, attribute);
            Containers(sb, type, ct);
            foreach (var member in type.GetMembers())
            {
                ct.ThrowIfCancellationRequested();
                Add(sb, member.Kind.ToString()).Add(member.Name);
                foreach (var a in member.GetAttributes())
                {
                    Attribute(sb, a);
                    if (member is not IMethodSymbol method) continue;
                    var declaration = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ct)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
                    if (declaration is null || !Method(sb, method, declaration, a, model, ct)) return null;
                }
            }
            return sb.ToString();
        }

        /// <summary>
        /// The options the front end's answer depends on: checked overflow changes folding; the nullable context changes
        /// the types its messages show ('Func&lt;double, double&gt;?'), and toggling it keeps every syntax tree.
        /// </summary>
        private static void Options(StringBuilder sb, CompilationOptions options)
            => Add(sb, options is CSharpCompilationOptions { CheckOverflow: true } ? "checked" : "unchecked").Add(options.NullableContextOptions.ToString());

        private static bool Method(StringBuilder sb, IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, SemanticModel model, CancellationToken ct)
        {
            // A partial method's other part, and syntax errors, are outside what this covers.
            if (syntax.ContainsDiagnostics || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null) return false;
            Attribute(sb, attribute);
            Add(sb, method.IsStatic ? "static" : "instance").Add(method.DeclaredAccessibility.ToString()).Add(method.IsGenericMethod ? "generic" : "")
                .Add(method.ReturnType.ToDisplayString());
            foreach (var p in method.Parameters)
            {
                Add(sb, p.Name).Add(p.Type.ToDisplayString()).Add(p.RefKind.ToString()).Add(p.IsParams ? "params" : "");
                foreach (var a in p.GetAttributes()) Attribute(sb, a);
            }
            Containers(sb, method.ContainingType, ct);
            // Whether the generated class is declared 'new' (a base class, perhaps in another file, has a member of its name).
            if (method.ContainingType is { } owner) Add(sb, TargetReader.InheritsNetworkName(owner, method.Name, model.Compilation) ? "hides" : "");
            if (method.ContainingType is { } containing)
            {
                foreach (var member in containing.GetMembers(method.Name).Concat(containing.GetMembers(method.Name + "Network")))
                {
                    if (SymbolEqualityComparer.Default.Equals(member, method)) continue;
                    Add(sb, member.Kind.ToString()).Add(member.Name).Add(member.IsImplicitlyDeclared ? "implicit" : "");
                    foreach (var location in member.Locations) Add(sb, location.SourceTree?.FilePath ?? "metadata").Add(location.SourceSpan.Start.ToString(CultureInfo.InvariantCulture));
                    foreach (var a in member.GetAttributes()) Add(sb, a.AttributeClass?.ToDisplayString() ?? "?").Add(a.AttributeClass?.ContainingAssembly?.Name ?? "");
                }
            }
            return FreeNames(sb, syntax, model, ct);
        }

        /// <summary>The namespace and the chain of containing types, with every declaration's place, kind, keyword and partial modifier.</summary>
        private static void Containers(StringBuilder sb, INamedTypeSymbol? innermost, CancellationToken ct)
        {
            for (var type = innermost; type is not null; type = type.ContainingType)
            {
                Add(sb, type.Name).Add(type.TypeKind.ToString()).Add(type.IsGenericType ? "generic" : "").Add(type.DeclaredAccessibility.ToString())
                    .Add(type.IsStatic ? "static" : "");
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax(ct);
                    Add(sb, reference.SyntaxTree.FilePath).Add(reference.Span.Start.ToString(CultureInfo.InvariantCulture)).Add(declaration.Kind().ToString());
                    if (declaration is TypeDeclarationSyntax t) Add(sb, t.Modifiers.Any(SyntaxKind.PartialKeyword) ? "partial" : "").Add(t.Keyword.Text);
                }
                if (type.ContainingType is null) Add(sb, type.ContainingNamespace?.ToDisplayString() ?? "");
            }
        }

        private static StringBuilder Add(this StringBuilder sb, string text) => sb.Append(text).Append(Separator);

        private static void Attribute(StringBuilder sb, AttributeData attribute)
        {
            // With its assembly: a type of the same full name from another assembly is not ours (TargetReader.IsOurs).
            Add(sb, attribute.AttributeClass?.ToDisplayString() ?? "?").Add(attribute.AttributeClass?.ContainingAssembly?.Name ?? "");
            foreach (var argument in attribute.ConstructorArguments) Constant(sb, argument);
            foreach (var argument in attribute.NamedArguments) Constant(Add(sb, argument.Key), argument.Value);
        }

        /// <summary>An attribute argument, with a floating-point value's exact bits (display text may round).</summary>
        private static void Constant(StringBuilder sb, TypedConstant constant)
        {
            if (constant.Kind == TypedConstantKind.Array)
            {
                foreach (var element in constant.Values) Constant(sb, element);
                return;
            }
            Add(sb, constant.ToCSharpString());
            Exact(sb, constant.Value);
        }

        private static void Exact(StringBuilder sb, object? value)
        {
            if (value is float f) value = (double)f;
            if (value is double d) Add(sb, BitConverter.DoubleToInt64Bits(d).ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// Appends what each name the method uses but does not declare denotes; false when one cannot be covered.
        /// </summary>
        private static bool FreeNames(StringBuilder sb, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken ct)
        {
            var memo = SyntaxMemo.For(syntax);
            if (memo.Names is not NameList names) memo.Names = names = new NameList(Collect(syntax));
            if (names.Names is null) return false;
            foreach (var name in names.Names)
            {
                if (name[0] == ExtensionMark ? !NoSourceExtension(name.Substring(1), model, ct) : !Lookup(sb, name, syntax.SpanStart, model, ct))
                    return false;
            }
            return true;
        }

        /// <summary>Marks a name after a dot in <see cref="NameList"/> (no identifier starts with it).</summary>
        private const char ExtensionMark = '.';

        /// <summary>
        /// Whether no source method named <paramref name="name"/> is an extension method. After a dot on a value
        /// (x.Sq()) one declared in any file may bind, and the file may be edited while the method is not: not covered.
        /// </summary>
        private static bool NoSourceExtension(string name, SemanticModel model, CancellationToken ct)
        {
            foreach (var symbol in model.Compilation.GetSymbolsWithName(name, SymbolFilter.Member, ct))
                if (symbol is IMethodSymbol { IsExtensionMethod: true }) return false;
            return true;
        }

        /// <summary>A method's free names, read from its syntax once (they depend on nothing else).</summary>
        private sealed class NameList
        {
            public NameList(string[]? names) => Names = names;

            /// <summary>Null when a name is alias-qualified (not looked up here).</summary>
            public string[]? Names { get; }
        }

        /// <summary>
        /// The distinct names the method uses but does not declare. Names after a dot are decided by what the name
        /// before the dot denotes (itself free, or declared); a named argument's name by the member it is passed to;
        /// attributes are skipped whole, since the front end reads only the feature's attribute and the parameters'
        /// attributes, both appended as bound data (class and argument values).
        /// </summary>
        private static string[]? Collect(MethodDeclarationSyntax syntax)
        {
            var (declared, seen, used) = t_nameSets ?? (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new List<string>());
            t_nameSets = null;
            try
            {
                return Collect(syntax, declared, seen, used);
            }
            finally
            {
                // Kept for the thread's next method unless a huge one grew them.
                bool small = seen.Count + declared.Count <= 1024;
                declared.Clear();
                seen.Clear();
                used.Clear();
                if (small) t_nameSets = (declared, seen, used);
            }
        }

        /// <summary>The sets <see cref="Collect(MethodDeclarationSyntax)"/> fills, reused by the thread's next call (it is not reentrant).</summary>
        [ThreadStatic]
        private static (HashSet<string> Declared, HashSet<string> Seen, List<string> Used)? t_nameSets;

        private static string[]? Collect(MethodDeclarationSyntax syntax, HashSet<string> declared, HashSet<string> seen, List<string> used)
        {
            // A construct that binds a member C# looks up without its name (var (a, b) = x: Deconstruct) is not covered.
            if (PatternMembers.BoundBy(syntax)) return null;
            // Names repeat (a polynomial uses its few parameters tens of times): deduplicate as they come, keeping
            // the first use's order, instead of listing every use.
            foreach (var node in syntax.DescendantNodes(static n => n is not AttributeListSyntax))
            {
                if (DeclaredNames.Of(node) is { } own)
                {
                    declared.Add(own);
                    continue;
                }
                switch (node)
                {
                    case TypeParameterSyntax t: declared.Add(t.Identifier.ValueText); break;
                    case AliasQualifiedNameSyntax: return null;
                    case SimpleNameSyntax name when !IsQualifiedRight(name) && name.Parent is not NameColonSyntax:
                        if (seen.Add(name.Identifier.ValueText)) used.Add(name.Identifier.ValueText);
                        break;
                    case SimpleNameSyntax member when member.Parent is MemberAccessExpressionSyntax or MemberBindingExpressionSyntax:
                        // x.Sq(): what the receiver denotes does not decide it, an extension method declared anywhere may.
                        if (seen.Add(ExtensionMark + member.Identifier.ValueText)) used.Add(ExtensionMark + member.Identifier.ValueText);
                        break;
                }
            }
            used.RemoveAll(declared.Contains);
            return used.Count == 0 ? Array.Empty<string>() : used.ToArray();
        }

        private static bool IsQualifiedRight(SimpleNameSyntax name)
            => name.Parent is MemberAccessExpressionSyntax access && access.Name == name
               || name.Parent is QualifiedNameSyntax qualified && qualified.Right == name
               || name.Parent is MemberBindingExpressionSyntax;

        private static bool Lookup(StringBuilder sb, string name, int position, SemanticModel model, CancellationToken ct)
        {
            Add(sb, "name:" + name);
            foreach (var symbol in model.LookupSymbols(position, name: name))
            {
                ct.ThrowIfCancellationRequested();
                if (symbol.Locations.Any(l => l.IsInSource))
                {
                    if (symbol is not IFieldSymbol { IsConst: true } constant) return false;
                    Add(sb, constant.ToDisplayString()).Add(constant.Type.ToDisplayString())
                        .Add(Convert.ToString(constant.ConstantValue, CultureInfo.InvariantCulture) ?? "null");
                    Exact(sb, constant.ConstantValue);
                }
                else
                {
                    Add(sb, symbol.Kind.ToString()).Add(symbol.ToDisplayString()).Add(symbol.ContainingAssembly?.Identity.ToString() ?? "");
                }
            }
            return true;
        }
    }
}
