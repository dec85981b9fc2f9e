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
    /// Reports the diagnostics of <c>[BitNetwork]</c> methods (CHEAP002/003/005, CHEAP020–025), running the
    /// generator's own front end and planner so that it reports exactly what the generator does.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BitNetworkAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.CannotReceiveMembers,
            DiagnosticDescriptors.UnsupportedSignature,
            DiagnosticDescriptors.InvalidArgument,
            DiagnosticDescriptors.InternalError,
            DiagnosticDescriptors.NotABitParameter,
            DiagnosticDescriptors.NotBitAlgebra,
            DiagnosticDescriptors.NotAFunctionOfBits,
            DiagnosticDescriptors.FlatBitNetworkTooLarge,
            DiagnosticDescriptors.DigitsUnreachable,
            DiagnosticDescriptors.BitNetworkTooLarge);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = start.Compilation.GetTypeByMetadataName(BitFrontEnd.AttributeName);
                if (attributeType is null) return;
                start.RegisterSyntaxNodeAction(c => AnalyzeMethod(c, attributeType), SyntaxKind.MethodDeclaration);
            });
        }

        private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
        {
            var syntax = (MethodDeclarationSyntax)context.Node;
            if (syntax.AttributeLists.Count == 0) return;
            if (context.SemanticModel.GetDeclaredSymbol(syntax, context.CancellationToken) is not { } method) return;
            var attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
            if (attribute is null) return;
            if (method.PartialImplementationPart is not null && syntax.Body is null && syntax.ExpressionBody is null) return;

            var (spec, diagnostics) = BitFrontEnd.Analyze(method, syntax, attribute, context.SemanticModel, context.CancellationToken);
            foreach (var d in diagnostics) context.ReportDiagnostic(d);
            if (spec is null) return;

            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
            Location At(string argument) => attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == argument)?.GetLocation()
                                            ?? attributeSyntax?.GetLocation() ?? syntax.Identifier.GetLocation();
            try
            {
                var plan = BitNetworkPlanner.Plan(spec.Graph, spec.Options, context.CancellationToken);
                if (plan.FlatOverBudget)
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FlatBitNetworkTooLarge, At("Form"),
                        method.Name, plan.FlatNeuronText, spec.Options.MaxFlatNeurons.ToString(CultureInfo.InvariantCulture),
                        plan.Deep.Network.Neurons.ToString(CultureInfo.InvariantCulture)));
                foreach (var (form, name) in new[] { (plan.Deep, "deep"), (plan.Flat, "flat") })
                {
                    if (form is null || form.DigitsReached) continue;
                    double bound = form.Network.ErrorBound;
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DigitsUnreachable, At("Digits"),
                        spec.Options.Digits.ToString(CultureInfo.InvariantCulture), name, method.Name,
                        bound.ToString("G3", CultureInfo.InvariantCulture),
                        Math.Max(0, Math.Floor(-Math.Log10(bound))).ToString(CultureInfo.InvariantCulture)));
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (BitNetworkTooLargeException e)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BitNetworkTooLarge, syntax.Identifier.GetLocation(),
                    method.Name, e.Limit.ToString("N0", CultureInfo.InvariantCulture)));
            }
            catch (Exception e)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, syntax.Identifier.GetLocation(), method.Name, e.GetType().Name + ": " + e.Message));
            }
        }
    }
}
