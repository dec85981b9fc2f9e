using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using CheapLearning.Generator.Construction;
using CheapLearning.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator.Diagnostics
{
    /// <summary>
    /// Reports every CheapLearning diagnostic for <c>[PolynomialNetwork]</c> methods, in the build and
    /// the IDE (a separate analyzer, as the incremental-generator cookbook advises: #pragma and
    /// .editorconfig severities apply as to any analyzer). It runs the generator's own front end and
    /// construction, so what it reports is exactly what the generator does.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PolynomialNetworkAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.NotAPolynomial,
            DiagnosticDescriptors.CannotReceiveMembers,
            DiagnosticDescriptors.UnsupportedSignature,
            DiagnosticDescriptors.ToleranceUnreachable,
            DiagnosticDescriptors.InvalidArgument,
            DiagnosticDescriptors.TooLargeToExpand,
            DiagnosticDescriptors.InternalError,
            DiagnosticDescriptors.FlatFormTooLarge,
            DiagnosticDescriptors.FlatBudgetBelowMinimum,
            DiagnosticDescriptors.NetworkSizes,
            DiagnosticDescriptors.FlatFormUnavailable,
            DiagnosticDescriptors.HiddenLayersNotHonored);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(MethodFrontEnd.PolynomialAttributeName);
                if (attributeType is null) return;
                int maxTerms = Generator.Settings.MaxExpandedTerms(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
                start.RegisterSyntaxNodeAction(c => AnalyzeMethod(c, attributeType, maxTerms), SyntaxKind.MethodDeclaration);
                start.RegisterSyntaxNodeAction(c => AnalyzeLocalFunction(c, attributeType), SyntaxKind.LocalFunctionStatement);
            });
        }

        private static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
            => symbol.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

        private static void AnalyzeLocalFunction(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
        {
            var syntax = (LocalFunctionStatementSyntax)context.Node;
            if (syntax.AttributeLists.Count == 0) return;
            if (context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not IMethodSymbol symbol) return;
            if (FindAttribute(symbol, attributeType) is null) return;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CannotReceiveMembers, syntax.Identifier.GetLocation(),
                $"'{symbol.Name}' is a local function; networks are generated only for static methods of partial types"));
        }

        private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, int maxTerms)
        {
            var syntax = (MethodDeclarationSyntax)context.Node;
            if (syntax.AttributeLists.Count == 0) return;
            if (context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method) return;
            var attribute = FindAttribute(method, attributeType);
            if (attribute is null) return;
            // Partial methods have two declarations; analyze the one with the body only.
            if (method.PartialImplementationPart is not null && syntax.Body is null && syntax.ExpressionBody is null) return;

            var (spec, diagnostics) = MethodFrontEnd.Analyze(method, syntax, attribute, context.SemanticModel, maxTerms, context.CancellationToken);
            foreach (var d in diagnostics) context.ReportDiagnostic(d);
            if (spec is null) return;

            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
            try
            {
                var deep = DepthPlanner.Plan(spec.Graph, spec.Options, context.CancellationToken);
                if (deep.Expanded is null)
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TooLargeToExpand, syntax.Identifier.GetLocation(),
                        method.Name, spec.Options.MaxExpandedTerms.ToString(CultureInfo.InvariantCulture)));
                double allowed = spec.Options.Tolerance * deep.Scale;
                FlatDiagnostics.Report(context.ReportDiagnostic, spec, deep, syntax, attributeSyntax,
                    context.Options.AnalyzerConfigOptionsProvider.GetOptions(syntax.SyntaxTree),
                    context.Options.AnalyzerConfigOptionsProvider.GlobalOptions, context.CancellationToken);
                // An infinite (or NaN) bound guarantees nothing, even when S overflowed too (τ·∞ = ∞ used to
                // let ∞ ≤ ∞ pass silently, e.g. degree 4 with InputBound = 1e100): always warn.
                bool vacuous = double.IsInfinity(deep.Network.ErrorBound) || double.IsNaN(deep.Network.ErrorBound);
                if (spec.Options.Form != NetworkForm.Flat && (!(deep.Network.ErrorBound <= allowed) || vacuous))
                {
                    var location = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Tolerance")?.GetLocation()
                                   ?? attributeSyntax?.GetLocation() ?? syntax.Identifier.GetLocation();
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ToleranceUnreachable, location,
                        G(spec.Options.Tolerance), method.Name, spec.Options.Activation.ToString(),
                        G(deep.Network.ErrorBound), G(deep.Scale),
                        vacuous ? "none: values overflow double precision on this input box (lower InputBound)" : G(RoundUp(deep.ReachableTolerance))));
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception e)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, syntax.Identifier.GetLocation(), method.Name, e.GetType().Name + ": " + e.Message));
            }
        }

        private static string G(double d) => d.ToString("G3", CultureInfo.InvariantCulture);

        /// <summary>A tolerance the user can write: the reachable one rounded up to two significant digits.</summary>
        private static double RoundUp(double t)
        {
            if (!(t > 0) || double.IsInfinity(t)) return t;
            double scale = Math.Pow(10, Math.Floor(Math.Log10(t)) - 1);
            return Math.Ceiling(t / scale) * scale;
        }
    }
}
