namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The checks every annotated method shares, whatever the feature: its containing types can receive
    /// a nested class (CHEAP002), it is static and the only annotated overload of its name, and no member
    /// already has the generated class's name (CHEAP003). Texts name the feature's own attribute.
    /// </summary>
    internal static class TargetReader
    {
        public const string PolynomialAttributeName = "CheapLearning.PolynomialNetworkAttribute";
        public const string BitAttributeName = "CheapLearning.BitNetworkAttribute";

        /// <summary>
        /// Whether <paramref name="attribute"/> is ours: its class is the type <paramref name="compilation"/> resolves under
        /// <paramref name="metadataName"/> (<c>GetTypeByMetadataName</c>), as the analyzers decide. A type of the same full name
        /// from another assembly (a copy reached through <c>extern alias</c>) is not, nor is either of two ambiguous ones (C#
        /// reports CS0433 there, and nothing resolves). Display strings cannot tell them apart, and the generators' search by
        /// metadata name found both.
        /// </summary>
        public static bool IsOurs(AttributeData attribute, string metadataName, Compilation compilation)
            => attribute.AttributeClass is { } type
               && metadataName.Length > type.Name.Length && metadataName[metadataName.Length - type.Name.Length - 1] == '.'
               && string.CompareOrdinal(metadataName, metadataName.Length - type.Name.Length, type.Name, 0, type.Name.Length) == 0
               && SymbolEqualityComparer.Default.Equals(type, compilation.GetTypeByMetadataName(metadataName));

        /// <summary>The feature: its attribute as users write it, and what its network's inputs are.</summary>
        internal readonly record struct Feature(string Attribute, string Inputs);

        public static string Accessibility(Accessibility a) => a switch
        {
            Microsoft.CodeAnalysis.Accessibility.Public => "public",
            Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
            Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
            Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
            Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
            _ => "private",
        };

        /// <summary>The containing types of <paramref name="method"/>, or null after reporting CHEAP002.</summary>
        public static HierarchyInfo? Containers(IMethodSymbol method, MethodDeclarationSyntax syntax, Feature feature, Compilation compilation, List<Diagnostic> diagnostics)
        {
            var types = new List<TypeDeclarationInfo>();
            bool ok = true;
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                var declaration = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().FirstOrDefault();
                if (declaration is null || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                {
                    // A C# 14 extension block (TypeKind Extension, unknown to the Roslyn we build against) has no name.
                    string kind = type.TypeKind.ToString() == "Extension" ? "extension block" : type.TypeKind.ToString().ToLowerInvariant();
                    Report(diagnostics, TypeLocation(syntax, type), $"'{TypeName(type)}' is {("aeiou".IndexOf(kind[0]) >= 0 ? "an" : "a")} {kind}; {feature.Attribute} methods must be declared in a partial class, struct or record");
                    ok = false;
                    continue;
                }
                if (!type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>()
                        .Any(t => t.Modifiers.Any(SyntaxKind.PartialKeyword)))
                {
                    Report(diagnostics, TypeLocation(syntax, type), $"The type '{type.Name}' containing '{method.Name}' must be declared partial so that '{GeneratedName(method, compilation)}' can be generated inside it");
                    ok = false;
                }
                // IsGenericType is also true for a type nested in a generic one: that one declares no type parameter of
                // its own, and its generic container is reported at its own declaration.
                if (type.TypeParameters.Length > 0)
                {
                    Report(diagnostics, TypeLocation(syntax, type), $"The type '{type.Name}' containing '{method.Name}' is generic; networks are generated only in non-generic types");
                    ok = false;
                }
                if (type.IsFileLocal)
                {
                    // A partial declaration in our generated file would be another type, so the user's code could not see the network.
                    Report(diagnostics, TypeLocation(syntax, type), $"The type '{type.Name}' containing '{method.Name}' is file-local; networks are generated in another file, which cannot extend it");
                    ok = false;
                }
                types.Insert(0, new TypeDeclarationInfo(Keyword(declaration), type.Name));
            }
            if (method.IsGenericMethod)
            {
                Report(diagnostics, syntax.TypeParameterList?.GetLocation() ?? syntax.Identifier.GetLocation(),
                    $"The method '{method.Name}' is generic; a {feature.Inputs}");
                ok = false;
            }
            if (!ok) return null;
            var ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
            return new HierarchyInfo(ns, new EquatableArray<TypeDeclarationInfo>(types.ToArray()));
        }

        /// <summary>
        /// Where a CHEAP002 about <paramref name="type"/> points: its declaration around the method, else the method's
        /// name. Made only when reported (a Location per containing type of every method was most of this check's cost).
        /// </summary>
        private static Location TypeLocation(MethodDeclarationSyntax syntax, INamedTypeSymbol type)
        {
            // The declarations around the method, outermost first, declare its containing types in order: the one at
            // the type's nesting depth is its own. Matching by name put an outer A's report on the nested A of A.B.A,
            // where "Make partial" fixed the wrong declaration and the outer one never.
            int depth = 0;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType) depth++;
            var declarations = syntax.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().ToList();
            if (depth >= declarations.Count || declarations[depth].Identifier.Text != type.Name) return syntax.Identifier.GetLocation();
            // An extension block has no identifier (a default token, whose location is None: the report had no place in
            // the source): its keyword stands for it.
            var own = declarations[depth];
            return own.Identifier.Span.IsEmpty ? own.Keyword.GetLocation() : own.Identifier.GetLocation();
        }

        /// <summary>
        /// How a diagnostic names a type: its name, or for an unnamed one (a C# 14 extension block) its declaration's head
        /// as written, <c>extension(double d)</c>; an empty name used to print as ''.
        /// </summary>
        public static string TypeName(INamedTypeSymbol type)
        {
            if (type.Name.Length > 0) return type.Name;
            if (type.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is TypeDeclarationSyntax declaration)
                return declaration.Keyword.ValueText + (declaration.ParameterList?.ToString() ?? "");
            return type.ToDisplayString();
        }

        /// <summary>
        /// Gives <paramref name="parameters"/> (typed by the feature's front end) the method's default values, so Deep(...) and
        /// Flat(...) compile wherever the method's call does (Deep(1) for F(1)). Only the trailing optional parameters:
        /// [Optional] may mark a parameter before a required one, which C# syntax cannot repeat. A partial method's defaults
        /// are written on its defining declaration, and so are the parameter names its callers use, which the evaluators take too.
        /// </summary>
        public static void TakeDefaults(IMethodSymbol method, ParameterSpec[] parameters)
        {
            var declared = method.PartialDefinitionPart ?? method;
            // Callers name a partial method's parameters as its defining declaration does (F(a: 1)); the implementing one may
            // name them otherwise, and Deep(a: 1) was CS1739 with its names. The network reads inputs by position.
            for (int i = 0; i < parameters.Length && i < declared.Parameters.Length; i++)
                if (parameters[i].Name != declared.Parameters[i].Name) parameters[i] = parameters[i] with { Name = declared.Parameters[i].Name };
            for (int i = parameters.Length - 1; i >= 0 && declared.Parameters[i] is { IsOptional: true, RefKind: RefKind.None, IsParams: false } p; i--)
            {
                if (Literals.Constant(p.HasExplicitDefaultValue ? p.ExplicitDefaultValue : null, parameters[i].Type) is not { } value) break;
                parameters[i] = parameters[i] with { Default = value };
            }
        }

        /// <summary>
        /// Where parameter <paramref name="i"/>'s default value is written (the value after '='), on the defining
        /// declaration of a partial method, where C# takes defaults from; <paramref name="fallback"/> when there is no
        /// such syntax ([Optional, DefaultParameterValue(…)], or metadata).
        /// </summary>
        public static Location DefaultLocation(IMethodSymbol method, int i, Location fallback)
            => ((method.PartialDefinitionPart ?? method).Parameters[i].DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as ParameterSyntax)?.Default?.Value.GetLocation()
               ?? fallback;

        /// <summary>
        /// CHEAP015 for each default value the scalar evaluators repeat (<see cref="TakeDefaults"/>) that lies outside the
        /// input box: NaN, ±∞, or |value| above <paramref name="inputBound"/>, compared as the generated input check
        /// compares (<c>!(Math.Abs(x) &lt;= R)</c>, a float default as the float it is). A call of the evaluators
        /// (<paramref name="evaluators"/>, e.g. "FNetwork.Deep") that leaves the parameter out then throws
        /// (<paramref name="checkInputs"/>), returns NaN, or evaluates where no bound is proven: the method itself works,
        /// so this is a warning. <paramref name="parameters"/> are the front end's, defaults taken; <paramref name="syntax"/> is
        /// the declaration the front end read.
        /// </summary>
        public static IEnumerable<Diagnostic> DefaultsOutsideBox(IMethodSymbol method, IReadOnlyList<ParameterSpec> parameters, double inputBound, bool checkInputs,
                                                                 string evaluators, MethodDeclarationSyntax syntax)
        {
            var declared = method.PartialDefinitionPart ?? method;
            for (int i = 0; i < parameters.Count && i < declared.Parameters.Length; i++)
            {
                if (parameters[i].Default is not { } text) continue;
                var p = declared.Parameters[i];
                double value = !p.HasExplicitDefaultValue ? 0.0 : p.ExplicitDefaultValue switch
                {
                    double d => d,
                    float f => f,
                    _ => 0.0,   // not a number (a bool or int bit): no box to leave
                };
                if (Math.Abs(value) <= inputBound) continue;
                string outcome = !Numeric.IsFinite(value) ? "returns NaN"
                    : checkInputs ? "throws ArgumentOutOfRangeException"
                    : "evaluates outside the box, where no error bound is proven (CheckInputs = false)";
                // [Optional, DefaultParameterValue(…)] has no '= value': at the parameter.
                var fallback = (i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i].GetLocation() : null) ?? syntax.Identifier.GetLocation();
                yield return Diagnostic.Create(DiagnosticDescriptors.DefaultOutsideInputBound, DefaultLocation(method, i, fallback),
                                               p.Name, text, Literals.Short(inputBound), evaluators, outcome);
            }
        }

        /// <summary>The target of generated code, or null when a check failed or any error was reported.</summary>
        public static TargetInfo? Target(IMethodSymbol method, HierarchyInfo? hierarchy, ParameterSpec[]? parameters, Compilation compilation, List<Diagnostic> diagnostics)
            => hierarchy is null || parameters is null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
                ? null
                : new TargetInfo(hierarchy, method.Name, Accessibility(method.DeclaredAccessibility), new EquatableArray<ParameterSpec>(parameters))
                {
                    HidesInherited = InheritsNetworkName(method.ContainingType, method.Name, compilation),
                };

        /// <summary>
        /// Whether <paramref name="type"/> inherits a member named like <paramref name="method"/>'s network class (<c>FNetwork</c>) it can see: one a class of
        /// that name declared in it hides (CS0108 without <c>new</c>; <c>new</c> without one is CS0109, so both directions
        /// matter). A base class's annotated F counts: its generated FNetwork, with F's accessibility, is not in the
        /// compilation the generator reads.
        /// </summary>
        public static bool InheritsNetworkName(INamedTypeSymbol type, string method, Compilation compilation)
            => InheritsVisible(type, method + "Network", b => b.GetMembers(method).Where(m => m is IMethodSymbol annotated && IsAnnotated(annotated, compilation)));

        /// <summary>
        /// Whether a class named <paramref name="name"/> declared in <paramref name="type"/> hides an inherited member it can see
        /// (see <see cref="InheritsNetworkName"/>): a base type's member of that name, or one <paramref name="generatedIn"/> says a
        /// generator adds to that base (its symbol stands for the generated member's accessibility).
        /// </summary>
        public static bool InheritsVisible(INamedTypeSymbol type, string name, Func<INamedTypeSymbol, IEnumerable<ISymbol>> generatedIn)
        {
            for (var b = type.BaseType; b is not null; b = b.BaseType)
                foreach (var member in b.GetMembers(name).Concat(generatedIn(b)))
                {
                    bool visible = member.DeclaredAccessibility switch
                    {
                        Microsoft.CodeAnalysis.Accessibility.Public or Microsoft.CodeAnalysis.Accessibility.Protected
                            or Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => true,
                        Microsoft.CodeAnalysis.Accessibility.Internal or Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal
                            => SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, type.ContainingAssembly) || member.ContainingAssembly.GivesAccessTo(type.ContainingAssembly),
                        // A private member is visible to types nested in its own (class Inner : Outer inside Outer): CS0108 there too.
                        Microsoft.CodeAnalysis.Accessibility.Private => IsNestedIn(type, member.ContainingType),
                        _ => false,
                    };
                    if (visible && !member.IsImplicitlyDeclared) return true;
                }
            return false;
        }

        private static bool IsNestedIn(INamedTypeSymbol type, INamedTypeSymbol? outer)
        {
            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, outer?.OriginalDefinition)) return true;
            return false;
        }

        /// <summary>The keyword that re-declares a containing type in a partial declaration.</summary>
        public static string Keyword(TypeDeclarationSyntax declaration) => declaration switch
        {
            RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
            RecordDeclarationSyntax => "record",
            StructDeclarationSyntax => "struct",
            _ => "class",
        };

        /// <summary>
        /// CHEAP003 unless the method is static. An instance method of a static class is refused silently: C# reports CS0708
        /// at its name, and "must be static" there would only repeat it.
        /// </summary>
        public static bool IsStatic(IMethodSymbol method, MethodDeclarationSyntax syntax, List<Diagnostic> diagnostics)
        {
            if (method.IsStatic) return true;
            if (method.ContainingType is not { IsStatic: true })
                Signature(diagnostics, syntax.Identifier.GetLocation(), $"'{method.Name}' must be static: its network depends on its parameters only");
            return false;
        }

        /// <summary>
        /// CHEAP003 when an earlier annotated overload (of any feature: both generate <c>&lt;Method&gt;Network</c>)
        /// or a member of the user's already has the generated class's name; also at this feature's attribute
        /// (<paramref name="attributeName"/>) when the method carries the other network attribute before it:
        /// [PolynomialNetwork] and [BitNetwork] on one method both generated <c>&lt;Method&gt;Network</c>, and the two
        /// classes clashed in the generated files (CS0102, CS0111) with no word from us. The first one in the source
        /// builds; the later one is refused.
        /// </summary>
        public static bool OwnsGeneratedName(IMethodSymbol method, MethodDeclarationSyntax syntax, string overloadLabel, string attributeName, Compilation compilation,
                                             List<Diagnostic> diagnostics)
        {
            // A [Hamiltonian] alone generates no <Method>Network: its class gets T.Classifier (checked by the classifier).
            if (!IsAnnotated(method, compilation)) return true;
            bool ok = true;
            if (EarlierNetworkAttribute(method, attributeName, compilation) is { } both)
            {
                Signature(diagnostics, both.Own, $"'{method.Name}' is also marked [{Short(both.Other)}], which comes first and generates '{method.Name}Network' too; a method takes one network attribute. Remove one of them");
                ok = false;
            }
            // Not one the compiler declares: the static method standing for an annotated method of a C# 14 extension block
            // generates nothing (that one is CHEAP002), so it was a false "comes first" on the class's own method.
            var clash = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
                .Where(m => !SymbolEqualityComparer.Default.Equals(m, method) && !m.IsImplicitlyDeclared && !IsOtherPart(m, method) && IsAnnotated(m, compilation))
                .Any(m => Precedes(m.Locations.FirstOrDefault(), method.Locations.FirstOrDefault()));
            if (clash)
            {
                Signature(diagnostics, syntax.Identifier.GetLocation(), $"Another {overloadLabel} overload of '{method.Name}' comes first; both would generate '{method.Name}Network'. Rename one of them");
                ok = false;
            }
            if (method.ContainingType.Name == method.Name + "Network")
            {
                // C# forbids a member named like its enclosing type (CS0542 in the generated file, no word from us before).
                Signature(diagnostics, syntax.Identifier.GetLocation(), $"'{method.Name}' is declared in a type named '{method.Name}Network', the name of the generated class, which cannot be nested in a type of its own name. Rename the method or the type");
                ok = false;
            }
            else if (DeclaresMember(method.ContainingType, method.Name + "Network"))
            {
                Signature(diagnostics, syntax.Identifier.GetLocation(), $"'{method.ContainingType.Name}' already declares a member '{method.Name}Network', the name of the generated class");
                ok = false;
            }
            return ok;
        }

        /// <summary>
        /// The place of this feature's attribute and the other network attribute's name when the method (either part of a
        /// partial method) carries both and the other comes first in the source; null otherwise.
        /// </summary>
        private static (Location Own, string Other)? EarlierNetworkAttribute(IMethodSymbol method, string attributeName, Compilation compilation)
        {
            Location? own = null, other = null;
            string? otherName = null;
            foreach (var part in new[] { method, method.PartialDefinitionPart, method.PartialImplementationPart })
            {
                if (part is null) continue;
                foreach (var attribute in part.GetAttributes())
                {
                    string? name = IsOurs(attribute, PolynomialAttributeName, compilation) ? PolynomialAttributeName
                        : IsOurs(attribute, BitAttributeName, compilation) ? BitAttributeName : null;
                    if (name is null) continue;
                    var location = attribute.ApplicationSyntaxReference is { } reference ? Location.Create(reference.SyntaxTree, reference.Span) : null;
                    if (location is null) continue;
                    if (name == attributeName) { if (own is null || Precedes(location, own)) own = location; }
                    else if (other is null || Precedes(location, other)) { other = location; otherName = name; }
                }
            }
            return own is not null && other is not null && Precedes(other, own) ? (own, otherName!) : null;
        }

        /// <summary>
        /// How a message names the attribute the method carries: <c>[Hamiltonian]</c> for a classifier's Hamiltonian, which
        /// is read by the polynomial or bit front end, <c>[PolynomialNetwork]</c> or <c>[BitNetwork]</c> otherwise.
        /// </summary>
        public static string Label(AttributeData attribute, string feature)
            => attribute.AttributeClass?.ToDisplayString() is { } name && name.StartsWith("CheapLearning.", StringComparison.Ordinal) ? "[" + Short(name) + "]" : feature;

        /// <summary>An attribute's name as written without its namespace and suffix: CheapLearning.BitNetworkAttribute → BitNetwork.</summary>
        private static string Short(string attributeName)
        {
            string name = attributeName.Substring(attributeName.LastIndexOf('.') + 1);
            return name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        /// <summary>
        /// Whether declaration <paramref name="a"/> comes before <paramref name="b"/>: by file path, then position. Positions
        /// alone compared offsets in different files, so two overloads at the same offset of two files were neither reported
        /// and both generated 'FNetwork' under one hint name (the generator threw: CS8785).
        /// </summary>
        private static bool Precedes(Location? a, Location? b)
        {
            if (a is null || b is null) return false;
            int files = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
            return files < 0 || (files == 0 && a.SourceSpan.Start < b.SourceSpan.Start);
        }

        /// <summary>
        /// Whether the user's code (not ours) declares a member <paramref name="name"/> in <paramref name="type"/>. Members the
        /// compiler declares for the user's code count too: a static method of a C# 14 extension block is also a static method
        /// of the class around it (implicitly declared, at the block's method), and the generated class clashed with it (CS0102
        /// at the user's method, no word from us).
        /// </summary>
        public static bool DeclaresMember(INamedTypeSymbol type, string name)
            => type.GetMembers(name).Any(m => m.Locations.Any(l => l.IsInSource && !IsGenerated(l)));

        /// <summary>
        /// Whether C# could not bind <paramref name="type"/> (a misspelt or missing type, CS0246): C# reports it at the type,
        /// so a feature's "has type 'Dbl'" there would only repeat it (the signature is still refused, silently).
        /// </summary>
        public static bool IsUnbound(ITypeSymbol type) => type switch
        {
            IErrorTypeSymbol => true,
            IArrayTypeSymbol array => IsUnbound(array.ElementType),
            IPointerTypeSymbol pointer => IsUnbound(pointer.PointedAtType),
            INamedTypeSymbol named => named.TypeArguments.Any(IsUnbound),
            _ => false,
        };

        /// <summary>CHEAP003 with a message.</summary>
        public static void Signature(List<Diagnostic> diagnostics, Location location, string message)
            => diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedSignature, location, message));

        private static void Report(List<Diagnostic> diagnostics, Location location, string message)
            => diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.CannotReceiveMembers, location, message));

        /// <summary>What is generated for <paramref name="method"/>: its network class, or for a [Hamiltonian] its classifier.</summary>
        private static string GeneratedName(IMethodSymbol method, Compilation compilation) => IsAnnotated(method, compilation) ? method.Name + "Network" : "Classifier";

        /// <summary>The two declarations of one partial method are one method, not overloads.</summary>
        private static bool IsOtherPart(IMethodSymbol m, IMethodSymbol method)
            => SymbolEqualityComparer.Default.Equals(m.PartialImplementationPart, method) || SymbolEqualityComparer.Default.Equals(m.PartialDefinitionPart, method)
               || SymbolEqualityComparer.Default.Equals(m, method.PartialDefinitionPart) || SymbolEqualityComparer.Default.Equals(m, method.PartialImplementationPart);

        /// <summary>Whether <paramref name="m"/> carries our [PolynomialNetwork] or [BitNetwork] (<see cref="IsOurs"/>), so a network is generated for it.</summary>
        private static bool IsAnnotated(IMethodSymbol m, Compilation compilation)
            => m.GetAttributes().Concat(m.PartialDefinitionPart?.GetAttributes() ?? System.Collections.Immutable.ImmutableArray<AttributeData>.Empty)
                .Any(a => IsOurs(a, PolynomialAttributeName, compilation) || IsOurs(a, BitAttributeName, compilation));

        private static bool IsGenerated(Location location) => location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;
    }
}
