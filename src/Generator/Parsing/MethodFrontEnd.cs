using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CheapLearning.Generator.Algebra;
using CheapLearning.Generator.Diagnostics;
using CheapLearning.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.Generator.Parsing
{
    /// <summary>
    /// Checks an annotated method (signature, containing types, attribute arguments) and parses its
    /// body. Shared by the generator (which keeps the spec) and the analyzer (which reports the
    /// diagnostics), so both always agree on what is valid.
    /// </summary>
    internal static class MethodFrontEnd
    {
        public const string PolynomialAttributeName = "CheapLearning.PolynomialNetworkAttribute";

        public static (MethodSpec? Spec, List<Diagnostic> Diagnostics) Analyze(
            IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, SemanticModel model,
            int maxExpandedTerms, CancellationToken ct)
        {
            var diagnostics = new List<Diagnostic>();
            var options = ReadOptions(attribute, maxExpandedTerms, diagnostics, ct);
            var hierarchy = CheckContainers(method, syntax, diagnostics);
            var parameters = CheckSignature(method, syntax, diagnostics);

            ExprGraph? graph = null;
            if (parameters is not null)
            {
                var builder = new ExprBuilder(method.Parameters.Length);
                var parser = new PolynomialParser(model, method, builder, diagnostics, ct);
                var result = parser.ParseBody(syntax);
                if (builder.Overflowed)
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NotAPolynomial, syntax.Identifier.GetLocation(),
                        "An expression with this many distinct products", "more than 100000 distinct products and powers"));
                else if (result is not null) graph = builder.Build(result);
            }
            if (graph is null || hierarchy is null || options is null || parameters is null || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                return (null, diagnostics);
            var spec = new MethodSpec(hierarchy, method.Name, Accessibility(method.DeclaredAccessibility),
                new EquatableArray<ParameterSpec>(parameters), graph, options) { FilePath = syntax.SyntaxTree.FilePath };
            return (spec, diagnostics);
        }

        internal static string Accessibility(Microsoft.CodeAnalysis.Accessibility a) => a switch
        {
            Microsoft.CodeAnalysis.Accessibility.Public => "public",
            Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
            Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
            Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
            Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
            _ => "private",
        };

        internal static HierarchyInfo? CheckContainers(IMethodSymbol method, MethodDeclarationSyntax syntax, List<Diagnostic> diagnostics)
        {
            var types = new List<TypeDeclarationInfo>();
            bool ok = true;
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                var declaration = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>().FirstOrDefault();
                var location = syntax.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t.Identifier.Text == type.Name)?.Identifier.GetLocation()
                               ?? syntax.Identifier.GetLocation();
                if (declaration is null || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.CannotReceiveMembers, location,
                        $"'{type.Name}' is a {type.TypeKind.ToString().ToLowerInvariant()}; [PolynomialNetwork] methods must be declared in a partial class, struct or record"));
                    ok = false;
                    continue;
                }
                if (!type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<TypeDeclarationSyntax>()
                        .Any(t => t.Modifiers.Any(SyntaxKind.PartialKeyword)))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.CannotReceiveMembers, location,
                        $"The type '{type.Name}' containing '{method.Name}' must be declared partial so that '{method.Name}Network' can be generated inside it"));
                    ok = false;
                }
                if (type.IsGenericType)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.CannotReceiveMembers, location,
                        $"The type '{type.Name}' containing '{method.Name}' is generic; networks are generated only in non-generic types"));
                    ok = false;
                }
                string keyword = declaration switch
                {
                    RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
                    RecordDeclarationSyntax => "record",
                    StructDeclarationSyntax => "struct",
                    _ => "class",
                };
                types.Insert(0, new TypeDeclarationInfo(keyword, type.Name));
            }
            if (method.IsGenericMethod)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.CannotReceiveMembers, syntax.TypeParameterList?.GetLocation() ?? syntax.Identifier.GetLocation(),
                    $"The method '{method.Name}' is generic; a polynomial network has fixed double inputs"));
                ok = false;
            }
            if (!ok) return null;
            var ns = method.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
            return new HierarchyInfo(ns, new EquatableArray<TypeDeclarationInfo>(types.ToArray()));
        }

        private static ParameterSpec[]? CheckSignature(IMethodSymbol method, MethodDeclarationSyntax syntax, List<Diagnostic> diagnostics)
        {
            bool ok = true;
            if (!method.IsStatic)
            {
                Report(diagnostics, syntax.Identifier.GetLocation(), $"'{method.Name}' must be static: its network depends on its parameters only");
                ok = false;
            }
            if (method.ReturnType.SpecialType != SpecialType.System_Double)
            {
                Report(diagnostics, syntax.ReturnType.GetLocation(), $"'{method.Name}' returns '{method.ReturnType.ToDisplayString()}'; a [PolynomialNetwork] method returns double");
                ok = false;
            }
            var parameters = new ParameterSpec[method.Parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
            {
                var p = method.Parameters[i];
                var pSyntax = syntax.ParameterList.Parameters.Count > i ? syntax.ParameterList.Parameters[i] : null;
                var location = pSyntax?.GetLocation() ?? syntax.Identifier.GetLocation();
                if (p.RefKind != RefKind.None || p.IsParams)
                {
                    Report(diagnostics, location, $"The parameter '{p.Name}' is passed {(p.IsParams ? "as params" : "by reference")}; polynomial inputs are double or float values");
                    ok = false;
                }
                else if (p.Type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single))
                {
                    Report(diagnostics, pSyntax?.Type?.GetLocation() ?? location, $"The parameter '{p.Name}' has type '{p.Type.ToDisplayString()}'; polynomial inputs are double or float");
                    ok = false;
                }
                parameters[i] = new ParameterSpec(p.Name, p.Type.SpecialType == SpecialType.System_Single ? "float" : "double");
            }
            // Two annotated methods with one name would generate the same nested class.
            var clash = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
                .Where(m => !SymbolEqualityComparer.Default.Equals(m, method) && HasAttribute(m))
                .Any(m => m.Locations.FirstOrDefault()?.SourceSpan.Start < method.Locations.FirstOrDefault()?.SourceSpan.Start);
            if (clash)
            {
                Report(diagnostics, syntax.Identifier.GetLocation(), $"Another [PolynomialNetwork] overload of '{method.Name}' comes first; both would generate '{method.Name}Network'. Rename one of them");
                ok = false;
            }
            if (method.ContainingType.GetMembers(method.Name + "Network").Any(m => !m.IsImplicitlyDeclared && m.Locations.Any(l => l.IsInSource && !IsGenerated(l))))
            {
                Report(diagnostics, syntax.Identifier.GetLocation(), $"'{method.ContainingType.Name}' already declares a member '{method.Name}Network', the name of the generated class");
                ok = false;
            }
            return ok ? parameters : null;
        }

        private static bool IsGenerated(Location location) => location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

        private static bool HasAttribute(IMethodSymbol m)
            => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == PolynomialAttributeName);

        private static void Report(List<Diagnostic> diagnostics, Location location, string message)
            => diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnsupportedSignature, location, message));

        private static NetworkOptions? ReadOptions(AttributeData attribute, int maxExpandedTerms, List<Diagnostic> diagnostics, CancellationToken ct)
        {
            var o = NetworkOptions.Default with { MaxExpandedTerms = maxExpandedTerms };
            bool ok = true;
            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(ct) as AttributeSyntax;
            foreach (var named in attribute.NamedArguments)
            {
                var value = named.Value.Value;
                Location location = attributeSyntax?.ArgumentList?.Arguments
                    .FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == named.Key)?.Expression.GetLocation()
                    ?? attributeSyntax?.GetLocation() ?? Location.None;
                string? error = null;
                switch (named.Key)
                {
                    case "Form" when value is int form:
                        if (form is < 0 or > 2) error = $"Form = {form} is not a NetworkForm (Deep, Flat or Both)";
                        else o = o with { Form = (NetworkForm)form };
                        break;
                    case "Activation" when value is int activation:
                        if (activation is < 0 or > 3) error = $"Activation = {activation} is not an Activation (Softplus, Sigmoid, Tanh or Exp)";
                        else o = o with { Activation = (Activation)activation };
                        break;
                    case "InputBound" when value is double bound:
                        // Below 1e-100 gate weights underflow to 0 (λ ~ 1/R, output weights ~ R²) and the layered
                        // network referenced neurons that do not exist (found by the random programs with 1e-300).
                        if (!(bound >= 1e-100) || double.IsInfinity(bound) || bound > 1e100) error = $"InputBound = {Format(bound)} must be a finite number between 1e-100 and 1e100";
                        else o = o with { InputBound = bound };
                        break;
                    case "Tolerance" when value is double tolerance:
                        if (!(tolerance > 0) || double.IsInfinity(tolerance)) error = $"Tolerance = {Format(tolerance)} must be a positive finite number";
                        else o = o with { Tolerance = tolerance };
                        break;
                    case "MaxFlatNeurons" when value is int max:
                        if (max < 0) error = $"MaxFlatNeurons = {max} must not be negative";
                        else o = o with { MaxFlatNeurons = max, MaxFlatNeuronsExplicit = true };
                        break;
                    case "HiddenLayers" when value is int layers:
                        if (layers < 0) error = $"HiddenLayers = {layers} must not be negative (0 means no limit)";
                        else o = o with { HiddenLayers = layers };
                        break;
                    case "CheckInputs" when value is bool check:
                        o = o with { CheckInputs = check };
                        break;
                }
                if (error is not null)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidArgument, location, error));
                    ok = false;
                }
            }
            return ok ? o : null;
        }

        private static string Format(double d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}
